// A LoadBalancer Service reached directly on one of its ports: the load-balancing rule of that port is the way in
// (one rule per Service port), not the Service's first port.
// https://learn.microsoft.com/azure/aks/load-balancer-standard
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const aksLb = () => SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-lb'));

test('the ingress controller asked on 443 is answered on its 443 rule', async () => {
  const r = await ask('claims adjusters reach the ingress controller on 443 — walk the path in', aksLb());
  expect(r.intent).toBe('inbound');
  expect(r.answer).toContain('20.31.46.88:443');
  expect(r.answer).toContain('-TCP-443');
});

test('no port said: the first port, as before', async () => {
  const r = await ask('how does traffic reach service ingress-nginx-controller?', aksLb());
  expect(r.answer).toContain('20.31.46.88:80');
});

test('a port the Service does not have is not taken for it', async () => {
  const r = await ask('how does traffic reach service ingress-nginx-controller on 8443?', aksLb());
  expect(r.answer).not.toContain(':8443 (public frontend');
});
