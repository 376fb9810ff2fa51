// Path diffs between a snapshot and an edited copy of it: each edit is one change people care about.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare, diffInventories, pathFacts, type Change, type Fact } from '../../src/diff';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { demoCopy, edit, readJson, writeJson } from '../helpers/fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures');

function fixtureCopy(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'packet-path-diff-'));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

const load = (dir: string) => SnapshotInventory.load(dir);
const diff = async (a: string, b: string) => (await diffInventories(load(a), load(b))).changes;
const of = (changes: Change[], kind: string) => changes.filter((c) => c.kind === kind);

const DEMO_SUB = '/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2-resources';
const PIP_ID = `${DEMO_SUB}/providers/Microsoft.Network/publicIPAddresses/aro2-p8bjm-outbound-pip-v4-2`;

test('a new public IP on the outbound rule changes what partners see from every workload', async () => {
  const before = demoCopy();
  const after = demoCopy();
  edit(after, 'azure/public-ips.json', (pips: any[]) =>
    pips.map((p) =>
      p.name === 'aro2-p8bjm-outbound-pip-v4'
        ? { ...p, name: 'aro2-p8bjm-outbound-pip-v4-2', id: PIP_ID, ipAddress: '20.105.84.99' }
        : p,
    ),
  );
  edit(after, 'azure/load-balancers.json', (lbs: any[]) => {
    const fe = lbs[0].frontendIpConfigurations.find((f: any) => f.name === 'outbound');
    fe.publicIpAddress.id = PIP_ID;
  });
  const changes = await diff(before, after);
  const egress = of(changes, 'egress');
  expect(egress.map((c) => c.subject)).toContain('project1/sqlapi');
  const sqlapi = egress.find((c) => c.subject === 'project1/sqlapi')!;
  expect(sqlapi.before).toMatch(/^20\.105\.84\.161 \(outbound rule aro2-p8bjm\/outboundrule\)$/);
  expect(sqlapi.after).toMatch(/^20\.105\.84\.99 /);
  expect(sqlapi.impact).toMatch(
    /^Partners allowlisting 20\.105\.84\.161 will see 20\.105\.84\.99 from project1\/sqlapi/,
  );
  expect(of(changes, 'lb-frontend')).toEqual([
    expect.objectContaining({ subject: 'aro2-p8bjm/outbound', before: '20.105.84.161', after: '20.105.84.99' }),
  ]);
  // the host's way in and the policy verdicts did not move
  expect(of(changes, 'host')).toEqual([]);
  expect(of(changes, 'policy')).toEqual([]);
  expect(changes[0].kind).toBe('egress');
});

/** The subnet's natGateway reference, in `az network vnet list` or ARM REST shape. */
function attachNatGateway(doc: any, id: string): void {
  const vnets = Array.isArray(doc) ? doc : doc.value;
  const subnet = (vnets[0].subnets ?? vnets[0].properties.subnets).find((s: any) => s.name === 'aks-subnet');
  (subnet.properties ?? subnet).natGateway = { id };
}

test('a NAT gateway added to the subnet takes egress from the load balancer', async () => {
  const before = fixtureCopy('aks-lb');
  const after = fixtureCopy('aks-lb');
  for (const f of ['natgw.json', 'public-ips-network.json', 'public-ip-prefixes.json'])
    cpSync(join(FIXTURES, 'aks-natgw', 'azure', f), join(after, 'azure', f));
  const natgw = readJson(join(after, 'azure', 'natgw.json'))[0].id as string;
  edit(after, 'azure/vnet.json', (doc) => attachNatGateway(doc, natgw));
  const changes = await diff(before, after);
  const api = of(changes, 'egress').find((c) => c.subject === 'shop/api')!;
  expect(api.before).toBe('20.31.45.117 (outbound rule kubernetes/aksoutboundrule)');
  expect(api.after).toMatch(/\(NAT gateway aks-natgw\)$/);
  expect(api.after).toContain('20.50.61.10');
  expect(api.impact).toMatch(
    /^Partners allowlisting 20\.31\.45\.117 will see .*20\.50\.61\.10.* \(now NAT gateway aks-natgw\)/,
  );
  // the NAT gateway's budget appears, the load balancer's outbound rule no longer decides
  const snat = of(changes, 'snat');
  expect(snat.find((c) => c.subject === 'natgw/aks-natgw')?.before).toBeNull();
  expect(snat.find((c) => c.subject === 'kubernetes/aksoutboundrule')?.after).toBeNull();
});

