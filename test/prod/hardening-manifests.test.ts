// Issue 16, finding 12 (deployment side): a numeric USER so runAsNonRoot can be verified outside OpenShift, the
// base image chosen by a build argument (pinned by digest in release builds), and a NetworkPolicy for the bot.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

test('the image runs as a numeric non-root user; FROM takes the (digest-pinnable) NODE_IMAGE argument', () => {
  const docker = read('Dockerfile');
  const users = [...docker.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
  expect(users.at(-1)).toMatch(/^[1-9]\d*(:\d+)?$/);
  const froms = [...docker.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
  expect(froms.length).toBeGreaterThan(0);
  for (const f of froms) expect(f).toBe('${NODE_IMAGE}');
  expect(read('deploy/deployment.yaml')).toMatch(/runAsNonRoot: true/);
});

test('the bot has its own NetworkPolicy: ingress on the messaging port only, egress DNS and HTTPS only', () => {
  const np = read('deploy/networkpolicy.yaml');
  expect(np).toMatch(/kind: NetworkPolicy/);
  expect(np).toMatch(/policyTypes: \[Ingress, Egress\]/);
  expect(np).toMatch(/matchLabels: \{ app: packet-path \}/);
  const ingress = np.slice(np.indexOf('  ingress:'), np.indexOf('  egress:'));
  expect([...ingress.matchAll(/port: (\d+)/g)].map((m) => +m[1])).toEqual([3978]);
  const egress = np.slice(np.indexOf('  egress:'));
  const ports = [...egress.matchAll(/port: (\d+)/g)].map((m) => +m[1]);
  expect(ports.length).toBeGreaterThan(0);
  for (const p of ports) expect([53, 5353, 443, 6443]).toContain(p);
  // every egress rule names its ports (a rule without ports would allow everything)
  expect(
    egress
      .split(/\n {4}- /)
      .slice(1)
      .every((rule) => /ports:/.test(rule)),
  ).toBe(true);
});
