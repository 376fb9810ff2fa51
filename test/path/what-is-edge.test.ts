// what-is beyond the node resource group: the hub's firewall, the NAT gateway on its subnet and its prefix
// live in a connectivity subscription reached through the spoke's VNet peering.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const hub = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'hub-spoke-firewall'));

test.each([
  ['20.93.10.2', /public IP pip-afw-hub-weu-2 of Azure Firewall afw-hub-weu \(resource group rg-connectivity-firewall/],
  ['10.100.0.4', /private IP \(the next hop of routes\) of Azure Firewall afw-hub-weu/],
  ['20.93.20.5', /public IP pip-ng-afw-hub-weu of NAT gateway ng-afw-hub-weu/],
  ['20.93.21.1', /public IP prefix ippre-ng-afw-hub-weu \(20\.93\.21\.0\/31\) of NAT gateway ng-afw-hub-weu/],
])('what is %s', async (ip, expected) => {
  const r = await ask(`what is ${ip}?`, hub);
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(expected);
  expect(r.errors).toEqual([]);
});

test('an address nobody carries is still not found, after the wider search', async () => {
  const r = await ask('what is 20.93.99.9?', hub);
  expect(r.status).toBe('not-found');
});

test('the node resource group answers first: no wider search for a load balancer frontend', async () => {
  const r = await ask('what is 20.31.46.20?', hub);
  expect(r.answer).toMatch(/load balancer kubernetes/);
});

// an OpenShift EgressIP is no pod, Service, node or NIC address: the EgressIP object, whom it serves, which node holds it
test('what is an EgressIP address (aro-egressip)', async () => {
  const aro = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aro-egressip'));
  const r = await ask('what is 10.0.2.100?', aro);
  expect(r.intent).toBe('what-is');
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(/OpenShift EgressIP egressip-project1/);
  expect(r.answer).toMatch(/namespace\(s\) project1\b/);
  expect(r.answer).toMatch(/project1\/sqlapi-1-8jgx8/);
  expect(r.answer).toMatch(/held by node aro2-p8bjm-worker-northeurope2-h9rzp/);
  expect(r.verify).toContain('oc get egressip egressip-project1 -o yaml');
  expect(r.errors).toEqual([]);
});
