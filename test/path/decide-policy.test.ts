// The NetworkPolicy verdict of a pair on constructed objects: egress at the
// client, ingress at the server, and the typed verdict of the answer.
import { decide, type PathDecision } from '../../src/east-west/decide';
import type { PairFacts } from '../../src/east-west/facts';
import type { PairSubjects } from '../../src/east-west/resolve';
import type { EndpointSlice, Namespace, NetworkPolicy, Pod, Service } from '../../src/inventory/k8s-types';
import type { EastWestDecision } from '../../src/east-west/decide';
import { narrate as narratePolicy } from '../../src/policy/narrate';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

// the policy family narrates the pair's decision with its Azure layers (none here: no Azure side)
const narrate = (d: EastWestDecision) => narratePolicy({ pair: d });

const pod = (ns: string, name: string, ip: string, app: string): Pod => ({
  metadata: { namespace: ns, name, labels: { app } },
  spec: { nodeName: 'node-a' },
  status: { phase: 'Running', podIP: ip },
});
const api = pod('shop', 'api-1', '10.128.0.7', 'api');
const db = pod('shop', 'db-1', '10.128.0.12', 'db');
const web = pod('front', 'web-1', '10.128.0.20', 'web');
const dbSvc: Service = {
  metadata: { namespace: 'shop', name: 'db' },
  spec: { clusterIP: '172.30.0.5', ports: [{ port: 5432, targetPort: 5432 }] },
};
const slice: EndpointSlice = {
  metadata: { namespace: 'shop', name: 'db-abc', labels: { 'kubernetes.io/service-name': 'db' } },
  endpoints: [{ addresses: ['10.128.0.12'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'db-1' } }],
  ports: [{ port: 5432 }],
};
const namespaces: Namespace[] = ['shop', 'front'].map((n) => ({
  metadata: { name: n, labels: { 'kubernetes.io/metadata.name': n } },
}));
const policy = (ns: string, name: string, spec: NetworkPolicy['spec']): NetworkPolicy => ({
  metadata: { namespace: ns, name },
  spec,
});
const denyIngress = policy('shop', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'] });
const allowApi = policy('shop', 'db-allow-api', {
  podSelector: { matchLabels: { app: 'db' } },
  policyTypes: ['Ingress'],
  ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 5432, protocol: 'TCP' }] }],
});

const facts = (policies: NetworkPolicy[]): PairFacts => ({
  kind: 'pair',
  pods: [api, db, web],
  services: [dbSvc],
  slices: [slice],
  legacy: [],
  nodes: [],
  policies,
  namespaces,
});
const pair = (from: Pod, port?: number): PairSubjects => ({ from, to: { name: 'db.shop' }, port });
const decidePath = (s: PairSubjects, f: PairFacts) => {
  const d = decide(s, f);
  expect(d.kind).toBe('path');
  return d as PathDecision;
};

test('no NetworkPolicy: allowed, decided by none', () => {
  const d = decidePath(pair(api, 5432), facts([]));
  expect(d.policy.anyPolicy).toBe(false);
  const r = narrate(d);
  expect(r.intent).toBe('policy');
  expect(r.verdict).toEqual({ allowed: true, by: [] });
  expect(r.answer).toBe('Yes: shop/api-1 can reach shop/db-1 on tcp:5432 — allowed (no NetworkPolicy applies).');
  expect(r.title).toBe('Allowed: api-1 → db-1');
  expect(r.seenAs).toEqual(['10.128.0.7']);
});

test('a default-deny ingress isolates the server: denied, by the isolating policy', () => {
  const d = decidePath(pair(api, 5432), facts([denyIngress]));
  expect(d.policy.ingress).toMatchObject({ allowed: false, policies: ['deny-all'] });
  expect(d.policy.egress.allowed).toBe(true);
  const r = narrate(d);
  expect(r.verdict).toEqual({ allowed: false, by: ['shop/deny-all'] });
  expect(r.answer).toMatch(/^No: shop\/api-1 cannot reach shop\/db-1 on tcp:5432 — denied: shop\/db-1 is isolated/);
  expect(r.title).toBe('Denied: api-1 → db-1');
  expect(r.warnings.join(' ')).toMatch(/NetworkPolicy denied/);
  expect(r.verify).toContain('kubectl get networkpolicy -n shop -o yaml');
});

test('a rule for the client’s pods on the port allows it; another client stays denied', () => {
  const allowed = narrate(decidePath(pair(api, 5432), facts([denyIngress, allowApi])));
  expect(allowed.verdict).toEqual({ allowed: true, by: ['shop/db-allow-api'] });
  const other = narrate(decidePath(pair(web, 5432), facts([denyIngress, allowApi])));
  expect(other.verdict).toEqual({ allowed: false, by: ['shop/deny-all', 'shop/db-allow-api'] });
});

test('egress isolation at the client is named with the client’s namespace', () => {
  const noEgress = policy('front', 'no-egress', { podSelector: {}, policyTypes: ['Egress'], egress: [] });
  const d = decidePath(pair(web, 5432), facts([noEgress]));
  expect(d.policy.egress.allowed).toBe(false);
  expect(narrate(d).verdict).toEqual({ allowed: false, by: ['front/no-egress'] });
});

test('a port the Service does not have: the client cannot reach it, whatever the policies', () => {
  const d = decide(pair(api, 1433), facts([]));
  expect(d.kind).toBe('no-such-port');
  const r = narrate(d);
  expect(r.verdict).toEqual({ allowed: false, by: [] });
  expect(r.answer).toMatch(/^api-1 cannot reach shop\/db on port 1433/);
});

// "open 8080 on server" where Service server exposes only 1433: the NetworkPolicy verdict is the pods' one
test('a port the target Service lacks is asked of its pods, with a note (demo)', async () => {
  const r = await ask('is sqlapi permitted to open 8080 on server?', SnapshotInventory.demo());
  expect(r.intent).toBe('policy');
  expect(r.hops[0]?.name).toBe('project1/sqlapi-1-8jgx8');
  expect(r.hops[r.hops.length - 1]).toMatchObject({ kind: 'pod', name: 'project1/server-1-ppl25' });
  expect(r.warnings.join('\n')).toMatch(/Service server has no port 8080 \(ports: 1433\)/);
  // "service server" keeps the Service, which refuses 8080
  const svc = await ask('is sqlapi permitted to open 8080 on service server?', SnapshotInventory.demo());
  expect(svc.verdict).toMatchObject({ allowed: false });
  expect(svc.hops).toHaveLength(1);
});
