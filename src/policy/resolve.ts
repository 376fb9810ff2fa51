// The pair of a policy question: east-west's, except that a port the target Service does not expose is asked of
// the Service's pods ("is sqlapi permitted to open 8080 on server?"): a NetworkPolicy allows or denies ports of pods,
// not of Services, so the verdict is the pods' one, with a note that the Service name does not reach that port.
import { isHandOff, isReply, type Ctx, type HandOff, type Noted } from '../family';
import type { NetworkPolicy, Pod, Service } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { resolveServiceName } from '../path/dns';
import { isRunning, matchesSelector } from '../path/kube';
import { declaredPorts } from '../path/ports';
import { result, type PathResult } from '../path/result';
import { escapeRe } from '../regex';
import { isPrivateIp } from '../path/ip';
import { resolvePair, type EastWestSubjects } from '../east-west/resolve';
import { inbound } from '../inbound';
import type { InboundSubjects } from '../inbound/resolve';
import { INTERNET_LET_IN } from '../nlu/score';
import { resolveList } from './resolve-list';
import { spec } from './spec';
import { serviceInWords, serviceOfHost, type AzureService } from '../path/azure-services';

/** A policy question about one party: a pod or workload, one named policy, or a namespace as the client of a pod. */
export type ListSubjects =
  | (Noted & { list: 'selects'; subject: string; namespace: string; pods: Pod[]; hop: string })
  | (Noted & { list: 'policy'; policy: NetworkPolicy })
  | (Noted & { list: 'sources'; namespace: string; to: Pod; port?: number });

/** The Internet let in to one party ("does the subnet nsg let the internet in on 443 to the ingress controller?"):
 * no pod is the client, so the way in answers, with each NSG's verdict on a client on the Internet */
export type InternetIn = Noted & { internetIn: InboundSubjects };

/** An Azure service a pod reaches ("does the NSG block api from Azure Storage?"): its public endpoints' tag. */
export type ToService = Noted & { toService: { from: Pod; service: AzureService; host?: string; port?: number } };

export type PolicySubjects = EastWestSubjects | ListSubjects | InternetIn | ToService;

export const isList = (s: PolicySubjects): s is ListSubjects => 'list' in s;

export async function resolve(intent: Intent, ctx: Ctx): Promise<PolicySubjects | PathResult | HandOff> {
  const gone = missingParty(intent);
  if (gone) return result(spec.kind, 'not-found', `I found no pod "${gone}".`);
  const letIn = INTERNET_LET_IN.test(intent.text) && (intent.entities ?? []).length === 1;
  if (letIn || anyToOurFrontend(intent) || outsiderToOurFrontend(intent)) {
    const way = await inbound.resolve(intent, ctx);
    return isReply(way) || isHandOff(way) ? way : { internetIn: way };
  }
  return (await serviceAsked(intent, ctx)) ?? (await resolveList(intent, ctx)) ?? resolvePolicyPair(intent, ctx);
}

/** "ACL verdict for inbound tcp/80 from any to the VIP 20.31.46.20": any source (the Internet) to one of our load
 * balancers' frontend addresses, no pod named, is the Internet let in there */
const anyToOurFrontend = (intent: Intent): boolean =>
  /\bfrom (any|anywhere|the internet|internet)\b/.test(intent.text) &&
  intent.frontendIps?.length === 1 &&
  intent.ips.length === 1 &&
  !(intent.entities ?? []).length;

/** "NSG flow log: …,198.51.100.7,20.31.46.20,…,80,T,I,A — which rule lets the office in to web?": a client outside
 * (a public address, no pod's) going to one of our load balancers' frontends is let in or not on the way in, where each
 * NSG's verdict is given (https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works) */
const outsiderToOurFrontend = ({ clientIp, frontendIps, elsewhereIps, ips }: Intent): boolean =>
  !!clientIp &&
  !isPrivateIp(clientIp) &&
  !!elsewhereIps?.includes(clientIp) &&
  frontendIps?.length === 1 &&
  ips.every((ip) => ip === clientIp || frontendIps.includes(ip));

