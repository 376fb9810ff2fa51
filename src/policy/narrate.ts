// A policy decision in words: the path of east-west, answered as a verdict
// ("Yes: … can reach …" / "No: … cannot reach …"), with the NetworkPolicies
// that decide it as a typed field.
import type { PathDecision } from '../east-west/decide';
import {
  clientName,
  denied,
  narratePair,
  policyWords,
  portText,
  serverName,
  type PairWording,
} from '../east-west/narrate';
import { inbound } from '../inbound';
import { allowedBy, nsgRuleText, nsgWhere, type NsgDecision } from '../path/nsg';
import type { Verdict as PolicyVerdict } from '../path/policy';
import type { LayerVerdict, PathResult, Verdict } from '../path/result';
import type { AnyPolicyDecision, PolicyDecision, Reach } from './decide';
import { narrateList } from './listing-narrate';
import { narrateOutside, notCheckedWords } from './narrate-outside';

/** The pair's answer, with every layer's verdict; an NSG deny turns a NetworkPolicy "yes" into "no". */
export function narrate(d: AnyPolicyDecision): PathResult {
  if ('internetIn' in d) return inbound.narrate(d.internetIn);
  if ('toService' in d) return narrateOutside(d.toService, clientName(d.from), POLICY);
  return 'list' in d ? narrateList(d) : narrateReach(d, POLICY);
}

/** A pair's answer in the family's words, with every layer judged: an NSG that drops the packet is the answer. */
export function narrateReach(d: PolicyDecision, wording: PairWording): PathResult {
  if (d.outside && d.pair.kind === 'unknown-ip')
    return narrateOutside(d.outside, clientName(d.pair.client.pod), wording);
  const r = narratePair(d.pair, wording);
  if (d.pair.kind !== 'path') return r;
  const p = d.pair;
  const layers = [...kubeLayers(p), ...azureLayers(p, d.reach)];
  const nsgDeny = d.reach?.nsg.decisions.find((x) => !x.allowed);
  // an NSG deny is certain; a NetworkPolicy deny on a cluster not known to enforce policies is not
  const npAllows = !denied(p).length;
  if (nsgDeny && (npAllows || p.policy.enforcement.enforced === undefined)) dropped(r, p, nsgDeny, d.reach);
  if (!nsgDeny) nsgAllowed(r, d.reach);
  const unseen = layers.filter((l) => l.verdict === 'not-visible' || l.verdict === 'not-evaluated');
  if (npAllows && !nsgDeny && unseen.length) notChecked(r, unseen, !!d.reach);
  for (const x of d.reach?.nsg.decisions ?? []) if (x.unsure) r.warnings.push(`NSG verdict unsure: ${x.unsure}`);
  for (const l of unseen) if (l.note) r.warnings.push(`Not checked (${l.layer}): ${l.note}`);
  r.verify.push(...nsgChecks(d.reach));
  // the typed verdict and layers are the policy family's (README: --json)
  if (r.intent === 'policy') r.layers = layers;
  return r;
}

/** What was not read, named after the answer. A "yes" with a layer on the way not read (an appliance's rules, an NSG
 * not in the data, an admin policy) is only "not sure"; nodes with no Azure side have no NSG to miss. */
function notChecked(r: PathResult, unseen: LayerVerdict[], onAzure: boolean): void {
  const mayDrop = unseen.filter((l) => onAzure || l.layer !== 'nsg');
  if (r.verdict?.allowed && mayDrop.length && r.answer.startsWith('Yes: ')) {
    const what = mayDrop.map((l) => l.note ?? `${l.layer} ${l.by ?? ''} not evaluated`.replace(/ +/g, ' '));
    r.answer = `Not sure: ${r.answer.slice(5)} But it may still be dropped: ${what.join('; ')}.`;
    r.title = r.title?.replace(/^Allowed/, 'Maybe allowed');
    delete r.verdict;
  } else r.answer += notCheckedWords(unseen);
}

