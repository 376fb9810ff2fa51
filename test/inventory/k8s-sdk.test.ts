// The Kubernetes SDK as the server loads it (plain Node.js, outside jest's module sandbox): without its generated
// API clients and models, and the informers still list and watch through it.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO } from '../helpers/fixtures';
import { FakeKube } from '../helpers/fake-kube';

const ROOT = join(__dirname, '..', '..');

// every module URL the process resolves, then a sync of the demo cluster through dist/src/inventory/kubernetes.js
const SCRIPT = `
const seen = [];
require('node:module').registerHooks({ resolve: (s, c, next) => { const r = next(s, c); seen.push(r.url); return r; } });
const { KubeInventory, loadKubeConfig } = require(${JSON.stringify(join(ROOT, 'dist/src/inventory/kubernetes.js'))});
const kube = new KubeInventory({ kubeConfig: loadKubeConfig() });
kube.start().then(() => {
  const sdk = seen.filter((u) => u.includes('/@kubernetes/client-node/dist/'));
  process.stdout.write(JSON.stringify({ pods: kube.list('Pod').length, services: kube.list('Service').length, sdk }));
  return kube.stop();
}).then(() => process.exit(0), (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

// module.registerHooks: Node.js 22.15 and later (the image runs 24); on older lines the SDK loads whole
const withHooks = typeof (nodeModule as { registerHooks?: unknown }).registerHooks === 'function' ? test : test.skip;

withHooks(
  'the server loads KubeConfig, Watch and ListWatch without the generated clients, and syncs',
  async () => {
    const kube = await FakeKube.fromSnapshotDir(DEMO).start();
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kc-')), 'config');
    writeFileSync(kubeconfig, kube.kubeconfigYaml());
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', SCRIPT], {
        cwd: ROOT,
        env: { ...process.env, KUBECONFIG: kubeconfig },
      });
      const r = JSON.parse(stdout) as { pods: number; services: number; sdk: string[] };
      expect(r.pods).toBeGreaterThan(0);
      expect(r.services).toBeGreaterThan(0);
      expect(r.sdk.some((u) => u.endsWith('/dist/config.js'))).toBe(true);
      expect(r.sdk.some((u) => u.endsWith('/dist/cache.js'))).toBe(true);
      // the generated API clients (about 15 MB of source) and the model serializer are not loaded
      expect(
        r.sdk.filter((u) => /\/gen\/(index|types\/\w+|apis\/\w+Api|models\/ObjectSerializer)\.js$/.test(u)),
      ).toEqual([]);
    } finally {
      await kube.stop();
    }
  },
  60000,
);
