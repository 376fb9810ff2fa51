// Entities first (issue 12): names matched against the inventory before the intent, per-name namespaces,
// English-word pod names, pod IPs as clients, groups, buttons for unclear questions, out-of-scope replies.
import { join } from 'node:path';
import { ask, understandWith } from '../../src/answer';
import { familyOf as cardFamily } from '../../src/cards/card';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { parse } from '../../src/nlu/parse';

const demo = SnapshotInventory.demo();
const aksLb = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-lb'));
const e2e = SnapshotInventory.load(join(__dirname, 'fixtures', 'netpol-e2e'));
const ROUTER = 'openshift-ingress/router-default-cf4d7b6d5-lcxtl';
const SQLAPI = 'project1/sqlapi-1-8jgx8';

test('a word that matches nothing and is not written as a name is never looked up nor echoed', async () => {
  const close = await ask('are we close to SNAT port exhaustion on web?', aksLb);
  expect(close.answer).not.toMatch(/close/);
  expect(close.status).toBe('answered');
  const lbs = await ask('LB inventory pls', demo);
  expect(lbs.status).toBe('answered');
  expect(lbs.answer).not.toMatch(/inventory/);
  // written as a name ("pod X"): looked up, and not found is said
  const typed = await ask('egress ip of pod checkout', aksLb);
  expect(typed.status).toBe('not-found');
  expect(typed.answer).toMatch(/checkout/);
});

test('each name keeps its own namespace: ns/name, name -n ns, name in namespace ns, name.ns', async () => {
  expect(parse('path b -n y to c -n z').refs).toEqual([
    { name: 'b', namespace: 'y' },
    { name: 'c', namespace: 'z' },
  ]);
  for (const [q, client, target] of [
    ['can pod y/b reach pod x/c on port 80?', 'y/b', 'x/c'],
    ['can a in namespace y talk to a in namespace x on 81', 'y/a', 'x/a'],
    ['path from b.y to a.x on port 80', 'y/b', 'x/a'],
    ['what source ip does a in z see when b in x connects', 'x/b', 'z/a'],
  ]) {
    const r = await ask(q, e2e);
    expect([q, r.status, r.hops[0]?.name, r.hops.at(-1)?.name]).toEqual([q, 'answered', client, target]);
  }
});

test('English words are names when written as names and an inventory object matches', async () => {
  const i = await understandWith('can x/a reach y/b', e2e);
  expect(i.entities?.map((e) => `${e.kind}:${e.matched}`)).toEqual(['pod:x/a', 'pod:y/b']);
  expect(i.roles).toEqual({ client: 'x/a', target: 'y/b' });
  // the e2e truth: x/a admits only namespace y on port 80
  const denied = await ask('can x/b reach x/a on 80', e2e);
  expect(denied.verdict?.allowed).toBe(false);
  const allowed = await ask('can y/b reach x/a on 80', e2e);
  expect(allowed.verdict?.allowed).toBe(true);
});

test('a pod IP is a pod: as the client of a pair question and as the subject', async () => {
  const path = await ask('path from 10.129.2.7 to server:1433', demo);
  expect([path.hops[0]?.name, path.hops.at(-1)?.name]).toEqual([SQLAPI, 'project1/server-1-ppl25']);
  const egress = await ask('egress ip of 10.129.2.7', demo);
  expect(egress.seenAs).toEqual(['20.105.84.161']);
  expect(egress.answer).toContain('sqlapi-1-8jgx8');
});

test("the inbound card's follow-up: the router pod reaches the app pod, each in its own namespace", async () => {
  const r = await ask(`can ${ROUTER} reach ${SQLAPI}`, demo);
  expect([r.status, r.intent, r.hops[0]?.name, r.hops.at(-1)?.name]).toEqual(['answered', 'policy', ROUTER, SQLAPI]);
});