/** The answer when an NSG drops the packet: the path shown is where it would go, the source it would arrive with. */
function dropped(r: PathResult, p: PathDecision, deny: NsgDecision, reach?: Reach): void {
  const [from, to] = [clientName(p.client.pod), serverName(p.server.pod)];
  const on = portText(p) ? ` on ${p.policy.protocol.toLowerCase()}${portText(p)}` : '';
  const rule = nsgRuleText(deny);
  const drops = `NSG ${rule} (${nsgWhere(deny)}) drops it${wireWords(reach)}`;
  r.answer =
    r.intent === 'policy'
      ? `No: ${from} cannot reach ${to}${on} — ${drops}.`
      : `${from} cannot reach ${to}${on}: ${drops}. Were it allowed, ${p.server.pod.metadata.name} would see ` +
        `${p.client.ip} as source (no SNAT inside the cluster), on the path below.`;
  r.title = `Denied by NSG: ${p.client.pod.metadata.name} → ${p.server.pod.metadata.name}`;
  r.facts.push({ label: 'NSG', value: `denied: ${rule} (${nsgWhere(deny)})` });
  if (r.intent === 'policy') r.verdict = { allowed: false, by: [`${deny.nsg}/${deny.rule}`] };
  r.warnings.unshift(`NSG ${rule} denies the packet ${nsgWhere(deny)}`);
}

/** The NSG rules that let the packet through are part of the verdict: each NSG on the way decides by its first
 * matching rule (https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works) */
function nsgAllowed(r: PathResult, reach?: Reach): void {
  const by = allowedBy(reach?.nsg.decisions ?? []);
  if (by) r.facts.push({ label: 'NSG', value: `allowed by ${by}` });
}

const wireWords = (reach?: Reach) =>
  reach?.nsg.wire.kind === 'tunnel' ? ` (the nodes' ${reach.nsg.wire.tunnel} tunnel carries the pods' packets)` : '';

/** NetworkPolicy (enforced or not) and the policy kinds present but not evaluated. */
function kubeLayers(d: PathDecision): LayerVerdict[] {
  const { egress, ingress, enforcement, unevaluated } = d.policy;
  const blocked = [egress, ingress].filter((v) => !v.allowed);
  const names = (vs: PolicyVerdict[]) => vs.flatMap((v) => v.policies).join(', ') || undefined;
  const out: LayerVerdict[] = [];
  if (d.via && !d.via.headless && d.via.port)
    out.push({
      layer: 'service',
      verdict: 'allowed',
      by: `${d.via.service.metadata.namespace}/${d.via.service.metadata.name} port ${d.via.port.port} → ${d.dst.port}`,
    });
  if (enforcement.enforced === false)
    out.push({ layer: 'network-policy', verdict: 'not-enforced', by: names([egress, ingress]), note: enforcement.why });
  else
    out.push({
      layer: 'network-policy',
      verdict: blocked.length ? 'denied' : 'allowed',
      by: names(blocked.length ? blocked : [egress, ingress]),
      note: enforcement.enforced ? enforcement.why : `${enforcement.why}: evaluated as if enforced`,
    });
  if (unevaluated.length) out.push({ layer: 'admin-policy', verdict: 'not-evaluated', by: unevaluated.join(', ') });
  return out;
}

