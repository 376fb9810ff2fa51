// DNS said *for* a workload is its pods' resolver path (the Service of the same name answered on the way); a short
// name that does not resolve from the pods asked about names those pods.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const aksLb = () => SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-lb'));

test('"dns 4 api": the api pod resolver path, and what its Service name resolves to', async () => {
  const r = await ask('pls chk dns 4 api', aksLb());
  expect(r.intent).toBe('dns');
  expect(r.status).toBe('answered');
  expect(r.answer).toContain('api-5f6d7c8b9-klmno in shop (dnsPolicy ClusterFirst) sends DNS queries');
  expect(r.answer).toContain('api.shop.svc.cluster.local → 10.0.201.17');
});

test('"the api svc" is the name looked up, not the pods', async () => {
  const r = await ask('dns for the api svc', aksLb());
  expect(r.intent).toBe('dns');
  expect(r.answer).not.toContain('dnsPolicy');
  expect(r.answer).toContain('10.0.201.17');
});

test('a short name from another namespace: "no", with the pods it was asked from and the name that works', async () => {
  const r = await ask("does plain 'api' work as a name from the ingress-nginx pods?", aksLb());
  expect(r.intent).toBe('dns');
  expect(r.status).toBe('answered');
  expect(r.answer).toMatch(
    /^api does not resolve from pods ingress-nginx-controller-\S+, ingress-nginx-controller-\S+ in/,
  );
  expect(r.answer).toContain('use api.shop');
});
