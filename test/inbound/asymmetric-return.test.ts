// The way back: with the node subnet's default route to a firewall, a reply to an Internet client does not go back
// through the public load balancer that brought the request in, and the firewall drops it (asymmetric routing,
// https://learn.microsoft.com/azure/firewall/integrate-lb#asymmetric-routing). A route sending the client to the
// Internet, a client the firewall DNATs, or a cluster with no such route: no warning.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { edit, onEdited } from '../helpers/fixtures';
import { liveRig } from '../helpers/live';

const fixture = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));

test('a public load balancer behind a default route to a firewall: the connection most likely fails, said first', async () => {
  const r = await ask('can the internet reach web on 80?', fixture('aks-udr'));
  expect(r.answer).toMatch(
    /^The connection most likely fails: replies to an Internet client leave the node by route default \(0\.0\.0\.0\/0 → VirtualAppliance 10\.100\.0\.4\) of route table aks-udr, not back through the load balancer/,
  );
  expect(r.answer).toMatch(/Were the replies routed back: shop\.contoso\.com resolves to 20\.31\.46\.88/);
  expect(r.warnings[0]).toMatch(/^Asymmetric routing: .* Fix: publish the service through the firewall \(DNAT to it\)/);
  expect(r.verify).toContain('az network route-table route list --route-table-name aks-udr -g <rg> -o table');
});

test("a Virtual WAN spoke whose hub's routing intent sends the Internet to its firewall: the replies follow it", async () => {
  const r = await ask('can the internet reach web on 80?', fixture('aks-vwan'));
  expect(r.answer).toMatch(
    /^The connection most likely fails: replies to an Internet client leave the node by BGP route 0\.0\.0\.0\/0 → VirtualAppliance 10\.120\.0\.132 \(Virtual WAN hub vhub-weu, routing intent policy \w+\)/,
  );
});

test('no route to an appliance (the load balancer carries the replies back): no warning', async () => {
  const r = await ask('can the internet reach web on 80?', fixture('aks-lb'));
  expect(r.answer).toMatch(/^shop\.contoso\.com resolves to 20\.31\.46\.88/);
  expect(r.warnings.join('\n')).not.toMatch(/Asymmetric/);
});

test("a client whose address a route sends to the Internet gets its replies; another client's are misrouted", async () => {
  const direct = { name: 'partner', addressPrefix: '198.51.100.0/24', nextHopType: 'Internet' };
  const add = (dir: string) => edit(dir, 'azure/route-tables.json', (doc) => void doc[0].routes.push(direct));
  await onEdited('aks-udr', add, async (inv) => {
    const partner = await ask('can 198.51.100.7 reach web on 80?', inv);
    expect(partner.warnings.join('\n')).not.toMatch(/Asymmetric/);
    const other = await ask('can 203.0.113.9 reach web on 80?', inv);
    expect(other.answer).toMatch(
      /^The connection most likely fails: replies to 203\.0\.113\.9 leave the node by route/,
    );
    expect(other.answer).toMatch(/add a route sending 203\.0\.113\.9\/32 to Internet/);
  });
});

test('a client the firewall DNATs to an internal load balancer: the reply goes back to the firewall', async () => {
  const line = "TCP request from 203.0.113.40:51514 to 51.104.20.30:443 was DNAT'ed to 10.224.0.100:80";
  const r = await ask(`${line}\nwhich pods does this land on?`, fixture('aks-fw-dnat'));
  expect(r.warnings.join('\n')).not.toMatch(/Asymmetric/);
});

test('live: the route table read through the SDK from the fake ARM server gives the same answer', async () => {
  const rig = await liveRig(join(__dirname, '..', 'fixtures', 'aks-udr'));
  try {
    const q = 'how does traffic from 203.0.113.9 reach web on 80?';
    const live = await ask(q, rig.inventory);
    expect(live.errors).toEqual([]);
    expect(live.answer).toMatch(/^The connection most likely fails: replies to 203\.0\.113\.9 leave the node by route/);
    expect(live.answer).toBe((await ask(q, fixture('aks-udr'))).answer);
    expect(rig.arm.requestsTo(/\/routeTables\/aks-udr$/).map((x) => x.status)).toContain(200);
  } finally {
    await rig.stop();
  }
});
