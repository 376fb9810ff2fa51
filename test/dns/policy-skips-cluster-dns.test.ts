// A pod whose dnsPolicy does not ask the cluster DNS (None: dnsConfig's nameservers only) cannot resolve cluster
// names: the answer says so, with the names it asks and the fix, instead of the Service's address.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const inv = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-custom-dns'));

test.each([
  'what does db.shop resolve to from legacy-0?',
  'db.shop does not resolve from legacy-0, what is its dns path?',
])('%s', async (q) => {
  const r = await ask(q, inv, {}, 'dns');
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(
    /^db\.shop is Service shop\/db \(db\.shop\.svc\.cluster\.local → 10\.225\.1\.9, the ready pod IPs, as a headless Service has no ClusterIP\)/,
  );
  expect(r.answer).toContain(
    'legacy-0 does not ask the cluster DNS (dnsPolicy None: only the dnsConfig nameservers 10.100.2.4)',
  );
  expect(r.answer).toContain('it asks 10.100.2.4 for db.shop.corp.contoso.com, db.shop;');
  expect(r.answer).toMatch(/Give it dnsPolicy ClusterFirst, or add the cluster DNS \(10\.0\.0\.10\)/);
  expect(r.answer).not.toMatch(/resolves from legacy-0 to/);
  expect(r.facts.map((f) => f.label)).not.toContain('upstream');
  expect(r.warnings.join('\n')).not.toMatch(/VNet could not be read/);
});

test('a ClusterFirst pod still gets the address', async () => {
  const r = await ask('what does db.shop resolve to from web?', inv, {}, 'dns');
  expect(r.answer).toMatch(/db\.shop resolves from shop\/web-\S+ to 10\.225\.1\.9/);
});

test('Azure DNS upstream: its queries never cross the on-premises link (aro-effective-routes)', async () => {
  const aro = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aro-effective-routes'));
  const r = await ask('dns path of sqlapi', aro, {}, 'dns');
  expect(r.answer).toContain(
    '168.63.129.16 is a virtual IP of the Azure host, so those queries never cross the on-premises link',
  );
});

test('custom VNet DNS servers: the route to them decides, and the command that shows it', async () => {
  const r = await ask('dns path of web', inv, {}, 'dns');
  expect(r.answer).toMatch(/whether they cross the on-premises link \(VPN or ExpressRoute gateway\) depends on/);
  expect(r.verify.join('\n')).toMatch(/az network nic show-effective-route-table -g \S+ -n \S+ -o table/);
});

test("a host-network pod's lookup reads its node's Azure side: the upstream the VNet names, and who it sees", async () => {
  const r = await ask('what does db.shop resolve to from node-exporter-7x2kq', inv, {}, 'dns');
  expect(r.answer).toContain('so it does not resolve from node-exporter-7x2kq');
  const facts = Object.fromEntries(r.facts.map((f) => [f.label, f.value]));
  expect(facts.upstream).toBe('10.100.2.4, 10.100.2.5 (vnet)');
  expect(facts['upstream sees']).toBe('10.224.0.5');
  expect(r.warnings.join('\n')).not.toMatch(/could not be read/);
});
