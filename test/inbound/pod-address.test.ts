// A private client and a Service that is not exposed: with Azure CNI the pod has a VNet address the client dials
// directly (https://learn.microsoft.com/azure/aks/concepts-network-cni-overview), so the answer judges that way —
// the client subnet's NSG and route, the pod subnet's and node NIC's NSGs, NetworkPolicy — instead of "nothing
// outside reaches it". kubenet and overlay pods are reached only through a route to their node. A private client
// dialling a public frontend leaves its network SNATed (https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections).
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit, onEdited } from '../helpers/fixtures';
import { liveRig } from '../helpers/live';

const fixture = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));

test('a client of the app subnet to db-0: denied by the db subnet NSG, said first, with the path and commands', async () => {
  const r = await ask('can 10.10.1.77 reach db-0 on 5432?', fixture('aks-cni-nsg'));
  expect(r.answer).toMatch(
    /^No: 10\.10\.1\.77 cannot reach shop\/db-0 at 10\.10\.2\.10:5432 — NSG db-nsg\/deny-5432-from-app-subnet, priority 200, Deny drops it \(inbound at the subnet\)\./,
  );
  expect(r.answer).toMatch(/dials 10\.10\.2\.10 directly in the same VNet aks2-vnet: no load balancer, no NAT/);
  expect(r.verdict).toEqual({ allowed: false, by: ['NSG db-nsg/deny-5432-from-app-subnet, priority 200, Deny'] });
  expect(r.hops.map((h) => [h.kind, h.name])).toEqual([
    ['client', '10.10.1.77'],
    ['pod', 'shop/db-0'],
  ]);
  expect(r.hops[0].note).toBe('in subnet app-subnet of VNet aks2-vnet');
  expect(r.seenAs).toEqual(['10.10.1.77']);
  expect(r.verify).toContain('az network nsg rule list -g rg-aks2-network --nsg-name db-nsg -o table');
});

test('a client of the app subnet to web: every layer read lets it in, "yes"', async () => {
  const r = await ask('can 10.10.1.77 reach web on 8080?', fixture('aks-cni-nsg'));
  expect(r.answer).toMatch(/^Yes: 10\.10\.1\.77 can reach shop\/web-\S+ at 10\.10\.1\.11:8080\./);
  expect(r.verdict?.allowed).toBe(true);
  expect(r.layers?.map((l) => [l.layer, l.verdict])).toEqual([
    ['nsg', 'allowed'],
    ['nsg', 'allowed'],
    ['nsg', 'allowed'],
    ['network-policy', 'not-enforced'],
  ]);
});

test('a pod address dialled, an ASG rule that may cover the client: not sure, no verdict', async () => {
  const r = await ask('can 10.10.3.5 reach 10.10.2.10 on 5432?', fixture('aks-nsg-asg'));
  expect(r.answer).toMatch(
    /^Not sure: 10\.10\.3\.5 gets in only if NSG rule db-nsg\/allow-5432-api-to-db \(priority 150\) applies; otherwise NSG db-nsg\/deny-5432-to-db, priority 200, Deny drops it\./,
  );
  expect(r.verdict).toBeUndefined();
  expect(r.hops[1].name).toBe('shop/db-0');
});

test('a client in neither the VNet nor a peering: not sure, a gateway may carry it (and counts as VirtualNetwork)', async () => {
  const r = await ask('how does 10.30.9.9 reach api?', fixture('aks-cni-podsubnet'));
  expect(r.answer).toMatch(
    /^Not sure: NetworkPolicy and the NSGs read let 10\.30\.9\.9 reach shop\/api-\S+ at 10\.225\.2\.15:8080, but 10\.30\.9\.9 is in neither the VNet nor a peered one/,
  );
  expect(r.verdict).toBeUndefined();
});

test('a client of a peered VNet: over the peering, and nothing over a disconnected one', async () => {
  const peering = (state: string) => ({
    name: 'to-hub',
    remoteVirtualNetwork: { id: '/subscriptions/s/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub' },
    remoteAddressSpace: { addressPrefixes: ['10.100.0.0/16'] },
    peeringState: state,
  });
  const peer = (state: string) => (dir: string) =>
    edit(dir, 'azure/vnet.json', (doc) => void (doc[0].virtualNetworkPeerings = [peering(state)]));
  await onEdited('aks-cni-nsg', peer('Connected'), async (inv) => {
    const r = await ask('can 10.100.4.20 reach web on 8080?', inv);
    expect(r.answer).toMatch(/^Yes: 10\.100\.4\.20 can reach .* directly over VNet peering to-hub/);
  });
  await onEdited('aks-cni-nsg', peer('Disconnected'), async (inv) => {
    const r = await ask('can 10.100.4.20 reach web on 8080?', inv);
    expect(r.answer).toMatch(
      /^No: 10\.100\.4\.20 cannot reach .* — peering to-hub drops it \(its state is Disconnected\)/,
    );
  });
});

