// A live inventory wired to the local fake Kubernetes and ARM servers.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArmInventory, type ArmOptions } from '../../src/inventory/azure';
import { KubeInventory, loadKubeConfig } from '../../src/inventory/kubernetes';
import { LiveInventory } from '../../src/inventory/live';
import { toJson, type PathResult } from '../../src/path/result';
import { FakeArm, testCredential } from './fake-arm';
import { FakeKube } from './fake-kube';

export interface LiveRig {
  kube: FakeKube;
  arm: FakeArm;
  inventory: LiveInventory;
  kubeconfig: string;
  /** a new ARM adapter on the same fake (a cold cache) */
  freshArm(o?: Partial<ArmOptions>): ArmInventory;
  stop(): Promise<void>;
}

/** A kubeconfig file for a fake server, and the client-node config read from it as a user's would be. */
export function kubeConfigOf(kube: FakeKube): { kubeconfig: string; kc: ReturnType<typeof loadKubeConfig> } {
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubeconfig-')), 'config');
  writeFileSync(kubeconfig, kube.kubeconfigYaml());
  const prev = process.env.KUBECONFIG;
  process.env.KUBECONFIG = kubeconfig;
  const kc = loadKubeConfig();
  if (prev === undefined) delete process.env.KUBECONFIG;
  else process.env.KUBECONFIG = prev;
  return { kubeconfig, kc };
}

export async function liveRig(snapshotDir: string, armOpts: Partial<ArmOptions> = {}): Promise<LiveRig> {
  const kube = await FakeKube.fromSnapshotDir(snapshotDir).start();
  const arm = await FakeArm.fromSnapshotDir(snapshotDir).start();
  const { kubeconfig, kc } = kubeConfigOf(kube);
  const freshArm = (o: Partial<ArmOptions> = {}) =>
    new ArmInventory({
      credential: testCredential(),
      endpoint: arm.url,
      ca: arm.ca,
      maxRetries: 1,
      timeoutMs: 3000,
      ...armOpts,
      ...o,
    });
  const k = new KubeInventory({ kubeConfig: kc, restartDelayMs: 100 });
  await k.start();
  const inventory = new LiveInventory(k, freshArm());
  return {
    kube,
    arm,
    inventory,
    kubeconfig,
    freshArm,
    stop: async () => {
      await k.stop();
      await Promise.all([kube.stop(), arm.stop()]);
    },
  };
}

/**
 * Sequential rounds of ARM requests, counted by cause: a request can only have waited for answers already sent when
 * it arrived, so its round is one more than the latest round among those; requests sent together stay one round
 * however late a busy machine delivers them, unless one of them arrives after another's answer (the injected latency).
 */
export function rounds(requests: { at: number; answeredAt?: number }[]): number {
  const sorted = [...requests].sort((a, b) => a.at - b.at);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    const before = sorted
      .slice(0, i)
      .map((a, j) => (a.answeredAt !== undefined && a.answeredAt <= r.at ? depth[j] : 0));
    depth.push(1 + Math.max(0, ...before));
  });
  return Math.max(0, ...depth);
}

/** `--json` without the data age: a live answer compared with the snapshot (which has none) or a capture. */
export const jsonWithoutAge = (r: PathResult): object => toJson({ ...r, dataAge: undefined });
