// The inbound rules on constructed objects: which door, which rule, which
// node, and the source the pod sees — no question text, no snapshot.
import { decide } from '../../src/inbound/decide';
import type { InboundFacts } from '../../src/inbound/facts';
import { narrate } from '../../src/inbound/narrate';
import type { InboundSubjects } from '../../src/inbound/resolve';
import type { Frontend, LbRule, LoadBalancer, PublicIp } from '../../src/inventory/azure-model';
import type { EndpointSlice, Ingress, Node, Pod, Route, Service } from '../../src/inventory/k8s-types';
import type { FrontendHit } from '../../src/path/lb';

const node = (name: string, ip: string): Node => ({
  metadata: { name },
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});
const pod = (ns: string, name: string, ip: string, nodeName: string, hostNetwork = false): Pod => ({
  metadata: { namespace: ns, name },
  spec: { nodeName, hostNetwork },
  status: { phase: 'Running', podIP: ip },
});
const slice = (ns: string, svc: string, eps: [Pod, boolean][], ports: EndpointSlice['ports']): EndpointSlice => ({
  metadata: { namespace: ns, name: `${svc}-abc`, labels: { 'kubernetes.io/service-name': svc } },
  endpoints: eps.map(([p, ready]) => ({
    addresses: [p.status!.podIP!],
    conditions: { ready },
    nodeName: p.spec!.nodeName,
    targetRef: { kind: 'Pod', name: p.metadata.name },
  })),
  ports,
});

const routerSvc = (etp = 'Local', ip = '20.0.0.10'): Service => ({
  metadata: { namespace: 'openshift-ingress', name: 'router-default' },
  spec: {
    type: 'LoadBalancer',
    externalTrafficPolicy: etp,
    ports: [
      { name: 'http', port: 80, targetPort: 'http', nodePort: 30080 },
      { name: 'https', port: 443, targetPort: 'https', nodePort: 30443 },
    ],
  },
  status: { loadBalancer: { ingress: ip ? [{ ip }] : [] } },
});
const appSvc: Service = {
  metadata: { namespace: 'project1', name: 'web' },
  spec: { type: 'ClusterIP', clusterIP: '172.30.0.9', ports: [{ port: 8080, targetPort: 8080 }] },
};
const lbSvc = (etp?: string): Service => ({
  metadata: { namespace: 'project1', name: 'web-lb' },
  spec: {
    type: 'LoadBalancer',
    externalTrafficPolicy: etp,
    ports: [{ port: 8080, targetPort: 8080, nodePort: 31000 }],
  },
  status: { loadBalancer: { ingress: [{ ip: '10.0.2.10' }] } },
});
const route = (termination?: string, to = 'web'): Route => ({
  metadata: { namespace: 'project1', name: 'web' },
  spec: { host: 'web-project1.apps.example.com', to: { name: to }, tls: termination ? { termination } : undefined },
});

const workerA = node('worker-a', '10.0.2.4');
const router1 = pod('openshift-ingress', 'router-1', '10.131.0.5', 'worker-a');
const web1 = pod('project1', 'web-1', '10.129.2.7', 'worker-b');

const routerPorts = [
  { name: 'http', port: 80 },
  { name: 'https', port: 443 },
];
const world = (o: { routerReady?: boolean; appReady?: boolean; hostNetwork?: boolean } = {}): InboundFacts => {
  const router = o.hostNetwork ? pod('openshift-ingress', 'router-1', '10.0.2.4', 'worker-a', true) : router1;
  return {
    pods: [router, web1],
    services: [],
    slices: [
      slice('openshift-ingress', 'router-default', [[router, o.routerReady ?? true]], routerPorts),
      slice('project1', 'web', [[web1, o.appReady ?? true]], [{ port: 8080 }]),
      slice('project1', 'web-lb', [[web1, o.appReady ?? true]], [{ port: 8080 }]),
    ],
    endpoints: [],
    nodes: [workerA, node('worker-b', '10.0.2.5')],
    cluster: { kind: 'aro', ingressIps: [], appsDomain: 'apps.example.com' },
  };
};

const rule = (name: string, port: number, floatingIp = true): LbRule => ({
  id: `lb/rules/${name}`,
  name,
  frontendId: 'lb/fe1',
  poolIds: [],
  protocol: 'Tcp',
  frontendPort: port,
  backendPort: port,
  floatingIp,
  disableOutboundSnat: true,
});
const azure = { type: 't', resourceGroup: 'rg', subscription: 'sub' };
const frontend: Frontend = { id: 'lb/fe1', name: 'fe1', publicIpId: 'pip1' };
const publicIp: PublicIp = { ...azure, id: 'pip1', name: 'router-pip', ip: '20.0.0.10' };
const hit = (rules: LbRule[]): FrontendHit => ({
  lb: {
    ...azure,
    id: 'lb',
    name: 'public-lb',
    sku: 'Standard',
    frontends: [frontend],
    pools: [],
    rules,
    outboundRules: [],
    inboundNatRules: [],
    probes: [],
  } as LoadBalancer,
  frontend,
  publicIp,
});

