// The NSGs on the Application Gateway way in, in packet order: the client's packet at the gateway subnet's NSG, then
// the gateway's own connection to the pod at the pod's node (its subnet, then its NIC). Pure.
// https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#network-security-groups
import type { ApplicationGateway } from '../inventory/azure-model';
import { vnetTagSpace, type AzureEnd } from '../path/azure-end';
import { evaluatePath, type NsgPacket } from '../path/nsg';
import type { Endpoint } from '../path/endpoints';
import type { AppGatewayFacts, AppGatewayPath } from './app-gateway';
import type { GatewayPath } from './gateway-api';
import { clientOf, nsgCheck, nsgsOf, type InboundNsg } from './nsg';

/** Both legs; a leg is missing when its side is not in the data (no gateway subnet, or the pod's node not on Azure). */
export function appGatewayNsg(p: AppGatewayPath, f: AppGatewayFacts, end?: AzureEnd): InboundNsg[] {
  return [clientLeg(p, f), podLeg(p, f, end)].filter((x): x is InboundNsg => !!x);
}

/** The client's packet at the gateway subnet's NSG. */
function clientLeg(p: AppGatewayPath, f: AppGatewayFacts): InboundNsg | undefined {
  const s = f.subnet;
  const range = s?.subnet.prefixes[0];
  if (!s || !range || !p.gateway || !p.frontendIp) return undefined;
  // the NSG sees the gateway's subnet as the destination, unless a public and a private listener share a port:
  // then the frontend IPs
  // https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#inbound-rules
  const to = sharedPort(p.gateway) ? { dst: p.frontendIp } : { dst: p.frontendIp, dstIn: range };
  const packet: NsgPacket = {
    ...clientOf(p.client, p.publicIp ? 'Internet' : 'VirtualNetwork'),
    ...to,
    port: p.listener?.port,
    protocol: 'TCP',
  };
  const ctx = {
    virtualNetwork: vnetTagSpace(s.vnet),
    dstAsgs: [],
    serviceTagsWhy: 'the service tag list is read for nodes only',
  };
  return {
    node: '',
    at: `Application Gateway ${p.gateway.name}`,
    packet,
    decisions: s.nsg ? evaluatePath({ dstSubnet: s.nsg }, packet, ctx) : [],
    unseen: s.unseen ? [s.unseen] : [],
    checks: s.nsg ? [nsgCheck(s.nsg)] : [],
  };
}

/** A public and a private frontend with listeners on the same port. */
function sharedPort(g: ApplicationGateway): boolean {
  const isPublic = new Map(g.frontends.map((x) => [x.id.toLowerCase(), !!x.publicIpId]));
  const kinds = new Map<number, Set<boolean>>();
  for (const l of g.listeners) {
    const pub = isPublic.get(l.frontendId?.toLowerCase() ?? '');
    if (l.port === undefined || pub === undefined) continue;
    kinds.set(l.port, (kinds.get(l.port) ?? new Set()).add(pub));
  }
  return [...kinds.values()].some((k) => k.size === 2);
}

/** The gateway's connection to the first pod, at that pod's node: from an instance address of the gateway subnet. */
function podLeg(p: AppGatewayPath, f: AppGatewayFacts, end?: AzureEnd): InboundNsg | undefined {
  const range = f.subnet?.subnet.prefixes[0] ?? f.subnetPrefixes[0];
  return range ? proxyLeg(`an Application Gateway instance (${range})`, range, p.appEps[0], end) : undefined;
}

/** Application Gateway for Containers: its proxies connect to the pods from the association subnet; the client's
 * side (the frontend) is not read.
 * https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components */
export function agcNsg(p: GatewayPath, end?: AzureEnd): InboundNsg[] {
  const range = p.agc ? p.sources[0] : undefined;
  const leg = range && proxyLeg(`an Application Gateway for Containers proxy (${range})`, range, p.appEps[0], end);
  return leg ? [leg] : [];
}

/** A proxy's connection from an address of its subnet to a pod, judged at the pod's node (subnet, then NIC). */
function proxyLeg(src: string, range: string, ep: Endpoint | undefined, end?: AzureEnd): InboundNsg | undefined {
  if (!end?.at.nic || !ep) return undefined;
  const packet: NsgPacket = { src, srcIn: range, dst: ep.ip, port: ep.port, protocol: 'TCP' };
  const g = nsgsOf(end);
  const node = end.at.node.metadata.name;
  const at = end.podSubnet ? { at: `node ${node} (pod subnet ${end.podSubnet})` } : {};
  return { ...g.said, node, ...at, packet, decisions: g.judge(packet), onward: true };
}
