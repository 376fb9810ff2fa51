// Reachability by layer on snapshot fixtures: Service port vs targetPort, NetworkPolicy enforcement
// (AKS networkPolicy none), NSGs between two subnets (a deny, and an allow with a lower priority
// number winning), kubenet pod routes, and the layers an answer could not see.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import type { LayerVerdict, PathResult } from '../../src/path/result';

const fx = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));
const nsg = fx('aks-cni-nsg');
const kubenet = fx('aks-lb');
const layer = (r: PathResult, l: LayerVerdict['layer']) => (r.layers ?? []).filter((x) => x.layer === l);
const hops = (r: PathResult) => r.hops.map((h) => [h.kind, h.src, h.dst]);

test('Service 80→8080 asked on 8080: refused at the ClusterIP, the Service port named', async () => {
  const r = await ask('can api reach service web on 8080', nsg);
  expect(r.answer).toMatch(/^No: .*10\.0\.40\.10:8080 is refused, because the Service port is 80 \(→ pod 8080\)/);
  expect(r.verdict).toEqual({ allowed: false, by: [] });
  expect(r.layers).toEqual([
    { layer: 'service', verdict: 'refused', by: 'shop/web port 80 → 8080', note: '10.0.40.10:8080' },
  ]);
});

test('"web on 8080" without "service": the pods of web on 8080, with the Service port to use', async () => {
  const r = await ask('can api reach web on 8080', nsg);
  expect(r.verdict?.allowed).toBe(true);
  expect(r.hops.at(-1)).toMatchObject({ kind: 'pod', ip: '10.10.1.11', port: 8080 });
  expect(r.warnings.join('\n')).toContain(
    "Via the Service use web:80 (port 80 → targetPort 8080); web's ClusterIP does not listen on 8080",
  );
});

test('the pod port directly works; through the Service port 80 it is DNATed to 8080', async () => {
  const direct = await ask('can api reach web-5b8c7d6e4-x7y8z on 8080', nsg);
  expect(direct.verdict?.allowed).toBe(true);
  expect(direct.hops.at(-1)).toMatchObject({ kind: 'pod', ip: '10.10.1.11', port: 8080, src: '10.10.1.10' });
  const viaSvc = await ask('can api reach web on 80', nsg);
  expect(viaSvc.verdict?.allowed).toBe(true);
  expect(viaSvc.hops.find((h) => h.nat?.kind === 'dnat')?.nat).toEqual({
    kind: 'dnat',
    from: '10.0.40.10:80',
    to: '10.10.1.11:8080',
  });
  expect(layer(viaSvc, 'service')).toEqual([{ layer: 'service', verdict: 'allowed', by: 'shop/web port 80 → 8080' }]);
});

test('AKS networkPolicy none: a NetworkPolicy that would deny does not, and the answer says so', async () => {
  const r = await ask('can web reach api on 8080', nsg);
  expect(r.answer).toMatch(/^Yes: .*NetworkPolicies exist but this cluster enforces none/);
  expect(r.verdict).toEqual({ allowed: true, by: [] });
  expect(layer(r, 'network-policy')).toEqual([
    expect.objectContaining({ verdict: 'not-enforced', by: 'api-deny-all' }),
  ]);
  // same node: no NSG on the way
  expect(layer(r, 'nsg')).toEqual([expect.objectContaining({ verdict: 'not-applicable' })]);
});

test('NSG: an allow with a lower priority number wins over the subnet deny (api → db 5432)', async () => {
  const r = await ask('can api reach db-0 on 5432', nsg);
  expect(r.verdict?.allowed).toBe(true);
  expect(layer(r, 'nsg').map((l) => [l.verdict, l.by, l.note])).toEqual([
    ['allowed', 'aks-agentpool-23456789-nsg/AllowVnetOutBound, priority 65000, Allow', 'outbound at the NIC'],
    ['allowed', 'app-nsg/AllowVnetOutBound, priority 65000, Allow', 'outbound at the subnet'],
    ['allowed', 'db-nsg/allow-5432-from-api, priority 150, Allow', 'inbound at the subnet'],
    ['allowed', 'aks-agentpool-23456789-nsg/AllowVnetInBound, priority 65000, Allow', 'inbound at the NIC'],
  ]);
  expect(layer(r, 'route')).toEqual([
    expect.objectContaining({ verdict: 'allowed', by: expect.stringMatching(/VnetLocal/) }),
  ]);
  expect(hops(r).at(-1)).toEqual(['pod', '10.10.1.10', '10.10.2.10']);
  expect(r.seenAs).toEqual(['10.10.1.10']);
});

