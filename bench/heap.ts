// Where the informer caches' heap goes: the fake servers (bench/fakes.ts, child
// process) serve a synthetic cluster of one size, the project's informers sync it
// here, and the heap is read after a full collection: before the informers, after
// the sync, and after each kind's cache is dropped in turn (the difference is what
// that kind holds, shared strings and structures of the interning pool aside).
// `node --expose-gc --allow-natives-syntax dist/bench/heap.js [size] [snapshot.heapsnapshot]`
// (natives: fast/dictionary properties of a sample of the kept objects). Prints JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import { startFakes } from './fakes-process';
import { KubeInventory, loadKubeConfig } from '../src/inventory/kubernetes';
import type { KubeKind } from '../src/inventory/k8s-types';

const MB = (n: number) => Math.round((n / 1048576) * 10) / 10;
const gc = () => {
  for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.();
};
const used = () => (gc(), getHeapStatistics().used_heap_size);

const fakes = (dir: string, size: string) => startFakes<{ kubeconfig: string; avgPodJsonBytes: number }>(dir, 0, size);

type Cache = { objects: Map<string, Map<string, unknown>> };

/** Fast (not dictionary-mode) properties of each object of a pod, with --allow-natives-syntax. */
function shapes(pod: Record<string, unknown>): Record<string, boolean> | undefined {
  let fast: (o: unknown) => boolean;
  try {
    fast = new Function('o', 'return %HasFastProperties(o)') as (o: unknown) => boolean;
  } catch {
    return undefined;
  }
  const out: Record<string, boolean> = {};
  const walk = (v: unknown, path: string) => {
    if (!v || typeof v !== 'object') return;
    if (!Array.isArray(v)) out[path] = fast(v);
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${Array.isArray(v) ? '0' : k}`);
  };
  walk(pod, 'pod');
  return out;
}

function countsOf(watched: Map<KubeKind, { informer: Cache }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [k, w] of watched) counts[k] = [...w.informer.objects.values()].reduce((n, m) => n + m.size, 0);
  return counts;
}

function sampleOf(cache: Cache | undefined) {
  const pod = [...(cache?.objects.values() ?? [])][0]?.values().next().value;
  return pod ? { pod, fast: shapes(pod as Record<string, unknown>) } : undefined;
}

async function main() {
  const [size = 'xl', snapshot] = process.argv.slice(2);
  const dir = mkdtempSync(join(tmpdir(), `heap-${size}-`));
  const f = await fakes(dir, size);
  try {
    process.env.KUBECONFIG = f.kubeconfig;
    const kube = new KubeInventory({ kubeConfig: loadKubeConfig() });
    const before = used();
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    await kube.start();
    const syncMs = Date.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    await kube.stop();
    const afterSync = used();
    const stats = getHeapStatistics();
    const watched = (kube as unknown as { watched: Map<KubeKind, { informer: Cache; items?: unknown }> }).watched;
    // in functions of their own: no temporary of this frame keeps a cache alive
    const counts = countsOf(watched);
    const sample = sampleOf(watched.get('Pod')?.informer);
    if (snapshot && !process.env.HEAP_SNAPSHOT_AFTER_DROP) writeHeapSnapshot(snapshot);
    const byKind: Record<string, number> = {};
    let last = afterSync;
    for (const kind of ['EndpointSlice', 'Pod', 'Service', 'Node', ...watched.keys()] as KubeKind[]) {
      const w = watched.get(kind);
      if (!w || kind in byKind) continue;
      w.informer.objects = new Map();
      w.items = undefined;
      const now = used();
      byKind[kind] = MB(last - now);
      last = now;
    }
    if (snapshot && process.env.HEAP_SNAPSHOT_AFTER_DROP) writeHeapSnapshot(snapshot);
    const out = {
      size,
      node: process.version,
      syncMs,
      syncCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      avgPodJsonBytes: f.avgPodJsonBytes,
      heapBeforeMb: MB(before),
      heapAfterSyncMb: MB(afterSync),
      cachesMb: MB(afterSync - before),
      heapTotalMb: MB(stats.total_heap_size),
      byKindMb: byKind,
      restMb: MB(last - before),
      counts,
      bytesPerPod: counts.Pod ? Math.round((byKind.Pod * 1048576) / counts.Pod) : undefined,
      sample,
    };
    process.stdout.write(JSON.stringify(out, null, 1) + '\n');
  } finally {
    f.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`heap: ${e?.stack ?? e}\n`);
  process.exit(1);
});
