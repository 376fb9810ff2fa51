// Node → its Azure VM, NIC IP configuration and subnet (via spec.providerID).
import type { IpConfig, Nic, Subnet, VirtualNetwork } from '../inventory/azure-model';
import {
  idKey,
  nameOf,
  parentId,
  resourceGroupId,
  resourceGroupOf,
  sameId,
  vmIdFromProviderId,
} from '../inventory/ids';
import type { Inventory } from '../inventory/inventory';
import type { Node } from '../inventory/k8s-types';
import { nodeIp } from './kube';
import { poolIpConfigKeys } from './lb';
import type { Trace } from './trace';

export interface NodeOnAzure {
  node: Node;
  nodeIp?: string;
  vmId?: string;
  /** resource group ID of the VM: the node resource group */
  nodeResourceGroupId?: string;
  nic?: Nic;
  ipConfig?: IpConfig;
  subnet?: Subnet;
  /** the subnet's VNet (its ranges and peerings are system routes), read alongside the subnet */
  vnet?: VirtualNetwork;
}

// spec.providerID names the node's Azure VM (or scale set instance); its NICs carry the node IP
// https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/node-v1/#NodeSpec
export async function locateNode(inv: Inventory, node: Node, trace: Trace): Promise<NodeOnAzure> {
  const ip = nodeIp(node);
  const found: NodeOnAzure = { node, nodeIp: ip };
  const vmId = vmIdFromProviderId(node.spec?.providerID);
  if (!vmId) {
    trace.fail(
      `Azure VM of node ${node.metadata.name}`,
      `spec.providerID "${node.spec?.providerID ?? ''}" is not an Azure VM ID`,
    );
    return found;
  }
  found.vmId = vmId;
  found.nodeResourceGroupId = resourceGroupId(vmId);
  const nics = await trace.try(`network interfaces of VM ${nameOf(vmId)}`, () => inv.azure.nicsOfVm(vmId));
  if (!nics) return found;
  if (nics.length === 0) {
    trace.fail(
      `network interfaces of VM ${nameOf(vmId)}`,
      `no network interface found for this VM in resource group ${resourceGroupOf(vmId)}`,
    );
    return found;
  }
  const byIp = nics.flatMap((n) => n.ipConfigs.map((c) => ({ n, c }))).find(({ c }) => ip && c.privateIp === ip);
  const nic = byIp?.n ?? nics.find((n) => n.primary) ?? nics[0];
  found.nic = nic;
  found.ipConfig = byIp?.c ?? nic.ipConfigs.find((c) => c.primary) ?? nic.ipConfigs[0];
  const subnetId = found.ipConfig?.subnetId;
  if (subnetId) Object.assign(found, await readSubnet(inv, subnetId, trace));
  return found;
}

/** The subnet and its VNet, read together (one round). */
async function readSubnet(inv: Inventory, subnetId: string, trace: Trace) {
  const vnetId = parentId(subnetId);
  const [subnet, vnet] = await Promise.all([
    trace.try(`subnet ${nameOf(subnetId)}`, () => inv.azure.get('subnet', subnetId)),
    trace.try(`virtual network ${nameOf(vnetId)}`, () => inv.azure.get('virtualNetwork', vnetId)),
  ]);
  if (!subnet && !trace.failed(`subnet ${nameOf(subnetId)}`)) {
    const why = `not found: ${subnetId} (the VNet is often in another resource group than the nodes)`;
    trace.fail(`subnet ${nameOf(subnetId)}`, why);
  }
  return { subnet, vnet };
}

// a backend pool holds NIC IP configurations, or (IP-based pools) addresses
// https://learn.microsoft.com/azure/load-balancer/backend-pool-management
export const ipConfigInPool = (
  ipConfig: IpConfig | undefined,
  pool: { id: string; ipConfigIds: string[]; addresses: string[] },
  ip?: string,
): boolean =>
  !!(
    (ipConfig &&
      ((!!ipConfig.id && poolIpConfigKeys(pool).has(idKey(ipConfig.id))) ||
        ipConfig.poolIds.some((id) => sameId(id, pool.id)))) ||
    (ip && pool.addresses.includes(ip))
  );