test('NSG: the subnet deny decides web → db 5432, named with its priority', async () => {
  const r = await ask('can web reach db-0 on 5432', nsg);
  expect(r.answer).toMatch(
    /^No: .*NSG db-nsg\/deny-5432-from-app-subnet, priority 200, Deny \(inbound at the subnet\)/,
  );
  expect(r.verdict).toEqual({ allowed: false, by: ['db-nsg/deny-5432-from-app-subnet'] });
  const n = layer(r, 'nsg');
  // evaluation stops at the deny: the target NIC's NSG is never reached
  expect(n.map((l) => l.verdict)).toEqual(['allowed', 'allowed', 'denied']);
  expect(n[2].by).toBe('db-nsg/deny-5432-from-app-subnet, priority 200, Deny');
});

test('kubenet: NSGs see the pod IPs, the pod route to the node is no firewall', async () => {
  const r = await ask('can api reach db-0 on 5432', kubenet);
  expect(r.verdict).toEqual({ allowed: true, by: ['shop/db-allow-api'] });
  expect(layer(r, 'network-policy')).toEqual([
    expect.objectContaining({ verdict: 'allowed', note: 'enforced by calico' }),
  ]);
  expect(layer(r, 'nsg').map((l) => l.by)).toEqual([
    'aks-agentpool-12345678-nsg/AllowVnetOutBound, priority 65000, Allow',
    'aks-agentpool-12345678-nsg/AllowVnetOutBound, priority 65000, Allow',
    'aks-agentpool-12345678-nsg/AllowVnetInBound, priority 65000, Allow',
    'aks-agentpool-12345678-nsg/AllowVnetInBound, priority 65000, Allow',
  ]);
  expect(layer(r, 'route')[0].by).toMatch(/10\.244\.1\.0\/24 → VirtualAppliance 10\.224\.0\.5/);
  expect(layer(r, 'firewall')).toEqual([]);
});

test('ARO: the router → app follow-up answers, OVN-Kubernetes enforcing, the route chosen for the node (Geneve tunnel)', async () => {
  const r = await ask(
    'can openshift-ingress/router-default-cf4d7b6d5-lcxtl reach project1/sqlapi-1-8jgx8',
    SnapshotInventory.demo(),
  );
  expect(r.status).toBe('answered');
  expect(r.verdict?.allowed).toBe(true);
  expect(layer(r, 'network-policy')).toEqual([
    expect.objectContaining({ verdict: 'allowed', note: expect.stringMatching(/ovn-kubernetes/) }),
  ]);
  // the overlay carries the pods' packet between node IPs: the route is looked up for the server's node
  expect(layer(r, 'route')).toEqual([expect.objectContaining({ note: "out of the client's subnet, for 10.0.2.4" })]);
});

test('a path question crosses the same NSGs: a deny is its answer, never "Allowed" by NetworkPolicy alone', async () => {
  for (const q of ['web to db-0 5432', 'what source IP does db-0 see from web on 5432?']) {
    const r = await ask(q, nsg);
    expect(r.intent).toBe('east-west');
    expect(r.answer).toMatch(/^shop\/web-5b8c7d6e4-x7y8z cannot reach shop\/db-0 on tcp:5432: NSG db-nsg\//);
    expect(r.answer).not.toMatch(/Allowed/);
    expect(r.title).toMatch(/^Denied by NSG/);
    expect(r.facts).toContainEqual({ label: 'NSG', value: expect.stringMatching(/^denied: db-nsg\//) });
    // the typed verdict and layers stay the policy family's
    expect(r.verdict).toBeUndefined();
    expect(r.layers).toBeUndefined();
  }
  const allowed = await ask('path api -> db-0:5432', nsg);
  expect(allowed.answer).toMatch(/sees 10\.10\.1\.10 .* as source/);
  expect(allowed.answer).not.toMatch(/cannot reach/);
});
