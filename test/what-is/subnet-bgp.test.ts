// what-is names the subnet an otherwise unheld address belongs to (and what its delegation is for), and a virtual
// network gateway's address that the nodes' effective routes give as the next hop of BGP routes.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const load = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));

test('an address of a subnet delegated to Application Gateway for Containers (aks-agc)', async () => {
  const r = await ask('whatis 10.225.1.20', load('aks-agc'));
  expect(r.intent).toBe('what-is');
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(/an address of subnet subnet-alb \(10\.225\.1\.0\/24\) in VNet aks-vnet-12345678/);
  expect(r.answer).toMatch(/delegated to Microsoft\.ServiceNetworking\/trafficControllers \(Application Gateway for/);
  expect(r.answer).toMatch(/source of the connections they open to the pods/);
  expect(r.answer).toMatch(/nothing in the data holds it/);
  expect(r.verify.join('\n')).toMatch(/az network vnet subnet show -g \S+ --vnet-name aks-vnet-12345678 -n subnet-alb/);
  expect(r.errors).toEqual([]);
});

test('an unheld address of the node subnet names the subnet, without a delegation', async () => {
  const r = await ask('what is 10.224.0.99?', load('aks-agc'));
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(/an address of subnet aks-subnet \(10\.224\.0\.0\/16\) in VNet aks-vnet-12345678;/);
  expect(r.answer).not.toMatch(/delegated/);
});

test("a BGP next hop in the nodes' effective routes: the virtual network gateway (aks-effective-routes)", async () => {
  const r = await ask('whatis 10.100.1.4', load('aks-effective-routes'));
  expect(r.intent).toBe('what-is');
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(
    /next hop of BGP routes 192\.168\.0\.0\/16, 0\.0\.0\.0\/0 \(next hop type VirtualNetworkGateway\)/,
  );
  expect(r.answer).toMatch(
    /effective routes of NIC aks-nodepool1-12345678-vmss \(node aks-nodepool1-12345678-vmss000000\)/,
  );
  expect(r.answer).toMatch(/virtual network gateway \(VPN or ExpressRoute\)/);
  expect(r.verify.join('\n')).toMatch(
    /az network nic show-effective-route-table -g \S+ -n aks-nodepool1-12345678-vmss/,
  );
  expect(r.errors).toEqual([]);
});

test('an address neither held, in a subnet nor a next hop is still not found', async () => {
  const r = await ask('whatis 10.100.1.5', load('aks-effective-routes'));
  expect(r.status).toBe('not-found');
});
