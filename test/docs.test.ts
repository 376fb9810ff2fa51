import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

test('docs/demo.md matches what the CLI answers today', () => {
  const p = spawnSync(process.execPath, [join(__dirname, '..', 'scripts', 'demo-doc.js'), '--check'], {
    encoding: 'utf8',
    timeout: 60000,
  });
  expect(p.stderr).toBe('');
  expect(p.status).toBe(0);
});
