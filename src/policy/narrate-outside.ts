// The way out to an address outside the cluster, answered as a verdict: the egress path (what the far end sees) with
// each layer judged — the pod's egress NetworkPolicy, the NSGs on the node's NIC and subnet, and what routes it on
// (an Azure Firewall's rules where the data has them; an appliance's are not read: said). An NSG deny is certain;
// a NetworkPolicy deny only where policies are enforced.
import { egress } from '../egress';
import { rulesCommand, type FirewallVerdict } from '../path/firewall-rules';
import { nsgRuleText, nsgWhere, allowedBy, type NsgDecision } from '../path/nsg';
import type { LayerVerdict, PathResult } from '../path/result';
import type { PairWording } from '../east-west/narrate';
import type { OutsideDecision } from './outside';

export function narrateOutside(o: OutsideDecision, client: string, wording: PairWording): PathResult {
  const r = egress.narrate(o.egress);
  r.intent = wording.intent;
  if (r.status !== 'answered') return r;
  if (o.endpoint) throughEndpoint(r, o);
  if (o.service) r.warnings.push(privateEndpointWords(o.service.name, client));
  const layers = outsideLayers(o);
  const to = `${o.far}${o.port ? ` on ${o.protocol.toLowerCase()}:${o.port}` : ''}`;
  if (!denied(r, o, client, to)) allowed(r, o, layers, wording.intent === 'policy' ? { client, to } : undefined);
  for (const x of o.nsg?.decisions ?? []) if (x.unsure) r.warnings.push(`NSG verdict unsure: ${x.unsure}`);
  for (const l of layers)
    if (l.verdict === 'not-evaluated' && l.note) r.warnings.push(`Not checked (${l.layer}): ${l.note}`);
  r.facts.push({ label: 'NetworkPolicy', value: o.netpol.reason });
  const check = firewallVerify(o);
  if (check) r.verify.push(check);
  if (o.firewall?.verdict.verdict === 'allowed') r.warnings.push(...o.firewall.dropsFirst);
  if (wording.intent === 'policy') r.layers = layers;
  else delete r.verdict;
  return r;
}

/** An NSG deny is certain; a NetworkPolicy deny only where policies are enforced; then the firewall's rules. */
function denied(r: PathResult, o: OutsideDecision, client: string, to: string): boolean {
  const nsgDeny = o.nsg?.decisions.find((x) => !x.allowed);
  const npDeny = !o.netpol.allowed && o.enforcement.enforced !== false ? o.netpol : undefined;
  const fw = o.firewall?.verdict.verdict === 'denied' ? o.firewall.verdict : undefined;
  const said = { client, to, what: o.service?.name ?? o.ip, who: client.split('/').pop() };
  const way = wayOut(o);
  if (nsgDeny) nsgDenies(r, nsgDeny, said);
  else if (way?.verdict === 'denied') {
    // the way out itself drops it: the egress answer says why
    r.answer = `No: ${client} cannot reach ${to}. ${r.answer}`;
    r.title = `No way out: ${said.who} → ${said.what}`;
    r.verdict = { allowed: false, by: [way.by ?? 'route'] };
  } else if (npDeny) {
    r.answer = `No: ${client} cannot reach ${to} — ${npDeny.reason}.`;
    r.title = `Denied by NetworkPolicy: ${said.who} → ${said.what}`;
    r.verdict = { allowed: false, by: npDeny.policies };
  } else if (fw) firewallDenies(r, o.firewall!.name, fw, said);
  return !!(nsgDeny ?? (way?.verdict === 'denied' ? way : undefined) ?? npDeny ?? fw);
}

type Said = { client: string; to: string; what?: string; who?: string };

function nsgDenies(r: PathResult, d: NsgDecision, s: Said): void {
  const rule = nsgRuleText(d);
  // an allow rule before it that might cover the packet leaves the verdict open
  const open = d.unsure ? `Not sure: NSG rule ${d.unsure} — where it applies it allows the packet; ` : '';
  r.answer = `${open || 'No: '}${s.client} cannot reach ${s.to} — NSG ${rule} (${nsgWhere(d)}) drops it.`;
  r.title = `Denied by NSG: ${s.who} → ${s.what}`;
  r.warnings.unshift(`NSG ${rule} denies the packet ${nsgWhere(d)}`);
  if (!open) r.verdict = { allowed: false, by: [`${d.nsg}/${d.rule}`] };
}

function firewallDenies(r: PathResult, name: string, fw: FirewallDeny, s: Said): void {
  const u = fw.unsure;
  r.answer = u
    ? `Not sure: ${s.client} reaches ${s.to} only if firewall rule ${u.rule} (${u.action}) applies — ${u.why}; ` +
      `otherwise Azure Firewall ${name} drops it: ${firewallWhy(fw)}.`
    : `No: ${s.client} cannot reach ${s.to} — Azure Firewall ${name} drops it: ${firewallWhy(fw)}.`;
  r.title = `${u ? 'Maybe denied' : 'Denied'} by Azure Firewall: ${s.who} → ${s.what}`;
  if (!u) r.verdict = { allowed: false, by: [`${name}/${fw.rule ?? 'default deny'}`] };
}

