// An address of an Azure Firewall in front of the cluster (a hub's public IP): its DNAT rules translate the address
// and port to one of our ways in — an internal load balancer's frontend — and the firewall SNATs the client to an
// address of its AzureFirewallSubnet, so what follows sees the firewall, not the client.
// https://learn.microsoft.com/azure/firewall/rule-processing (DNAT rules first: a match translates and allows)
// https://techcommunity.microsoft.com/blog/azurenetworksecurityblog/azure-firewall-nat-behaviors/3825834 (SNAT)
import type { Ctx } from '../family';
import type { AzureFirewall } from '../inventory/azure-model';
import { nameOf } from '../inventory/ids';
import type { Service } from '../inventory/k8s-types';
import { dnatRules, dnatTo, holdsAddress, rulesCommand, dropsBeyondRules, type DnatHit } from '../path/firewall-rules';
import { lbIngressIps, lbWorld } from '../path/lb';
import { firewallRulesOf, readFirewallSubnet } from '../path/next-hop';
import { subscriptionsInReach } from '../path/reach';
import { result, type Hop, type PathResult } from '../path/result';

/** The firewall entry of an inbound answer: the address dialled, the DNAT rule, and whom the next hop sees. */
export interface FirewallDnat {
  firewall: string;
  /** the firewall's address and port dialled */
  ip: string;
  port?: number;
  hit: DnatHit;
  /** AzureFirewallSubnet's prefix: the client is SNATed to one of its addresses */
  snatRange: string;
  /** the command that lists the rules */
  verify: string;
  /** what may drop a client the rules let in (threat intelligence, IDPS in Deny mode), in words */
  dropsFirst: string[];
}

/** The Azure firewalls in the subscriptions in reach. */
async function firewallsInReach({ inv, trace }: Ctx): Promise<AzureFirewall[]> {
  const world = await lbWorld(inv, trace, { nics: true });
  const subs = await subscriptionsInReach(inv, world.groups, world.nics, trace);
  const lists = await Promise.all(
    subs.map((s) =>
      trace.list(`Azure firewalls in subscription ${s}`, () => inv.azure.list('firewall', `/subscriptions/${s}`)),
    ),
  );
  return lists.flat();
}

/** The firewall holding `ip` (one of its public IPs, or its private address), in the subscriptions in reach. */
async function firewallAt(ip: string, ctx: Ctx): Promise<AzureFirewall | undefined> {
  const { inv, trace } = ctx;
  const firewalls = await firewallsInReach(ctx);
  const read = (id: string) => trace.try(`public IP ${nameOf(id)}`, () => inv.azure.get('publicIp', id));
  const pips = await Promise.all(firewalls.flatMap((fw) => fw.publicIpIds).map(read));
  return firewalls.find((fw) => holdsAddress(fw, ip, pips));
}

export type FirewallWayIn = { service: Service; port?: number; firewallDnat: FirewallDnat } | PathResult;

/** An address said that none of our load balancers holds: a firewall's, and where its DNAT rules send the port. */
export async function firewallWayIn(
  ips: string[],
  port: number | undefined,
  clientIp: string | undefined,
  services: Service[],
  ctx: Ctx,
): Promise<FirewallWayIn | undefined> {
  const ip = ips.find((x) => x !== clientIp);
  if (!ip) return undefined;
  const fw = await firewallAt(ip, ctx);
  if (!fw) return undefined;
  const rules = await firewallRulesOf(ctx.inv, fw, ctx.trace);
  const at = `${ip}${port ? ` on tcp:${port}` : ''}`;
  const where = `${ip} is an address of Azure Firewall ${fw.name}`;
  if (rules.missing.length)
    return answered(
      `${where}; what it lets in is decided by its DNAT rules, which could not be read ` +
        `(${rules.missing.join(', ')} not read).`,
    );
  const hits = dnatRules(rules, { ip, port, src: clientIp });
  const anyone = clientIp ? dnatRules(rules, { ip, port }) : hits;
  if (!hits.length && anyone.length) return notFrom(where, clientIp!, anyone[0]);
  if (!hits.length) return noRule(where, at, dnatRules(rules, { ip }));
  if (!port && hits.length > 1) return choose(ip, hits);
  const hit = hits[0];
  if (!hit.address && hit.fqdn) return byName(where, hit, services);
  const service = services.find((s) => hit.address && lbIngressIps(s).includes(hit.address));
  if (!service)
    return answered(
      `${where}: DNAT rule ${hit.rule} translates ${hit.what} to ${hit.address ?? hit.fqdn}:${hit.port ?? '?'}, ` +
        `which is no way in of this cluster (no LoadBalancer Service holds that address)${fromWords(hit)}.`,
    );
  const snatRange = (await readFirewallSubnet(ctx.inv, fw, ctx.trace))?.prefixes[0] ?? 'AzureFirewallSubnet';
  return {
    service,
    port: hit.port,
    firewallDnat: {
      firewall: fw.name,
      ip,
      port,
      hit,
      snatRange,
      verify: rulesCommand(fw, 'natRuleCollections'),
      dropsFirst: dropsBeyondRules(fw.name, rules),
    },
  };
}

