// Ways of asking read by rule, each checked where the rule decides (evidence, roles, port) so that the model's second
// opinion cannot hide a broken rule: the bill as the reason for a network question, "is X open to Y", an item of a
// list picked by its place, a chain drawn from the Internet, ports said as words after tcp, a port after a pair and a
// clause, names said alone, an attack asked for, a firewall policy that is no verdict, the nodes behind an LB rule.
import { join } from 'node:path';
import { ask, understandWith } from '../../src/answer';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const fx = (name: string) =>
  SnapshotInventory.load(
    name === 'netpol-e2e' ? join(__dirname, 'fixtures', name) : join(__dirname, '..', 'fixtures', name),
  );
const aksLb = fx('aks-lb');

test('the bill as the reason: the address, path or pods asked are answered; an amount asked is still a price', async () => {
  for (const q of [
    'which public ip do the api pods bill their internet calls through?',
    'there is a public IP 20.31.45.117 on the invoice, what is it used for?',
    'we pay for vmss000003, which pods run on it?',
  ])
    expect([q, (await understandWith(q, aksLb)).outOfScope]).toEqual([q, undefined]);
  for (const q of [
    'how much does the public ip 20.31.45.117 cost per month?',
    'what would a second outbound ip cost us, and which pods use the first?',
  ])
    expect([q, (await understandWith(q, aksLb)).outOfScope]).toEqual([q, true]);
  // a word of a price inside a name is the name's
  expect((await understandWith('which DNS server does invoice-api use', aksLb)).outOfScope).toBeUndefined();
});

test('"is x/a open to y/b": y/b is the client; "x/a opens a connection to y/b": x/a is', async () => {
  const e2e = fx('netpol-e2e');
  expect((await understandWith('is x/a open to y/b on port 80?', e2e)).roles).toMatchObject({
    client: 'y/b',
    target: 'x/a',
  });
  expect((await understandWith('x/a opens a connection to y/b on port 80, allowed?', e2e)).roles).toMatchObject({
    client: 'x/a',
    target: 'y/b',
  });
});

test('of pairs listed one a line, the one picked by its place', async () => {
  const inv = fx('aks-ipbased');
  const list = '* web -> db 5432: deny expected\n* api -> db 5432: allow expected\n';
  expect((await understandWith(`${list}confirm the first bullet`, inv)).roles?.client).toBe('web');
  expect((await understandWith(`${list}confirm the last one`, inv)).roles?.client).toBe('api');
  // no place said: each pair is answered (test/pairs.test.ts)
  const both = await understandWith(`${list}confirm`, inv);
  expect(both.pairs?.map((x) => `${x.client} -> ${x.target}:${x.port}`)).toEqual(['web -> db:5432', 'api -> db:5432']);
});

test('of several pairs, the one said as asked now or after a take-back is the one', async () => {
  const inv = fx('netpol-e2e');
  const now = await understandWith('x/b → x/a:80 approved last week; now y/c → x/a:80 — blocked, confirm?', inv);
  expect(now.roles).toEqual({ client: 'y/c', target: 'x/a' });
  const quoted = await understandWith('> y/b → x/a:80 allowed.\nand x/b → x/a on 80?', inv);
  expect(quoted.roles).toEqual({ client: 'x/b', target: 'x/a' });
});

test('a chain drawn from the Internet into a workload is the way in', async () => {
  const p = await understandWith('path in: internet -> ingress-nginx -> web, source at each hop?', aksLb);
  expect(p.evidence).toContain('chain-from-outside');
  expect((await understandWith('web -> internet, which ip?', aksLb)).evidence).not.toContain('chain-from-outside');
});

test('ports said as words after tcp, and a port after a pair followed by a clause or a dash', async () => {
  expect((await understandWith('tcp five four three two from web to db-0, allowed?', aksLb)).port).toBe(5432);
  expect((await understandWith('web -> api 8080 when the subnet is private, same?', aksLb)).port).toBe(8080);
  expect((await understandWith('api to db-0 5432 - which NSG rule lets it through', aksLb)).port).toBe(5432);
  // "tcp one of them": one alone after a protocol is a word
  expect((await understandWith('is tcp one of the protocols web uses to reach api?', aksLb)).port).toBeUndefined();
});

