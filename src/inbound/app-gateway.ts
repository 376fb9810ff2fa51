// Application Gateway in front of AKS (AGIC): no LoadBalancer Service and no
// node hop — the gateway proxies from its own subnet straight to the pod IPs
// of the Ingress backend, adding X-Forwarded-For.
// https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview
import type { Ctx } from '../family';
import type {
  ApplicationGateway,
  NetworkSecurityGroup,
  PublicIp,
  Subnet,
  VirtualNetwork,
} from '../inventory/azure-model';
import { idKey, nameOf, parentId } from '../inventory/ids';
import type { Ingress, Service } from '../inventory/k8s-types';
import type { Endpoint } from '../path/endpoints';

/**
 * An Ingress AGIC serves: the annotation `kubernetes.io/ingress.class: azure/application-gateway`, or the
 * ingress class of the AKS add-on.
 * https://learn.microsoft.com/azure/application-gateway/ingress-controller-annotations
 */
export const isAgic = (ing: Ingress): boolean =>
  ing.spec?.ingressClassName === 'azure-application-gateway' ||
  ing.metadata.annotations?.['kubernetes.io/ingress.class'] === 'azure/application-gateway';

/** What the inbound rules read about the gateway. */
export interface AppGatewayFacts {
  gateway?: ApplicationGateway;
  publicIps: PublicIp[];
  /** the address prefixes of the gateway's subnet: its instances' addresses */
  subnetPrefixes: string[];
  /** the gateway's subnet with its NSG (unseen: referenced, not readable) and VNet, for the NSG verdicts */
  subnet?: { subnet: Subnet; nsg?: NetworkSecurityGroup; unseen?: string; vnet?: VirtualNetwork };
}

/** Find the gateway carrying the Ingress address (else the only one), its public IPs and its subnet. */
export async function readAppGateway(ing: Ingress, scope: string | undefined, ctx: Ctx): Promise<AppGatewayFacts> {
  const out: AppGatewayFacts = { publicIps: [], subnetPrefixes: [] };
  if (!scope) return out;
  const { inv, trace } = ctx;
  const gws = await trace.list('application gateways', () => inv.azure.list('applicationGateway', scope));
  const withIps = await Promise.all(
    gws.map(async (g) => {
      const pips = await Promise.all(
        g.frontends
          .map((f) => f.publicIpId)
          .filter((id): id is string => !!id)
          .map((id) => trace.try(`public IP ${nameOf(id)}`, () => inv.azure.get('publicIp', id))),
      );
      return { g, pips: pips.filter((p): p is PublicIp => !!p) };
    }),
  );
  const ips = (ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter(Boolean);
  const hit =
    withIps.find(({ g, pips }) =>
      [...g.frontends.map((f) => f.privateIp), ...pips.map((p) => p.ip)].some((ip) => ip && ips.includes(ip)),
    ) ?? (withIps.length === 1 ? withIps[0] : undefined);
  if (!hit) {
    trace.fail(
      'application gateway',
      `no Application Gateway in ${scope} carries the Ingress address ${ips.join(', ')}`,
    );
    return out;
  }
  out.gateway = hit.g;
  out.publicIps = hit.pips;
  for (const id of hit.g.subnetIds) {
    const subnet = await trace.try(`subnet ${nameOf(id)}`, () => inv.azure.get('subnet', id));
    out.subnetPrefixes.push(...(subnet?.prefixes ?? []));
    if (subnet && !out.subnet) out.subnet = await subnetAround(subnet, ctx);
  }
  return out;
}

/** The NSG on the gateway's subnet and its VNet (the VirtualNetwork tag's address space), read together. */
async function subnetAround(subnet: Subnet, { inv, trace }: Ctx): Promise<NonNullable<AppGatewayFacts['subnet']>> {
  const nsgId = subnet.nsgId;
  const vnetId = parentId(subnet.id);
  const [nsg, vnet] = await Promise.all([
    nsgId ? trace.try(`network security group ${nameOf(nsgId)}`, () => inv.azure.get('nsg', nsgId)) : undefined,
    trace.try(`virtual network ${nameOf(vnetId)}`, () => inv.azure.get('virtualNetwork', vnetId)),
  ]);
  return { subnet, nsg, vnet, unseen: nsgId && !nsg ? idKey(nsgId) : undefined };
}

/** The AGIC way in, decided. */
export interface AppGatewayPath {
  ingress: Ingress;
  host?: string;
  backend: Service;
  appEps: Endpoint[];
  gateway?: ApplicationGateway;
  /** the frontend address the client dials (public IP, else private) */
  frontendIp?: string;
  publicIp?: PublicIp;
  listener?: ApplicationGateway['listeners'][number];
  /** backend pool addresses that are the app's pod IPs (AGIC programs pod IPs, not a Service) */
  poolMatches: boolean;
  /** what the pod sees: an instance address of the gateway subnet */
  sources: string[];
  /** the client's address, when the question gave it */
  client?: string;
}

export function decideAppGateway(
  ingress: Ingress,
  host: string | undefined,
  backend: Service,
  appEps: Endpoint[],
  f: AppGatewayFacts,
  client?: string,
): AppGatewayPath {
  const g = f.gateway;
  const listener = g?.listeners.find((l) => host && l.hostNames.includes(host)) ?? g?.listeners[0];
  const fe = g?.frontends.find((x) => x.id.toLowerCase() === listener?.frontendId?.toLowerCase()) ?? g?.frontends[0];
  const publicIp = f.publicIps.find((p) => p.id.toLowerCase() === fe?.publicIpId?.toLowerCase());
  const podIps = appEps.map((e) => e.ip);
  const poolMatches = !!g?.pools.some((p) => p.addresses.some((a) => podIps.includes(a)));
  return {
    ingress,
    host,
    backend,
    appEps,
    gateway: g,
    frontendIp: publicIp?.ip ?? fe?.privateIp,
    publicIp,
    listener,
    poolMatches,
    sources: f.subnetPrefixes,
    client,
  };
}
