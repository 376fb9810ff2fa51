// Azure Firewall rules for one packet going out through it. Rules are terminating and nothing passes unless a rule
// allows it; network rules are processed first, then, for HTTP, HTTPS and MSSQL, application rules — each in order
// (policy: the parent's first, then group priority, then collection priority; classic: collection priority).
// https://learn.microsoft.com/azure/firewall/rule-processing
// Pure: the rules and the address context are read by the caller.
import type {
  AzureFirewall,
  FirewallRule,
  FirewallRuleCollection,
  FirewallRuleGroup,
  PublicIp,
} from '../inventory/azure-model';
import { parseId, sameId } from '../inventory/ids';
import { isIpv4, rangeContains } from './ip';
import { anyMatch, portMatches, protocolMatches, sideTest, type Match, type NsgContext } from './nsg';

export interface FirewallRules {
  source: 'classic' | 'policy';
  policy?: string;
  /** rule collections, one list per policy (the parent's first) or the classic ones */
  layers: FirewallRuleCollection[][];
  /** what holds rules and could not be read: no verdict then */
  missing: string[];
  /** the IP groups the rules name, read (lower-case ID → addresses); one not read leaves a rule naming it open */
  ipGroups?: Map<string, string[]>;
  /** threat intelligence in Deny mode: traffic to or from known malicious addresses is dropped before any rule */
  threatIntelDeny?: boolean;
  /** IDPS in Alert and Deny mode: traffic matching an intrusion signature is dropped, whatever the rules say */
  idpsDeny?: boolean;
}

/** What may drop traffic the rules let through, in words: threat intelligence and IDPS in Deny mode. */
export function dropsBeyondRules(firewall: string, r: Pick<FirewallRules, 'threatIntelDeny' | 'idpsDeny'>): string[] {
  return [
    // threat intelligence in Deny mode drops traffic to and from known malicious addresses and domains before the rules
    // https://learn.microsoft.com/azure/firewall/threat-intel
    ...(r.threatIntelDeny
      ? [
          `Threat intelligence is in Deny mode on Azure Firewall ${firewall}: traffic to or from an address or ` +
            `domain Microsoft's feed lists as malicious is dropped before any rule, whatever the rules say`,
        ]
      : []),
    // IDPS in Alert and Deny mode drops traffic whose content matches a signature; signatures are not judged here
    // https://learn.microsoft.com/azure/firewall/premium-features#idps
    ...(r.idpsDeny
      ? [
          `IDPS is in Alert and Deny mode on Azure Firewall ${firewall}: a connection whose traffic matches an ` +
            `intrusion signature is dropped, whatever the rules say (signatures are not judged here)`,
        ]
      : []),
  ];
}

export interface FirewallPacket {
  /** the source as the firewall sees it (after the node's SNAT) */
  src: string;
  dst?: string;
  /** the destination is any public endpoint of this service tag */
  dstTag?: string;
  /** the host name the client asked for, when known */
  host?: string;
  port?: number;
  protocol: string;
}

export type FirewallVerdict =
  | {
      verdict: 'allowed' | 'denied';
      /** "group / collection / rule", or undefined: no rule matched (denied by default) */
      rule?: string;
      /** a rule processed before the deciding one that might match (IP groups, FQDNs, tags), and why */
      unsure?: Unsure;
    }
  | { verdict: 'unknown'; why: string };

/** A policy's rule collection groups as collections, each knowing its group (and the group's priority). */
export const fromGroups = (groups: FirewallRuleGroup[]): FirewallRuleCollection[] =>
  groups.flatMap((g) => g.collections.map((c) => ({ ...c, group: g.name, groupPriority: g.priority })));

// the processing order: by kind (DNAT, network, application), then the parent policy's before the child's, then group
// priority, then collection priority (classic rules: collection priority alone)
// https://learn.microsoft.com/azure/firewall/rule-processing
// https://learn.microsoft.com/azure/firewall-manager/policy-overview#hierarchical-policies
function collectionsOf(rules: FirewallRules, kinds: FirewallRuleCollection['kind'][]): FirewallRuleCollection[] {
  const byPriority = (a: FirewallRuleCollection, b: FirewallRuleCollection) =>
    (a.groupPriority ?? 0) - (b.groupPriority ?? 0) || a.priority - b.priority;
  const all = rules.layers.flatMap((xs) => [...xs].sort(byPriority));
  return kinds.flatMap((k) => all.filter((c) => c.kind === k));
}