const answered = (answer: string) => result('inbound', 'answered', answer);

const fromWords = (h: DnatHit) =>
  h.sources.length && !h.sources.includes('*') ? `; it lets in only clients from ${h.sources.join(', ')}` : '';

function notFrom(where: string, client: string, h: DnatHit): PathResult {
  return answered(
    `No: ${where}, whose DNAT rule ${h.rule} (${h.what} → ${h.address ?? h.fqdn}:${h.port ?? '?'}) lets in only ` +
      `clients from ${h.sources.join(', ')}: ${client} is dropped.`,
  );
}

// nothing passes Azure Firewall unless a rule allows it: https://learn.microsoft.com/azure/firewall/rule-processing
function noRule(where: string, at: string, others: DnatHit[]): PathResult {
  const list = others.map((h) => `${h.what} → ${h.address ?? h.fqdn}:${h.port ?? '?'} (${h.rule})`).join('; ');
  return answered(
    `No: ${where}, and no DNAT rule of it translates ${at}${list ? ` (its DNAT rules there: ${list})` : ''}: ` +
      `the firewall drops it, as it drops anything no rule lets in.`,
  );
}

/** A DNAT rule to an FQDN: the firewall resolves the name with its own DNS settings, which are not read here, so the
 * way in it leads to is not known; our LoadBalancer Services on the translated port are offered as the next step
 * https://learn.microsoft.com/azure/firewall/dns-settings */
function byName(where: string, h: DnatHit, services: Service[]): PathResult {
  const onPort = services.filter(
    (s) => lbIngressIps(s).length && (!h.port || (s.spec?.ports ?? []).some((p) => p.port === h.port)),
  );
  const ours = onPort.map((s) => `${svcName(s)} ${lbIngressIps(s).join(', ')}`).join('; ');
  const r = result(
    'inbound',
    onPort.length ? 'ambiguous' : 'answered',
    `${where}: DNAT rule ${h.rule} translates ${h.what} to ${h.fqdn}:${h.port ?? '?'}, a name the firewall resolves ` +
      `with its DNS settings (not read here), so which way in it reaches is not known${fromWords(h)}. ` +
      (onPort.length
        ? `Ours on port ${h.port ?? '?'}: ${ours}.`
        : `No LoadBalancer Service of this cluster listens on port ${h.port ?? '?'}.`),
  );
  r.verify = [`nslookup ${h.fqdn}   # from a VM that uses the same DNS servers as the firewall`];
  r.followUps = onPort.map((s) => ({
    title: `if it resolves to ${lbIngressIps(s)[0]} (${svcName(s)})`,
    question: `how does traffic reach ${lbIngressIps(s)[0]} on ${h.port ?? s.spec?.ports?.[0]?.port}?`,
    intent: 'inbound' as const,
  }));
  return r;
}

const svcName = (s: Service) => `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`;

