// The family scorer (src/nlu/score.ts): every family scored from cue words plus what the names matched; the top one
// taken only when it clearly wins, the two close ones offered as buttons otherwise.
import { join } from 'node:path';
import { ask, understandWith } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';
import { choose, EVIDENCE } from '../../src/nlu/score';

const aksLb = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-lb'));

test('a clear lead is taken; a tie is asked about; evidence that settles is never asked about', () => {
  expect(choose({ egress: 2, inbound: 1 }, [])).toEqual({ kind: 'egress' });
  expect(choose({ egress: 1.5, inbound: 1.5 }, [])).toEqual({ kind: 'unknown', close: ['inbound', 'egress'] });
  // policy and east-west answer the same pair: no need to ask which
  expect(choose({ policy: 1, 'east-west': 1 }, [])).toEqual({ kind: 'policy' });
  expect(choose({ dns: 22, 'east-west': 18 }, ['service-name-resolution', 'pair'])).toEqual({ kind: 'dns' });
  expect(choose({}, [])).toEqual({ kind: 'unknown' });
});

test('one table: every row has an id, and settling rows outweigh any sum of cue words', () => {
  const ids = EVIDENCE.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of EVIDENCE) for (const w of Object.values(r.says)) expect([0.5, 3].includes(w!) || w! >= 15).toBe(true);
});

test('a Service DNS name with "point to … from the web pod" is DNS, not a path from web', async () => {
  const p = await understandWith('which ip does api.shop.svc.cluster.local point to from the web pod', aksLb);
  expect(p.kind).toBe('dns');
  expect(p.evidence).toContain('service-name-resolution');
  expect(p.scores!.dns!).toBeGreaterThan(p.scores!['east-west'] ?? 0);
});

test('"Y is called by X" and "Y … can X get there" put X on the client side', async () => {
  const called = await understandWith(
    'the api service is called by the web pods: which source ip does api see?',
    aksLb,
  );
  expect(called.roles).toEqual({ client: 'web', target: 'api' });
  const there = await understandWith('db on 5432 — can the api pods get there?', aksLb);
  expect([there.kind, there.roles]).toEqual(['policy', { client: 'api', target: 'db' }]);
});

test('settling evidence does not add up: "…, who is that?" after requests through the ingress asks what the IP is', async () => {
  const p = await understandWith('web pod logs show requests from 10.244.0.7 through the ingress, who is that', aksLb);
  expect(p.evidence).toEqual(expect.arrayContaining(['requests-through-router', 'seen-behind-the-way-in']));
  expect(p.kind).toBe('what-is');
});

test('a pasted kubectl get pods table stands for the listed pods as a group', async () => {
  const table = [
    'NAME                   READY   STATUS    RESTARTS   AGE',
    'web-7d4b9c8f6d-abcde   1/1     Running   0          2d',
    'web-7d4b9c8f6d-fghij   1/1     Running   0          2d',
    'what egress ip do these have?',
  ].join('\n');
  const r = await ask(table, aksLb);
  expect(r.intent).toBe('egress');
  expect(r.answer).toMatch(/^All 2 replicas of web \(web-7d4b9c8f6d-abcde, web-7d4b9c8f6d-fghij\)/);
});

test('two readings scored alike: the buttons for both, no answer to either', async () => {
  const r = await ask('shop.contoso.com inbound or dns?', aksLb);
  expect(r.status).toBe('not-understood');
  expect(r.answer).toBe(
    'I can read this two ways (inbound or dns) about shop.contoso.com: pick what you want to know.',
  );
  expect(r.followUps.map((f) => f.intent)).toEqual(['inbound', 'dns']);
});

test('nothing named and no question: where to start, never a single button', async () => {
  const r = await ask('everything is slow today', aksLb);
  expect(r.status).toBe('not-understood');
  expect(r.followUps.map((f) => f.intent)).toEqual(['load-balancers', 'help']);
});

test('words for an address kind ("pod ip or node ip?") never outweigh a far end or a pair', async () => {
  const far = await understandWith(
    'ops want to know what they log when web-7d4b9c8f6d-abcde opens 10.100.9.9. pod ip or node ip?',
    aksLb,
  );
  expect([far.kind, far.destination, far.evidence]).toEqual([
    'egress',
    '10.100.9.9',
    expect.arrayContaining(['one-workload-to-outside']),
  ]);
  const pair = await understandWith('When api connects to the db pod, does db log the pod ip or the node ip?', aksLb);
  expect([pair.kind, pair.roles]).toEqual(['east-west', { client: 'api', target: 'db' }]);
});

test('what was named exactly wins: a pod by its suffix over its workload, an exact pod over a fragment', async () => {
  const demo = SnapshotInventory.demo();
  const suffix = await understandWith('what does sqlapi see when the router pod lcxtl sends to it', demo);
  expect(suffix.roles).toEqual({ client: 'lcxtl', target: 'sqlapi' });
  const fragment = await understandWith(
    'the proxy team lost web-7d4b9c8f6d-abcde traffic, where does it go out?',
    aksLb,
  );
  expect(fragment.entities!.map((e) => e.matched)).toEqual(['shop/web-7d4b9c8f6d-abcde']);
});

test('a pasted client error: the address it failed to reach is the target, the pod it came from the client', async () => {
  const p = await understandWith(
    'could not connect to db.shop.svc.cluster.local:5432 — it comes from web-7d4b9c8f6d-fghij. policy?',
    aksLb,
  );
  expect(p.roles).toEqual({ client: 'web-7d4b9c8f6d-fghij', target: 'db.shop.svc.cluster.local' });
});