test('a route moved to another router changes the address its host is reached at', async () => {
  const before = demoCopy();
  const after = demoCopy();
  edit(after, 'kubernetes/routes.json', (doc) => {
    doc.items[0].status.ingress[0].routerName = 'sharded';
  });
  edit(after, 'kubernetes/services.json', (doc) => {
    const def = doc.items.find((s: any) => s.metadata.name === 'router-default');
    const sharded = JSON.parse(JSON.stringify(def));
    sharded.metadata.name = 'router-sharded';
    sharded.metadata.uid = 'sharded-uid';
    sharded.status.loadBalancer.ingress = [{ ip: '20.67.170.99' }];
    doc.items.push(sharded);
  });
  const changes = await diff(before, after);
  const host = of(changes, 'host');
  expect(host).toHaveLength(1);
  expect(host[0].subject).toBe('sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io');
  expect(host[0].before).toBe('20.67.170.10 (openshift-ingress/router-default on load balancer aro2-p8bjm)');
  expect(host[0].after).toMatch(/^20\.67\.170\.99 \(openshift-ingress\/router-sharded/);
  expect(host[0].impact).toMatch(/now reach 20\.67\.170\.99 instead of 20\.67\.170\.10/);
  expect(of(changes, 'egress')).toEqual([]);
});

test('a NetworkPolicy added changes the verdict between pods that talk', async () => {
  const before = demoCopy();
  const after = demoCopy();
  writeJson(join(after, 'kubernetes', 'policies.json'), {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'deny-all', namespace: 'project1' },
        spec: { podSelector: {}, policyTypes: ['Ingress'] },
      },
    ],
  });
  const changes = await diff(before, after);
  const policy = of(changes, 'policy');
  const pair = policy.find((c) => c.subject === 'project1/server → project1/sqlapi:8080')!;
  expect(pair.before).toBe('allowed');
  expect(pair.after).toMatch(/^denied by project1\/deny-all/);
  expect(pair.impact).toMatch(/is now denied by project1\/deny-all.* \(was allowed\)/);
  // only pairs into project1 change; nothing else does
  for (const c of changes) expect(c.subject).toMatch(/→ project1\//);
  expect(of(changes, 'egress')).toEqual([]);
});

const upperIds = (x: any): any =>
  typeof x === 'string' && x.startsWith('/subscriptions/')
    ? x.toUpperCase()
    : Array.isArray(x)
      ? x.map(upperIds)
      : x && typeof x === 'object'
        ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, upperIds(v)]))
        : x;

/** The same resources: top-level lists reversed, Azure IDs and names upper-cased. */
function shuffled(dir: string): void {
  for (const f of readdirSync(join(dir, 'kubernetes')))
    edit(dir, `kubernetes/${f}`, (doc) => void (Array.isArray(doc.items) && doc.items.reverse()));
  // Azure: az list output (an array), ARM REST ({value}) or one resource (az show)
  const upperName = (r: any) => ({ ...r, name: typeof r.name === 'string' ? r.name.toUpperCase() : r.name });
  for (const f of readdirSync(join(dir, 'azure')))
    edit(dir, `azure/${f}`, (doc) => {
      if (Array.isArray(doc)) return upperIds(doc.map(upperName).reverse());
      if (Array.isArray(doc.value)) return { ...doc, value: upperIds(doc.value.map(upperName).reverse()) };
      return upperIds(upperName(doc));
    });
}

test.each(['demo', 'aks-lb', 'aks-natgw', 'aks-udr-policy'])(
  'the same %s written in another order and casing has no changes',
  async (name) => {
    const before = name === 'demo' ? demoCopy() : fixtureCopy(name);
    const after = name === 'demo' ? demoCopy() : fixtureCopy(name);
    shuffled(after);
    // the edit did rewrite the data: every Azure file differs, with upper-cased IDs
    for (const f of readdirSync(join(after, 'azure'))) {
      const text = readFileSync(join(after, 'azure', f), 'utf8');
      expect(text).not.toEqual(readFileSync(join(before, 'azure', f), 'utf8'));
      expect(text).toContain('/SUBSCRIPTIONS/');
    }
    const [b, a] = await Promise.all([pathFacts(load(before)), pathFacts(load(after))]);
    expect(b.facts.length).toBeGreaterThan(5);
    expect(compare(b.facts, a.facts).changes).toEqual([]);
  },
);

