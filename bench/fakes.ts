// Child process of the benchmark: serves a snapshot folder through the fake
// Kubernetes and ARM servers (so their memory is not counted as the bot's).
// Prints one JSON line: {kubeconfig, armUrl, ca}.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeArm } from '../test/helpers/fake-arm';
import { FakeKube } from '../test/helpers/fake-kube';

async function main() {
  const [dir, latency] = process.argv.slice(2);
  const kube = await FakeKube.fromSnapshotDir(dir).start();
  const arm = await FakeArm.fromSnapshotDir(dir, {
    latencyMs: Number(latency ?? 100),
  }).start();
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'bench-kc-')), 'config');
  writeFileSync(kubeconfig, kube.kubeconfigYaml());
  process.stdout.write(JSON.stringify({ kubeconfig, armUrl: arm.url, ca: arm.ca }) + '\n');
  process.on('SIGTERM', async () => {
    await Promise.all([kube.stop(), arm.stop()]);
    process.exit(0);
  });
}

main().catch((e) => {
  process.stderr.write(`fakes: ${e?.stack ?? e}\n`);
  process.exit(1);
});