type FirewallDeny = Extract<FirewallVerdict, { verdict: 'allowed' | 'denied' }>;

// nothing passes Azure Firewall unless a rule allows it
// https://learn.microsoft.com/azure/firewall/rule-processing
const firewallWhy = (v: { rule?: string }): string =>
  v.rule ? `rule ${v.rule} denies it` : 'no rule allows it (Azure Firewall denies what no rule allows)';

/** Nothing read stops it: the way out as egress says it; asked as a verdict, "yes" only when every layer on the way
 * was read — a firewall or appliance whose rules were not read may drop it (Azure Firewall denies what no rule allows:
 * https://learn.microsoft.com/azure/firewall/rule-processing), so it is "not sure", naming what was not read. */
function allowed(r: PathResult, o: OutsideDecision, layers: LayerVerdict[], asked?: { client: string; to: string }) {
  const unseen = layers.filter((l) => l.verdict === 'not-visible' || l.verdict === 'not-evaluated');
  // a deny rule that might cover the packet (a regional tag, addresses not known) leaves the verdict open
  const fw = o.firewall?.verdict.verdict === 'allowed' ? o.firewall.verdict : undefined;
  const nsgOpen = o.nsg?.decisions.find((x) => x.unsure)?.unsure;
  const u = fw?.unsure;
  const open = nsgOpen ? `NSG rule ${nsgOpen}` : u ? `firewall rule ${u.rule} (${u.action}): ${u.why}` : undefined;
  const read = fw ? 'NetworkPolicy, NSGs and the firewall' : 'NetworkPolicy and NSGs';
  const notRead = unseen.map((l) => l.note ?? `${l.layer}${l.by ? ' ' + l.by : ''} not read`).join('; ');
  r.answer = `${asked ? verdictWords(asked, read, open, notRead) : ''}${r.answer}`;
  if (!asked && unseen.length) r.answer += notCheckedWords(unseen);
  if (!open && !unseen.length) r.verdict = { allowed: true, by: o.netpol.policies };
  const by = allowedBy(o.nsg?.decisions ?? []);
  if (by) r.facts.push({ label: 'NSG', value: `allowed by ${by}` });
  if (fw?.rule) r.facts.push({ label: 'Azure Firewall', value: `${o.firewall!.name}: allowed by rule ${fw.rule}` });
}

/** The layers not read, named after a path answer. */
export const notCheckedWords = (unseen: LayerVerdict[]): string =>
  ` Not checked: ${unseen.map((l) => `${l.layer}${l.by ? ' ' + l.by : ''}`).join('; ')}.`;

/** The verdict's first words: "not sure" names the rule that may apply or what was not read. */
function verdictWords(asked: { client: string; to: string }, read: string, open?: string, notRead?: string): string {
  const { client, to } = asked;
  const far = `${client} can reach ${to} as far as ${read} go`;
  if (open) return `Not sure: ${open} — where it applies it drops the packet; elsewhere ${far}. `;
  if (notRead) return `Not sure: ${read} let ${client} reach ${to}, but ${notRead}. `;
  return `Yes: ${far}. `;
}

/** The way out itself as a layer: a route to None or no outbound path drops the packet; a route not followed, a BGP
 * route not seen or a gateway to on-premises leaves it to what is not read. */
function wayOut(o: OutsideDecision): LayerVerdict | undefined {
  const a = o.egress;
  if (a.kind !== 'path' || o.endpoint) return undefined;
  const r = a.rule;
  const route = 'route' in r ? r.route : undefined;
  const by = route && `${route.name} ${route.prefix} → ${route.nextHopType}`;
  // next hop None drops the packet https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview
  if (r.via === 'dropped')
    return r.bgpMayCover
      ? {
          layer: 'route',
          verdict: 'not-visible',
          by,
          note: `route ${by} drops it unless a BGP route not seen covers it`,
        }
      : { layer: 'route', verdict: 'denied', by, note: 'next hop None: Azure drops the packet' };
  // no NAT gateway, public IP, outbound rule or default outbound access: no way to the Internet
  // https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access
  if (r.via === 'no-egress')
    return { layer: 'route', verdict: 'denied', by: r.outboundType ? `outboundType ${r.outboundType}` : r.reason };
  if (r.via === 'unknown') return { layer: 'route', verdict: 'not-evaluated', note: r.reason };
  // forced tunnelling: what filters it past the VPN / ExpressRoute gateway is on-premises, not in the data
  // https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-forced-tunneling-rm
  if (r.via === 'private' && r.nextHop === 'VirtualNetworkGateway')
    return {
      layer: 'route',
      verdict: 'not-visible',
      by,
      note: 'it leaves through the virtual network gateway: what filters it on-premises is not in the data',
    };
  return undefined;
}

