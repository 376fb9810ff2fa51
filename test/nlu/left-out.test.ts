// A name said in a list with names that matched, or written as a name after "pod" / "service", that matches nothing
// is named in the answer as left out; English words around names ("… and she wants", "… or some node?") are not.
import { join } from 'node:path';
import { ask } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const demo = SnapshotInventory.demo();
const aksLb = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-lb'));
const leftOut = (warnings: string[]) => warnings.filter((w) => w.startsWith('Nothing in this cluster is named'));

test.each([
  ['where do sqlapi and nosuchpod run?', demo, 'nosuchpod'],
  ['egress IP of sqlapi and of foobar', demo, 'foobar'],
  ['which node are web or payments-2 on', aksLb, 'payments-2'],
  ['policy for billing and api?', aksLb, 'billing'],
  ['where is pod sqlapi, and pod sqlapi-2?', demo, 'sqlapi-2'],
])('"%s": answered for what matched, "%s" named as left out', async (q, inv, word) => {
  const r = await ask(q, inv);
  expect(r.status).toBe('answered');
  expect(leftOut(r.warnings)).toEqual([
    `Nothing in this cluster is named "${word}" (no pod, app, Service, route or node): this answer leaves it out.`,
  ]);
});

test.each([
  ['The DBA says connections to the sql server come from 10.129.2.7 and she wants to know which pod that is', demo],
  ['for the server pod, the DNS query go which way? first to dns-default and after?', demo],
  ['our export job runs inside web and pushes files to 52.95.110.1. which public address does it use?', aksLb],
  ['spotted 10.0.87.214 in a firewall log. was it our ingress controller or some node?', aksLb],
  ['where do web and api run?', aksLb],
  ['Pod placement: shop/api after the node pool upgrade', aksLb],
])('"%s": nothing left out', async (q, inv) => {
  expect(leftOut((await ask(q, inv)).warnings)).toEqual([]);
});

// A message asking two pairs ("can A reach B and can C reach D?") answers both; a second pair that names nothing in
// the cluster is said to be unanswered, never dropped in silence (nor paired with the first pair's target).
describe('two pair questions in one message, on the demo', () => {
  test('both pairs exist: each is answered, in the order asked', async () => {
    const r = await ask('can sqlapi reach server and can dns-default reach router-default?', demo);
    expect(r.status).toBe('answered');
    expect(r.parts?.map((p) => [p.hops[0]?.name.split('/')[0], p.hops[p.hops.length - 1]?.name])).toEqual([
      ['project1', 'project1/server-1-ppl25'],
      ['openshift-dns', expect.stringMatching(/^openshift-ingress\/router-default-/)],
    ]);
  });

  test('the same two asked each way: both ways are answered', async () => {
    const r = await ask('can sqlapi reach server and can server reach sqlapi?', demo);
    expect(r.parts?.map((p) => p.hops[p.hops.length - 1]?.name)).toEqual([
      'project1/server-1-ppl25',
      'project1/sqlapi-1-8jgx8',
    ]);
  });

  test.each([
    ['can sqlapi reach server and can foo reach bar?', '"foo" or "bar"', 'can foo reach bar'],
    ['can sqlapi reach server and can foo reach dns-default?', '"foo"', 'can foo reach dns-default'],
  ])('"%s": the first pair answered, the second said to match nothing', async (q, names, said) => {
    const r = await ask(q, demo);
    expect(r.status).toBe('answered');
    expect(r.hops[r.hops.length - 1]?.name).toBe('project1/server-1-ppl25');
    expect(r.parts).toBeUndefined();
    expect(leftOut(r.warnings)).toEqual([
      `Nothing in this cluster is named ${names} (no pod, app, Service, route or node), so "${said}" is not answered.`,
    ]);
  });
});
