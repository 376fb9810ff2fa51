// The cluster DNS rules on constructed objects: short names need a namespace,
// a Service name is its ClusterIP, a headless Service's its ready pod IPs, a
// StatefulSet hostname its pod's IP; a failed Service lookup says so.
import { decide } from '../../src/dns/decide';
import type { DnsFacts } from '../../src/dns/facts';
import { narrate } from '../../src/dns/narrate';
import type { DnsSubjects } from '../../src/dns/resolve';
import type { EndpointSlice, Pod, Service } from '../../src/inventory/k8s-types';

const pod = (ns: string, name: string, ip: string): Pod => ({
  metadata: { namespace: ns, name },
  spec: { nodeName: 'node-a' },
  status: { phase: 'Running', podIP: ip },
});
const service = (ns: string, name: string, clusterIP: string): Service => ({
  metadata: { namespace: ns, name },
  spec: { clusterIP, ports: [{ port: 5432, targetPort: 5432 }] },
});
const api = pod('shop', 'api-1', '10.128.0.7');
const db0 = pod('shop', 'db-0', '10.128.0.12');
const db1 = pod('shop', 'db-1', '10.128.0.13');
const apiSvc = service('shop', 'api', '172.30.0.8');
const dbSvc = service('shop', 'db', 'None');
const slice: EndpointSlice = {
  metadata: { namespace: 'shop', name: 'db-abc', labels: { 'kubernetes.io/service-name': 'db' } },
  endpoints: [
    { addresses: ['10.128.0.12'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'db-0' } },
    { addresses: ['10.128.0.13'], conditions: { ready: false }, targetRef: { kind: 'Pod', name: 'db-1' } },
  ],
  ports: [{ port: 5432 }],
};
const facts = (over: Partial<DnsFacts> = {}): DnsFacts => ({
  services: [apiSvc, dbSvc],
  pods: [api, db0, db1],
  slices: [slice],
  legacy: [],
  ...over,
});
const name = (n: string, more: Partial<DnsSubjects> = {}): DnsSubjects => ({ name: n, ...more });

test('the Services could not be listed: a clear answer, not "no such Service"', () => {
  const d = decide(name('api.shop'), facts({ services: undefined }));
  expect(d).toEqual({ kind: 'services-unknown', name: 'api.shop' });
  expect(narrate(d)).toMatchObject({
    status: 'not-found',
    answer: 'I could not list Services, so I cannot tell what api.shop resolves to.',
  });
});

test('a short name without a namespace: from the one namespace that has it, else which namespaces have it', () => {
  const only = decide(name('api'), facts());
  expect(only).toMatchObject({ kind: 'cluster-ip', fromNs: 'shop', addresses: ['172.30.0.8'] });
  expect(narrate(only).answer).toMatch(/^api resolves from pods in namespace shop to 172\.30\.0\.8 .*api\.shop/);
  const other = service('web', 'api', '172.30.0.9');
  const d = decide(name('api'), facts({ services: [apiSvc, other, dbSvc] }));
  expect(d).toMatchObject({ kind: 'short-name', matches: [apiSvc, other] });
  expect(narrate(d)).toMatchObject({ status: 'ambiguous', suggestions: ['api.shop', 'api.web'] });
  expect(decide(name('nothing'), facts())).toMatchObject({ kind: 'short-name', matches: [] });
});

test('a Service name resolves to its ClusterIP, from a namespace or from a pod', () => {
  const fqdn = decide(name('api.shop.svc.cluster.local'), facts());
  expect(fqdn).toMatchObject({ kind: 'cluster-ip', fromNs: 'default', addresses: ['172.30.0.8'] });
  expect(narrate(fqdn).answer).toBe(
    'api.shop.svc.cluster.local resolves to 172.30.0.8 (api.shop.svc.cluster.local; the ClusterIP of Service shop/api).',
  );
  const fromPod = decide(name('api', { from: api }), facts());
  expect(fromPod).toMatchObject({ kind: 'cluster-ip', fromNs: 'shop' });
  expect(narrate(fromPod).verify).toEqual(['kubectl exec -n shop api-1 -- getent hosts api.shop.svc.cluster.local']);
});

test('a headless Service resolves to its ready pod IPs only', () => {
  const d = decide(name('db', { namespace: 'shop' }), facts());
  expect(d).toMatchObject({ kind: 'headless', addresses: ['10.128.0.12'] });
  expect(narrate(d).title).toBe('db → 10.128.0.12');
  const unlisted = decide(name('db.shop'), facts({ slices: undefined, legacy: undefined }));
  expect(unlisted).toMatchObject({ kind: 'headless', addresses: [], unlisted: 'endpoint slices or endpoints' });
  expect(narrate(unlisted).answer).toMatch(/resolves to an unknown address \(I could not list endpoint slices/);
});

test('a StatefulSet hostname resolves to its pod; an unknown hostname to nothing', () => {
  expect(decide(name('db-1.db.shop'), facts())).toMatchObject({
    kind: 'hostname',
    hostname: 'db-1',
    headless: true,
    addresses: ['10.128.0.13'],
  });
  const missing = decide(name('db-9.db.shop'), facts());
  expect(missing).toMatchObject({ kind: 'hostname', addresses: [] });
  expect(narrate(missing).answer).toMatch(/resolves to nothing \(no ready endpoints\)/);
});

test('a name that does not resolve from the namespace asked, with the one to use', () => {
  const d = decide(name('api', { namespace: 'front' }), facts());
  expect(d).toMatchObject({ kind: 'not-resolvable', fromNs: 'front', suggestion: 'api.shop' });
  expect(narrate(d)).toMatchObject({ status: 'not-found', suggestions: ['api.shop'] });
});