test('cue words plus entity types: the misroutes of the issue', async () => {
  const cases: [string, string][] = [
    ['how does sqlapi reach the internet', 'egress'],
    ['how does the server pod reach the sqlapi service?', 'east-west'],
    ['what source IP shows up in the sqlapi logs for requests coming through the router?', 'inbound'],
    ['how does a request to https://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip reach it?', 'inbound'],
  ];
  for (const [q, kind] of cases) expect([q, (await understandWith(q, demo)).kind]).toEqual([q, kind]);
  const logs = await ask('what source IP shows up in the sqlapi logs for requests coming through the router?', demo);
  expect(logs.answer).toMatch(/sqlapilb/);
  const server = await ask('how does the server pod reach the sqlapi service?', demo);
  expect(server.hops[0]?.name).toBe('project1/server-1-ppl25');
});

test('a group is answered for every replica: once when they share the answer, each otherwise', async () => {
  const egress = await ask('what IP do the web pods show up as on the internet', aksLb);
  expect(egress.answer).toMatch(/^All 2 replicas of web \(web-7d4b9c8f6d-abcde, web-7d4b9c8f6d-fghij\)/);
  expect(egress.seenAs).toEqual(['20.31.45.117']);
  const where = await ask('where do the web pods run?', aksLb);
  expect(where.answer).toMatch(/2 replicas of web, with different answers/);
  expect(where.answer).toMatch(/vmss000000[\s\S]*vmss000001/);
});

test('no dead ends: a bare name gets buttons for the plausible questions, drawn as a choice card', async () => {
  const r = await ask('sqlapi', demo);
  expect(r.status).toBe('not-understood');
  expect(r.followUps.map((f) => f.intent)).toEqual(['egress', 'pod', 'inbound']);
  expect(cardFamily(r)).toBe('choice');
  // each button is a question the bot answers
  for (const f of r.followUps) expect((await ask(f.question, demo, {}, f.intent)).status).toBe('answered');
  const two = await ask('api and db', aksLb);
  expect(two.followUps.map((f) => f.intent)).toEqual(['policy', 'east-west', 'egress']);
});

test('out of scope: one line saying what the bot answers, and the help button', async () => {
  for (const q of [
    'How much does an Azure Standard Load Balancer cost?',
    'how do I find the egress IP of an EKS cluster on AWS?',
    'kubectl rollout restart deploy/api -n shop',
  ]) {
    const r = await ask(q, aksLb);
    expect([q, r.status, r.answer.includes('\n')]).toEqual([q, 'not-understood', false]);
    expect(r.followUps).toEqual([expect.objectContaining({ question: 'help', intent: 'help' })]);
  }
});

test('made-up words that describe a party are no names: before a workload, an outside business, a passive verb', async () => {
  // a place or business word before one of ours (bare or with its name in brackets) says which it is
  const sauna = await understandWith('what egress IP does the sauna queue api use?', aksLb);
  expect(sauna.names).toEqual(['api']);
  // and a common noun said as the far end is the target, never the client
  const hive = await ask("why can't the hive-scale ingest (api) reach the database?", aksLb);
  expect([hive.hops[0]?.name, hive.hops.at(-1)?.name]).toEqual(['shop/api-5f6d7c8b9-klmno', 'shop/db-0']);
  // an outside business described in several words is nobody's name
  const tour = await understandWith('which public IP does the salt mine tour operator see from api?', aksLb);
  expect(tour.names).toEqual(['api']);
  // "the api pod covered by …": what is done to the pod is no name of its own
  const covered = await understandWith('is the api pod covered by any network policy at all?', aksLb);
  expect(covered.names).toEqual(['api']);
});

test('"dns server" is a resolver, never a workload called server; a server said alone still is one', async () => {
  const dns = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-custom-dns'));
  expect((await understandWith('which dns server resolves api.contoso.internal for web?', dns)).names).not.toContain(
    'server',
  );
  expect((await understandWith('which dns server does server use?', SnapshotInventory.demo())).names).toContain(
    'server',
  );
});