/** One workload of ours and an Azure service said in words or by host ("… from mystorage.blob.core.windows.net"). */
async function serviceAsked(intent: Intent, ctx: Ctx): Promise<ToService | undefined> {
  const host = intent.names.find((n) => serviceOfHost(n));
  const service = serviceInWords(intent.text) ?? (host ? serviceOfHost(host) : undefined);
  const ours = (intent.entities ?? []).filter((e) => e.kind === 'pod' || e.kind === 'workload');
  if (!service || ours.length !== 1 || !ours[0].pods?.length || intent.ips.length) return undefined;
  const pods = await ctx.trace.list('pods', () => ctx.inv.list('Pod'));
  const from = pods.find((p) => `${p.metadata.namespace}/${p.metadata.name}` === ours[0].pods![0]);
  return from && { toService: { from, service, host, port: intent.port } };
}

/** "does netpol allow x/a to x/q on 80": a party written as namespace/name that is not there is never left out, so
 * the other's policies alone are not the answer */
function missingParty(intent: Intent): string | undefined {
  // ("verdict for api → payments-0": a StatefulSet pod's name drawn with an arrow, matching nothing of ours)
  const ours = (n: string) => (intent.entities ?? []).some((e) => e.text === n || e.text.endsWith(`/${n}`));
  const arrowed = (n: string) =>
    new RegExp(String.raw`(?:->|→)\s*${escapeRe(n)}(?![\w.-])|(?<![\w.-])${escapeRe(n)}\s*(?:->|→)`).test(intent.text);
  const ordinal = intent.names.find((n) => /^[a-z][a-z0-9-]*-\d{1,2}$/.test(n) && !ours(n) && arrowed(n));
  if (ordinal) return ordinal;
  return (intent.missing ?? []).find(
    (m) =>
      m.includes('/') &&
      new RegExp(String.raw`(?:\b(?:to|from|reach(?:es)?|into)\s+|(?:->|→)\s*)${escapeRe(m)}(?![\w/-])`).test(
        intent.text,
      ),
  );
}

async function resolvePolicyPair(intent: Intent, ctx: Ctx): Promise<EastWestSubjects | PathResult> {
  const s = await resolvePair(intent, ctx, spec);
  if (isReply(s) || 'internet' in s || !s.to.name || s.port === undefined) return s;
  const said = s.to.name;
  // only the Service the question names as the far end ("open 8080 on server"), not another party said around it
  if (intent.roles?.target?.split('/').pop() !== said) return s;
  // "service server", "server.project1" or an FQDN keep the Service, where the port is refused
  if (said.includes('.') || intent.typed.some((t) => t.name === said && t.type === 'service')) return s;
  const services = await ctx.trace.list('services', () => ctx.inv.list('Service'));
  const dns = resolveServiceName(said, s.from.metadata.namespace ?? 'default', services);
  if ('error' in dns || (dns.service.spec?.ports ?? []).some((p) => p.port === s.port)) return s;
  const pods = await ctx.trace.list('pods', () => ctx.inv.list('Pod'));
  const pod = backingPod(dns.service, pods, s.from);
  if (!pod) return s;
  const name = dns.service.metadata.name;
  const ports = (dns.service.spec?.ports ?? []).map((p) => p.port).join(', ');
  // NetworkPolicy ports are the pods' ports; a Service listens only on its own ports
  // https://kubernetes.io/docs/concepts/services-networking/network-policies/
  const note =
    `Service ${name} has no port ${s.port} (ports: ${ports}): answered for ${name}'s pod ` +
    `${pod.metadata.name} on ${s.port}, reached at its pod IP; through the Service name ${s.port} is refused` +
    declared(pod, s.port);
  return { ...s, to: { pod }, notes: [...(s.notes ?? []).filter(Boolean), note] };
}

/** A running pod of the Service, the one on the client's node first. */
function backingPod(service: Service, pods: Pod[], from: Pod): Pod | undefined {
  const selector = service.spec?.selector;
  if (!selector) return undefined;
  const backing = pods
    .filter((p) => p.metadata.namespace === service.metadata.namespace && isRunning(p))
    .filter((p) => p.metadata.name !== from.metadata.name)
    .filter((p) => matchesSelector(p.metadata.labels, { matchLabels: selector }))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  return backing.find((p) => p.spec?.nodeName === from.spec?.nodeName) ?? backing[0];
}

/** containerPort is informational, but a port no container declares is worth saying. */
function declared(pod: Pod, port: number): string {
  const ports = declaredPorts(pod);
  if (!ports.length || ports.includes(port)) return '';
  return `; its containers declare only ${ports.join(', ')}, so nothing may listen on ${port}`;
}