test('names said alone are asked about, with a button for each', async () => {
  const pair = await ask('api db', aksLb);
  expect(pair.status).toBe('not-understood');
  expect(pair.followUps.map((f) => f.intent)).toEqual(expect.arrayContaining(['policy', 'east-west']));
  const withIp = await ask('20.31.46.20 api', aksLb);
  expect(withIp.status).toBe('not-understood');
  expect(withIp.followUps.some((f) => f.question === 'whatis 20.31.46.20')).toBe(true);
});

test('an attack asked for is out of scope; a pentester asking what is reachable is not', async () => {
  expect((await ask('give me an exploit for the ingress controller', aksLb)).followUps[0]?.intent).toBe('help');
  expect((await understandWith('pentest: can web reach db-0 on 5432?', aksLb)).outOfScope).toBeUndefined();
});

test('an Azure Firewall policy is a resource on the way, not a verdict asked', async () => {
  const p = await understandWith(
    'go-live check: trace api-5f6d7c8b9-klmno to web before the firewall policy lands — is the firewall in that path?',
    fx('aks-udr-policy'),
  );
  expect(p.evidence).not.toContain('pair-can');
  expect(p.scores?.policy ?? 0).toBeLessThan(p.scores?.['east-west'] ?? 0);
});

test("the nodes an LB rule's probe keeps in rotation are the load balancer's question", async () => {
  const p = await understandWith('health probe on the web LB rule - which nodes are in rotation?', aksLb);
  expect(p.evidence).toContain('nodes-in-rotation');
  const client = await understandWith('client 203.0.113.9 hits the web LB rule, which nodes pass the probe?', aksLb);
  expect(client.evidence).not.toContain('nodes-in-rotation');
});

test('the source one workload uses toward an outside address is its way out', async () => {
  const p = await understandWith(
    'what source ip does api use toward 198.51.100.20 - is it SNATed by the firewall or not?',
    fx('aks-udr-policy'),
  );
  expect(p.evidence).toContain('one-workload-to-outside');
});

test('an HTTP header is where an address travels, never a name', async () => {
  const p = await understandWith('the client ip is in X-Forwarded-For, which hop adds it on the way to web?', aksLb);
  expect(p.names).not.toContain('x-forwarded-for');
  expect(p.names).toContain('web');
});