const facts = (
  services: Service[],
  o: Parameters<typeof world>[0] = {},
  rules = [rule('r80', 80), rule('r443', 443)],
) => ({
  ...world(o),
  services,
  frontend: hit(rules),
});

describe('through a route', () => {
  const s: InboundSubjects = { route: route('edge'), clientIp: '203.0.113.9' };

  test('edge TLS: port 443, the router keeps the client (ETP Local) and adds X-Forwarded-For', () => {
    const d = decide(s, facts([routerSvc(), appSvc]));
    expect(d.kind).toBe('via-proxy');
    if (d.kind !== 'via-proxy') return;
    expect(d.proxy).toMatchObject({ kind: 'router', tls: 'edge', headers: true });
    expect(d.entry).toMatchObject({ ip: '20.0.0.10', port: 443, wildcard: '*.apps.example.com' });
    expect(d.lb.rule?.name).toBe('r443');
    expect(d.landing).toMatchObject({ etpLocal: true, nodeIp: '10.0.2.4', frontSrc: '203.0.113.9' });
    expect(d.proxySrc).toBe('10.131.0.5');
    expect(d.appEps.map((e) => e.ip)).toEqual(['10.129.2.7']);

    const r = narrate(d);
    expect(r.seenAs).toEqual(['10.131.0.5']);
    expect(r.clientIp).toBe('xff');
    expect(r.hops.find((h) => h.kind === 'node')?.nat).toEqual({
      kind: 'dnat',
      from: '20.0.0.10:443',
      to: '10.131.0.5:443',
    });
    expect(r.hops.find((h) => h.kind === 'router')?.nat).toEqual({
      kind: 'proxy',
      from: '203.0.113.9',
      to: '10.131.0.5',
    });
    expect(r.hops.at(-1)?.nat).toBeUndefined();
  });

  test('passthrough: no X-Forwarded-For, the client IP is lost', () => {
    const d = decide({ route: route('passthrough') }, facts([routerSvc(), appSvc]));
    expect(d.kind === 'via-proxy' && d.proxy.headers).toBe(false);
    expect(narrate(d).clientIp).toBe('lost');
  });

  test('no TLS: port 80, and the first rule stands in when none matches the port', () => {
    const d = decide({ route: route() }, facts([routerSvc(), appSvc], {}, [rule('only', 8443)]));
    expect(d.kind === 'via-proxy' && [d.entry.port, d.lb.rule?.name]).toEqual([80, 'only']);
  });

  test('a host-network router opens its connections from the node IP', () => {
    const d = decide({ route: route() }, facts([routerSvc(), appSvc], { hostNetwork: true }));
    expect(d.kind === 'via-proxy' && d.proxySrc).toBe('10.0.2.4');
    expect(narrate(d).seenAs).toEqual(['10.0.2.4']);
  });

  test('ETP Cluster on the router (OVN-Kubernetes): the router sees the gateway router join address', () => {
    const d = decide({ route: route() }, facts([routerSvc('Cluster'), appSvc]));
    expect(d.kind === 'via-proxy' && d.landing.frontSrc).toBe('100.64.0.0/16');
  });

  test('ETP Cluster on a kube-proxy cluster: the router sees the node IP', () => {
    const aks = { ...facts([routerSvc('Cluster'), appSvc]), cluster: { kind: 'aks' as const, ingressIps: [] } };
    const d = decide({ route: route() }, aks);
    expect(d.kind === 'via-proxy' && d.landing.frontSrc).toBe('10.0.2.4');
  });

  test('the route points at a Service that does not exist', () => {
    const d = decide({ route: route(undefined, 'gone') }, facts([routerSvc(), appSvc]));
    expect(d).toMatchObject({ kind: 'backend-missing', backendName: 'gone' });
  });

  test('no router Service: the way in is unknown', () => {
    expect(decide({ route: route() }, facts([appSvc])).kind).toBe('front-unknown');
  });

  test('the router Service has no external IP yet', () => {
    expect(decide({ route: route() }, facts([routerSvc('Local', ''), appSvc])).kind).toBe('no-external-ip');
  });

  test('no ready router pods', () => {
    expect(decide({ route: route() }, facts([routerSvc(), appSvc], { routerReady: false })).kind).toBe(
      'no-ready-endpoints',
    );
  });

  test('no ready app pods behind the route: 503', () => {
    const d = decide({ route: route() }, facts([routerSvc(), appSvc], { appReady: false }));
    expect(d.kind).toBe('no-backend-endpoints');
    expect(narrate(d).seenAs).toBeUndefined();
  });
});