test('facts are sorted and bounded', async () => {
  const { facts } = await pathFacts(load(demoCopy()));
  const keys = facts.map((f) => `${f.kind}\n${f.subject}`);
  expect(keys).toEqual([...keys].sort((x, y) => x.localeCompare(y)));
  expect(new Set(keys).size).toBe(keys.length);
});

test('compare: added, removed and detail-only changes each say what they mean', () => {
  const f = (subject: string, value: string, detail?: string): Fact => ({ kind: 'egress', subject, value, detail });
  const { changes } = compare(
    [f('ns/a', '1.1.1.1', 'outbound rule lb/r'), f('ns/gone', '2.2.2.2', 'x')],
    [f('ns/a', '1.1.1.1', 'NAT gateway gw'), f('ns/new', '3.3.3.3', 'y')],
  );
  expect(changes).toEqual([
    {
      kind: 'egress',
      subject: 'ns/a',
      before: '1.1.1.1 (outbound rule lb/r)',
      after: '1.1.1.1 (NAT gateway gw)',
      impact: 'ns/a still leaves as 1.1.1.1, but through NAT gateway gw instead of outbound rule lb/r.',
    },
    {
      kind: 'egress',
      subject: 'ns/gone',
      before: '2.2.2.2 (x)',
      after: null,
      impact: 'ns/gone no longer runs (it left as 2.2.2.2).',
    },
    {
      kind: 'egress',
      subject: 'ns/new',
      before: null,
      after: '3.3.3.3 (y)',
      impact: 'New workload ns/new leaves as 3.3.3.3 (y).',
    },
  ]);
  expect(compare([f('ns/A', '1.1.1.1', 'Rule')], [f('ns/a', '1.1.1.1', 'rule')]).changes).toEqual([]);
});

test('an EgressIP that the load balancer does not translate takes the workload off the Internet', async () => {
  const changes = await diff(demoCopy(), fixtureCopy('aro-egressip'));
  const sqlapi = of(changes, 'egress').find((c) => c.subject === 'project1/sqlapi')!;
  expect(sqlapi.before).toBe('20.105.84.161 (outbound rule aro2-p8bjm/outboundrule)');
  expect(sqlapi.after).toBe('no Internet egress (EgressIP 10.0.2.100 then outbound rule aro2-p8bjm/outboundrule)');
  expect(sqlapi.impact).toBe(
    'project1/sqlapi no longer reaches the Internet (it left as 20.105.84.161; ' +
      'now EgressIP 10.0.2.100 then outbound rule aro2-p8bjm/outboundrule).',
  );
});

test('an Azure Firewall rule added, or its collections reordered, is a change of what the firewall lets out', async () => {
  const before = fixtureCopy('aks-udr-policy');
  const added = fixtureCopy('aks-udr-policy');
  edit(added, 'azure/firewall-rule-groups.json', (doc) => {
    const net = doc.value[0].properties.ruleCollections[1];
    net.rules.push({
      ...net.rules[2],
      name: 'partner-pg',
      destinationAddresses: ['203.0.113.0/24'],
      destinationPorts: ['5432'],
    });
    return doc;
  });
  const [change] = of(await diff(before, added), 'firewall-rules');
  expect(change).toMatchObject({
    subject: 'hub-fw',
    impact: expect.stringMatching(
      /^Azure Firewall hub-fw rules changed: added DefaultNetworkRuleCollectionGroup \/ aks-egress \/ partner-pg: allow tcp\/5432 to 203\.0\.113\.0\/24\.$/,
    ),
  });
  const reordered = fixtureCopy('aks-udr-policy');
  edit(reordered, 'azure/firewall-rule-groups.json', (doc) => {
    const [deny, allow] = doc.value[0].properties.ruleCollections;
    [deny.priority, allow.priority] = [allow.priority, deny.priority];
    return doc;
  });
  expect(of(await diff(before, reordered), 'firewall-rules')[0]?.impact).toBe(
    'Azure Firewall hub-fw rules changed: the same rules in another order (priorities changed).',
  );
  expect(of(await diff(before, before), 'firewall-rules')).toEqual([]);
});
