// Config → the inventory to answer from: the demo, a snapshot folder, or live.
import { readFileSync } from 'node:fs';
import type * as Identity from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import { isLive, type Config } from '../config';
import type { Inventory } from './inventory';
import type * as Azure from './azure';
import type * as Kube from './kubernetes';
import type * as Live from './live';
import type { LiveInventory } from './live';
import type * as Metrics from './metrics';
import { SnapshotInventory } from './snapshot';

export interface Opened {
  inventory: Inventory;
  /** kinds not yet synced (live), empty when ready */
  pending(): string[];
  stop(): Promise<void>;
  live?: LiveInventory;
}

export interface OpenOptions {
  /** Azure credential (default: DefaultAzureCredential — workload identity, managed identity, az login) */
  credential?: TokenCredential;
  /** wait for the first list of every informer before returning (the CLI does; the bot reports readiness instead) */
  waitForSync?: boolean;
  /**
   * keep the Azure network resources warm (background refresh every PACKET_PATH_AZURE_REFRESH_SECONDS); default: when
   * not waiting for sync (the long-running bot; a one-shot CLI question reads only what it needs)
   */
  keepWarm?: boolean;
  onArmRequest?: (method: string, url: string) => void;
}

export async function openInventory(c: Config, o: OpenOptions = {}): Promise<Opened> {
  if (!isLive(c)) {
    const inventory = c.PACKET_PATH_SNAPSHOT
      ? SnapshotInventory.load(c.PACKET_PATH_SNAPSHOT)
      : SnapshotInventory.demo();
    return { inventory, pending: () => [], stop: async () => undefined };
  }
  // the Kubernetes and Azure SDKs are loaded only for a live cluster (a snapshot or the demo needs neither)
  const { DefaultAzureCredential } = require('@azure/identity') as typeof Identity;
  const { ArmInventory } = require('./azure') as typeof Azure;
  const { KubeInventory, loadKubeConfig } = require('./kubernetes') as typeof Kube;
  const { LiveInventory } = require('./live') as typeof Live;
  const metrics = require('./metrics') as typeof Metrics;
  const credential = o.credential ?? new DefaultAzureCredential();
  const ca = c.PACKET_PATH_ARM_CA_FILE ? readFileSync(c.PACKET_PATH_ARM_CA_FILE, 'utf8') : undefined;
  const azure = new ArmInventory({
    credential,
    endpoint: c.PACKET_PATH_ARM_ENDPOINT,
    ca,
    ttlMs: c.PACKET_PATH_CACHE_TTL_SECONDS * 1000,
    timeoutMs: c.PACKET_PATH_ARM_TIMEOUT_SECONDS * 1000,
    onRequest: o.onArmRequest,
    hubScopes: c.PACKET_PATH_VWAN_HUB_SCOPES,
    refreshMs: (o.keepWarm ?? !o.waitForSync) ? c.PACKET_PATH_AZURE_REFRESH_SECONDS * 1000 : 0,
  });
  const kube = new KubeInventory({
    kubeConfig: loadKubeConfig(c.PACKET_PATH_KUBE_CONTEXT),
  });
  const started = kube.start();
  // the first lists' pages are garbage V8 keeps until memory runs short: one full collection once synced returns it
  // to the system (about 30 MB of RSS at 5,000 pods); gc() exists when node runs with --expose-gc, as the image does
  const compact = () => (globalThis as { gc?: () => void }).gc?.();
  if (o.waitForSync) await started.then(compact, async (e) => (await kube.stop(), Promise.reject(e)));
  else started.then(compact, () => undefined); // failures are reported through pending() and answers
  const snat = new metrics.MonitorMetrics({
    credential,
    endpoint: c.PACKET_PATH_METRICS_ENDPOINT,
    ca,
    ttlMs: c.PACKET_PATH_CACHE_TTL_SECONDS * 1000,
    timeoutMs: c.PACKET_PATH_ARM_TIMEOUT_SECONDS * 1000,
  });
  const live = new LiveInventory(kube, azure, c.PACKET_PATH_NODE_RESOURCE_GROUP_ID, snat);
  void live.keepWarm().catch(() => undefined); // failures are the answers' errors
  return {
    inventory: live,
    live,
    pending: () => kube.pending(),
    stop: () => (azure.stop(), kube.stop()),
  };
}
