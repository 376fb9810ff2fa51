// Addresses at the network's edge that live outside the node resource group: NAT gateways, Azure Firewalls,
// public IP prefixes and public IPs of the subscriptions the cluster's VNets and their peerings reach
// (in a landing zone the hub with its firewall is in a connectivity subscription).
// https://learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/hub-spoke-network-topology
import type { AzureFirewall, NatGateway, Nic, PublicIp, PublicIpPrefix } from '../inventory/azure-model';
import { idKey, nameOf, parentId, subscriptionOf } from '../inventory/ids';
import type { Inventory } from '../inventory/inventory';
import type { Trace } from '../path/trace';

export interface EdgeFacts {
  natGateways: NatGateway[];
  firewalls: AzureFirewall[];
  prefixes: PublicIpPrefix[];
  publicIps: PublicIp[];
}

/** The subscriptions of the node resource groups, the nodes' VNets and the VNets they are peered with. */
async function subscriptions(inv: Inventory, groups: string[], nics: Nic[], trace: Trace): Promise<string[]> {
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
    ...vnets.flatMap((v) => (v?.peerings ?? []).map((p) => p.remoteVnetId ?? '')),
  ];
  const subs = ids.map(subscriptionOf).filter((s): s is string => !!s);
  return [...new Map(subs.map((s) => [s.toLowerCase(), s])).values()];
}

/** Read the edge resources of every subscription in reach; one that cannot be read is named in the errors. */
export async function readEdge(inv: Inventory, groups: string[], nics: Nic[], trace: Trace): Promise<EdgeFacts> {
  const subs = await subscriptions(inv, groups, nics, trace);
  const per = await Promise.all(
    subs.map(async (sub) => {
      const scope = `/subscriptions/${sub}`;
      const [natGateways, firewalls, prefixes, publicIps] = await Promise.all([
        trace.list(`NAT gateways in subscription ${sub}`, () => inv.azure.list('natGateway', scope)),
        trace.list(`Azure firewalls in subscription ${sub}`, () => inv.azure.list('firewall', scope)),
        trace.list(`public IP prefixes in subscription ${sub}`, () => inv.azure.list('publicIpPrefix', scope)),
        trace.list(`public IPs in subscription ${sub}`, () => inv.azure.list('publicIp', scope)),
      ]);
      return { natGateways, firewalls, prefixes, publicIps };
    }),
  );
  return {
    natGateways: per.flatMap((p) => p.natGateways),
    firewalls: per.flatMap((p) => p.firewalls),
    prefixes: per.flatMap((p) => p.prefixes),
    publicIps: per.flatMap((p) => p.publicIps),
  };
}
