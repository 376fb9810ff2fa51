// The east-west rules on constructed objects: name resolution, the endpoint
// chosen, DNAT at the client's node, same node or not, the cross-node
// transport — no question text, no snapshot.
import { decide, type PathDecision } from '../../src/east-west/decide';
import type { PairFacts } from '../../src/east-west/facts';
import { EAST_WEST, narratePair } from '../../src/east-west/narrate';
import type { PairSubjects } from '../../src/east-west/resolve';
import type { EndpointSlice, Node, Pod, Service } from '../../src/inventory/k8s-types';

// the pair's own words, without the Azure layers (no Azure side here)
const narrate = (d: Parameters<typeof narratePair>[0]) => narratePair(d, EAST_WEST);

const node = (name: string, ip: string): Node => ({
  metadata: { name },
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});
const pod = (ns: string, name: string, ip: string, nodeName: string): Pod => ({
  metadata: { namespace: ns, name, uid: `${ns}-${name}` },
  spec: { nodeName },
  status: { phase: 'Running', podIP: ip },
});
const service = (ns: string, name: string, clusterIP: string, port = 1433): Service => ({
  metadata: { namespace: ns, name },
  spec: { type: 'ClusterIP', clusterIP, clusterIPs: [clusterIP], ports: [{ port, targetPort: port, protocol: 'TCP' }] },
});
const slice = (ns: string, svc: string, eps: [Pod, boolean][], port = 1433): EndpointSlice => ({
  metadata: { namespace: ns, name: `${svc}-abc`, labels: { 'kubernetes.io/service-name': svc } },
  endpoints: eps.map(([p, ready]) => ({
    addresses: [p.status!.podIP!],
    conditions: { ready },
    nodeName: p.spec!.nodeName,
    targetRef: { kind: 'Pod', name: p.metadata.name },
  })),
  ports: [{ port, protocol: 'TCP' }],
});

const api = pod('shop', 'api-1', '10.128.0.7', 'node-a');
const db = pod('shop', 'db-1', '10.129.0.12', 'node-b');
const dbSvc = service('shop', 'db', '172.30.0.5');
const nodes = [node('node-a', '10.0.2.4'), node('node-b', '10.0.2.5')];

const facts = (over: Partial<PairFacts> = {}): PairFacts => ({
  kind: 'pair',
  pods: [api, db],
  services: [dbSvc],
  slices: [slice('shop', 'db', [[db, true]])],
  legacy: [],
  nodes,
  policies: [],
  namespaces: [],
  cluster: { kind: 'aro', ingressIps: [], networkPlugin: 'OVNKubernetes' },
  ...over,
});
const ask = (to: PairSubjects['to'], port?: number): PairSubjects => ({ from: api, to, port });
const asPath = (d: ReturnType<typeof decide>): PathDecision => {
  expect(d.kind).toBe('path');
  return d as PathDecision;
};

test('a ClusterIP Service: DNAT at the client’s node to the ready endpoint, cross-node over the overlay', () => {
  const d = asPath(decide(ask({ name: 'db' }, 1433), facts()));
  expect(d.via?.fqdn).toBe('db.shop.svc.cluster.local');
  expect(d.server.pod).toBe(db);
  expect(d.dst).toEqual({ ip: '172.30.0.5', port: 1433 });
  expect(d.dnat).toEqual({ clusterIp: '172.30.0.5', servicePort: 1433, podIp: '10.129.0.12', port: 1433 });
  expect(d.sameNode).toBe(false);
  expect(d.transport).toBe('ovn-kubernetes');
  expect([d.policy.egress.allowed, d.policy.ingress.allowed]).toEqual([true, true]);

  const r = narrate(d);
  expect(r.seenAs).toEqual(['10.128.0.7']);
  expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'dns', 'service', 'node', 'node', 'pod']);
  expect(r.hops[3].nat).toEqual({ kind: 'dnat', from: '172.30.0.5:1433', to: '10.129.0.12:1433' });
  expect(r.hops[4].note).toMatch(/OVN-Kubernetes Geneve overlay/);
  expect(r.title).toBe('db-1 sees 10.128.0.7');
});

