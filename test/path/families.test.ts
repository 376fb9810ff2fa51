// Every question family of the seed on the demo, and its variants (route
// terminations, traffic policies, NetworkPolicies, host-network routers, EgressIP).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { eastWest } from '../../src/east-west';
import { Trace } from '../../src/path/trace';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { demoCopy, edit } from '../helpers/fixtures';

const demo = SnapshotInventory.demo();
const hop = (r: any, kind: string) => r.hops.find((h: any) => h.kind === kind);

describe('inbound', () => {
  test('route sqlapilb: wildcard DNS → router PIP → LB rule (floating IP) → router pod → app pod; app sees the router pod IP + X-Forwarded-For', async () => {
    const r = await ask('how does traffic reach route sqlapilb?', demo);
    expect(r.status).toBe('answered');
    expect(r.hops.map((h) => h.kind)).toEqual(['client', 'dns', 'public-ip', 'load-balancer', 'node', 'router', 'pod']);
    expect(hop(r, 'dns')).toMatchObject({
      name: 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io',
      ip: '20.67.170.10',
    });
    expect(hop(r, 'dns').note).toMatch(/wildcard record \*\.apps\.m50kgrxk/);
    expect(hop(r, 'load-balancer').note).toMatch(
      /rule ab765e9911ee74b8d81280e60cfcea16-TCP-80: TCP 80 → backend 80, floating IP/,
    );
    expect(hop(r, 'router')).toMatchObject({
      ip: '10.131.0.5',
      src: 'client',
      dst: '10.131.0.5',
    }); // ETP Local keeps the client IP
    expect(r.hops.at(-1)).toMatchObject({
      name: 'project1/sqlapi-1-8jgx8',
      ip: '10.129.2.7',
      port: 8080,
      src: '10.131.0.5',
      dst: '10.129.2.7',
    });
    // two router replicas: the app sees one of their IPs, not always the first
    expect(r.answer).toMatch(
      /router pods' IPs \(10\.131\.0\.5 or 10\.129\.2\.4\) as source, and the client IP in X-Forwarded-For/,
    );
  });

  test('the route host and a given client IP: the client IP travels to the router', async () => {
    const r = await ask(
      'how does 203.0.113.9 reach sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io from 203.0.113.9',
      demo,
    );
    expect(r.hops[0]).toMatchObject({
      kind: 'client',
      ip: '203.0.113.9',
      src: '203.0.113.9',
    });
    expect(hop(r, 'router').src).toBe('203.0.113.9');
  });

  test.each([
    ['edge', 443, true],
    ['reencrypt', 443, true],
    ['passthrough', 443, false],
  ])('a %s route enters on %i; X-Forwarded-For: %s', async (termination, port, xff) => {
    const dir = demoCopy();
    edit(dir, 'kubernetes/routes.json', (d) => void (d.items[0].spec.tls = { termination }));
    const r = await ask('inbound route/sqlapilb', SnapshotInventory.load(dir));
    expect(hop(r, 'load-balancer').port).toBe(port);
    expect(hop(r, 'load-balancer').note).toContain(`TCP-${port}`);
    expect(r.answer.includes('X-Forwarded-For') && !r.answer.includes('no X-Forwarded-For')).toBe(xff);
    if (!xff) expect(r.warnings.join(' ')).toMatch(/passthrough/);
  });

  test('a host-network router: the app sees the node IP', async () => {
    const dir = demoCopy();
    edit(
      dir,
      'kubernetes/pods.json',
      (d) =>
        void d.items
          .filter((p: any) => p.metadata.name.startsWith('router-default'))
          .forEach((p: any) => {
            p.spec.hostNetwork = true;
            p.status.podIP = p.status.hostIP;
          }),
    );
    edit(
      dir,
      'kubernetes/endpointslices.json',
      (d) =>
        void d.items
          .filter((s: any) => s.metadata.name.startsWith('router-'))
          .forEach((s: any) =>
            s.endpoints.forEach((e: any) => (e.addresses = [e.nodeName.endsWith('wl4vw') ? '10.0.2.6' : '10.0.2.4'])),
          ),
    );
    const r = await ask('how does traffic reach route sqlapilb', SnapshotInventory.load(dir));
    expect(r.hops.at(-1)?.src).toBe('10.0.2.6');
  });

  // OVN-Kubernetes SNATs ETP Cluster traffic at the node's gateway router (join switch address), not to the node IP
  test('internal LoadBalancer Service with externalTrafficPolicy Cluster: private frontend, pod sees the OVN join address', async () => {
    const r = await ask('how do clients reach service sqlapilb -n project1', demo);
    expect(r.hops.map((h) => h.kind)).toEqual(['client', 'load-balancer', 'node', 'pod']);
    expect(hop(r, 'load-balancer')).toMatchObject({
      name: 'aro2-p8bjm-internal',
      ip: '10.0.2.10',
      port: 8080,
    });
    expect(r.hops.at(-1)).toMatchObject({
      src: '100.64.0.0/16',
      dst: '10.129.2.7',
      port: 8080,
    });
    expect(r.warnings.join(' ')).toMatch(
      /sees an OVN gateway router \(join switch\) address in 100\.64\.0\.0\/16, not the client IP/,
    );
  });

  test('the same Service with externalTrafficPolicy Local: the pod sees the client IP', async () => {
    const dir = demoCopy();
    edit(
      dir,
      'kubernetes/services.json',
      (d) => void (d.items.find((s: any) => s.metadata.name === 'sqlapilb').spec.externalTrafficPolicy = 'Local'),
    );
    const r = await ask('how do clients from 10.1.2.3 reach service sqlapilb', SnapshotInventory.load(dir));
    expect(r.hops.at(-1)).toMatchObject({ src: '10.1.2.3', dst: '10.129.2.7' });
  });

  test('a ClusterIP Service is not reachable from outside, said plainly', async () => {
    const r = await ask('how does traffic reach service server', demo);
    expect(r.answer).toMatch(/is of type ClusterIP: nothing outside the cluster reaches it directly/);
  });

  test('an unknown route is not found with did-you-mean', async () => {
    const r = await ask('how does traffic reach route sqlapilbb', demo);
    expect(r.status).toBe('not-found');
    expect(r.answer).toMatch(/Did you mean sqlapilb/);
  });
});

