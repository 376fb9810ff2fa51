// The subscriptions the cluster's network reaches: the node resource groups', the nodes' VNets' and those of the
// VNets they are peered with (in a landing zone the hub, with its firewall or NVAs, is in a connectivity subscription).
// https://learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/hub-spoke-network-topology
import type { Nic } from '../inventory/azure-model';
import { idKey, nameOf, parentId, subscriptionOf } from '../inventory/ids';
import type { Inventory } from '../inventory/inventory';
import type { Trace } from './trace';
import { isHubVnet } from './vwan';

/** The subscriptions of the node resource groups, the nodes' VNets and the VNets they are peered with (for a Virtual
 * WAN spoke: where its hub is searched). */
export async function subscriptionsInReach(
  inv: Inventory,
  groups: string[],
  nics: Nic[],
  trace: Trace,
): Promise<string[]> {
  const vnetIds = new Map<string, string>();
  for (const c of nics.flatMap((n) => n.ipConfigs))
    if (c.subnetId) vnetIds.set(idKey(parentId(c.subnetId)), parentId(c.subnetId));
  const vnets = await Promise.all(
    [...vnetIds.values()].map((id) =>
      trace.try(`virtual network ${nameOf(id)}`, () => inv.azure.get('virtualNetwork', id)),
    ),
  );
  const ids = [
    ...groups,
    ...vnetIds.values(),
    // a Virtual WAN hub's VNet lives in a Microsoft subscription (never readable); its hub is where configured
    ...vnets.flatMap((v) => (v?.peerings ?? []).map((p) => (isHubVnet(p.remoteVnetId) ? '' : (p.remoteVnetId ?? '')))),
    ...(inv.azure.hubScopes?.() ?? []),
  ];
  const subs = ids.map(subscriptionOf).filter((s): s is string => !!s);
  return [...new Map(subs.map((s) => [s.toLowerCase(), s])).values()];
}
