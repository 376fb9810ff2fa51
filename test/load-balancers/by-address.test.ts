// A load balancer question that gives an address is about the load balancer whose frontend holds it, wherever it is:
// the internal one in front of the appliances a route sends to sits in the hub, outside the node resource group.
// https://learn.microsoft.com/azure/architecture/networking/guide/network-virtual-appliance-high-availability
// The cloud provider names an internal Service's frontend after the Service's UID, as it does a public one's.
// https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const fixture = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));

test("the route's next hop: the hub load balancer holding it, with the appliances behind it", async () => {
  const r = await ask(
    "our UDR sends everything to 10.110.0.68. what's behind that load balancer?",
    fixture('aks-nva-ilb'),
  );
  expect(r.intent).toBe('load-balancers');
  expect(r.answer).toMatch(/^1 load balancer in rg-nva:/);
  expect(r.answer).toContain('nic-nva-01-trust 10.110.0.69, nic-nva-02-trust 10.110.0.70');
  expect(r.answer).not.toContain('• kubernetes ');
});

test('a frontend address of the cluster: that load balancer alone, with the Service it carries', async () => {
  const r = await ask('which load balancer has 10.224.0.100?', fixture('aks-fw-dnat'));
  expect(r.answer).toMatch(/^1 load balancer in MC_rg-aks_aks1_westeurope:\n• kubernetes-internal/);
  expect(r.answer).toContain('ingress for Service shop/web-internal (port 80)');
});

test('an internal load balancer named: its frontend names the Service it was made for', async () => {
  const r = await ask("what's behind kubernetes-internal?", fixture('aks-fw-dnat'));
  expect(r.answer).toContain('ingress for Service shop/web-internal');
});

test('an address no load balancer holds changes nothing: every load balancer is listed', async () => {
  const r = await ask('which load balancers send to 10.224.0.5?', fixture('aks-fw-dnat'));
  expect(r.intent).toBe('load-balancers');
  expect(r.answer).toContain('kubernetes-internal');
  expect(r.answer).toMatch(/• kubernetes \(/);
});
