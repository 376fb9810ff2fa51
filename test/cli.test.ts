// The real CLI process, as users and scripts run it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { HOP_KINDS } from '../src/path/result';
import { demoCopy, edit } from './helpers/fixtures';

const BIN = join(__dirname, '..', 'bin', 'packet-path.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 20000,
  });

test('ask --json prints exactly the documented contract', () => {
  const p = run('ask', "what's the public IP of pod sqlapi", '--json');
  expect(p.status).toBe(0);
  const out = JSON.parse(p.stdout);
  expect(Object.keys(out)).toEqual(['intent', 'answer', 'hops', 'warnings', 'verify', 'errors', 'seenAs']);
  expect(out.seenAs).toEqual(['20.105.84.161']);
  expect(out.intent).toBe('egress');
  expect(out.answer).toContain('20.105.84.161');
  for (const h of out.hops) {
    expect(HOP_KINDS).toContain(h.kind);
    for (const k of Object.keys(h)) expect(['kind', 'name', 'ip', 'port', 'src', 'dst', 'note', 'nat']).toContain(k);
  }
  expect(out.hops.at(-1)).toEqual({
    kind: 'internet',
    name: 'Internet',
    src: '20.105.84.161',
  });
  expect(out.verify.length).toBeGreaterThan(3);
});

test('text output names the path, the SNAT budget and how to verify', () => {
  const p = run('ask', 'egress ip for sqlapi-1-8jgx8 in project1');
  expect(p.status).toBe(0);
  expect(p.stdout).toMatch(/reaches the Internet as 20\.105\.84\.161/);
  expect(p.stdout).toMatch(/1024 SNAT ports per node, 30 min idle timeout, room for 62 nodes/);
  expect(p.stdout).toContain('Verify it yourself:');
});

test('an unknown pod exits 1 with did-you-mean', () => {
  const p = run('ask', 'public ip of pod sqlpai', '--json');
  expect(p.status).toBe(1);
  expect(JSON.parse(p.stdout).answer).toMatch(/Did you mean sqlapi/);
});

test('a question it does not understand exits 1 with examples', () => {
  // (a greeting gets the help card: "hello there" is a question about the bot)
  const p = run('ask', 'the quarterly roadmap review moved to thursday');
  expect(p.status).toBe(1);
  expect(p.stdout).toMatch(/did not understand/);
});

test('a name without a question exits 1 with the readings to pick from, in text and in --json', () => {
  const text = run('ask', 'sqlapi');
  expect(text.status).toBe(1);
  expect(text.stdout).toMatch(/pick one\.\n\nAsk one of:\n {2}egress sqlapi -n project1 {3}\(Egress IP of sqlapi\)\n/);
  expect(text.stdout).toContain('  inbound sqlapi -n project1   (How traffic reaches sqlapi)');
  const json = run('ask', 'sqlapi', '--json');
  expect(json.status).toBe(1);
  const out = JSON.parse(json.stdout);
  expect(out.choices).toContainEqual({ title: 'Where is sqlapi', question: 'pod sqlapi -n project1' });
  // each choice asked again is answered
  for (const c of out.choices) expect(run('ask', c.question).status).toBe(0);
});

test('--snapshot answers from another folder; a broken one is named, exit 2', () => {
  const dir = demoCopy();
  edit(
    dir,
    'azure/public-ips.json',
    (d) => void d.forEach((p: any) => p.name === 'aro2-p8bjm-outbound-pip-v4' && (p.ipAddress = '20.1.2.3')),
  );
  const p = run('ask', 'public ip of sqlapi', '--snapshot', dir, '--json');
  expect(JSON.parse(p.stdout).hops.at(-1).src).toBe('20.1.2.3');
  require('node:fs').writeFileSync(join(dir, 'kubernetes', 'pods.json'), '{not json');
  const bad = run('ask', 'public ip of sqlapi', '--snapshot', dir);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/kubernetes\/pods\.json: not valid JSON/);
});

test('usage errors exit 2', () => {
  expect(run().status).toBe(2);
  expect(run('frobnicate').status).toBe(2);
  expect(run('ask').status).toBe(2);
});