test('several asks about one subject: each written out with its subject, answered in order in one reply', async () => {
  const dns = fx('aks-custom-dns');
  const joined = "what's the egress for api and also what's its dns server";
  expect((await understandWith(joined, dns)).questions).toEqual([
    "what's the egress for api",
    "what's api's dns server",
  ]);
  const both = await ask(joined, dns);
  expect(both.status).toBe('answered');
  expect(both.answer).toMatch(/^2 questions asked, each answered:\n1\. what's the egress for api: .*20\.31\.45\.117/);
  expect(both.answer).toMatch(/\n2\. what's api's dns server: /);
  const agic = fx('aks-agic');
  const list = '1. egress IP of web\n2. node it runs on\n3. pod IP';
  expect((await understandWith(list, agic)).questions).toEqual([
    'egress IP of web',
    'node web runs on',
    'pod IP of web',
  ]);
  const three = await ask(list, agic);
  expect(three.answer).toMatch(/^3 questions asked, each answered:\n1\. egress IP of web: .*20\.31\.45\.117/s);
  expect(three.answer).toMatch(/\n2\. node web runs on: .*vmss/s);
  // one question in two clauses, or clauses of one family, stay one question
  for (const q of [
    'what is the path from web to api and which policy allows it',
    'which node does web run on and what is its IP',
    'what load balancers exist here and which nodes are in their pools?',
  ])
    expect([q, (await understandWith(q, agic)).questions]).toEqual([q, undefined]);
});

test('an access-list line quoted: its range (address and wildcard mask, or a prefix) is never the client', async () => {
  const acl = 'permit tcp 198.51.100.0 0.0.0.255 host 20.31.46.20 eq 80 - partner DC 198.51.100.14 to the web service';
  for (const q of [`${acl}, what path and what source does web see?`, `${acl} — how does that reach web?`]) {
    const r = await ask(q, aksLb);
    expect([q, r.intent, r.hops[0]?.ip]).toEqual([q, 'inbound', '198.51.100.14']);
  }
  const cidr = await ask('partner range 198.51.100.0/24, their DC 198.51.100.14 opens 20.31.46.20 on 80: path?', aksLb);
  expect(cidr.hops[0]?.ip).toBe('198.51.100.14');
});

test('an answer recalled about where a pod runs, then another pod asked: the new pod is the subject, not the node', async () => {
  const demo = SnapshotInventory.demo();
  for (const q of [
    'you said sqlapi runs on qt8l7. and server-1-ppl25, which node?',
    'you said sqlapi is on qt8l7. and server, where?',
  ]) {
    const r = await ask(q, demo);
    expect([q, r.intent, r.answer]).toEqual([q, 'pod', expect.stringMatching(/^server-1-ppl25 \(project1\) runs on/)]);
  }
  // a verdict recalled: the name said replaces the party it stands against, as before
  const v = await ask('you said db-0 is denied from web — and api, what about it?', aksLb);
  expect(v.answer).toMatch(/^Yes: shop\/api-5f6d7c8b9-klmno can reach shop\/db-0/);
});

test('a recalled verdict, then "what about <pod>, same port?": the pod takes the recalled client\'s place', async () => {
  const e2e = fx('netpol-e2e');
  for (const q of [
    'earlier you told me y/b → x/a:80 is fine. what about z/b, same port?',
    'you said y/b can reach x/a on 80 — and z/b, on the same port?',
  ]) {
    const r = await ask(q, e2e);
    expect([q, r.intent, r.answer]).toEqual([
      q,
      'policy',
      expect.stringMatching(/^No: z\/b cannot reach x\/a on tcp:80/),
    ]);
  }
});

test('a target said opened by a client, in the passive: the one after "by" opens the connection', async () => {
  const cni = fx('aks-cni-nsg');
  for (const q of [
    "SEC-771 - please verify that db-0 5432 can't be opened by web",
    "verify db-0 on 5432 can't be opened by web",
  ]) {
    const r = await ask(q, cni);
    expect([q, r.answer]).toEqual([
      q,
      expect.stringMatching(/^No: shop\/web-5b8c7d6e4-x7y8z cannot reach shop\/db-0 on tcp:5432/),
    ]);
  }
});

test('a recalled answer after a colon, and "X is closed to Y": the new name is the client, Y the one kept out', async () => {
  const nsg = fx('aks-lb-byo-nsg');
  for (const q of [
    'earlier answer: web is denied into db-0 on 5432. and api?',
    'your last reply: web cannot reach db-0 on 5432 — what about api?',
    'previous answer: db-0 on 5432 is closed to web. does api get the same?',
  ]) {
    const r = await ask(q, nsg);
    expect([q, r.intent, r.answer]).toEqual([
      q,
      'policy',
      expect.stringMatching(/^Yes: shop\/api-5f6d7c8b9-klmno can reach shop\/db-0 on tcp:5432/),
    ]);
  }
  for (const q of ['db-0 on 5432 is closed to web', 'is db-0 closed to web on 5432?']) {
    const r = await ask(q, nsg);
    expect([q, r.answer]).toEqual([q, expect.stringMatching(/^No: shop\/web-\S+ cannot reach shop\/db-0 on tcp:5432/)]);
  }
});

test('a way in drawn hop by hop from outside ends at the one reached: the proxies before it are the way', async () => {
  const lb = fx('aks-lb');
  for (const q of [
    'path in: internet -> ingress-nginx -> web',
    'internet → ingress-nginx → web: which nodes does a request pass through?',
    'users -> ingress-nginx -> the web pods?',
  ]) {
    const r = await ask(q, lb);
    expect([q, r.intent, r.hops.at(-1)?.name]).toEqual([q, 'inbound', expect.stringMatching(/^shop\/web-/)]);
  }
  const r = await ask('internet -> router-default -> sqlapi', SnapshotInventory.demo());
  expect(r.hops.at(-1)?.name).toMatch(/^project1\/sqlapi-1-8jgx8/);
});

test('words around a listing are no names: "to update the …", "policies exist in namespace …", "list them"', async () => {
  const lb = fx('aks-lb');
  const pods = await ask("I need to update the hub firewall's address objects: list pods in namespace shop", lb);
  expect([pods.intent, pods.status, pods.answer]).toEqual(['pod', 'answered', expect.stringMatching(/web-7d4b9c8f6d/)]);
  const q = 'which network policies exist in namespace project1 and what they allow. can you list them?';
  const listed = await ask(q, SnapshotInventory.demo());
  expect([listed.intent, listed.answer]).toEqual([
    'policy',
    expect.stringMatching(/^No NetworkPolicy selects namespace project1/),
  ]);
});

test('the pods of a node asked as its workloads, apps or containers', async () => {
  const lb = fx('aks-lb');
  for (const q of [
    'patching aks-nodepool1-12345678-vmss000002 tonight — what workloads live there?',
    'which containers run on aks-nodepool1-12345678-vmss000002?',
  ]) {
    const r = await ask(q, lb);
    expect([q, r.intent, r.answer]).toEqual([q, 'pod', expect.stringMatching(/^3 pods/)]);
  }
});

test('a comparison, then a sentence that names nobody: the comparison is what is asked', async () => {
  const q = 'do sqlapi and server share a VM? if one worker dies, does the feeding schedule go down completely?';
  const r = await ask(q, SnapshotInventory.demo());
  expect([r.intent, r.answer]).toEqual(['pod', expect.stringMatching(/^2 pods.*\n.*qt8l7[^]*server-1-ppl25.*wl4vw/)]);
});

test('a name said "in namespace X" where X does not exist, then a sentence more: the namespace is said missing', async () => {
  const q = 'can the api pod reach payments-db in namespace ledger on 5432? the refunds job needs it';
  const r = await ask(q, fx('aks-lb'));
  expect([r.status, r.answer]).toEqual(['not-found', 'There is no namespace "ledger".']);
});

test('"list everything allowed to connect to X" lists its sources; a description then a name in brackets is the name', async () => {
  const q =
    "the security architect wants an inventory: list everything that's allowed to connect to db-0, policy by policy";
  const r = await ask(q, fx('aks-lb'));
  expect([r.intent, r.answer]).toEqual([
    'policy',
    expect.stringMatching(/^shop\/db-0 is isolated for ingress by 1 policy/),
  ]);
  const e = await ask(
    'NAT gw or LB for the oven controller backend (api) when it calls the firmware server?',
    fx('aks-natgw'),
  );
  expect([e.intent, e.answer]).toEqual([
    'egress',
    expect.stringMatching(/^api-5f6d7c8b9-klmno \(shop\) reaches the Internet/),
  ]);
});

test('"reslover" is the resolver (two letters swapped): the pod\'s resolver path, not a lookup of its name', async () => {
  const r = await ask('dns reslover for sqlapi?', SnapshotInventory.demo());
  expect([r.intent, r.answer]).toEqual([
    'dns',
    expect.stringMatching(/^sqlapi-1-8jgx8 in project1 \(dnsPolicy ClusterFirst\)/),
  ]);
});

test('merged rounds: a viewer seeing an outsider open our frontend, a log said with its kind, DNAT rules listed', async () => {
  const lb = fx('aks-lb');
  const seen = await ask(
    'what client IP ends up in the web app log when someone from the office opens 20.31.46.20?',
    lb,
  );
  expect(seen.intent).toBe('inbound');
  const q = "server-1-ppl25's MSSQL error log: which client address do sqlapi's connections arrive from?";
  const log = await ask(q, SnapshotInventory.demo());
  expect(log.answer).toMatch(/^server-1-ppl25 sees 10\.129\.2\.7 \(the pod IP of sqlapi-1-8jgx8\)/);
  const rules = await ask('51.104.20.30 — which DNAT rules sit on that address?', fx('aks-fw-dnat'));
  expect([rules.intent, rules.answer]).toEqual(['what-is', expect.stringMatching(/^51\.104\.20\.30 is the public IP/)]);
});

test('a workload reaching a public address of nobody of ours is its way out; its internet traffic too', async () => {
  const fw = fx('aks-fw-dnat');
  const out = await ask('how does web-7d4b9c8f6d-abcde reach 8.8.8.8?', fw);
  expect([out.intent, out.answer]).toEqual(['egress', expect.stringMatching(/reaches 8\.8\.8\.8 as 51\.104\.20\.30/)]);
  // a port said asks the verdict
  const verdict = await ask('can web reach 8.8.8.8 on 25?', fw);
  expect(verdict.intent).toBe('policy');
  const q = "where does web-7d4b9c8f6d-abcde's internet traffic go with the BGP default route?";
  const bgp = await ask(q, fx('aks-effective-routes'));
  expect([bgp.intent, bgp.answer]).toEqual(['egress', expect.stringMatching(/virtual network gateway/)]);
});

test('"<pod address> — which node is it on?" asks where that pod runs, never what the address is', async () => {
  const r = await ask('10.129.2.7 — which node is it on?', SnapshotInventory.demo());
  expect([r.intent, r.answer]).toEqual(['pod', expect.stringMatching(/^sqlapi-1-8jgx8 \(project1\) runs on node/)]);
});

test('an outside client "let in" to our frontend comes in; where a workload\'s traffic goes is its way out', async () => {
  const q = 'from the office 198.51.100.7 to the web LB, which rules let it in?';
  const r = await ask(q, fx('aks-lb-byo-nsg'));
  expect(r.intent).toBe('inbound');
  const q2 = "db-0 can't open anything on 10.20.1.5, connections just sit in SYN_SENT. where does that traffic go?";
  const out = await ask(q2, fx('hub-spoke-firewall'));
  expect([out.intent, out.answer]).toEqual([
    'egress',
    expect.stringMatching(/^db-0 \(shop\) cannot reach 10\.20\.1\.5/),
  ]);
});

test('a workload calling our own host, said with words for the host or a few words on, is the path inside', async () => {
  const demo = SnapshotInventory.demo();
  const host = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';
  for (const q of [
    `sqlapi calls its own public route host ${host} for a callback. does it leave the cluster, and from which source?`,
    `which address will the router log when sqlapi dials ${host} from inside?`,
    `our sqlapi pod fetches https://${host}/health every minute - does it hairpin?`,
  ]) {
    const r = await ask(q, demo);
    expect([q, r.intent, r.answer]).toEqual([q, 'east-west', expect.stringMatching(/sees 10\.129\.2\.7 \(the pod IP/)]);
  }
  // someone else opening it is the way in
  const r = await ask(`what does sqlapi see when a customer opens ${host}?`, demo);
  expect(r.intent).toBe('inbound');
});

test('a recalled placement ("you found sqlapi on qt8l7", "…; where is …") then another pod: the new pod is asked', async () => {
  const demo = SnapshotInventory.demo();
  for (const q of [
    'you placed sqlapi on qt8l7 earlier; the mssql pod - which node is it on?',
    'the bot found sqlapi on qt8l7. and the mssql pod, where does it run?',
    'earlier you found sqlapi on qt8l7 - and what about the server pod?',
    'earlier you said sqlapi is on qt8l7; where is server-1-ppl25?',
  ]) {
    const r = await ask(q, demo);
    expect([q, r.intent, r.answer]).toEqual([q, 'pod', expect.stringMatching(/^server-1-ppl25 \(project1\) runs on/)]);
  }
});

test('a numbered list after "two questions about <pod>:": every item is asked of that pod', async () => {
  const demo = SnapshotInventory.demo();
  for (const q of [
    'two questions about sqlapi: 1. which node is it on 2. what is its egress ip',
    'need two facts on sqlapi for the audit: 1. which node runs it 2. its egress ip',
  ]) {
    const r = await ask(q, demo);
    expect([q, r.answer]).toEqual([
      q,
      expect.stringMatching(/^2 questions asked.*\n1\. .*qt8l7.*\n2\. .*20\.105\.84\.161/),
    ]);
  }
});

test('a pod "itself" looking a host up is the one asking: its resolver path, with what the host resolves to', async () => {
  for (const q of [
    'if web itself looks up shop.contoso.com, does it get the LB address or something private?',
    'does api itself resolve shop.contoso.com to the LB or to something private?',
  ]) {
    const r = await ask(q, aksLb);
    expect([q, r.intent, r.answer]).toEqual([q, 'dns', expect.stringMatching(/sends DNS queries to .*20\.31\.46\.88/)]);
  }
});

test('"when a pod looks it up", "another pod asks for it": a Service FQDN looked up by any pod, no pod named', async () => {
  const demo = SnapshotInventory.demo();
  for (const q of [
    'what does sqlapi.project1.svc.cluster.local come back as when a pod looks it up?',
    'when another pod asks for sqlapi.project1.svc.cluster.local, what does it get?',
  ]) {
    const r = await ask(q, demo);
    expect([q, r.intent, r.answer]).toEqual([q, 'dns', expect.stringMatching(/resolves to 172\.30\.91\.5/)]);
  }
});

test('a node named, then "which pods share that VM?": the pods on that node', async () => {
  const q = 'planning maintenance on aks-apppool-23456789-vmss000000: which pods share that VM?';
  const r = await ask(q, fx('aks-cni-nsg'));
  expect([r.intent, r.status, r.answer]).toEqual(['pod', 'answered', expect.stringMatching(/^2 pods/)]);
  expect(r.answer).toMatch(/api-6c9d8b7f5-k2m4p \(shop\) runs on node aks-apppool-23456789-vmss000000/);
});

test('machines of the site (not the cluster) calling a Service of ours by name and port come in', async () => {
  const demo = SnapshotInventory.demo();
  for (const q of [
    'the finance PCs inside the VNet talk to the sqlapilb service on 8080. how do they get to it, hop by hop?',
    'the reporting VM at 10.100.7.21 pulls data from sqlapilb:8080 every night. what client address does sqlapi see?',
    // a port only the Service serves is the Service's, never the route of the same name
    'our warehouse laptops on the vnet open sqlapilb:8080 - what path do they take?',
  ]) {
    const r = await ask(q, demo);
    expect([q, r.intent, r.answer]).toEqual([
      q,
      'inbound',
      expect.stringMatching(/^Traffic reaches project1\/sqlapilb at 10\.0\.2\.10:8080/),
    ]);
  }
});

test('a Service said with "service" after it, asked which load balancer publishes it: missing is said missing', async () => {
  const r = await ask('which LB is the membership-cards service published on?', fx('aks-agic'));
  expect([r.intent, r.status, r.answer]).toEqual([
    'load-balancers',
    'not-found',
    expect.stringMatching(/^There is no Service "membership-cards" in this cluster/),
  ]);
});

test('an address asked what kind it is, the way out said only in the sentence after: what the address is', async () => {
  const hub = fx('hub-spoke-firewall');
  for (const q of [
    '20.93.10.1 — firewall pip? we never see it on outbound traffic',
    '20.93.10.1: firewall public ip? it never shows up as our egress',
  ]) {
    const r = await ask(q, hub);
    expect([q, r.intent, r.answer]).toEqual([q, 'what-is', expect.stringMatching(/^20\.93\.10\.1 is the public IP/)]);
  }
});

test('"does web get the buyer\'s IP or a proxy one?": whether the caller\'s address reaches the pod is the way in', async () => {
  const q = "tickets go through gateway-01 to web. does web get the buyer's IP or a proxy one?";
  const r = await ask(q, fx('aks-agc'));
  expect([r.intent, r.answer]).toEqual(['inbound', expect.stringMatching(/client IP in X-Forwarded-For/)]);
});

test('a pasted line, a dash, then a yes/no question of its own: the question asks', async () => {
  for (const q of [
    'firewall log: `Allow 51.104.20.30 203.0.113.30 https/tcp 40211 443` — is 51.104.20.30 one of ours?',
    'pfsense says "block 51.104.20.30:443" - is 51.104.20.30 one of the cluster\'s addresses?',
  ]) {
    const r = await ask(q, fx('aks-udr-policy'));
    expect([q, r.intent, r.answer]).toEqual([q, 'what-is', expect.stringMatching(/^51\.104\.20\.30 is the public IP/)]);
  }
});

test('an order said politely after its reason is a change: the scope answer', async () => {
  for (const q of [
    'a school rush is expected tomorrow morning, please scale sqlapi to 3 replicas before it opens',
    'big match tonight so kindly restart the web pods before 6',
  ]) {
    const r = await ask(q, SnapshotInventory.demo());
    expect([q, r.intent, r.answer]).toEqual([q, 'unknown', expect.stringMatching(/^I only read: I change nothing/)]);
  }
});

test('a proxy said to forward to our pods, the source they log asked: the way in through that proxy', async () => {
  for (const q of [
    'when the app gateway forwards to the web pods, what source address shows up in their logs?',
    'agic proxies to web — the source ip web sees is what?',
  ]) {
    const r = await ask(q, fx('aks-agic'));
    expect([q, r.intent, r.answer]).toEqual([q, 'inbound', expect.stringMatching(/instance address of the gateway/)]);
  }
});

test("a load balancer's backend pool said by its name asks the load balancers", async () => {
  for (const q of [
    'which node IPs are in aksOutboundBackendPool now that the pool is IP based?',
    'is vmss000001 in the aksOutboundBackendPool?',
  ]) {
    const r = await ask(q, fx('aks-ipbased'));
    expect([q, r.intent, r.answer]).toEqual([
      q,
      'load-balancers',
      expect.stringMatching(/^1 load balancer in MC_rg-aks_aks1_westeurope/),
    ]);
  }
});

test('after the retrain: a kind of thing on a kind of cluster asked of the bot, a new one of its own, a DNAT sending', async () => {
  const help = 'could the bot judge NSG rules, also for a cluster with azure cni?';
  expect((await ask(help, fx('aks-cni-nsg'))).intent).toBe('help');
  const own = await ask('could you assign the sqlapi pods a dedicated egress ip', SnapshotInventory.demo());
  expect([own.intent, own.answer]).toEqual(['unknown', expect.stringMatching(/^I only read: I change nothing/)]);
  const read = await ask('can you give me the egress ip of sqlapi?', SnapshotInventory.demo());
  expect(read.intent).toBe('egress');
  const q = 'the branch 198.51.100.44 opens ssh via 51.104.20.30 on 2222. where does the DNAT rule send it?';
  const dnat = await ask(q, fx('aks-fw-dnat'));
  expect([dnat.intent, dnat.answer]).toEqual(['inbound', expect.stringMatching(/DNAT rule .* translates tcp\/2222/)]);
});

test("what happens to a workload's own traffic to an address outside: its way out there", async () => {
  for (const q of [
    'db-0 packets towards the legacy box 10.20.1.5 — what happens to them?',
    "what happens to db-0's connections to 10.20.1.5 on 443?",
  ]) {
    const r = await ask(q, fx('hub-spoke-firewall'));
    expect([q, r.intent, r.answer]).toEqual([q, 'egress', expect.stringMatching(/^db-0 \(shop\) cannot reach 10\.20/)]);
  }
});
