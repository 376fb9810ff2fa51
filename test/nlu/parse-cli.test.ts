// `packet-path parse` shows how a question was read: the entities found (with what each matched in the snapshot)
// and the roles chosen, so a miss can be understood from outside.
import { join } from 'node:path';
import { main } from '../../src/cli';

async function parsed(question: string, fixture: string): Promise<{ code: number; out: any }> {
  let text = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  try {
    const code = await main(['parse', question, '--snapshot', join(__dirname, '..', 'fixtures', fixture)]);
    return { code, out: JSON.parse(text) };
  } finally {
    write.mockRestore();
  }
}

test('a pair question: both entities with what they matched, client and target', async () => {
  const { code, out } = await parsed('how do packets get from the web pods to the api service on 8080?', 'aks-lb');
  expect(code).toBe(0);
  expect(out.kind).toBe('east-west');
  expect(out.port).toBe(8080);
  expect(out.entities).toEqual([
    expect.objectContaining({ text: 'web', kind: 'workload', matched: 'shop/web-7d4b9c8f6d-abcde' }),
    expect.objectContaining({ text: 'api', kind: 'service', matched: 'shop/api' }),
  ]);
  expect(out.roles).toEqual({ client: 'web', target: 'api' });
});

test('an external URL is a destination, not a name; the pod IP is the subject', async () => {
  const { out } = await parsed(
    'what source ip do partners see when 10.244.1.9 calls https://api.stripe.com/v1',
    'aks-lb',
  );
  expect(out.kind).toBe('egress');
  expect(out.urlHosts).toEqual(['api.stripe.com']);
  expect(out.names).toEqual([]);
  expect(out.roles).toEqual({ subject: 'shop/db-0' });
});

test('the family scores and the evidence that counted are shown', async () => {
  const { out } = await parsed('lookup of api.shop.svc.cluster.local from web-7d4b9c8f6d-abcde', 'aks-lb');
  expect(out.kind).toBe('dns');
  expect(out.cues).toEqual({});
  expect(out.evidence).toEqual(expect.arrayContaining(['service-name-resolution']));
  expect(out.scores.dns).toBeGreaterThan(out.scores['east-west'] ?? 0);
});

test("the trained model's top families and the rule of the combination that decided are shown", async () => {
  const { out } = await parsed('how does the web pod get out to the internet?', 'aks-lb');
  expect(out.kind).toBe('egress');
  expect(out.model.top).toHaveLength(3);
  expect(out.model.top[0]).toEqual({ kind: 'egress', p: expect.any(Number) });
  expect(out.model.top[0].p).toBeGreaterThan(out.model.top[1].p);
  expect(out.model.decided).toEqual(expect.any(String));
});