describe('east-west and policy', () => {
  test('the SQL server sees the API pod IP; ClusterIP DNATed at the client node; cross-node', async () => {
    const r = await ask('what source IP does the SQL server see from the API pod?', demo);
    expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'dns', 'service', 'node', 'node', 'pod']);
    expect(hop(r, 'service')).toMatchObject({
      ip: '172.30.138.47',
      port: 1433,
    });
    expect(r.hops[3].note).toMatch(/DNAT 172\.30\.138\.47:1433 → 10\.131\.0\.12:1433/);
    expect(r.hops.at(-1)).toMatchObject({
      name: 'project1/server-1-ppl25',
      src: '10.129.2.7',
      dst: '10.131.0.12',
      port: 1433,
    });
    expect(r.answer).toMatch(/^server-1-ppl25 sees 10\.129\.2\.7/);
  });

  test.each([
    ['server', true],
    ['server.project1', true],
    ['server.project1.svc.cluster.local', true],
  ])('name form %s resolves from project1', async (name, ok) => {
    const r = await ask(`path sqlapi -> ${name}:1433`, demo);
    expect(r.status === 'answered').toBe(ok);
    expect(hop(r, 'dns').ip).toBe('172.30.138.47');
  });

  test('a short name resolves only in the client’s namespace: the engine says so; the bot answers for svc.ns and warns', async () => {
    const router = (await demo.list('Pod')).find((p) => p.metadata.name === 'router-default-cf4d7b6d5-lcxtl')!;
    const subjects = { from: router, to: { name: 'server' }, port: 1433 };
    const facts = await eastWest.facts(subjects, { inv: demo, trace: new Trace(), specs: [] });
    const engine = eastWest.narrate(eastWest.decide(subjects, facts));
    expect(engine.status).toBe('not-found');
    expect(engine.answer).toMatch(/resolves only inside the client's namespace openshift-ingress.*server\.project1/);
    const r = await ask('path from router-default-cf4d7b6d5-lcxtl to server:1433', demo);
    expect(r.status).toBe('answered');
    expect(r.warnings[0]).toMatch(
      /"server" resolves only inside its own namespace; from openshift-ingress the name to use is server\.project1/,
    );
    expect(r.hops.at(-1)?.name).toBe('project1/server-1-ppl25');
  });

  test('same-node pods: one node hop', async () => {
    const r = await ask('path from sqlapi to router-default-cf4d7b6d5-xlkxx', demo);
    expect(r.hops.filter((h) => h.kind === 'node')).toHaveLength(1);
    expect(r.facts.find((f) => f.label === 'Nodes')?.value).toBe('same node');
  });

  test('a headless Service resolves to pod IPs, no ClusterIP hop', async () => {
    const dir = demoCopy();
    edit(
      dir,
      'kubernetes/services.json',
      (d) =>
        void Object.assign(d.items.find((s: any) => s.metadata.name === 'server').spec, {
          clusterIP: 'None',
          clusterIPs: ['None'],
        }),
    );
    const r = await ask('path sqlapi -> server:1433', SnapshotInventory.load(dir));
    expect(r.hops.map((h) => h.kind)).toEqual(['pod', 'dns', 'node', 'node', 'pod']);
    expect(hop(r, 'dns').ip).toBe('10.131.0.12');
  });

  test('a Service without ready endpoints warns', async () => {
    const dir = demoCopy();
    edit(
      dir,
      'kubernetes/endpointslices.json',
      (d) =>
        void d.items
          .find((s: any) => s.metadata.name.startsWith('server-'))
          .endpoints.forEach((e: any) => (e.conditions.ready = false)),
    );
    const r = await ask('path sqlapi -> server:1433', SnapshotInventory.load(dir));
    expect(r.warnings.join(' ')).toMatch(/no ready endpoints/);
  });

  test('EndpointSlices missing: falls back to Endpoints', async () => {
    const dir = demoCopy();
    edit(dir, 'kubernetes/endpointslices.json', (d) => ({
      ...d,
      items: d.items.filter((s: any) => !s.metadata.name.startsWith('server-')),
    }));
    writeFileSync(
      join(dir, 'kubernetes', 'endpoints.json'),
      JSON.stringify({
        kind: 'Endpoints',
        apiVersion: 'v1',
        metadata: { name: 'server', namespace: 'project1' },
        subsets: [
          {
            addresses: [
              {
                ip: '10.131.0.12',
                nodeName: 'aro2-p8bjm-worker-northeurope3-wl4vw',
                targetRef: { kind: 'Pod', name: 'server-1-ppl25' },
              },
            ],
            ports: [{ name: '1433-tcp', port: 1433 }],
          },
        ],
      }),
    );
    const r = await ask('path sqlapi -> server:1433', SnapshotInventory.load(dir));
    expect(r.hops.at(-1)).toMatchObject({
      name: 'project1/server-1-ppl25',
      port: 1433,
    });
  });

  const policies = (items: any[]) => ({
    apiVersion: 'v1',
    kind: 'List',
    items: items.map((spec) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: spec.name, namespace: spec.ns ?? 'project1' },
      spec: spec.spec,
    })),
  });

  test.each([
    ['no policy', [], true, /allowed \(no NetworkPolicy applies\)/],
    [
      'default deny ingress on server',
      [
        {
          name: 'deny-all',
          spec: { podSelector: {}, policyTypes: ['Ingress'] },
        },
      ],
      false,
      /isolated for ingress by NetworkPolicy project1\/deny-all/,
    ],
    [
      'allow from sqlapi on 1433',
      [
        {
          name: 'deny-all',
          spec: { podSelector: {}, policyTypes: ['Ingress'] },
        },
        {
          name: 'allow-api',
          spec: {
            podSelector: { matchLabels: { deploymentconfig: 'server' } },
            ingress: [
              {
                from: [
                  {
                    podSelector: {
                      matchLabels: { deploymentconfig: 'sqlapi' },
                    },
                  },
                ],
                ports: [{ port: 1433, protocol: 'TCP' }],
              },
            ],
          },
        },
      ],
      true,
      /allowed by NetworkPolicy allow-api/,
    ],
    [
      'allow from sqlapi but on another port',
      [
        {
          name: 'allow-api',
          spec: {
            podSelector: { matchLabels: { deploymentconfig: 'server' } },
            ingress: [
              {
                from: [
                  {
                    podSelector: {
                      matchLabels: { deploymentconfig: 'sqlapi' },
                    },
                  },
                ],
                ports: [{ port: 5432 }],
              },
            ],
          },
        },
      ],
      false,
      /no rule allows .* on TCP\/1433/,
    ],
    [
      'allow from another namespace only',
      [
        {
          name: 'from-ingress',
          spec: {
            podSelector: {},
            ingress: [
              {
                from: [
                  {
                    namespaceSelector: {
                      matchLabels: {
                        'kubernetes.io/metadata.name': 'openshift-ingress',
                      },
                    },
                  },
                ],
              },
            ],
          },
        },
      ],
      false,
      /denied/,
    ],
    [
      'allow by ipBlock of the pod network',
      [
        {
          name: 'cidr',
          spec: {
            podSelector: {},
            ingress: [
              {
                from: [
                  {
                    ipBlock: {
                      cidr: '10.128.0.0/14',
                      except: ['10.131.0.0/23'],
                    },
                  },
                ],
              },
            ],
          },
        },
      ],
      true,
      /allowed by NetworkPolicy cidr/,
    ],
    [
      'egress deny at the client',
      [
        {
          name: 'no-egress',
          spec: {
            podSelector: { matchLabels: { deploymentconfig: 'sqlapi' } },
            policyTypes: ['Egress'],
            egress: [],
          },
        },
      ],
      false,
      /isolated for egress by NetworkPolicy project1\/no-egress/,
    ],
    [
      'egress allowed to server by named port',
      [
        {
          name: 'eg',
          spec: {
            podSelector: { matchLabels: { deploymentconfig: 'sqlapi' } },
            policyTypes: ['Egress'],
            egress: [
              {
                to: [
                  {
                    podSelector: {
                      matchLabels: { deploymentconfig: 'server' },
                    },
                  },
                ],
                ports: [{ port: 1433 }],
              },
            ],
          },
        },
      ],
      true,
      /allowed by NetworkPolicy eg/,
    ],
  ])('%s', async (_name, items, allowed, pattern) => {
    const dir = demoCopy();
    writeFileSync(join(dir, 'kubernetes', 'networkpolicies.json'), JSON.stringify(policies(items)));
    const r = await ask('can sqlapi reach server on 1433?', SnapshotInventory.load(dir));
    expect(r.intent).toBe('policy');
    expect(r.answer.startsWith(allowed ? 'Yes' : 'No')).toBe(true);
    expect(r.answer).toMatch(pattern);
    if (!allowed) expect(r.warnings.join(' ')).toMatch(/NetworkPolicy denied/);
  });
});