describe('a LoadBalancer Service', () => {
  test('ETP Cluster (kube-proxy): DNAT and SNAT on the node, the pod sees the node IP', () => {
    const aks = { ...facts([lbSvc(), appSvc]), cluster: { kind: 'aks' as const, ingressIps: [] } };
    const d = decide({ service: lbSvc() }, aks);
    expect(d.kind).toBe('direct');
    if (d.kind !== 'direct') return;
    expect(d.landing).toMatchObject({ etp: 'Cluster', etpLocal: false, nodeIp: '10.0.2.5', frontSrc: '10.0.2.5' });
    const r = narrate(d);
    // any worker may receive the packet from the load balancer and SNAT it: the pod sees one of their IPs
    expect(r.seenAs).toEqual(['10.0.2.4', '10.0.2.5']);
    expect(r.clientIp).toBe('snat');
    expect(r.hops.find((h) => h.kind === 'node')?.nat).toEqual({
      kind: 'dnat',
      from: '10.0.2.10:8080',
      to: '10.129.2.7:8080',
    });
  });

  test('ETP Cluster on OVN-Kubernetes (ARO): the gateway router join address, not the node IP', () => {
    const d = decide({ service: lbSvc() }, facts([lbSvc(), appSvc]));
    expect(d.kind === 'direct' && d.landing).toMatchObject({ snat: 'ovn-gateway-router', frontSrc: '100.64.0.0/16' });
    expect(narrate(d).seenAs).toEqual(['100.64.0.0/16']);
  });

  test('ETP Local: the pod sees the client', () => {
    const d = decide({ service: lbSvc('Local') }, facts([lbSvc('Local'), appSvc]));
    expect(d.kind === 'direct' && d.landing.frontSrc).toBe('client');
    const r = narrate(d);
    expect([r.seenAs, r.clientIp]).toEqual([['client'], 'kept']);
    const given = narrate(decide({ service: lbSvc('Local'), clientIp: '198.51.100.7' }, facts([lbSvc('Local')])));
    expect(given.seenAs).toEqual(['198.51.100.7']);
  });

  test('a ClusterIP Service is not exposed (the pods behind it named)', () => {
    expect(decide({ service: appSvc }, facts([appSvc]))).toEqual({
      kind: 'not-exposed',
      service: appSvc,
      pods: ['web-1'],
    });
  });
});

describe('through an ingress', () => {
  const controller = (name: string, ip: string): Service => ({
    metadata: { namespace: 'ingress-nginx', name },
    spec: { type: 'LoadBalancer', ports: [{ name: 'http', port: 80 }] },
    status: { loadBalancer: { ingress: [{ ip }] } },
  });
  const ingress = (o: { ip?: string; tls?: boolean; cls?: string } = {}): Ingress => ({
    metadata: { namespace: 'project1', name: 'web' },
    spec: {
      ingressClassName: o.cls,
      rules: [
        {
          host: 'shop.example.com',
          http: { paths: [{ backend: { service: { name: 'web', port: { number: 8080 } } } }] },
        },
      ],
      tls: o.tls ? [{ hosts: ['shop.example.com'] }] : undefined,
    },
    status: { loadBalancer: { ingress: o.ip ? [{ ip: o.ip }] : [] } },
  });

  const ctrl = pod('ingress-nginx', 'controller-1', '10.244.0.7', 'worker-a');
  const withController = (services: Service[]): InboundFacts => {
    const f = facts(services);
    f.pods.push(ctrl);
    f.slices.push(slice('ingress-nginx', 'ingress-nginx-controller', [[ctrl, true]], [{ name: 'http', port: 80 }]));
    return f;
  };

  test('the controller is the LoadBalancer Service carrying the Ingress address', () => {
    const svcs = [controller('other-ingress', '20.0.0.1'), controller('ingress-nginx-controller', '20.0.0.10'), appSvc];
    const d = decide({ ingress: ingress({ ip: '20.0.0.10', tls: true }) }, withController(svcs));
    expect(d.kind).toBe('via-proxy');
    if (d.kind !== 'via-proxy') return;
    expect(d.door.front?.metadata.name).toBe('ingress-nginx-controller');
    expect(d.door.host).toBe('shop.example.com');
    expect(d.proxy).toMatchObject({ kind: 'ingress-controller', tls: 'edge', headers: true, backendPort: 8080 });
  });

  test('without an address yet, the controller is found by its name and class', () => {
    const svcs = [controller('ingress-nginx-controller', '20.0.0.10'), appSvc];
    const d = decide({ ingress: ingress({ cls: 'nginx' }) }, withController(svcs));
    expect(d.kind === 'via-proxy' && d.door.front?.metadata.name).toBe('ingress-nginx-controller');
    expect(narrate(d).seenAs).toEqual(['10.244.0.7']);
    expect(decide({ ingress: ingress({ cls: 'traefik' }) }, withController(svcs)).kind).toBe('front-unknown');
  });
});
