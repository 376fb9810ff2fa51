// A private client dialling a pod's own address, in words: the verdict first (every layer on the way judged, "not
// sure" naming what was not read), then the path — client → pod, no load balancer, no NAT — and the commands.
import { nsgCheck } from './nsg';
import { nsgRuleText, nsgWhere, allowedBy } from '../path/nsg';
import { fullName } from '../path/kube';
import { routeText } from '../path/routes';
import { result, type LayerVerdict, type PathResult } from '../path/result';
import type { PodAddress } from './pod-address';

type Routable = Extract<PodAddress, { kind: 'routable' }>;

export function narratePodAddress(p: Routable): PathResult {
  const pod = fullName(p.pod);
  const to = `${pod} at ${p.podIp}${p.port === undefined ? '' : ':' + p.port}`;
  const layers = layersOf(p);
  const nsgDeny = p.nsg.decisions.find((x) => !x.allowed);
  // an NSG deny behind an allow rule that might cover the client is no certain deny; the others are
  const certain = layers.find((l) => l.verdict === 'denied' && !(l.layer === 'nsg' && nsgDeny?.unsure));
  const unsure = !certain && nsgDeny?.unsure ? { rule: nsgDeny.unsure, by: `NSG ${nsgRuleText(nsgDeny)}` } : undefined;
  const open = layers.filter((l) => l.verdict === 'not-visible' || l.verdict === 'not-evaluated');
  const r = result('inbound', 'answered', `${verdictWords(p.client, to, certain, unsure, open)} ${pathWords(p)}`, {
    title: `${certain ? 'Denied' : unsure || open.length ? 'Not sure' : 'Allowed'}: ${p.client} → ${pod} (${p.podIp})`,
    hops: [
      { kind: 'client', name: p.client, ip: p.client, src: p.client, dst: p.podIp, note: clientNote(p) },
      { kind: 'pod', name: pod, ip: p.podIp, port: p.port, src: p.client, dst: p.podIp, note: 'sees the client IP' },
    ],
    seenAs: [p.client],
    clientIp: 'kept',
    layers,
  });
  if (certain || (!unsure && !open.length))
    r.verdict = { allowed: !certain, by: certain?.by ? [certain.by] : p.netpol.policies };
  details(r, p, open);
  return r;
}

type Unsure = { rule: string; by: string };

function verdictWords(client: string, to: string, denied?: LayerVerdict, unsure?: Unsure, open: LayerVerdict[] = []) {
  // an allow rule before the deny that might cover the client leaves the verdict open
  if (unsure)
    return (
      // (the rule alone: why it may apply is the warning's, the card's headline stays one sentence)
      `Not sure: ${client} gets in only if NSG rule ${unsure.rule.split(' might apply')[0]} applies; ` +
      `otherwise ${unsure.by} drops it.`
    );
  if (denied) return `No: ${client} cannot reach ${to} — ${denied.by} drops it (${denied.note}).`;
  if (open.length)
    return `Not sure: NetworkPolicy and the NSGs read let ${client} reach ${to}, but ${open.map(noteOf).join('; ')}.`;
  return `Yes: ${client} can reach ${to}.`;
}

const noteOf = (l: LayerVerdict) => l.note ?? `${l.layer} ${l.by ?? ''} not read`;

const clientNote = (p: Routable): string | undefined =>
  p.reach.kind === 'same-vnet'
    ? `in ${p.reach.subnet ? `subnet ${p.reach.subnet} of ` : ''}VNet ${p.reach.vnet}`
    : p.reach.kind === 'peered'
      ? `in a VNet peered by ${p.reach.peering.name}`
      : undefined;

/** Why the pod's own address: the ClusterIP answers only inside the cluster; an Azure CNI pod has a VNet address. */
function pathWords(p: Routable): string {
  const svc = p.service;
  const cip = svc.spec?.clusterIP && svc.spec.clusterIP !== 'None' ? ` (${svc.spec.clusterIP})` : '';
  const via =
    p.reach.kind === 'same-vnet'
      ? `in the same VNet ${p.reach.vnet}`
      : p.reach.kind === 'peered'
        ? `over VNet peering ${p.reach.peering.name}`
        : 'if a gateway routes it here';
  return (
    `Service ${fullName(svc)} is ${svc.spec?.type ?? 'ClusterIP'}: its cluster IP${cip} answers only inside the ` +
    `cluster, but with Azure CNI the pod has a VNet address, so ${p.client} dials ${p.podIp} directly ${via}: ` +
    `no load balancer, no NAT — ${p.pod.metadata.name} sees ${p.client}.`
  );
}

