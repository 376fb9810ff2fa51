// Network security group rules for one packet. Inbound traffic is checked by
// the subnet's NSG, then the NIC's; outbound by the NIC's, then the subnet's.
// Rules by ascending priority, first match wins; the default rules close each
// list. Pure: the NSGs and the address context are read by the caller.
// https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works
import type { NetworkSecurityGroup } from '../inventory/azure-model';
import { idKey } from '../inventory/ids';
import type { ServiceTags } from '../inventory/service-tags';
import { AZURE_PLATFORM_IP, cidrContains, cidrCovers, cidrFirstAddress, cidrOverlaps, isIpv4, isPrivateIp } from './ip';

type Rule = NetworkSecurityGroup['rules'][number];

export interface NsgPacket {
  src: string;
  /** the source is any client of this kind, not one address ("a client on the Internet"): `src` only names it */
  srcAny?: SourceKind;
  dst: string;
  /** the address the NSG sees is one of this range's, not known which (an Application Gateway instance); `src` /
   * `dst` are then what the answer names (the address the client dials) */
  srcIn?: string;
  dstIn?: string;
  /** the destination is an Azure service's public endpoint, any address of this service tag ("Storage"): `dst` only
   * names it */
  dstTag?: string;
  port?: number;
  /** TCP, UDP, ICMP */
  protocol: string;
}

/** Clients not known by address: anyone on the Internet, anyone in the VNet. */
export type SourceKind = 'Internet' | 'VirtualNetwork';

/** What the service tags and groups stand for here. */
export interface NsgContext {
  /** the VirtualNetwork tag's address space (VNet, peerings, UDR prefixes) */
  virtualNetwork: string[];
  /** application security groups (IDs) of the sender's / receiver's IP configuration; undefined: its NIC is unknown */
  srcAsgs?: string[];
  dstAsgs?: string[];
  /** the service tag list (discovery API); undefined: tags other than the three built-in ones cannot be judged */
  serviceTags?: ServiceTags;
  /** why the service tag list is not there, for the answer */
  serviceTagsWhy?: string;
}

/** A match: yes, no, or why it cannot be judged. */
export type Match = boolean | string;

export interface NsgDecision {
  nsg: string;
  /** where it is attached: the subnet or the NIC */
  at: 'subnet' | 'nic';
  direction: 'Inbound' | 'Outbound';
  allowed: boolean;
  rule: string;
  priority: number;
  /** a rule of higher priority whose match could not be judged (tag list or ASG membership unknown), and why */
  unsure?: string;
  /** the deciding rule's source prefixes or tags */
  source?: string[];
}

