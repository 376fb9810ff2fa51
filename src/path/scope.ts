// Where the cluster's Azure resources live: node resource group(s) from the
// nodes' providerIDs (several subscriptions are possible), else cluster.json.
import { idKey } from '../inventory/ids';
import type { Inventory } from '../inventory/inventory';
import { nodeResourceGroupsOf } from './index';
import type { Trace } from './trace';

export async function nodeResourceGroups(inv: Inventory, trace: Trace): Promise<string[]> {
  const [nodes, cluster] = await Promise.all([
    trace.try('nodes', () => inv.list('Node')),
    trace.try('cluster', () => inv.cluster()),
  ]);
  const groups = new Map<string, string>();
  for (const [key, id] of nodeResourceGroupsOf(nodes ?? [])) groups.set(key, id);
  if (cluster?.nodeResourceGroupId) groups.set(idKey(cluster.nodeResourceGroupId), cluster.nodeResourceGroupId);
  return [...groups.values()];
}
