// what-is uses every resource in reach beyond the node resource group: a load balancer in a hub subscription (an
// NVA's internal one), the route tables naming the address as next hop, an Application Gateway's subnet.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const load = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));

test("an NVA's internal load balancer in another subscription, and the route next hop it is", async () => {
  const r = await ask('Identify 10.110.0.68 (next hop in route table)', load('aks-nva-ilb'));
  expect(r.intent).toBe('what-is');
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(/frontend fe-trust of internal load balancer lbi-nva \(resource group rg-nva/);
  expect(r.answer).toMatch(/HA ports/);
  expect(r.answer).toMatch(/backends nic-nva-01-trust, nic-nva-02-trust/);
  expect(r.answer).toMatch(/next hop of route default \(0\.0\.0\.0\/0, VirtualAppliance\) in route table aks-udr/);
  expect(r.answer).toMatch(/aks-vnet-12345678\/aks-subnet/);
  expect(r.verify.join('\n')).toMatch(/az network route-table route list -g rg-aks-network --route-table-name aks-udr/);
  expect(r.errors).toEqual([]);
});

test('a node IP a route table names as next hop is the node first (no wider search)', async () => {
  const r = await ask('what is 10.224.0.4?', load('aks-nva-ilb'));
  expect(r.answer).toMatch(/the IP of node/);
  expect(r.answer).not.toMatch(/route table/);
});

test("an address in an Application Gateway's subnet: its instances' source (aks-agic)", async () => {
  const text =
    '10.225.0.6 - - [02/Dec/2026:08:01:44 +0000] "GET / HTTP/1.1" 200\nwhat is 10.225.0.6 in the web access log?';
  const r = await ask(text, load('aks-agic'));
  expect(r.intent).toBe('what-is');
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(/subnet appgw-subnet \(10\.225\.0\.0\/24\) of Application Gateway aks-agw/);
  expect(r.answer).toMatch(/X-Forwarded-For/);
  expect(r.errors).toEqual([]);
});

test('an address nobody in reach carries is still not found', async () => {
  const r = await ask('what is 10.110.0.99?', load('aks-nva-ilb'));
  expect(r.status).toBe('not-found');
  expect(r.answer).toMatch(/route next hop/);
});

test("a NIC behind an NVA's internal load balancer in another subscription: the NIC, its VM, the pool", async () => {
  const r = await ask('what is 10.110.0.69?', load('aks-nva-ilb'));
  expect(r.intent).toBe('what-is');
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(
    /IP configuration ipconfig1 of NIC nic-nva-01-trust \(VM vm-nva-01, resource group rg-nva\)/,
  );
  expect(r.answer).toMatch(/a backend of internal load balancer lbi-nva \(pool be-nva/);
  expect(r.verify.join('\n')).toMatch(/az network nic show --ids \S+\/networkInterfaces\/nic-nva-01-trust/);
  expect(r.errors).toEqual([]);
});