describe('what is', () => {
  test.each([
    ['10.129.2.7', /IP of pod project1\/sqlapi-1-8jgx8/],
    ['172.30.138.47', /ClusterIP of Service project1\/server/],
    ['10.0.2.4', /IP of node aro2-p8bjm-worker-northeurope1-qt8l7 \(worker\)/],
    [
      '20.105.84.161',
      /public IP aro2-p8bjm-outbound-pip-v4: frontend outbound of load balancer aro2-p8bjm: egress for 3 workers via outbound rule outboundrule/,
    ],
    [
      '20.67.170.10',
      /external IP of LoadBalancer Service openshift-ingress\/router-default.*ingress for Service openshift-ingress\/router-default \(ports 80, 443\)/,
    ],
    [
      '10.0.2.10',
      /external IP of LoadBalancer Service project1\/sqlapilb.*frontend a5c1f2a7b9d3e4f608a217b3c9d0e4f1 of load balancer aro2-p8bjm-internal/,
    ],
    ['10.0.0.4', /load balancer aro2-p8bjm-internal-lb: API server and machine config server/],
    ['20.105.84.12', /aro2-p8bjm-pip-v4.*egress for 3 masters.*API server/],
    [
      '10.129.2.99',
      /in node aro2-p8bjm-worker-northeurope1-qt8l7's pod range 10\.129\.2\.0\/23, but no pod has it now/,
    ],
    ['172.30.200.1', /in the service network 172\.30\.0\.0\/16, but no Service has it/],
    ['8.8.8.8', /not a pod, Service, node, load balancer frontend, NIC or public IP of this cluster/],
  ])('%s', async (ip, pattern) => {
    const r = await ask(`what is ${ip}?`, demo);
    expect(r.intent).toBe('what-is');
    expect(r.answer).toMatch(pattern);
  });
});