test('a ready endpoint on the client’s own node is preferred; the pod IP is seen either way', () => {
  const local = pod('shop', 'db-2', '10.128.0.9', 'node-a');
  const slices = [
    slice('shop', 'db', [
      [db, true],
      [local, true],
    ]),
  ];
  const d = asPath(decide(ask({ name: 'db.shop' }), facts({ pods: [api, db, local], slices })));
  expect(d.server.pod).toBe(local);
  expect(d.sameNode).toBe(true);
  const r = narrate(d);
  expect(r.hops.filter((h) => h.kind === 'node')).toHaveLength(1);
  expect(r.facts.find((f) => f.label === 'Endpoints')?.value).toBe('10.129.0.12:1433, 10.128.0.9:1433');
});

test('a short name of another namespace does not resolve from the client', () => {
  const web = pod('front', 'web-1', '10.128.0.20', 'node-a');
  const d = decide({ from: web, to: { name: 'db' } }, facts());
  expect(d).toMatchObject({ kind: 'cannot-resolve', name: 'db' });
  expect(d.kind === 'cannot-resolve' && d.reason).toMatch(/only inside the client's namespace front.*use db\.shop/);
  expect(narrate(d).status).toBe('not-found');
});

test('no such Service port, and no ready endpoints', () => {
  expect(decide(ask({ name: 'db' }, 5432), facts())).toMatchObject({ kind: 'no-such-port', port: 5432 });
  const d = decide(ask({ name: 'db' }, 1433), facts({ slices: [slice('shop', 'db', [[db, false]])] }));
  expect(d.kind).toBe('no-ready-endpoints');
  expect(narrate(d).warnings).toEqual([
    '1 endpoint(s) of shop/db are not ready and get no traffic',
    'Service shop/db has no ready endpoints: connections to it fail',
  ]);
});

test('a StatefulSet hostname behind a headless Service: straight to the pod, no DNAT', () => {
  const headless: Service = { ...dbSvc, spec: { ...dbSvc.spec, clusterIP: 'None', clusterIPs: ['None'] } };
  const d = asPath(decide(ask({ name: 'db-1.db.shop.svc.cluster.local' }, 1433), facts({ services: [headless] })));
  expect(d.via?.headless).toBe(true);
  expect(d.dnat).toBeUndefined();
  expect(d.dst).toEqual({ ip: '10.129.0.12', port: 1433 });
  expect(narrate(d).hops.map((h) => h.kind)).toEqual(['pod', 'dns', 'node', 'node', 'pod']);
  const missing = decide(ask({ name: 'db-9.db.shop' }), facts({ services: [headless] }));
  expect(missing).toMatchObject({ kind: 'no-pod-behind-headless', hostname: 'db-9' });
});

test('an IP: a pod IP goes straight to the pod, a ClusterIP through its Service, anything else is unknown', () => {
  const direct = asPath(decide(ask({ ip: '10.129.0.12' }, 1433), facts()));
  expect(direct.via).toBeUndefined();
  expect(direct.dst).toEqual({ ip: '10.129.0.12', port: 1433 });
  const viaIp = asPath(decide(ask({ ip: '172.30.0.5' }), facts()));
  expect(viaIp.via?.service).toBe(dbSvc);
  expect(viaIp.via?.fqdn).toBeUndefined();
  expect(decide(ask({ ip: '10.9.9.9' }), facts())).toMatchObject({ kind: 'unknown-ip', ip: '10.9.9.9' });
});

test('an endpoint whose pod is not listed: the destination pod is not found', () => {
  const d = decide(ask({ name: 'db' }), facts({ pods: [api] }));
  expect(d.kind).toBe('pod-not-found');
  expect(narrate(d).answer).toBe('Could not find the destination pod.');
});

test.each([
  ['kubenet', 'kubenet', /route table/],
  ['azure', 'azure-cni', /routed by the VNet/],
  ['OpenShiftSDN', 'openshift-sdn', /VXLAN/],
  [undefined, 'cluster-network', /carried by the cluster network/],
])('cross-node transport of network plugin %s', (plugin, transport, note) => {
  const d = asPath(
    decide(ask({ pod: db }), facts({ cluster: { kind: 'aks', ingressIps: [], networkPlugin: plugin } })),
  );
  expect(d.transport).toBe(transport);
  expect(narrate(d).hops.find((h) => h.kind === 'node' && h.name === 'node-b')?.note).toMatch(note);
});