function choose(ip: string, hits: DnatHit[]): PathResult {
  const r = result(
    'inbound',
    'ambiguous',
    `Azure Firewall DNAT rules on ${ip}: ${hits.map((h) => h.what).join('; ')}. Which port?`,
  );
  r.followUps = hits.map((h) => {
    const port = h.ports[0];
    return {
      title: `${h.what} → ${h.address ?? h.fqdn}:${h.port ?? '?'} (${h.rule})`,
      question: `how does traffic reach ${ip} on ${port}?`,
      intent: 'inbound',
    };
  });
  return r;
}

/** The answer with the firewall as the first hop: its DNAT sends the packet on, SNATed to its subnet. */
export function withFirewallDnat(r: PathResult, f: FirewallDnat | undefined): PathResult {
  if (!f || r.hops[0]?.kind !== 'client') return r;
  const client = r.hops[0].src ?? 'client';
  const seen = `an address of ${f.snatRange}`;
  const swap = (x?: string) => (x === client ? seen : x);
  const dialled = `${f.ip}${f.port ? `:${f.port}` : ''}`;
  const to = `${f.hit.address}:${f.hit.port ?? '?'}`;
  const hop: Hop = {
    kind: 'firewall',
    name: `${f.firewall} (Azure Firewall)`,
    ip: f.ip,
    port: f.port,
    src: client,
    dst: dialled,
    note: `DNAT rule ${f.hit.rule}: ${f.hit.what} → ${to}; the client is SNATed to ${seen}`,
    nat: { kind: 'dnat', from: dialled, to },
  };
  const rest = r.hops
    .slice(1)
    .map((h) => ({ ...h, src: swap(h.src), ...(h.nat ? { nat: { ...h.nat, from: swap(h.nat.from)! } } : {}) }));
  return {
    ...r,
    answer:
      `${dialled} is Azure Firewall ${f.firewall}'s address: DNAT rule ${f.hit.rule} translates it to ${to} and ` +
      `SNATs the client to ${seen}, so what follows sees the firewall, not the client${fromWords(f.hit)}. ${r.answer}`,
    hops: [
      { ...r.hops[0], name: client === 'client' ? 'Internet client' : `client ${client}`, dst: dialled },
      hop,
      ...rest,
    ],
    seenAs: r.seenAs?.map((x) => swap(x)!),
    clientIp: 'snat',
    facts: [
      {
        label: 'Azure Firewall',
        value: `${f.firewall}: DNAT rule ${f.hit.rule} (${f.hit.what} → ${to}), from ${f.hit.sources.join(', ')}`,
      },
      ...r.facts,
    ],
    verify: [f.verify, ...r.verify],
    warnings: [...f.dropsFirst, ...r.warnings],
  };
}

/** A firewall's address and port that its DNAT rule translates to an internal frontend of ours. */
export interface Published {
  line: string;
  ask: string;
  ip: string;
  port?: number;
}

/** How the firewalls in reach publish an internal frontend of ours (DNAT rules translating to it): one line and the
 * question that walks it, each. The Internet reaches an internal load balancer only so.
 * https://learn.microsoft.com/azure/firewall/tutorial-firewall-dnat */
export async function publishedBy(addresses: string[], ctx: Ctx): Promise<Published[]> {
  if (!addresses.length) return [];
  const firewalls = await firewallsInReach(ctx);
  const ways = await Promise.all(
    firewalls.map(async (fw) => {
      const rules = await firewallRulesOf(ctx.inv, fw, ctx.trace);
      return addresses.flatMap((address) => dnatTo(rules, address).flatMap((h) => publishing(fw.name, address, h)));
    }),
  );
  return ways.flat();
}

/** One DNAT rule publishing `address`, as a way in (none for a rule on any of the firewall's addresses). */
function publishing(firewall: string, address: string, h: DnatHit): Published[] {
  if (h.ip === '*') return [];
  const port = /^\d+$/.test(h.ports[0] ?? '') ? Number(h.ports[0]) : undefined;
  return [
    {
      line: `Azure Firewall ${firewall} publishes it: DNAT rule ${h.rule}, ${h.what} → ${address}:${h.port ?? '?'}`,
      ask: `how does traffic reach ${h.ip}${port ? ` on ${port}` : ''}`,
      ip: h.ip,
      port,
    },
  ];
}
