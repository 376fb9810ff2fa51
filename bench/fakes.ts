// Child process of the benchmark: writes a synthetic cluster of the given size
// into a snapshot folder and serves it through the fake Kubernetes and ARM
// servers (so neither their memory nor the cluster's generation is counted as
// the bot's). Pods are served realistic (realisticPod), built per response.
// Prints one JSON line: {kubeconfig, armUrl, ca, names, avgPodJsonBytes}.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeArm } from '../test/helpers/fake-arm';
import { FakeKube } from '../test/helpers/fake-kube';
import { realisticPod, SIZES, writeSynthetic } from './synthetic';

/** Average JSON size of a pod as the fake API server lists it (no kind/apiVersion in list items). */
function avgPodJsonBytes(dir: string): number {
  const pods = JSON.parse(readFileSync(join(dir, 'kubernetes', 'pods.json'), 'utf8')).items as any[];
  let total = 0;
  for (const p of pods) {
    const { kind: _k, apiVersion: _a, ...item } = realisticPod(p);
    total += Buffer.byteLength(JSON.stringify(item));
  }
  return Math.round(total / Math.max(1, pods.length));
}

async function main() {
  const [dir, latency, size] = process.argv.slice(2);
  const names = writeSynthetic(dir!, SIZES[size!]!);
  const avg = avgPodJsonBytes(dir!);
  const kube = await FakeKube.fromSnapshotDir(dir!, {
    expand: (o) => (o.kind === 'Pod' ? realisticPod(o) : o),
  }).start();
  const arm = await FakeArm.fromSnapshotDir(dir!, {
    latencyMs: Number(latency ?? 100),
  }).start();
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'bench-kc-')), 'config');
  writeFileSync(kubeconfig, kube.kubeconfigYaml());
  process.stdout.write(JSON.stringify({ kubeconfig, armUrl: arm.url, ca: arm.ca, names, avgPodJsonBytes: avg }) + '\n');
  process.on('SIGTERM', async () => {
    await Promise.all([kube.stop(), arm.stop()]);
    process.exit(0);
  });
}

main().catch((e) => {
  process.stderr.write(`fakes: ${e?.stack ?? e}\n`);
  process.exit(1);
});
