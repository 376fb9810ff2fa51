import { isReply, type Ctx, type HandOff, type Noted } from '../family';
import type { Pod } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { outsideHosts } from '../nlu/score';
import type { Scope } from '../nlu/groups';
import { comparedPods, findPod } from '../nlu/subjects';
import { hostAddress } from '../dns/host-address';
import { serviceFrontAt } from '../path/index';
import { fullName } from '../path/kube';
import type { PathResult } from '../path/result';
import { asksScope, scopeNamespace, scopeSample } from './cluster';
import { spec } from './spec';

export interface EgressSubjects extends Noted {
  pod: Pod;
  /** an IPv4 destination ("to reach 10.20.1.5"); default: the Internet */
  destination?: string;
  /** every replica when a workload was named: answered once when they share the answer */
  group?: Pod[];
  /** the group stands for a namespace or the cluster (no pod named): how it was sampled */
  scope?: Scope;
}

export async function resolve(intent: Intent, ctx: Ctx): Promise<EgressSubjects | PathResult | HandOff> {
  const own = (await ownFront(intent, ctx)) ?? (await servedHost(intent, ctx));
  if (own && 'handOff' in own) return own;
  if (asksScope(intent)) {
    const sampled = await scoped(intent, ctx);
    if (sampled) return sampled;
  }
  const found = await findPod(intent, ctx, spec);
  if (isReply(found)) return found;
  const compared = await comparedPods(intent, ctx, COMPARED);
  const group = compared ?? found.group;
  // (the host's note is the question's, kept when every replica is answered)
  const said = own?.note ?? outsideHost(intent);
  if (said) intent.notes = [...(intent.notes ?? []), said];
  const destination = intent.destination ?? own?.destination;
  return { pod: group?.[0] ?? found.pod, destination, notes: [found.note], group };
}

/** "how does api reach api.stripe.com?": a host outside the cluster by name, its public address assumed. */
function outsideHost(intent: Intent): string | undefined {
  const host = intent.destination ? undefined : outsideHosts(intent)[0];
  return (
    host &&
    `${host} is outside the cluster: answered for its public address (resolved to a private address, such as a ` +
      `private endpoint's, the path stays in the VNet: ask with that address)`
  );
}

/** "egress web vs egress api -- same public ip?": two workloads' ways out compared; so are the pods a list said
 * before is pointed back at ("these two", "those pods", "each of them")
 * https://learn.microsoft.com/azure/aks/egress-outboundtype */
const COMPARED = new RegExp(
  String.raw`\b(vs\.?|versus|same|both|compared?|differ\w*|` +
    String.raw`(these|those) (two|three|four|pods|ones)|each of (them|these|those))\b`,
);

/** A namespace's or the whole cluster's ways out (no pod named); none when it has no running pod to check. */
async function scoped(intent: Intent, ctx: Ctx): Promise<EgressSubjects | undefined> {
  const { pods, scope } = await scopeSample(scopeNamespace(intent), ctx);
  if (!pods.length) return undefined;
  return { pod: pods[0], destination: intent.destination, group: pods, scope, notes: [] };
}

/** A destination that is one of this cluster's Service load balancer or external IPs: the path stays in the cluster. */
async function ownFront(intent: Intent, ctx: Ctx): Promise<HandOff | undefined> {
  if (!intent.destination) return undefined;
  const services = (await ctx.trace.try('services', () => ctx.inv.list('Service'))) ?? [];
  const front = serviceFrontAt(services, intent.destination);
  if (!front) return undefined;
  const note = `${front.ip} belongs to Service ${fullName(front.service)}: answered as a path inside the cluster`;
  // (egress keeps its destination out of the addresses said; to east-west it is the far end)
  return { handOff: 'east-west', note, read: { ips: [...intent.ips, front.ip], destination: undefined } };
}

/**
 * "which public ip does api use to call shop.contoso.com": a host one of our routes or ingresses serves is dialed at
 * the address public DNS gives it (as the DNS answer has it). Our own Service's load balancer IP keeps the path in the
 * cluster; another front door (an Application Gateway) is the destination of the way out.
 */
async function servedHost(
  intent: Intent,
  ctx: Ctx,
): Promise<HandOff | { destination: string; note: string } | undefined> {
  const name = !intent.destination ? (intent.entities ?? []).find((e) => e.kind === 'host')?.text : undefined;
  const a = name ? await hostAddress(name, ctx) : undefined;
  if (!name || !a?.ip) return undefined;
  const services = (await ctx.trace.try('services', () => ctx.inv.list('Service'))) ?? [];
  if (serviceFrontAt(services, a.ip))
    return { handOff: 'east-west', note: `${name} is served by ${a.by}: answered as a path inside the cluster` };
  const front = a.gateway ? ` (${a.gateway})` : '';
  return { destination: a.ip, note: `${name} is served by ${a.by}: public DNS resolves it to ${a.ip}${front}` };
}
