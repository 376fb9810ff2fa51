// `packet-path diff` as users and scripts run it: the real CLI process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { demoCopy, edit } from '../helpers/fixtures';

const BIN = join(__dirname, '..', '..', 'bin', 'packet-path.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30000 });

const NEW_PIP = '/providers/Microsoft.Network/publicIPAddresses/aro2-p8bjm-outbound-pip-v4-2';

test('diff --json lists the changes with before, after and impact', () => {
  const before = demoCopy();
  const after = demoCopy();
  edit(after, 'azure/public-ips.json', (pips: any[]) =>
    pips.map((p) =>
      p.name === 'aro2-p8bjm-outbound-pip-v4'
        ? { ...p, id: p.id.replace(/\/providers\/.*$/, NEW_PIP), ipAddress: '20.105.84.99' }
        : p,
    ),
  );
  edit(after, 'azure/load-balancers.json', (lbs: any[]) => {
    const fe = lbs[0].frontendIpConfigurations.find((f: any) => f.name === 'outbound');
    fe.publicIpAddress.id = fe.publicIpAddress.id.replace(/\/providers\/.*$/, NEW_PIP);
  });
  const p = run('diff', before, after, '--json');
  expect(p.stderr).toBe('');
  expect(p.status).toBe(0);
  const out = JSON.parse(p.stdout);
  expect(Object.keys(out)).toEqual(['changes']);
  for (const c of out.changes) expect(Object.keys(c)).toEqual(['kind', 'subject', 'before', 'after', 'impact']);
  expect(out.changes).toContainEqual({
    kind: 'egress',
    subject: 'project1/sqlapi',
    before: '20.105.84.161 (outbound rule aro2-p8bjm/outboundrule)',
    after: '20.105.84.99 (outbound rule aro2-p8bjm/outboundrule)',
    impact:
      'Partners allowlisting 20.105.84.161 will see 20.105.84.99 from project1/sqlapi ' +
      '(through outbound rule aro2-p8bjm/outboundrule).',
  });

  const text = run('diff', before, after);
  expect(text.status).toBe(0);
  const lines = text.stdout.trim().split('\n');
  expect(lines[0]).toBe(`${out.changes.length} path-relevant changes between ${before} and ${after}:`);
  expect(lines).toHaveLength(out.changes.length + 1);
  expect(lines).toContain(`- egress: ${out.changes.find((c: any) => c.subject === 'project1/sqlapi').impact}`);
});

test('no changes: an empty list and a clear sentence, exit 0', () => {
  const dir = demoCopy();
  const json = run('diff', dir, dir, '--json');
  expect(json.status).toBe(0);
  expect(JSON.parse(json.stdout)).toEqual({ changes: [] });
  const text = run('diff', dir, dir);
  expect(text.status).toBe(0);
  expect(text.stdout).toBe(`No path-relevant changes between ${dir} and ${dir}.\n`);
});

test('an unreadable folder is a clear error, exit 2', () => {
  const dir = demoCopy();
  const p = run('diff', dir, join(dir, 'missing'), '--json');
  expect(p.status).toBe(2);
  expect(p.stdout).toBe('');
  expect(p.stderr).toBe(`packet-path: cannot load the snapshot: ${join(dir, 'missing')}: no such snapshot folder\n`);
  expect(run('diff', dir).status).toBe(2);
});