// The default rules every NSG ends with (added when the JSON does not list them).
// https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#default-security-rules
const DEFAULTS: Rule[] = [
  def('AllowVnetInBound', 65000, 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
  def('AllowAzureLoadBalancerInBound', 65001, 'Inbound', 'Allow', 'AzureLoadBalancer', '*'),
  def('DenyAllInBound', 65500, 'Inbound', 'Deny', '*', '*'),
  def('AllowVnetOutBound', 65000, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
  def('AllowInternetOutBound', 65001, 'Outbound', 'Allow', '*', 'Internet'),
  def('DenyAllOutBound', 65500, 'Outbound', 'Deny', '*', '*'),
];

/** A decision by one of those default rules (priorities 65000–65500; rules someone writes go up to 4096). */
const byDefaultRule = (d: NsgDecision): boolean => d.priority >= 65000;

function def(name: string, priority: number, direction: string, access: string, src: string, dst: string): Rule {
  return {
    name,
    priority,
    direction,
    access,
    protocol: '*',
    source: [src],
    destination: [dst],
    destinationPorts: ['*'],
  };
}

// the Azure platform address the AzureLoadBalancer tag stands for (health probes)
const AZURE_LB_IP = AZURE_PLATFORM_IP;

/** Does an address prefix or service tag cover ip? A string says why it cannot be judged. */
function addressMatches(prefix: string, ip: string, ctx: NsgContext): Match {
  const p = prefix.trim();
  if (p === '*' || p.toLowerCase() === 'any') return true;
  if (isIpv4(p)) return p === ip;
  if (IPV4_CIDR.test(p)) return cidrContains(p, ip);
  // an IPv6 address or prefix never covers the IPv4 packets modelled here
  if (p.includes(':')) return false;
  // service tags: https://learn.microsoft.com/azure/virtual-network/service-tags-overview
  const tag = p.toLowerCase();
  const inVnet = ctx.virtualNetwork.some((c) => cidrContains(c, ip));
  if (tag === 'virtualnetwork') return inVnet;
  if (tag === 'azureloadbalancer') return ip === AZURE_LB_IP;
  if (tag === 'internet') return !inVnet && !isPrivateIp(ip);
  return tagMatches(p, ip, ctx);
}

const IPV4_CIDR = /^\d+\.\d+\.\d+\.\d+\/\d+$/;

// other tags (Storage, Sql.WestEurope, AzureCloud, AzureFrontDoor.Backend…) stand for the prefixes the Service Tags
// discovery API lists under that name; a regional tag is its own entry there
// https://learn.microsoft.com/azure/virtual-network/service-tags-overview#available-service-tags
function tagMatches(tag: string, ip: string, ctx: NsgContext): Match {
  if (!ctx.serviceTags) return `service tag ${tag} not expanded: ${ctx.serviceTagsWhy ?? 'no service tag list'}`;
  const prefixes = ctx.serviceTags.prefixes.get(tag.toLowerCase());
  if (!prefixes) return `service tag ${tag} is not in the service tag list`;
  return prefixes.some((c) => (IPV4_CIDR.test(c) ? cidrContains(c, ip) : c === ip));
}

/** Does a prefix or tag cover every client of a kind? A rule naming addresses covers some of them only: said, not
 * judged, so the first rule that covers them all decides and the narrower ones are named. */
function kindMatches(prefix: string, kind: SourceKind): Match {
  const p = prefix.trim().toLowerCase();
  if (p === '*' || p === 'any' || p === kind.toLowerCase()) return true;
  if (p === 'virtualnetwork' || p === 'internet' || p === 'azureloadbalancer') return false;
  return `it covers only the clients in ${prefix.trim()}`;
}

/** Does a prefix or tag cover every address of a range? A rule naming part of it covers some packets only: said,
 * not judged. */
function rangeMatches(prefix: string, range: string, ctx: NsgContext): Match {
  const p = prefix.trim();
  const first = cidrFirstAddress(range) ?? range;
  if (p === '*' || p.toLowerCase() === 'any') return true;
  const cidr = isIpv4(p) ? `${p}/32` : IPV4_CIDR.test(p) ? p : undefined;
  const part = (covers: boolean, overlaps: boolean): Match =>
    covers ? true : overlaps ? `it covers only part of ${range} (${p})` : false;
  if (cidr) return part(cidrCovers(cidr, range), cidrOverlaps(cidr, range));
  if (p.includes(':')) return false;
  const tag = p.toLowerCase();
  const space = ctx.virtualNetwork;
  if (tag === 'virtualnetwork')
    return part(
      space.some((c) => cidrCovers(c, range)),
      space.some((c) => cidrOverlaps(c, range)),
    );
  if (tag === 'azureloadbalancer' || (tag === 'internet' && isPrivateIp(first))) return false;
  return addressMatches(p, first, ctx);
}

/** Any of the prefixes (none: any address); a reason when none matches and one could not be judged. */
export function anyMatch(prefixes: string[], test: (prefix: string) => Match): Match {
  let unknown: string | undefined;
  for (const p of prefixes.length ? prefixes : ['*']) {
    const m = test(p);
    if (m === true) return true;
    if (typeof m === 'string') unknown ??= m;
  }
  return unknown ?? false;
}

/** How a rule's prefixes are matched against one end of the packet: a kind of client, a range, or one address. */
export const sideTest =
  (ip: string, ctx: NsgContext, kind?: SourceKind, range?: string, tag?: string) =>
  (p: string): Match =>
    tag
      ? tagCovers(p, tag, ctx)
      : kind
        ? kindMatches(p, kind)
        : range
          ? rangeMatches(p, range, ctx)
          : addressMatches(p, ip, ctx);

/** Does a prefix or tag cover every address of service tag `tag` (an Azure service's public endpoints)? A rule naming
 * part of them (a regional tag, some prefixes) covers some accounts only: said, not judged. Those endpoints are Azure
 * public addresses: outside the VNet, inside the Internet and AzureCloud tags.
 * https://learn.microsoft.com/azure/virtual-network/service-tags-overview#available-service-tags */
function tagCovers(prefix: string, tag: string, ctx: NsgContext): Match {
  const p = prefix.trim();
  const t = p.toLowerCase();
  const want = tag.toLowerCase();
  if (['*', 'any', want, 'internet', 'azurecloud'].includes(t)) return true;
  if (t.startsWith(`${want}.`) || t.startsWith('azurecloud.')) return `it covers only ${p}, one region's addresses`;
  if (t === 'virtualnetwork' || t === 'azureloadbalancer') return false;
  const mine = (ctx.serviceTags?.prefixes.get(want) ?? []).filter((c) => IPV4_CIDR.test(c));
  if (!mine.length)
    return `which addresses ${tag} stands for is not known: ${ctx.serviceTagsWhy ?? 'not in the tag list'}`;
  const theirs = (isIpv4(p) ? [`${p}/32`] : IPV4_CIDR.test(p) ? [p] : (ctx.serviceTags?.prefixes.get(t) ?? [])).filter(
    (c) => IPV4_CIDR.test(c),
  );
  if (mine.every((c) => theirs.some((x) => cidrCovers(x, c)))) return true;
  return mine.some((c) => theirs.some((x) => cidrOverlaps(x, c))) ? `it covers only part of ${tag}'s addresses` : false;
}

// a rule names application security groups instead of addresses: it matches the IP configurations that are members
// https://learn.microsoft.com/azure/virtual-network/application-security-groups
function asgMatches(groups: string[], members: string[] | undefined, ip: string, side: string): Match {
  if (!members) return `the ${side} ${ip} is not a NIC in the data: its application security groups are unknown`;
  const mine = new Set(members.map(idKey));
  return groups.some((g) => mine.has(idKey(g)));
}

export function portMatches(ranges: string[], port: number | undefined): boolean {
  if (!ranges.length) return true;
  return ranges.some((r) => {
    if (r === '*') return true;
    if (port === undefined) return false;
    const [lo, hi] = r.split('-').map(Number);
    return hi === undefined ? port === lo : port >= lo && port <= hi;
  });
}

export const protocolMatches = (rule: string, packet: string) =>
  rule === '*' || rule.toLowerCase() === 'any' || rule.toLowerCase() === packet.toLowerCase();

/** Does the rule apply to the packet? A string: it might (a tag or group that cannot be judged here), and why. */
function ruleMatches(r: Rule, p: NsgPacket, ctx: NsgContext): Match {
  // no port asked: a rule on some ports only might decide, never silently skipped
  const somePorts = p.port === undefined && r.destinationPorts.length > 0 && !r.destinationPorts.includes('*');
  if (!protocolMatches(r.protocol, p.protocol) || (!somePorts && !portMatches(r.destinationPorts, p.port)))
    return false;
  const m = addressesMatch(r, p, ctx);
  return somePorts && m !== false ? `it covers port ${r.destinationPorts.join(', ')} only, and no port was said` : m;
}

function addressesMatch(r: Rule, p: NsgPacket, ctx: NsgContext): Match {
  const src = r.sourceAsgs?.length
    ? p.srcAny
      ? false // an Internet / VNet client at large is no NIC of a group
      : asgMatches(r.sourceAsgs, ctx.srcAsgs, p.src, 'source')
    : anyMatch(r.source, sideTest(p.src, ctx, p.srcAny, p.srcIn));
  const dst = r.destinationAsgs?.length
    ? p.dstTag
      ? false // a service's public endpoint is no NIC of a group
      : asgMatches(r.destinationAsgs, ctx.dstAsgs, p.dst, 'destination')
    : anyMatch(r.destination, sideTest(p.dst, ctx, undefined, p.dstIn, p.dstTag));
  if (src === false || dst === false) return false;
  return src === true && dst === true ? true : typeof src === 'string' ? src : dst;
}

/** One NSG's decision for a packet in one direction: the first matching rule by priority. */
export function evaluateNsg(
  nsg: NetworkSecurityGroup,
  at: 'subnet' | 'nic',
  direction: 'Inbound' | 'Outbound',
  packet: NsgPacket,
  ctx: NsgContext,
): NsgDecision {
  const own = nsg.rules.filter((r) => r.direction.toLowerCase() === direction.toLowerCase());
  const defaults = DEFAULTS.filter((d) => d.direction === direction && !own.some((r) => r.name === d.name));
  const rules = [...own, ...defaults].sort((a, b) => a.priority - b.priority);
  // the first rule of each access that might apply: only one of the other access than the decision's can change it
  const unsure: Record<'allow' | 'deny', string | undefined> = { allow: undefined, deny: undefined };
  for (const r of rules) {
    const m = ruleMatches(r, packet, ctx);
    const access = r.access.toLowerCase() === 'allow' ? 'allow' : 'deny';
    if (typeof m === 'string') unsure[access] ??= `${nsg.name}/${r.name} (priority ${r.priority}) might apply: ${m}`;
    if (m !== true) continue;
    const allowed = access === 'allow';
    const but = unsure[allowed ? 'deny' : 'allow'];
    return { nsg: nsg.name, at, direction, allowed, rule: r.name, priority: r.priority, unsure: but, source: r.source };
  }
  // unreachable with the default rules in place; deny like DenyAll*
  const rule = `DenyAll${direction}`;
  return { nsg: nsg.name, at, direction, allowed: false, rule, priority: 65500, unsure: unsure.allow };
}

/** `nsg-name/rule-name, priority 200, Deny` */
export const nsgRuleText = (d: NsgDecision): string =>
  `${d.nsg}/${d.rule}, priority ${d.priority}, ${d.allowed ? 'Allow' : 'Deny'}`;

/** `inbound at the subnet` */
export const nsgWhere = (x: NsgDecision): string =>
  `${x.direction.toLowerCase()} at the ${x.at === 'nic' ? 'NIC' : 'subnet'}`;

/** The rules that let a packet through, for an answer: written rules by name and place, the default rules once (every
 * NSG has them, what matters is a rule someone wrote). Undefined when nothing allowed it. */
export function allowedBy(decisions: NsgDecision[]): string | undefined {
  const allows = decisions.filter((x) => x.allowed);
  if (!allows.length) return undefined;
  const written = allows.filter((x) => !byDefaultRule(x)).map((x) => `${nsgRuleText(x)} (${nsgWhere(x)})`);
  const defaults = [...new Set(allows.filter(byDefaultRule).map((x) => x.rule))];
  const byDefault = defaults.length ? `the default rule${defaults.length > 1 ? 's' : ''} ${defaults.join(', ')}` : '';
  return [...written, ...(byDefault ? [written.length ? `elsewhere ${byDefault}` : byDefault] : [])].join('; ');
}

/** The NSGs a packet meets: outbound NIC → subnet at the source, inbound subnet → NIC at the target. */
export interface NsgPath {
  srcNic?: NetworkSecurityGroup;
  srcSubnet?: NetworkSecurityGroup;
  dstSubnet?: NetworkSecurityGroup;
  dstNic?: NetworkSecurityGroup;
}

/** Every NSG decision along the path, in packet order; the first deny stops the packet. */
export function evaluatePath(path: NsgPath, packet: NsgPacket, ctx: NsgContext): NsgDecision[] {
  const steps: [NetworkSecurityGroup | undefined, 'subnet' | 'nic', 'Inbound' | 'Outbound'][] = [
    [path.srcNic, 'nic', 'Outbound'],
    [path.srcSubnet, 'subnet', 'Outbound'],
    [path.dstSubnet, 'subnet', 'Inbound'],
    [path.dstNic, 'nic', 'Inbound'],
  ];
  const out: NsgDecision[] = [];
  for (const [nsg, at, dir] of steps) {
    if (!nsg) continue;
    const d = evaluateNsg(nsg, at, dir, packet, ctx);
    out.push(d);
    if (!d.allowed) break;
  }
  return out;
}

/** Does a rule name a service tag beyond VirtualNetwork / AzureLoadBalancer / Internet (the tag list is needed)? */
export function usesServiceTags(nsgs: (NetworkSecurityGroup | undefined)[]): boolean {
  const isTag = (p: string) => {
    const t = p.trim();
    return (
      !!t &&
      !isIpv4(t) &&
      !IPV4_CIDR.test(t) &&
      !t.includes(':') &&
      !/^(\*|any|virtualnetwork|azureloadbalancer|internet)$/i.test(t)
    );
  };
  return nsgs.some((g) => g?.rules.some((r) => [...r.source, ...r.destination].some(isTag)));
}