test("kubenet: a pod's address is reached only where the client's subnet routes it to the node", async () => {
  const routed = await ask('can 10.224.0.50 reach 10.244.1.9 on 5432?', fixture('aks-lb'));
  expect(routed.answer).toMatch(
    /10\.224\.0\.50's subnet does route the pod's own address 10\.244\.1\.9: route \S+ \(10\.244\.1\.0\/24 → VirtualAppliance 10\.224\.0\.5\), so it can dial the pod directly/,
  );
  const other = await ask('can 10.100.0.50 reach db-0 on 5432?', fixture('aks-lb'));
  expect(other.answer).toMatch(
    /^No: 10\.100\.0\.50 cannot dial shop\/db-0's own address 10\.244\.1\.9:5432: it is an address of the kubenet pod network/,
  );
  const overlay = await ask('can 10.224.0.50 reach api on 8080?', fixture('aks-cni-overlay'));
  expect(overlay.answer).toMatch(
    /^No: 10\.224\.0\.50 cannot dial \S+ own address 10\.244\.2\.15:8080: .* Azure CNI Overlay/,
  );
  // the pod's address said by the pod's name, in the words of a question and of a flow drawn from the client
  // https://learn.microsoft.com/azure/aks/concepts-network-cni-overview
  for (const q of [
    "can 10.100.4.20 reach db-0's pod ip on 5432?",
    'path from 10.100.4.20 to db-0 pod ip on 5432',
    'a hub VM at 10.100.4.20 wants to dial the db-0 pod IP on 5432 directly. possible?',
    '10.100.4.20 -> 10.244.1.9:5432 ok?',
  ])
    expect((await ask(q, fixture('aks-cni-overlay'))).answer).toMatch(
      /^No: 10\.100\.4\.20 cannot dial shop\/db-0's own/,
    );
  const placed = 'could the backup box in the hub vnet at 10.100.2.10 open the db-0 pod ip on 5432';
  expect((await ask(placed, fixture('aks-cni-overlay'))).answer).toMatch(/^No: 10\.100\.2\.10 cannot dial/);
  const subnet = await ask(
    'from the jump box 10.100.4.20 can I hit the pod ip of db-0 on 5432?',
    fixture('aks-cni-podsubnet'),
  );
  expect(subnet.answer).toMatch(/^No: 10\.100\.4\.20 cannot reach shop\/db-0 at 10\.225\.1\.9:5432 — NetworkPolicy/);
});

test('live: the NSGs read through the SDK from the fake ARM server give the same answer', async () => {
  const rig = await liveRig(join(__dirname, '..', 'fixtures', 'aks-cni-nsg'));
  try {
    const q = 'can 10.10.1.77 reach db-0 on 5432?';
    const live = await ask(q, rig.inventory);
    expect(live.errors).toEqual([]);
    expect(live.answer).toBe((await ask(q, fixture('aks-cni-nsg'))).answer);
    expect(rig.arm.requestsTo(/\/networkSecurityGroups\/db-nsg$/).map((x) => x.status)).toContain(200);
  } finally {
    await rig.stop();
  }
});

test('a private client dialling a public frontend arrives SNATed: the pod never sees its private address', async () => {
  const r = await ask('how does a VM at 10.100.4.20 reach the web service?', fixture('hub-spoke-firewall'));
  expect(r.answer).toMatch(/the pod sees 10\.100\.4\.20's public address \(SNAT\)\./);
  expect(r.hops.slice(1).map((h) => h.src)).not.toContain('10.100.4.20');
  expect(r.seenAs).toEqual(["10.100.4.20's public address (SNAT)"]);
  expect(r.clientIp).toBe('snat');
  expect(r.warnings.join('\n')).toMatch(
    /10\.100\.4\.20 is a private address dialling the public frontend 20\.31\.46\.20/,
  );
  const internet = await ask('how does 203.0.113.9 reach the web service?', fixture('aks-lb'));
  expect(internet.seenAs).toEqual(['203.0.113.9']);
});