describe('load balancers, pod facts, dns', () => {
  test('four load balancers with members, frontends and purposes', async () => {
    const r = await ask('which load balancers are there?', demo);
    expect(r.answer).toMatch(/^4 load balancers in aro2-resources/);
    expect(r.answer).toMatch(/aro2-p8bjm \(public, backends: 3 workers\)/);
    expect(r.answer).toMatch(
      /aro2-p8bjm-internal \(internal, backends: 3 workers\)[\s\S]*ingress for Service project1\/sqlapilb \(port 8080\)/,
    );
    expect(r.answer).toMatch(/aro2-p8bjm-internal-lb \(internal, backends: 3 masters\)/);
    expect(r.answer).toMatch(/aro2-p8bjm-public-lb \(public, backends: 3 masters\)[\s\S]*egress for 3 masters/);
  });

  test('one load balancer by name', async () => {
    const r = await ask('what does load balancer aro2-p8bjm-internal do?', demo);
    expect(r.answer).toMatch(/^1 load balancer/);
    expect(r.answer).toContain('ingress for Service project1/sqlapilb');
  });

  test('pod facts list service references but never secret values', async () => {
    const dir = demoCopy();
    edit(
      dir,
      'kubernetes/pods.json',
      (d) =>
        void d.items
          .find((p: any) => p.metadata.name === 'sqlapi-1-8jgx8')
          .spec.containers[0].env.push(
            {
              name: 'DB_CONNECTION_STRING',
              value: 'Server=server.project1.svc.cluster.local;Password=Canary-S3cret!',
            },
            { name: 'API_TOKEN', value: 'canary-token-123' },
          ),
    );
    const r = await ask('where is pod sqlapi?', SnapshotInventory.load(dir));
    const text = JSON.stringify(r);
    expect(text).toContain('server.project1.svc.cluster.local');
    expect(text).toContain('from Secret sqlpassword/password (value not shown)');
    expect(text).not.toContain('Canary-S3cret');
    expect(text).not.toContain('canary-token-123');
  });

  test('dns: FQDN to ClusterIP; a short name resolves from its namespace', async () => {
    expect((await ask('what does server.project1.svc.cluster.local resolve to?', demo)).answer).toMatch(
      /resolves to 172\.30\.138\.47/,
    );
    expect((await ask('resolve server from sqlapi', demo)).answer).toMatch(
      /from project1\/sqlapi-1-8jgx8 to 172\.30\.138\.47/,
    );
    expect((await ask('what does server resolve to', demo)).answer).toMatch(
      /from pods in namespace project1 .*other namespaces use server\.project1/,
    );
  });
});

