// Policy questions about one party, answered from snapshots: the NetworkPolicies that select a pod (per direction,
// isolation), one named policy (what it selects, allows and leaves denied), a namespace as the client of a pod.
// The netpol-e2e pods (x, y, z × a, b, c) get extra policies in a copy of the fixture: egress, ipBlock, several
// policies on one pod, a default-deny, matchExpressions.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import type { PathResult } from '../../src/path/result';

const fixture = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));
const e2eDir = join(__dirname, '..', 'nlu', 'fixtures', 'netpol-e2e');
const e2e = SnapshotInventory.load(e2eDir);
// the questions a parser routes to the policy family (a card button names the family the same way)
const policyAsk = (q: string, inv: SnapshotInventory) => ask(q, inv, {}, 'policy');

const np = (ns: string, name: string, spec: object) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace: ns, uid: `uid-${ns}-${name}` },
  spec,
});

const EXTRA = [
  // b in y: egress only to x/a on 80 and to 10.0.0.0/8 except 10.1.0.0/16 (no policyTypes: Ingress + Egress)
  np('y', 'b-egress', {
    podSelector: { matchLabels: { pod: 'b' } },
    egress: [
      { to: [{ namespaceSelector: { matchLabels: { ns: 'x' } }, podSelector: { matchLabels: { pod: 'a' } } }] },
      { to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 443, protocol: 'TCP' }] },
    ],
  }),
  // every pod of z: ingress denied (an empty podSelector)
  np('z', 'default-deny', { podSelector: {}, policyTypes: ['Ingress'] }),
  // z/c: let pods b and c of any namespace in on 81 (adds to default-deny)
  np('z', 'c-from-bc', {
    podSelector: { matchLabels: { pod: 'c' } },
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [
          {
            namespaceSelector: {},
            podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b', 'c'] }] },
          },
        ],
        ports: [{ port: 81, protocol: 'TCP' }],
      },
    ],
  }),
  // the same name in another namespace, selecting nothing
  np('z', 'b-egress', { podSelector: { matchLabels: { pod: 'none' } }, policyTypes: ['Ingress'] }),
];

