// "Which IPs must the customer allowlist?": with no pod named, the egress of the whole cluster (or of the namespace
// named) is answered from one pod on each node and for each EgressIP, every distinct way out once.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { renderCard } from '../../src/cards/card';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const fixture = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));

test('the cluster behind a NAT gateway: one answer, every address of the gateway to allowlist', async () => {
  const r = await ask('which IPs does a customer have to allowlist for our outbound calls?', fixture('aks-natgw'));
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(/^Every pod checked in the cluster gets the same answer \(3 pods checked, one on each/);
  expect(r.seenAs).toEqual(['20.50.61.10', '20.50.61.11', '20.50.60.0/30']);
  expect(r.facts[0]).toEqual({ label: 'Seen outside as', value: '20.50.61.10, 20.50.61.11, 20.50.60.0/30' });
  // the card heads with every address to allowlist
  const card = JSON.stringify(renderCard(r));
  expect(card).toMatch(/Egress of the cluster: 20\.50\.61\.10, 20\.50\.61\.11, 20\.50\.60\.0\/30/);
});

test('nodes that leave differently are each said, with the pods checked there', async () => {
  const r = await ask('what are all our egress IPs?', fixture('aks-effective-routes'));
  expect(r.answer).toMatch(/^2 different answers in the cluster/);
  // one node's NIC sees a BGP default route to the VPN gateway (forced tunnelling), the others leave by the LB
  expect(r.answer).toMatch(/• shop\/web-7d4b9c8f6d-abcde: .*virtual network gateway/);
  expect(r.answer).toMatch(/• shop\/web-7d4b9c8f6d-fghij, shop\/api-5f6d7c8b9-klmno: .* as 20\.31\.45\.117/);
  expect(r.seenAs).toEqual(['20.31.45.117']);
});

test('pods an EgressIP selects are checked apart from the others', async () => {
  const r = await ask('egress ips of the cluster?', fixture('aro-egressip'));
  expect(r.answer).toMatch(/one on each of its 2 nodes and for each EgressIP/);
  expect(r.answer).toMatch(/EgressIP 10\.0\.2\.100/);
  // the EgressIP's address is not translated by the load balancer: nothing to allowlist is claimed
  expect(r.seenAs).toBeUndefined();
});

test('a namespace named alone scopes the sample; a lone "the egress ip" still asks which pod', async () => {
  const ns = await ask('egress IPs of namespace shop', fixture('aks-lb'));
  expect(ns.answer).toMatch(/^Every pod checked in namespace shop gets the same answer/);
  const demo = SnapshotInventory.demo();
  const which = await ask("what's the egress ip?", demo);
  expect(which.status).toBe('not-understood');
  expect(which.answer).toMatch(/^Which pod\?/);
  const cluster = await ask('what public IPs does our cluster go out with?', demo);
  expect(cluster.seenAs).toEqual(['20.105.84.161']);
  // the router and other platform pods are not the workloads asked about
  expect(cluster.answer).not.toMatch(/openshift-/);
});