const rulePath = (c: FirewallRuleCollection, r: FirewallRule) => [c.group, c.name, r.name].filter(Boolean).join(' / ');

export function judgeFirewall(rules: FirewallRules, p: FirewallPacket, nsgCtx: NsgContext): FirewallVerdict {
  const ctx: FwCtx = { ...nsgCtx, ipGroups: rules.ipGroups };
  if (rules.missing.length) return { verdict: 'unknown', why: `${rules.missing.join(', ')} not read` };
  const open: Unsure[] = [];
  for (const c of collectionsOf(rules, appPort(p) ? ['network', 'application'] : ['network']))
    for (const r of c.rules) {
      const m = c.kind === 'network' ? networkMatch(r, p, ctx) : applicationMatch(r, p, ctx);
      if (m === false) continue;
      const rule = rulePath(c, r);
      if (m === true) return decided(c.action.toLowerCase() === 'deny' ? 'denied' : 'allowed', open, rule);
      open.push({ rule, action: c.action.toLowerCase(), why: m });
    }
  return decided('denied', open);
}

type Unsure = { rule: string; action: string; why: string };

/** A rule before the deciding one that cannot be judged leaves the verdict open only if it would decide otherwise. */
function decided(verdict: 'allowed' | 'denied', open: Unsure[], rule?: string): FirewallVerdict {
  const unsure = open.find((u) => (u.action === 'deny') !== (verdict === 'denied'));
  return { verdict, ...(rule ? { rule } : {}), ...(unsure ? { unsure } : {}) };
}

const appPort = (p: FirewallPacket) => p.protocol.toUpperCase() === 'TCP' && p.port !== undefined;

/** A source or destination entry: an address, CIDR, "first-last" range, service tag or `*`. */
const addressTest = (ip: string, ctx: NsgContext, tag?: string) => (entry: string) =>
  !tag && /^[\d.]+-[\d.]+$/.test(entry.trim())
    ? rangeContains(entry.trim(), ip)
    : sideTest(ip, ctx, undefined, undefined, tag)(entry);

/** The rules' context: address tags, and the IP groups read (lower-case ID → addresses). */
type FwCtx = NsgContext & { ipGroups?: Map<string, string[]> };

/** Entries and the addresses of IP groups (those read); a group not read may hold the address: said. */
function sideMatch(entries: string[], groups: string[], test: (e: string) => Match, ctx: FwCtx, side: string): Match {
  const known = groups.flatMap((g) => ctx.ipGroups?.get(g.toLowerCase()) ?? []);
  const unread = groups.filter((g) => !ctx.ipGroups?.has(g.toLowerCase()));
  const all = [...entries, ...known];
  const m = all.length ? anyMatch(all, test) : false;
  return m !== true && unread.length ? `its ${side} IP groups (${unread.map(last).join(', ')}) are not read` : m;
}

function sourceMatch(r: FirewallRule, p: FirewallPacket, ctx: FwCtx): Match {
  if (!r.sources.length && !r.sourceIpGroups.length) return true;
  return sideMatch(r.sources, r.sourceIpGroups, addressTest(p.src, ctx), ctx, 'source');
}

function networkMatch(r: FirewallRule, p: FirewallPacket, ctx: FwCtx): Match {
  if (!r.protocols.some((x) => protocolMatches(x, p.protocol)) || !portMatches(r.ports, p.port)) return false;
  const src = sourceMatch(r, p, ctx);
  if (src === false) return false;
  const dst = both(destinationMatch(r, p, ctx), fqdnMatch(r.fqdns, p, 'network'));
  return src === true ? dst : dst === false ? false : src;
}