/** The NSGs for the packet on the wire, and the route out of the client's subnet. */
function azureLayers(d: PathDecision, reach?: Reach): LayerVerdict[] {
  if (d.sameNode) return [{ layer: 'nsg', verdict: 'not-applicable', note: 'same node: the packet never leaves it' }];
  if (!reach)
    return [
      { layer: 'nsg', verdict: 'not-evaluated', note: 'the nodes are not Azure VMs in the data (no providerID)' },
    ];
  const { wire, decisions, unseen, present } = reach.nsg;
  const out: LayerVerdict[] = [];
  if (wire.kind === 'unknown') out.push({ layer: 'nsg', verdict: 'not-evaluated', note: wire.why });
  const tunnel = wire.kind === 'tunnel' ? `; seen as ${wire.packet.src} → ${wire.packet.dst} ${wire.tunnel}` : '';
  for (const x of decisions)
    out.push({
      layer: 'nsg',
      verdict: x.allowed ? 'allowed' : 'denied',
      by: nsgRuleText(x),
      note: nsgWhere(x) + tunnel,
    });
  for (const id of unseen)
    out.push({ layer: 'nsg', verdict: 'not-visible', by: id.split('/').pop(), note: `NSG ${id} is not in the data` });
  if (wire.kind !== 'unknown' && !present && !unseen.length)
    out.push({ layer: 'nsg', verdict: 'allowed', note: 'no NSG on the subnets or NICs of either node' });
  if (!reach.route) return out;
  const r = reach.route;
  const hop = `${r.nextHopType}${r.nextHopIp ? ' ' + r.nextHopIp : ''}`;
  // next hop None drops the packet; a virtual appliance (firewall, NVA) filters with rules not visible here
  // https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview
  const dropped = /^none$/i.test(r.nextHopType);
  out.push({
    layer: 'route',
    verdict: dropped ? 'denied' : 'allowed',
    by: `${r.name} ${r.prefix} → ${hop}`,
    note: `out of the client's subnet, for ${reach.routeDst}`,
  });
  // kubenet: the per-node pod route's appliance is the server's node itself, not a firewall
  // https://learn.microsoft.com/azure/aks/configure-kubenet
  const toNode = r.nextHopIp !== undefined && r.nextHopIp === d.server.nodeIp;
  if (toNode) out[out.length - 1].note += ` (the pod route to node ${d.server.pod.spec?.nodeName})`;
  if (/virtualappliance/i.test(r.nextHopType) && !toNode)
    out.push({
      layer: 'firewall',
      verdict: 'not-visible',
      by: r.nextHopIp,
      note: `the route sends the packet to ${r.nextHopIp}: its firewall / NVA rules are not visible here`,
    });
  return out;
}

function nsgChecks(reach?: Reach): string[] {
  return [
    ...new Set(
      (reach?.nsg.decisions ?? []).map((x) => `az network nsg rule list --nsg-name ${x.nsg} -g <rg> -o table`),
    ),
  ];
}

const POLICY: PairWording = {
  intent: 'policy',
  path(d) {
    const blocked = denied(d);
    const from = clientName(d.client.pod);
    const to = serverName(d.server.pod);
    const port = portText(d);
    const on = port ? ` on ${d.policy.protocol.toLowerCase()}${port}` : '';
    const pair = `${d.client.pod.metadata.name} → ${d.server.pod.metadata.name}`;
    if (blocked.length)
      return {
        answer: `No: ${from} cannot reach ${to}${on} — ${blocked.map((v) => v.reason).join('; ')}.`,
        title: `Denied: ${pair}`,
        verdict: verdictOf(d),
      };
    return {
      answer: `Yes: ${from} can reach ${to}${on} — ${policyWords(d)}.`,
      title: `Allowed: ${pair}`,
      verdict: verdictOf(d),
    };
  },
  // no such port, no ready endpoints: the client cannot reach the server, whatever the policies say
  fails: { verdict: { allowed: false, by: [] } },
};

/** Allowed: the policies that allow (none when no policy applies); denied: the policies that isolate. */
function verdictOf(d: PathDecision): Verdict {
  const { egress, ingress } = d.policy;
  // egress policies live in the client's namespace, ingress policies in the server's
  const named = (v: PolicyVerdict) => {
    const ns = (v === egress ? d.client : d.server).pod.metadata.namespace;
    return v.policies.map((p) => `${ns}/${p}`);
  };
  const blocked = denied(d);
  // not enforced: no policy decides anything
  if (d.policy.enforcement.enforced === false) return { allowed: true, by: [] };
  return { allowed: !blocked.length, by: (blocked.length ? blocked : [egress, ingress]).flatMap(named) };
}