test('each English namespace binds to the name before it: "c from y … a in x"', async () => {
  const netpol = SnapshotInventory.load(join(__dirname, 'fixtures', 'netpol-e2e'));
  const p = await understandWith('can a from z get to b in y on port 80', netpol);
  expect(p.roles).toEqual({ client: 'z/a', target: 'y/b' });
});

test('a line break ends a sentence: a pasted log line is context, the line that asks decides', async () => {
  const netpol = SnapshotInventory.load(join(__dirname, 'fixtures', 'netpol-e2e'));
  const which = await understandWith('Deny TCP 10.244.0.40:51000 -> 10.244.1.50:80\nwhat pod is 10.244.1.50?', netpol);
  expect(which.kind).toBe('what-is');
  // a quoted "> …" line is someone else's question: the reply's own sentence asks
  const quoted = await understandWith('> what is the egress ip of web?\nand the snat ports per node on the lb?', aksLb);
  expect(quoted.kind).toBe('load-balancers');
});

test('coming in and going out both said: the direction words decide', async () => {
  const prefix = SnapshotInventory.load(join(__dirname, '..', 'fixtures', 'aks-lb-prefix'));
  const inbound = await understandWith('how does internet traffic reach the web pods on 20.31.46.20?', prefix);
  expect([inbound.kind, inbound.evidence]).toEqual(['inbound', expect.arrayContaining(['outside-comes-in'])]);
  const egress = await understandWith('how does internet traffic from the web pods reach the internet?', prefix);
  expect(egress.kind).toBe('egress');
});

test('said to the bot about itself, nothing else named, is help; a request about the network is not', async () => {
  for (const q of ['what are your commands?', 'how to use this bot', 'what do you help with?'])
    expect([q, (await understandWith(q, aksLb)).kind]).toEqual([q, 'help']);
  expect((await understandWith('can you check the network for me', aksLb)).kind).not.toBe('help');
  expect((await understandWith('can you tell me the egress ip of web?', aksLb)).kind).toBe('egress');
});

test('"which rule drops X\'s connection to Y" is a policy verdict; ports said as "at 5432", "5432 端口"', async () => {
  const drops = await understandWith('which rule drops the web connection to db on 5432?', aksLb);
  expect([drops.kind, drops.port]).toEqual(['policy', 5432]);
  expect((await understandWith('can web reach the db at 5432?', aksLb)).port).toBe(5432);
  expect((await understandWith('web 到 db 的 5432 端口 allowed?', aksLb)).port).toBe(5432);
});

test('"calls a payment API": a word kept as a name, said after "a" or "their", is no party of ours', async () => {
  const p = await understandWith(
    'our web app calls a payments API and they want our IP for their list, which one?',
    aksLb,
  );
  expect(p.kind).toBe('egress');
  expect((p.entities ?? []).map((e) => e.text)).not.toContain('api');
  // written as one of ours, it stays a name
  expect((await understandWith('can web reach the api pods?', aksLb)).roles).toEqual({ client: 'web', target: 'api' });
});

test('what kind of thing one address is, unless a flow or a way out is said around it', async () => {
  const kind = await understandWith('10.244.0.7 -- pod IP or node IP?', aksLb);
  expect([kind.kind, kind.evidence]).toEqual(['what-is', expect.arrayContaining(['address-kind-asked'])]);
  expect((await understandWith('which public ip is 10.244.0.12 going out with', aksLb)).kind).toBe('egress');
  // the address the question names is the subject, not the first of a pasted line
  const r = await ask('conntrack src=10.244.0.12 dst=10.0.118.42 dport=80 -- what is 10.0.118.42?', aksLb);
  expect(r.answer).toMatch(/^10\.0\.118\.42 /);
});

test('two parties said in a direction are the flow: "snat" or "leave the node" does not make it egress', async () => {
  const snat = await understandWith('packets from web to the api service, any SNAT on the way?', aksLb);
  expect([snat.kind, snat.evidence]).toEqual(['east-west', expect.not.arrayContaining(['one-workload-to-outside'])]);
  const node = await understandWith('how does api talk to db, does that traffic leave the node?', aksLb);
  expect(node.kind).toBe('east-west');
});

test('the sentence that asks decides: a pasted client address, a team that sees nothing, a pasted pods row', async () => {
  const log =
    '10.244.0.7 - - "GET / HTTP/1.1" 200 -- web access log. why is the client 10.244.0.7, how do requests get to web?';
  const p = await understandWith(log, aksLb);
  expect([p.kind, p.evidence]).toEqual(['inbound', expect.arrayContaining(['requests-come-in'])]);
  const team = 'The database team never sees calls from api. Where does api outbound traffic go?';
  expect((await understandWith(team, aksLb)).kind).toBe('egress');
  const row =
    'kubectl get pods -n shop | grep web\nweb-7d4b9c8f6d-abcde   1/1   Running   0   2d\nwhere do the web pods run?';
  expect((await ask(row, aksLb)).answer).toContain('web-7d4b9c8f6d-fghij');
});

test('ways in weighed against each other, and the load balancers in front asked by name of the family', async () => {
  expect((await understandWith('ingress for web: lb or app gateway?', aksLb)).kind).toBe('inbound');
  expect((await understandWith('which load balancer is in front of the web service, on what ip?', aksLb)).kind).toBe(
    'load-balancers',
  );
});
