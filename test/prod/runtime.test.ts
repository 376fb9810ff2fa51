// The bot as it runs in production: from dist/ with production dependencies
// only, graceful on SIGTERM, and honest about readiness.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/config';
import { startServer } from '../../src/server';
import { DEMO } from '../helpers/fixtures';
import { FakeKube } from '../helpers/fake-kube';

const ROOT = join(__dirname, '..', '..');

/** Start `node dist/src/server.js` in `cwd`; resolves with the port from its first log line. */
function startBot(
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number; logs: string[] }> {
  const child = spawn(process.execPath, ['dist/src/server.js'], {
    cwd,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${logs.join('')}`)), 30000);
    child.stderr!.on('data', (d) => logs.push(String(d)));
    child.stdout!.on('data', (d) => {
      logs.push(String(d));
      const port = /"port":(\d+)/.exec(String(d))?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, port: +port, logs });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${logs.join('')}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

test('SIGTERM: stops taking turns, finishes, exits 0', async () => {
  const { child, port, logs } = await startBot(ROOT);
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  const done = exited(child);
  child.kill('SIGTERM');
  expect(await done).toBe(0);
  expect(logs.join('')).toMatch(/"signal":"SIGTERM".*shutting down/);
  // local mode: one plain startup line for the person at the terminal, beside the JSON log
  expect(logs.join('')).toMatch(
    /packet-path: answering about demo snapshot at http:\/\/127\.0\.0\.1:\d+\/api\/messages/,
  );
});

test('an invalid configuration stops the start with the variable named', async () => {
  const { stderr, code } = await promisify(execFile)(process.execPath, ['dist/src/server.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: 'eighty' },
  }).then(
    () => ({ stderr: '', code: 0 }),
    (e) => ({ stderr: e.stderr as string, code: e.code as number }),
  );
  expect(code).toBe(1);
  expect(stderr).toMatch(/invalid configuration: PORT/);
});

test('the production build runs from dist/ with production dependencies only', async () => {
  const app = mkdtempSync(join(tmpdir(), 'prod-'));
  for (const f of ['package.json', 'package-lock.json', '.npmrc']) cpSync(join(ROOT, f), join(app, f));
  for (const d of ['dist', 'demo', 'bin']) cpSync(join(ROOT, d), join(app, d), { recursive: true });
  await promisify(execFile)('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: app,
    env: { ...process.env, npm_config_yes: 'true' },
    timeout: 240000,
  });
  const { child, port } = await startBot(app, {});
  try {
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toMatchObject({
      status: 'ok',
      inventory: 'demo snapshot',
    });
    const cli = await promisify(execFile)(
      process.execPath,
      ['bin/packet-path.js', 'ask', 'public ip of sqlapi', '--json'],
      { cwd: app },
    );
    expect(JSON.parse(cli.stdout).hops.at(-1).src).toBe('20.105.84.161');
  } finally {
    child.kill('SIGTERM');
  }
}, 300000);

test('/readyz is 503 until the Kubernetes caches are synced, then 200', async () => {
  const kube = await FakeKube.fromSnapshotDir(DEMO).start();
  kube.fault = 'down';
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kc-')), 'config');
  writeFileSync(kubeconfig, kube.kubeconfigYaml());
  const prev = process.env.KUBECONFIG;
  process.env.KUBECONFIG = kubeconfig;
  const bot = await startServer(
    loadConfig({ PORT: '0', PACKET_PATH_LIVE: 'true', PACKET_PATH_INSECURE_NO_AUTH: 'true', LOG_LEVEL: 'silent' }),
  );
  try {
    const ready = async () =>
      (await fetch(`http://127.0.0.1:${bot.port}/readyz`)).json() as Promise<{
        ready: boolean;
        pending: string[];
      }>;
    const down = await ready();
    expect(down.ready).toBe(false);
    expect(down.pending.join(' ')).toMatch(/Kubernetes API/);
    kube.fault = null;
    const deadline = Date.now() + 20000;
    let r = await ready();
    while (!r.ready && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 100));
      r = await ready();
    }
    expect(r).toMatchObject({ ready: true, pending: [] });
  } finally {
    await bot.close();
    await kube.stop();
    if (prev === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = prev;
  }
}, 60000);