function destinationMatch(r: FirewallRule, p: FirewallPacket, ctx: FwCtx): Match {
  if (!r.destinations.length && !r.destinationIpGroups.length) return false;
  const test = p.dst && isIpv4(p.dst) ? addressTest(p.dst, ctx) : p.dstTag ? addressTest('', ctx, p.dstTag) : undefined;
  if (!test) return 'the destination address is not known';
  return sideMatch(r.destinations, r.destinationIpGroups, test, ctx, 'destination');
}

/** Either side may match: true wins, then a reason. */
const both = (a: Match, b: Match): Match => (a === true || b === true ? true : typeof a === 'string' ? a : b);

// network rules name FQDNs the firewall resolves (DNS proxy); application rules match the request's host name
// (HTTP Host, TLS SNI); `*.contoso.com` is any name under contoso.com
// https://learn.microsoft.com/azure/firewall/fqdn-filtering-network-rules
function fqdnMatch(fqdns: string[], p: FirewallPacket, kind: 'network' | 'application'): Match {
  if (!fqdns.length) return false;
  if (fqdns.includes('*')) return true;
  const host = p.host?.toLowerCase();
  if (host) return fqdns.some((f) => hostMatches(f.toLowerCase(), host));
  const names = fqdns.slice(0, 3).join(', ') + (fqdns.length > 3 ? ', …' : '');
  return kind === 'network'
    ? `it allows ${names} by name: whether ${p.dst ?? 'the address'} is what they resolve to is not known here`
    : `it matches ${names} by the host name the request carries, which the question does not give`;
}

const hostMatches = (pattern: string, host: string) =>
  pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : pattern === host;

function applicationMatch(r: FirewallRule, p: FirewallPacket, ctx: FwCtx): Match {
  const port = r.protocols.some((x) => Number(x.split(':')[1]) === p.port);
  if (!port || sourceMatch(r, p, ctx) === false) return false;
  const byName = fqdnMatch(r.fqdns, p, 'application');
  if (byName !== false || !r.other.length) return byName;
  return `it matches by ${r.other.slice(0, 3).join(', ')} (FQDN tags, web categories or URLs), not judged here`;
}

const last = (id: string) => id.split('/').pop() ?? id;

/** One rule in words, for a summary of what a source may send. */
export interface RuleLine {
  action: string;
  rule: string;
  /** "group / collection / rule" */
  path: string;
  /** "tcp/443 to *", "https:443 to *.ubuntu.com" */
  what: string;
}

/** The rules (those whose source may be `src`, when given) in processing order, network then application: what the
 * firewall lets out (or stops); what no rule allows is dropped. */
export function ruleLines(rules: FirewallRules, src?: string, nsgCtx?: NsgContext): RuleLine[] {
  const ctx: FwCtx = { ...(nsgCtx ?? { virtualNetwork: [] }), ipGroups: rules.ipGroups };
  const kinds: FirewallRuleCollection['kind'][] =
    src === undefined ? ['nat', 'network', 'application'] : ['network', 'application'];
  return collectionsOf(rules, kinds).flatMap((c) =>
    c.rules
      .filter((r) => src === undefined || sourceMatch(r, { src, protocol: 'TCP' }, ctx) !== false)
      .map((r) => ({
        action: c.action.toLowerCase(),
        rule: r.name,
        path: rulePath(c, r),
        what: ruleWhat(r),
      })),
  );
}

function ruleWhat(r: FirewallRule): string {
  if (r.translated) return `${dnatWhat(r)} → ${translatedOf(r)}`;
  const to = [...r.destinations, ...r.destinationIpGroups.map(last), ...r.fqdns, ...r.other];
  const dest = to.slice(0, 3).join(', ') + (to.length > 3 ? ', …' : '');
  if (r.kind === 'application') return `${r.protocols.join(', ').toLowerCase()} to ${dest || '*'}`;
  return `${portsOf(r)} to ${dest || '*'}`;
}