describe('egress extras', () => {
  test('an OpenShift EgressIP selecting the namespace is reported', async () => {
    const dir = demoCopy();
    writeFileSync(
      join(dir, 'kubernetes', 'egressips.json'),
      JSON.stringify({
        kind: 'EgressIP',
        apiVersion: 'k8s.ovn.org/v1',
        metadata: { name: 'project1-egress' },
        spec: {
          egressIPs: ['10.0.2.100'],
          namespaceSelector: {
            matchLabels: { 'kubernetes.io/metadata.name': 'project1' },
          },
        },
        status: {
          items: [
            {
              node: 'aro2-p8bjm-worker-northeurope2-h9rzp',
              egressIP: '10.0.2.100',
            },
          ],
        },
      }),
    );
    const r = await ask('public ip of sqlapi', SnapshotInventory.load(dir));
    expect(r.warnings.join(' ')).toMatch(
      /EgressIP project1-egress selects this pod: its traffic leaves through 10\.0\.2\.100 \(10\.0\.2\.100 on aro2-p8bjm-worker-northeurope2-h9rzp\)/,
    );
  });

  test('a host-network pod needs no SNAT at the node', async () => {
    const dir = demoCopy();
    edit(dir, 'kubernetes/pods.json', (d) => {
      const pod = d.items.find((p: any) => p.metadata.name === 'sqlapi-1-8jgx8');
      pod.spec.hostNetwork = true;
      pod.status.podIP = pod.status.hostIP;
    });
    const r = await ask('public ip of sqlapi', SnapshotInventory.load(dir));
    expect(r.hops[0].src).toBe('10.0.2.4');
    expect(r.hops[1].note).toMatch(/host network: no SNAT/);
    expect(r.hops[2].src).toBe('10.0.2.4');
  });

  test('a destination inside the VNet stays inside', async () => {
    const r = await ask('public ip of sqlapi to reach 10.0.0.4', demo);
    expect(r.answer).toMatch(/inside the virtual network, as node IP 10\.0\.2\.4/);
  });
});

test('a watch command outside the bot says where watching works, not "which pod?"', async () => {
  const r = await ask('watch egress for namespace project1', demo);
  expect(r.status).toBe('not-understood');
  expect(r.answer).toMatch(/^Watching is for a chat: .*packet-path diff OLD NEW/);
  expect((await ask('what are we watching?', demo)).answer).toMatch(/^Watching is for a chat/);
});
