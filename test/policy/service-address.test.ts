// An egress ipBlock that names a Service's address rather than its pods: whether a NetworkPolicy sees the address
// the client dials or the pod it is translated to is not defined by Kubernetes, so a verdict that differs is said.
import { ask } from '../../src/answer';
import { edit, onEdited } from '../helpers/fixtures';

const apiEgress = (to: unknown) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'api-egress-services', namespace: 'shop' },
  spec: { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ to: [to] }] },
});

const withApiEgress = (q: string, to: unknown) =>
  onEdited(
    'aks-lb',
    (dir) => edit(dir, 'kubernetes/policies.json', (doc) => void doc.items.push(apiEgress(to))),
    (inv) => ask(q, inv),
  );

test("an ipBlock over the service network: denied for the pod address, and the Service address's verdict said", async () => {
  const r = await withApiEgress('can api reach the web service on port 80?', { ipBlock: { cidr: '10.0.0.0/16' } });
  expect(r.intent).toBe('policy');
  expect(r.answer).toMatch(/^No: /);
  const said = r.warnings.join('\n');
  expect(said).toMatch(
    /judged for 10\.0\.118\.42 itself it is allowed \(allowed by NetworkPolicy shop\/api-egress-services\)/,
  );
  expect(said).toMatch(/Kubernetes leaves undefined which of the two a NetworkPolicy sees/);
});

test('an ipBlock over the pods: allowed, and the Service address read the other way said', async () => {
  const r = await withApiEgress('can api reach the web service on port 80?', { ipBlock: { cidr: '10.244.0.0/16' } });
  expect(r.answer).toMatch(/^Yes: /);
  expect(r.warnings.join('\n')).toMatch(/judged for 10\.0\.118\.42 itself it is denied/);
});

test('a pod selector: both readings agree, nothing more is said', async () => {
  const r = await withApiEgress('can api reach the web service on port 80?', {
    podSelector: { matchLabels: { app: 'web' } },
  });
  expect(r.answer).toMatch(/^Yes: /);
  expect(r.warnings.join('\n')).not.toMatch(/leaves undefined which of the two/);
});