/** "tcp/443", "tcp+udp/53" */
const portsOf = (r: FirewallRule) => `${r.protocols.map((p) => p.toLowerCase()).join('+')}/${r.ports.join(',') || '*'}`;
const dnatWhat = (r: FirewallRule) => `${portsOf(r)} on ${r.destinations.join(', ')}`;
const translatedOf = (r: FirewallRule) =>
  `${r.translated?.address ?? r.translated?.fqdn ?? '?'}${r.translated?.port ? `:${r.translated.port}` : ''}`;

/** A DNAT rule on one of the firewall's addresses: what it translates to, and whom it admits. */
export interface DnatHit {
  /** "group / collection / rule" */
  rule: string;
  /** "tcp/443 on 51.104.20.30" */
  what: string;
  /** the firewall's address and the ports the rule takes there */
  ip: string;
  ports: string[];
  address?: string;
  fqdn?: string;
  port?: number;
  sources: string[];
}

// DNAT rules come first: a match translates the destination and lets the packet in, no network rule is consulted;
// rule collection groups, then collections, by priority
// https://learn.microsoft.com/azure/firewall/rule-processing
/** The DNAT rules for an address (and port, when given) of the firewall, in processing order; a client address, when
 * given, keeps the rules whose sources may be it. */
export function dnatRules(rules: FirewallRules, p: { ip: string; port?: number; protocol?: string; src?: string }) {
  const proto = p.protocol ?? 'TCP';
  const ctx: FwCtx = { virtualNetwork: [], ipGroups: rules.ipGroups };
  return collectionsOf(rules, ['nat'])
    .flatMap((c) => c.rules.map((r) => ({ c, r })))
    .filter(({ r }) => r.destinations.some((d) => d === '*' || d === p.ip))
    .filter(({ r }) => r.protocols.some((x) => protocolMatches(x, proto)) && (!p.port || portMatches(r.ports, p.port)))
    .filter(({ r }) => !p.src || sourceMatch(r, { src: p.src, protocol: proto }, ctx) !== false)
    .map(({ c, r }) => hitOf(c, r, p.ip, rules));
}

/** The DNAT rules that translate to `address` (an internal frontend of ours): where the firewall publishes it. */
export const dnatTo = (rules: FirewallRules, address: string): DnatHit[] =>
  collectionsOf(rules, ['nat'])
    .flatMap((c) => c.rules.map((r) => ({ c, r })))
    .filter(({ r }) => r.translated?.address === address)
    .map(({ c, r }) => hitOf(c, r, r.destinations[0] ?? '*', rules));

const hitOf = (c: FirewallRuleCollection, r: FirewallRule, ip: string, rules: FirewallRules): DnatHit => ({
  rule: rulePath(c, r),
  what: dnatWhat(r),
  ip,
  ports: r.ports,
  address: r.translated?.address,
  fqdn: r.translated?.fqdn,
  port: r.translated?.port ? Number(r.translated.port) : undefined,
  sources: [...r.sources, ...r.sourceIpGroups.map((g) => groupWords(g, rules.ipGroups))],
});

const groupWords = (id: string, read?: Map<string, string[]>) =>
  `IP group ${last(id)}${read?.has(id.toLowerCase()) ? ` (${read.get(id.toLowerCase())!.join(', ')})` : ''}`;

/** Does the firewall hold the address: its private IP, one of its public IPs (by ID), a hub's inline one? */
export const holdsAddress = (fw: AzureFirewall, ip: string, publicIps: (PublicIp | undefined)[]): boolean =>
  fw.privateIps.includes(ip) ||
  fw.publicIps.includes(ip) ||
  publicIps.some((p) => p?.ip === ip && fw.publicIpIds.some((id) => sameId(id, p.id)));

/** The command that lists the rules judged: the policy's rule collection groups, or the firewall's classic rules. */
export function rulesCommand(fw: AzureFirewall, classic = 'networkRuleCollections'): string {
  const p = fw.firewallPolicyId ? parseId(fw.firewallPolicyId) : undefined;
  return p
    ? `az network firewall policy rule-collection-group list --policy-name ${p.names[0]} -g ${p.resourceGroup} ` +
        `--subscription ${p.subscription} -o json`
    : `az network firewall show --ids ${fw.id} --query '${classic}'`;
}