let dir: string;
let rich: SnapshotInventory;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netpol-rich-'));
  cpSync(e2eDir, dir, { recursive: true });
  writeFileSync(join(dir, 'kubernetes', 'extra-policies.json'), JSON.stringify({ kind: 'List', items: EXTRA }));
  rich = SnapshotInventory.load(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fact = (r: PathResult, label: string) => r.facts.find((f) => f.label === label)?.value;

describe('the policies that select a pod', () => {
  test('netpol-e2e x/a: isolated for ingress by allow-ns-y-to-a, which lets namespace y in on TCP 80', async () => {
    const r = await policyAsk('policies on x/a', e2e);
    expect(r.intent).toBe('policy');
    expect(r.status).toBe('answered');
    expect(r.answer).toMatch(
      /^x\/a is isolated for ingress by 1 policy: allow-ns-y-to-a allows from every pod in namespaces ns=y \(y\/a, y\/b, y\/c\) on TCP 80\./,
    );
    expect(r.answer).toContain('It is not isolated for egress');
    expect(r.answer).toContain('Enforcement: enforced by calico');
    expect(fact(r, 'Ingress')).toBe('allow-ns-y-to-a');
    expect(fact(r, 'Egress')).toBe('not isolated');
    expect(r.verify).toContain('kubectl describe networkpolicy allow-ns-y-to-a -n x');
    expect(r.hops).toEqual([{ kind: 'pod', name: 'x/a' }]);
  });

  test('netpol-e2e x/b: selected by nothing, not isolated', async () => {
    const r = await policyAsk('is x/b isolated? ingress policies on it', e2e);
    expect(r.answer).toMatch(/^No NetworkPolicy selects x\/b: it is not isolated/);
    expect(fact(r, 'Ingress')).toBe('not isolated');
  });

  test('aks-agic db-0: db-allow-api lets app=api in on TCP 5432, the api pod named', async () => {
    const r = await policyAsk('policies on db-0', fixture('aks-agic'));
    expect(r.answer).toMatch(
      /^shop\/db-0 is isolated for ingress by 1 policy: db-allow-api allows from pods app=api in shop \(shop\/api-[a-z0-9-]+\) on TCP 5432/,
    );
    expect(r.verify[0]).toBe('kubectl get networkpolicy -n shop -o yaml');
  });

  test('aks-nsg-asg api: deny-all on a cluster without a policy engine is said not to be enforced', async () => {
    const r = await policyAsk('which network policies apply to the api pods?', fixture('aks-nsg-asg'));
    expect(r.answer).toMatch(/^Not enforced: the AKS cluster runs no network policy engine/);
    expect(r.answer).toContain('api-deny-all allows no ingress at all (deny-all)');
    expect(fact(r, 'Ingress')).toBe('api-deny-all');
  });

  test('aks-lb: a workload of two replicas selected by no policy names each replica', async () => {
    const r = await policyAsk('which netpols select the web pods?', fixture('aks-lb'));
    expect(r.answer).toMatch(
      /^No NetworkPolicy selects shop\/web \(2 pods: web-7d4b9c8f6d-abcde, web-7d4b9c8f6d-fghij\): it is not isolated/,
    );
  });

  test('demo (ARO): a workload selected by no policy, its pod named, OVN-Kubernetes enforcing', async () => {
    const r = await policyAsk('which policies apply to sqlapi?', SnapshotInventory.demo());
    expect(r.answer).toMatch(
      /^No NetworkPolicy selects project1\/sqlapi \(pod project1\/sqlapi-[a-z0-9-]+\): it is not isolated/,
    );
    expect(r.answer).toContain('Enforcement: enforced by ovn-kubernetes');
    expect(r.hops).toEqual([{ kind: 'pod', name: 'project1/sqlapi' }]);
  });

  test('several policies on one pod add up; egress isolation from a policy without policyTypes', async () => {
    const zc = await policyAsk('policies on z/c', rich);
    expect(fact(zc, 'Ingress')).toBe('c-from-bc, default-deny');
    expect(zc.answer).toContain('c-from-bc allows from pods pod in (b,c) in every namespace');
    expect(zc.answer).toContain('on TCP 81');
    expect(zc.answer).toContain('default-deny allows no ingress at all (deny-all)');
    const yb = await policyAsk('policies on y/b', rich);
    expect(fact(yb, 'Ingress')).toBe('b-egress');
    expect(fact(yb, 'Egress')).toBe('b-egress');
    expect(yb.answer).toContain('to pods pod=a in namespaces ns=x (x/a) on every port');
    expect(yb.answer).toContain('to addresses 10.0.0.0/8 except 10.1.0.0/16 on TCP 443');
  });

  test('a namespace: its pods grouped by the policies that select them', async () => {
    const r = await policyAsk('review network policies of namespace z', rich);
    expect(r.answer).toMatch(/^namespace z: its pods fall into 2 sets of policies:/);
    expect(r.answer).toMatch(/• z\/a, z\/b are isolated for ingress by 1 policy: default-deny/);
    expect(r.answer).toMatch(/• z\/c is isolated for ingress by 2 policies/);
  });
});

describe('one named policy', () => {
  test('api-deny-all (aks-cni-nsg): ingress only, egress untouched, the pods it shuts out', async () => {
    const r = await policyAsk('netpol api-deny-all, does it also kill egress from api?', fixture('aks-cni-nsg'));
    expect(r.answer).toMatch(
      /NetworkPolicy shop\/api-deny-all selects pods app=api in shop: 1 running pod \(shop\/api-/,
    );
    expect(r.answer).toContain('policyTypes Ingress.');
    expect(r.answer).toContain('Ingress: it allows nothing.');
    expect(r.answer).toContain('Egress: not in its policyTypes, it does not restrict egress');
    expect(r.answer).toMatch(/2 running pods match no rule \(shop\/web-[a-z0-9-]+, shop\/db-0\)/);
    expect(r.verify).toContain('kubectl describe networkpolicy api-deny-all -n shop');
  });

  test('db-allow-api (aks-natgw): which pods can enter db with it', async () => {
    const r = await policyAsk('the policy db-allow-api, which pods can enter db with it?', fixture('aks-natgw'));
    expect(r.answer).toMatch(/selects pods app=db in shop: 1 running pod \(shop\/db-0\)/);
    expect(r.answer).toMatch(/Ingress: it allows from pods app=api in shop \(shop\/api-[a-z0-9-]+\) on TCP 5432\./);
    expect(r.answer).not.toMatch(/match no rule \([^)]*shop\/api-/);
  });

  test('default-deny of z with c-from-bc beside it: the other policy is named, only b and c pods get in', async () => {
    const r = await policyAsk('what does default-deny block', rich);
    expect(r.answer).toContain('selects every pod in z: 3 running pods (z/a, z/b, z/c)');
    expect(r.answer).toContain('also selecting them: c-from-bc allows');
    expect(r.verify).toContain('kubectl describe networkpolicy c-from-bc -n z');
  });

  test('a name two namespaces use: the choices, or the one of the namespace said', async () => {
    const both = await policyAsk('policy b-egress', rich);
    expect(both.status).toBe('ambiguous');
    expect(both.suggestions).toEqual(['y/b-egress', 'z/b-egress']);
    const y = await policyAsk('policy b-egress -n y', rich);
    expect(y.answer).toMatch(
      /^NetworkPolicy y\/b-egress selects pods pod=b in y: 1 running pod \(y\/b\); policyTypes Ingress, Egress\./,
    );
    expect(y.answer).toContain('Ingress: it allows nothing.');
    expect(y.answer).toContain(
      'Egress: it allows to pods pod=a in namespaces ns=x (x/a) on every port; or to addresses',
    );
    const z = await policyAsk('policy b-egress in namespace z', rich);
    expect(z.answer).toContain('NetworkPolicy z/b-egress selects pods pod=none in z: no running pod');
  });

  test('a policy named with a pod it does not select stays a reachability pair', async () => {
    const r = await policyAsk('does allow-ns-y-to-a let y/a in on 80', e2e);
    expect(r.answer).toMatch(/^Yes: y\/a can reach x\/a on tcp:80/);
  });
});

describe('a namespace as the client', () => {
  test('namespace y into x/a on 81: denied for all three, on 80 allowed', async () => {
    const no = await policyAsk('do policies let anything from ns y into x/a on 81?', e2e);
    expect(no.answer).toMatch(
      /^No: none of the 3 running pods in namespace y may connect to x\/a on TCP 81 — x\/a is isolated for ingress by x\/allow-ns-y-to-a and no rule lets them in on TCP 81\./,
    );
    expect(no.verdict).toEqual({ allowed: false, by: ['x/allow-ns-y-to-a'] });
    expect(no.layers?.[0]).toMatchObject({ layer: 'network-policy', verdict: 'denied' });
    const yes = await policyAsk('do policies let anything from ns y into x/a on 80?', e2e);
    expect(yes.answer).toMatch(
      /^Yes: all 3 running pods in namespace y may connect to x\/a on TCP 80 — allowed by x\/allow-ns-y-to-a/,
    );
    expect(yes.verdict).toEqual({ allowed: true, by: ['x/allow-ns-y-to-a'] });
  });

  test('namespace y into z/c on 81: c allowed, a refused at z/c, b at its own egress; without a port', async () => {
    const r = await policyAsk('anything from namespace y into z/c on 81?', rich);
    expect(r.answer).toMatch(/^1 of 3 running pods in namespace y may connect to z\/c on TCP 81:/);
    expect(r.answer).toContain(
      '• y/a: z/c is isolated for ingress by z/default-deny, z/c-from-bc and no rule lets them in on TCP 81',
    );
    expect(r.answer).toContain(
      '• y/b: their egress is isolated by y/b-egress and no rule lets them out to z/c on TCP 81',
    );
    expect(r.answer).toContain('• y/c: allowed by z/c-from-bc');
    expect(r.verdict).toBeUndefined();
    expect(r.layers).toBeUndefined();
    const any = await policyAsk('policies from namespace y into z/c', rich);
    expect(any.answer).toContain('y/b, y/c: TCP 81');
    expect(any.answer).toContain('y/a: nothing');
    expect(any.answer).toContain('At the source: denied: y/b is isolated for egress');
  });
});

describe('a namespace as the client, on other fixtures', () => {
  test('aks-natgw: the ingress-nginx pods into db-0 (found outside the namespace said) on 5432', async () => {
    const r = await policyAsk('policies from namespace ingress-nginx into db-0 on 5432', fixture('aks-natgw'));
    expect(r.answer).toMatch(
      /^No: none of the 2 running pods in namespace ingress-nginx may connect to shop\/db-0 on TCP 5432 — shop\/db-0 is isolated for ingress by shop\/db-allow-api/,
    );
    expect(r.verify).toContain('kubectl get namespace ingress-nginx --show-labels');
    const none = await policyAsk('policies from namespace nope-ns into db-0', fixture('aks-natgw'));
    expect(none.status).toBe('not-found');
  });
});

describe('one party that is no listing', () => {
  test('"can it reach the db?" still asks for the other party; an unknown name is looked up as a pod', async () => {
    const pair = await policyAsk('can it reach the db?', fixture('aks-agic'));
    expect(pair.status).toBe('not-understood');
    expect(pair.answer).toMatch(/^Between which two\?/);
    const unknown = await policyAsk('policies on nosuch-pod', fixture('aks-agic'));
    expect(unknown.status).toBe('not-found');
    expect(unknown.answer).toMatch(/^I found no pod "nosuch-pod"/);
  });
});

test('a NetworkPolicy named that the cluster does not have is not found, with the ones it has', async () => {
  for (const q of ['show networkpolicy allow-frontend', 'is networkpolicy deny-all-egress applied to web?']) {
    const r = await ask(q, fixture('aks-lb'));
    expect([q, r.status, r.answer]).toEqual([
      q,
      'not-found',
      expect.stringMatching(/NetworkPolicies: shop\/db-allow-api/),
    ]);
  }
  // the one it has is answered
  const known = await ask('show networkpolicy db-allow-api', fixture('aks-lb'));
  expect(known.status).toBe('answered');
});