/** Every layer on the way, in packet order. */
function layersOf(p: Routable): LayerVerdict[] {
  const out: LayerVerdict[] = [];
  const route = routeLayer(p);
  if (route) out.push(route);
  for (const x of p.nsg.decisions)
    out.push({
      layer: 'nsg',
      verdict: x.allowed ? 'allowed' : 'denied',
      by: `NSG ${nsgRuleText(x)}`,
      note: nsgWhere(x),
    });
  for (const id of p.nsg.unseen)
    out.push({ layer: 'nsg', verdict: 'not-visible', by: id.split('/').pop(), note: `NSG ${id} is not in the data` });
  const { netpol, enforcement } = p;
  const by = netpol.policies.join(', ') || undefined;
  if (enforcement.enforced === false)
    out.push({ layer: 'network-policy', verdict: 'not-enforced', by, note: enforcement.why });
  else
    out.push({
      layer: 'network-policy',
      verdict: netpol.allowed ? 'allowed' : 'denied',
      by: netpol.allowed ? by : `NetworkPolicy ${by}`,
      note: netpol.reason,
    });
  return out;
}

/** The client's way to the VNet: its subnet's route, the peering's state, or nothing known. */
function routeLayer(p: Routable): LayerVerdict | undefined {
  const r = p.reach;
  // a disconnected peering carries nothing https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering
  if (r.kind === 'peered')
    return r.peering.state && r.peering.state !== 'Connected'
      ? { layer: 'route', verdict: 'denied', by: `peering ${r.peering.name}`, note: `its state is ${r.peering.state}` }
      : undefined;
  if (r.kind === 'unknown')
    return {
      layer: 'route',
      verdict: 'not-visible',
      note: `${p.client} is in neither the VNet nor a peered one: a VPN / ExpressRoute gateway may carry it, not read`,
    };
  const route = r.route;
  if (!route || route.nextHopType === 'VnetLocal') return undefined;
  const by = routeText(route, undefined, { hop: true });
  // next hop None drops the packet; an appliance's own rules are not read
  // https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview
  if (route.nextHopType === 'None') return { layer: 'route', verdict: 'denied', by, note: 'Azure drops the packet' };
  return { layer: 'route', verdict: 'not-visible', by, note: `route ${by} sends it through what is not read` };
}

function details(r: PathResult, p: Routable, open: LayerVerdict[]): void {
  for (const x of p.nsg.decisions) if (x.unsure) r.warnings.push(`NSG verdict unsure: ${x.unsure}`);
  for (const l of open) r.warnings.push(`Not checked (${l.layer}): ${noteOf(l)}`);
  r.facts.push({ label: 'Not read', value: `the NSG on ${p.client}'s own network interface (no node of the cluster)` });
  if (p.enforcement.enforced === undefined && p.netpol.policies.length) r.warnings.push(p.enforcement.why);
  const by = allowedBy(p.nsg.decisions);
  if (by) r.facts.push({ label: 'NSG', value: `allowed by ${by}` });
  const off = p.enforcement.enforced === false ? `not enforced (${p.enforcement.why}); as written: ` : '';
  r.facts.push({ label: 'NetworkPolicy', value: off + p.netpol.reason });
  r.facts.push({ label: 'Pod address', value: `${p.podIp} (Azure CNI: an address of the VNet)` });
  r.verify.push(`kubectl get pod ${p.pod.metadata.name} -n ${p.pod.metadata.namespace} -o wide`);
  r.verify.push(...new Set(p.nsg.groups.map(nsgCheck)));
  r.verify.push(`kubectl get networkpolicy -n ${p.pod.metadata.namespace}`);
}
