import { ask } from '../../src/answer';
import { join } from 'node:path';
import { parse } from '../../src/nlu/parse';
import { SnapshotInventory } from '../../src/inventory/snapshot';

const demo = SnapshotInventory.demo();

const PHRASINGS = [
  "what's the public IP of pod sqlapi",
  'egress ip for sqlapi-1-8jgx8 in project1',
  'which IP does sqlapi go out to the internet with?',
  'What is the outbound IP of sqlapi?',
  'sqlapi public ip',
  'egress sqlapi -n project1',
  'how does project1/sqlapi leave the cluster',
  'what source ip does the internet see from sqlapi',
  'SNAT ip for pod sqlapi in namespace project1',
  'which public address does sqlapi use to reach the internet',
  'outbound address of sqlapi-1-8jgx8 please',
  'what ip does sqlapi exit to the internet as',
];

test.each(PHRASINGS)('"%s" → egress of sqlapi-1-8jgx8 as 20.105.84.161', async (q) => {
  expect(parse(q).kind).toBe('egress');
  const r = await ask(q, demo);
  expect(r.status).toBe('answered');
  expect(r.hops[0].name).toBe('project1/sqlapi-1-8jgx8');
  expect(r.hops.at(-1)?.src).toBe('20.105.84.161');
});

test('partial names resolve to the running pod, never the completed deployer pod', async () => {
  const r = await ask('egress ip of server', demo);
  expect(r.hops[0].name).toBe('project1/server-1-ppl25');
});

test('namespace forms', () => {
  expect(parse('egress sqlapi -n project1').namespace).toBe('project1');
  expect(parse('public ip of sqlapi in project project1').namespace).toBe('project1');
  expect(parse('public ip of project1/sqlapi').namespace).toBe('project1');
});

test('a namespace that does not exist is said so', async () => {
  const r = await ask('egress sqlapi -n projekt1', demo);
  expect(r.status).toBe('not-found');
  expect(r.answer).toMatch(/no namespace "projekt1".*project1/);
});

test('nonsense is not guessed at', async () => {
  const r = await ask('make me a sandwich', demo);
  expect(r.status).toBe('not-understood');
});

test('an egress question without a pod asks which pod', async () => {
  const r = await ask('what is the egress ip?', demo);
  expect(r.status).toBe('not-understood');
  expect(r.answer).toMatch(/Which pod/);
});

// the one address outside said in an egress question is where the traffic goes: its route decides, not the Internet's
const fixture = (name: string) => SnapshotInventory.load(join(__dirname, '..', 'fixtures', name));
test.each([
  [
    'aks-udr',
    'api -> our on-prem print server 192.168.10.5, what source does it come from?',
    '192.168.10.5',
    'node IP',
  ],
  [
    'aks-udr-policy',
    'source ip of api when it calls the clearing bank 198.51.100.20 on 1433?',
    '198.51.100.20',
    'do not SNAT',
  ],
  [
    'aks-cni-podsubnet',
    'web talks to the hub ledger at 10.100.2.10: which source shows up there?',
    '10.100.2.10',
    'pod IP',
  ],
  ['hub-spoke-firewall', 'spoke 10.50.0.0/16: what source does api have toward 10.50.1.5:443?', '10.50.1.5', 'node IP'],
])('[%s] "%s" is answered for %s', async (snapshot, q, ip, seen) => {
  const r = await ask(q, fixture(snapshot));
  expect([r.intent, r.status]).toEqual(['egress', 'answered']);
  expect(r.answer).toContain(`reaches ${ip}`);
  expect(r.answer).toContain(seen);
});

test.each([
  ['aks-udr', 'we allowlisted 51.104.20.30 at the partner, is that still what api goes out as?'],
  ['aks-udr', 'does api follow 0/0 -> 10.100.0.4 too? what public src?'],
])('[%s] "%s": an address said as the way out is no destination', async (snapshot, q) => {
  const r = await ask(q, fixture(snapshot));
  expect(r.answer).toContain('reaches the Internet');
});
