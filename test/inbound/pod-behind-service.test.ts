// "How traffic reaches db-0" (the button offered for a pod) when the pod's Service has another name (db): answered
// for that Service, never "no route, ingress or Service named db-0".
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const aksLb = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-lb'));

test('a pod asked by its own name is answered for the Service that selects it', async () => {
  const r = await ask('inbound shop/db-0', aksLb, {}, 'inbound');
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(/^Service shop\/db is of type ClusterIP: nothing outside the cluster reaches it/);
  // db is headless: no virtual IP to name, its DNS name gives the pods' own addresses
  expect(r.answer).toMatch(/db\.shop\.svc\.cluster\.local, which gives the pods' own IPs \(a headless Service;/);
  expect(r.answer).not.toMatch(/None/);
});

test('a Service not exposed names the pods behind it ("way in to the api pod from outside?")', async () => {
  const r = await ask('way in to the api pod from outside?', aksLb);
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(/reach it at 10\.0\.201\.17 \(its pod api-5f6d7c8b9-klmno\)\.$/);
});

test('a name that is no pod, Service, route or ingress is still not found', async () => {
  const r = await ask('how does traffic reach checkout-7f9c', aksLb);
  expect(r.status).toBe('not-found');
});
