// The way out to an address outside the cluster, answered as a verdict: the egress path (what the far end sees) with
// each layer judged — the pod's egress NetworkPolicy, the NSGs on the node's NIC and subnet, and what routes it on
// (a firewall or appliance's rules are not read: said). An NSG deny is certain; a NetworkPolicy deny only where
// policies are enforced.
import { egress } from '../egress';
import { nsgRuleText, nsgWhere, allowedBy } from '../path/nsg';
import type { LayerVerdict, PathResult } from '../path/result';
import type { PairWording } from '../east-west/narrate';
import type { OutsideDecision } from './outside';

export function narrateOutside(o: OutsideDecision, client: string, wording: PairWording): PathResult {
  const r = egress.narrate(o.egress);
  r.intent = wording.intent;
  if (r.status !== 'answered') return r;
  const layers = outsideLayers(o);
  const to = `${o.ip}${o.port ? ` on ${o.protocol.toLowerCase()}:${o.port}` : ''}`;
  if (!denied(r, o, client, to)) allowed(r, o, layers, wording.intent === 'policy' ? { client, to } : undefined);
  for (const x of o.nsg?.decisions ?? []) if (x.unsure) r.warnings.push(`NSG verdict unsure: ${x.unsure}`);
  for (const l of layers)
    if (l.verdict === 'not-evaluated' && l.note) r.warnings.push(`Not checked (${l.layer}): ${l.note}`);
  r.facts.push({ label: 'NetworkPolicy', value: o.netpol.reason });
  if (wording.intent === 'policy') r.layers = layers;
  else delete r.verdict;
  return r;
}

/** An NSG deny is certain; a NetworkPolicy deny only where policies are enforced. */
function denied(r: PathResult, o: OutsideDecision, client: string, to: string): boolean {
  const nsgDeny = o.nsg?.decisions.find((x) => !x.allowed);
  const npDeny = !o.netpol.allowed && o.enforcement.enforced !== false ? o.netpol : undefined;
  const who = client.split('/').pop();
  if (nsgDeny) {
    const rule = nsgRuleText(nsgDeny);
    r.answer = `No: ${client} cannot reach ${to} — NSG ${rule} (${nsgWhere(nsgDeny)}) drops it.`;
    r.title = `Denied by NSG: ${who} → ${o.ip}`;
    r.warnings.unshift(`NSG ${rule} denies the packet ${nsgWhere(nsgDeny)}`);
    r.verdict = { allowed: false, by: [`${nsgDeny.nsg}/${nsgDeny.rule}`] };
  } else if (npDeny) {
    r.answer = `No: ${client} cannot reach ${to} — ${npDeny.reason}.`;
    r.title = `Denied by NetworkPolicy: ${who} → ${o.ip}`;
    r.verdict = { allowed: false, by: npDeny.policies };
  }
  return !!(nsgDeny ?? npDeny);
}

/** Nothing read stops it: the way out as egress says it, "yes" first when asked as a verdict, what was not read. */
function allowed(r: PathResult, o: OutsideDecision, layers: LayerVerdict[], asked?: { client: string; to: string }) {
  const unseen = layers.filter((l) => l.verdict === 'not-visible' || l.verdict === 'not-evaluated');
  const notChecked = unseen.length
    ? ` Not checked: ${unseen.map((l) => `${l.layer}${l.by ? ' ' + l.by : ''}`).join('; ')}.`
    : '';
  const yes = asked ? `Yes: ${asked.client} can reach ${asked.to} as far as NetworkPolicy and NSGs go. ` : '';
  r.answer = `${yes}${r.answer}${notChecked}`;
  r.verdict = { allowed: true, by: o.netpol.policies };
  const by = allowedBy(o.nsg?.decisions ?? []);
  if (by) r.facts.push({ label: 'NSG', value: `allowed by ${by}` });
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
  if (rule?.via === 'appliance')
    out.push({
      layer: 'firewall',
      verdict: 'not-evaluated',
      by: rule.route.nextHopIp ?? undefined,
      note: 'the packet is routed to a firewall / appliance whose rules are not read: it may still drop it',
    });
  return out;
}