/** NetworkPolicy, the NSGs for the packet as it leaves the node, and the appliance it is routed to (not read). */
function outsideLayers(o: OutsideDecision): LayerVerdict[] {
  const { netpol, enforcement } = o;
  const out: LayerVerdict[] = [];
  const by = netpol.policies.join(', ') || undefined;
  if (enforcement.enforced === false)
    out.push({ layer: 'network-policy', verdict: 'not-enforced', by, note: enforcement.why });
  else out.push({ layer: 'network-policy', verdict: netpol.allowed ? 'allowed' : 'denied', by, note: netpol.reason });
  if (!o.nsg) out.push({ layer: 'nsg', verdict: 'not-evaluated', note: o.nsgWhy });
  const seen = o.nsg ? ` (seen leaving as ${o.nsg.packet.src})` : '';
  for (const x of o.nsg?.decisions ?? [])
    out.push({ layer: 'nsg', verdict: x.allowed ? 'allowed' : 'denied', by: nsgRuleText(x), note: nsgWhere(x) + seen });
  for (const id of o.nsg?.unseen ?? [])
    out.push({ layer: 'nsg', verdict: 'not-visible', by: id.split('/').pop(), note: `NSG ${id} is not in the data` });
  const rule = o.egress.kind === 'path' ? o.egress.rule : undefined;
  if (rule?.via === 'appliance' && !o.endpoint) out.push(firewallLayer(o, rule.route.nextHopIp ?? undefined));
  const way = wayOut(o);
  if (way) out.push(way);
  return out;
}

const CLASSIC_RULES = '{network:networkRuleCollections,application:applicationRuleCollections}';

/** The command that lists the rules judged. */
function firewallVerify(o: OutsideDecision): string | undefined {
  const rule = o.egress.kind === 'path' ? o.egress.rule : undefined;
  if (!o.firewall || rule?.via !== 'appliance' || rule.owner.kind !== 'firewall') return undefined;
  return rulesCommand(rule.owner.firewall, CLASSIC_RULES);
}

/** The firewall's rules as judged, or why they were not. */
function firewallLayer(o: OutsideDecision, nextHop?: string): LayerVerdict {
  const v = o.firewall?.verdict;
  const name = o.firewall?.name;
  if (!v || v.verdict === 'unknown')
    return {
      layer: 'firewall',
      verdict: 'not-evaluated',
      by: name ?? nextHop,
      note: v
        ? `Azure Firewall ${name}'s rules could not be judged (${v.why}): it may still drop the packet`
        : 'the packet is routed to a firewall / appliance whose rules are not read: it may still drop it',
    };
  const seen = o.nsg ? `, seen as ${o.nsg.packet.src}` : '';
  const note =
    (v.verdict === 'allowed' ? `allowed${seen}` : firewallWhy(v)) +
    (v.unsure ? `; unsure: ${v.unsure.rule} (${v.unsure.action}): ${v.unsure.why}` : '');
  return { layer: 'firewall', verdict: v.verdict, by: `${name}${v.rule ? ` ${v.rule}` : ' (default deny)'}`, note };
}

/** A service endpoint on the subnet: the service sees the private source, and no route to a firewall takes it.
 * https://learn.microsoft.com/azure/virtual-network/virtual-network-service-endpoints-overview */
function throughEndpoint(r: PathResult, o: OutsideDecision): void {
  const src = o.nsg?.packet.src;
  const node = r.hops.findIndex((h) => h.kind === 'node');
  const from = r.hops[0]?.name ?? 'the pod';
  r.answer =
    `${from} reaches ${o.service!.name} through its subnet's service endpoint ${o.endpoint}: over the Azure ` +
    `backbone, seen by the service as ${src ?? 'its private address'} (a private VNet address, not an egress IP); ` +
    `routes that send Internet traffic to a firewall or on-premises do not take it.`;
  r.hops = [
    ...r.hops.slice(0, node + 1),
    { kind: 'internet', name: `${o.service!.name} (service endpoint ${o.endpoint})`, src, dst: o.service!.tag },
  ];
  r.seenAs = src ? [src] : [];
  r.facts.push({ label: 'Service endpoint', value: `${o.endpoint} on the subnet` });
}

// a private endpoint answers through its privatelink zone, where one is linked to the VNet
// https://learn.microsoft.com/azure/private-link/private-endpoint-dns
const privateEndpointWords = (service: string, client: string): string =>
  `Judged for ${service}'s public endpoints: if the account has a private endpoint ${client.split('/').pop()} ` +
  `resolves to (its privatelink zone linked to the VNet), the packet goes to that private address instead — ask ` +
  `with it`;
