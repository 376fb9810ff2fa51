// The pair of an east-west or policy question: the client pod, and what it
// talks to (a Service name or FQDN, a pod, an IP, "the database"). When the
// far end is nothing in the cluster ("what does the payment provider see from
// X"), the question is about the Internet: the egress family answers it.
import { isReply, type Ctx, type IntentSpec, type Noted } from '../family';
import type { Pod, Service } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { isPublicDomain } from '../nlu/score';
import { outsideHost } from './outside-host';
import { partiesOf } from '../nlu/roles';
import { viewerOf, wordsFor } from '../nlu/score';
import { DATABASE_WORDS, findPod, type FoundPod } from '../nlu/subjects';
import { hostAddress } from '../dns/host-address';
import { resolveServiceName } from '../path/dns';
import { serviceFrontAt } from '../path/index';
import { isPrivateIp } from '../path/ip';
import { isRunning, matchesSelector } from '../path/kube';
import { declaredPorts } from '../path/ports';
import { result, type PathResult } from '../path/result';

/** What the client connects to: a DNS name (svc, svc.ns, FQDN), a pod, or an IP of a pod or Service. */
export interface PairTarget {
  name?: string;
  pod?: Pod;
  ip?: string;
}

export interface PairSubjects extends Noted {
  from: Pod;
  /** a workload's replicas dialling an address outside the cluster: each is answered (its node decides its way out) */
  pod?: Pod;
  group?: Pod[];
  shared?: string[];
  to: PairTarget;
  /** the far end's replicas, when a workload was named as the far end and the client is one pod: each is judged */
  toGroup?: Pod[];
  port?: number;
  /** TCP unless said otherwise */
  protocol?: string;
}

/** Nothing in the cluster is the far end: what the Internet sees from `from`. */
export interface InternetSubjects extends Noted {
  internet: true;
  from: Pod;
  destination?: string;
}

export type EastWestSubjects = PairSubjects | InternetSubjects;

type PairSpec = IntentSpec<'east-west' | 'policy'>;

export async function resolvePair(intent: Intent, ctx: Ctx, spec: PairSpec): Promise<EastWestSubjects | PathResult> {
  const example = spec.examples[0];
  const read = partiesOf(intent);
  const { ips, from: said, directed } = read;
  const parties = await policySelects(ctx, read.parties);
  if (parties.length + ips.length < 2) {
    const which = 'Name the client pod and the Service, pod, FQDN or IP it talks to';
    return result(spec.kind, 'not-understood', `Between which two? ${which}, for example: "${example}".`);
  }
  const pods = await ctx.trace.list('pods', () => ctx.inv.list('Pod'));
  const client = await findClient(intent, ctx, spec, parties, said);
  if (!client) return result(spec.kind, 'not-understood', `From which pod? For example: "${example}".`);
  if (isReply(client.found)) return client.found;
  const services = await ctx.trace.list('services', () => ctx.inv.list('Service'));
  const from = client.found.pod;
  const pair = new Pair(from, intent.port, client.found.note, client.found.group);
  // "X -> Y" said: Y is the target, not another name said around it ("resets between api and db … api-… -> db-0")
  const others = directed && client.index === 0 ? parties.slice(1, 2) : parties.filter((_, i) => i !== client.index);
  const byName = await namedTarget(spec, pair, others, { intent, pods, services, ctx });
  if (byName && !isReply(byName) && !said && talksToItself(intent, byName))
    return result(spec.kind, 'not-understood', `From which client? For example: "${example}".`);
  if (byName) return byName;
  if (ips[0]) return outsideOurs(ips[0], pods, services) ? pair.out(ips[0]) : pair.to({ ip: ips[0] });
  const target = await findPod(intent, ctx, spec, others, from);
  if (!isReply(target)) return pair.to({ pod: target.pod }, undefined, { group: target.group, note: target.note });
  // (never a name typed as a Service: "path from sqlapi to service mssql" names a Service that is not there)
  const typedService = (n: string) => intent.typed.some((t) => t.name === n && /^(svc|service)$/.test(t.type));
  // (an engine's name stands for its pod only said as one: "the postgres pod", never "is postgres reachable")
  const engine = (n: string) =>
    /^(postgres|postgresql|mysql|mssql)$/.test(n) &&
    !new RegExp(String.raw`\b${n} (pods?|box|container|instance)\b`).test(intent.text);
  const db = databasePod(
    others.filter((n) => !typedService(n) && !engine(n)),
    pods,
    from,
  );
  if (db) return pair.to({ pod: db.pod }, db.note);
  if (target.status !== 'not-found') return target;
  const missed = { from, others, port: pair.port, party: parties[client.index] };
  return missedTarget(spec, intent, missed) ?? target;
}

/** The far end found nowhere in the cluster: asked who calls the pod said to see, the Internet that sees the pod's
 * calls, or a host outside the cluster whose address decides. */
function missedTarget(
  spec: PairSpec,
  intent: Intent,
  m: { from: Pod; others: string[]; port?: number; party: string },
): EastWestSubjects | PathResult | undefined {
  const example = spec.examples[0];
  // "what IP does the payment provider see from the api pod?": nothing in the cluster sees it, the Internet does
  // (never a name set in code quotes, "`payments`", or said with its type, "pod ledger": written as a Kubernetes
  // name, it is one that is missing)
  const quotedName = m.others.some(
    (o) => intent.text.includes(`\`${o.split('/').pop()}\``) || intent.typed.some((t) => t.name === o),
  );
  // (never when the pod found is the one said to see: "does api see the widget pod's IP?" asks who calls api)
  if (viewerOf(intent.text, wordsFor(intent, m.party)).length > 0)
    return result(spec.kind, 'not-understood', `Which pod calls ${m.from.metadata.name}? For example: "${example}".`);
  if (/\bsees?\b/.test(intent.text) && !quotedName) {
    const called = `nothing in the cluster is called ${m.others.map((o) => `"${o}"`).join(' or ')}`;
    const note = `${called}: answering what the Internet sees from ${m.from.metadata.name}`;
    return { internet: true, from: m.from, destination: intent.destination, notes: [note] };
  }
  const host = m.others.find(isPublicDomain);
  return host ? outsideHost(spec.kind, m.from, host, m.port ?? intent.urlPorts?.[host]) : undefined;
}

/** A Service the client resolves by name, or a host we serve dialed at its public address. */
async function namedTarget(
  spec: PairSpec,
  pair: Pair,
  others: string[],
  said: { intent: Intent; pods: Pod[]; services: Service[]; ctx: Ctx },
): Promise<EastWestSubjects | PathResult | undefined> {
  const { intent, ctx } = said;
  return (
    targetByName(spec, pair, others, said.services, said) ??
    (await hostDialed(others, ctx, pair, intent.urlPorts ?? {}))
  );
}

/**
 * "how does sqlapi reach sqlapilb-project1.apps…": a host a route or ingress of ours serves is dialed at the address
 * public DNS gives it. Our own Service's load balancer IP stays inside the cluster (taken at the pod's node); any
 * other front door (an Application Gateway) is reached on the pod's way out.
 */
async function hostDialed(
  others: string[],
  ctx: Ctx,
  pair: Pair,
  urlPorts: Record<string, number>,
): Promise<EastWestSubjects | undefined> {
  for (const name of others.filter((o) => o.includes('.'))) {
    const a = await hostAddress(name, ctx);
    if (!a?.ip) continue;
    const front = a.front ? ` (the load balancer IP of Service ${a.front})` : a.gateway ? ` (${a.gateway})` : '';
    const resolves = `${name} is served by ${a.by}: public DNS resolves it to ${a.ip}${front}`;
    const services = await ctx.trace.list('services', () => ctx.inv.list('Service'));
    const port = pair.port ?? urlPorts[name];
    const ported = (s: PairSubjects) => ({ ...s, ...(port ? { port } : {}) });
    // a router / ingress controller proxies: it opens its own connection to the backends
    // https://docs.openshift.com/container-platform/latest/networking/ingress-operator.html
    if (serviceFrontAt(services, a.ip))
      return ported(
        pair.to(
          { ip: a.ip },
          `${resolves}; the proxy pod it reaches opens its own connection to the backends of ${a.by}`,
        ),
      );
    // a public front door: the way out to it, judged layer by layer (the policy family's outside answer)
    if (!isPrivateIp(a.ip)) return ported(pair.out(a.ip, `${resolves}, outside the cluster: the way out to it`));
    const out = `outside the cluster: answered as ${pair.from.metadata.name}'s way out to it`;
    return { internet: true, from: pair.from, destination: a.ip, notes: [`${resolves}, ${out}`] };
  }
  return undefined;
}

/** "kiosk 10.0.3.20 → internal service sqlapilb:8080. what does sqlapi see?": the client taken for want of another is
 * the only pod behind the Service it calls, a pod talking to itself, which nobody asks about */
function talksToItself(intent: Intent, s: EastWestSubjects): boolean {
  if ('internet' in s || !s.to.name) return false;
  const self = `${s.from.metadata.namespace}/${s.from.metadata.name}`;
  const svc = (intent.entities ?? []).find((e) => e.kind === 'service' && e.text === s.to.name);
  return !!svc?.pods && svc.pods.length === 1 && svc.pods[0] === self;
}

/**
 * "does allow-ns-y-to-a let y/a in on 80": a NetworkPolicy named where a party is expected stands for the one running
 * pod it selects, the target of the traffic it lets in (a policy's podSelector picks the pods it applies to:
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/).
 */
async function policySelects(ctx: Ctx, parties: string[]): Promise<string[]> {
  const policies = (await ctx.trace.try('network policies', () => ctx.inv.list('NetworkPolicy'))) ?? [];
  const policy = policies.find((p) => parties.some((x) => x === p.metadata.name));
  if (!policy) return parties;
  const pods = await ctx.trace.list('pods', () => ctx.inv.list('Pod'));
  const selected = pods.filter(
    (p) =>
      p.metadata.namespace === policy.metadata.namespace &&
      isRunning(p) &&
      matchesSelector(p.metadata.labels, policy.spec?.podSelector),
  );
  if (selected.length !== 1) return parties;
  const target = `${selected[0].metadata.namespace}/${selected[0].metadata.name}`;
  return [...parties.filter((x) => x !== policy.metadata.name), target];
}

/** The client and the notes on how the question was read, joined into one warning as the pair is made. */
/** An address no pod or Service of ours has: outside the cluster (or a node's, which the facts tell apart). */
const outsideOurs = (ip: string, pods: Pod[], services: Service[]) =>
  !pods.some((p) => p.status?.podIP === ip || p.status?.podIPs?.some((x) => x.ip === ip)) &&
  !services.some((s) => s.spec?.clusterIP === ip || s.status?.loadBalancer?.ingress?.some((x) => x.ip === ip));

class Pair {
  private readonly notes: (string | undefined)[];
  constructor(
    readonly from: Pod,
    readonly port: number | undefined,
    note?: string,
    private readonly group?: Pod[],
  ) {
    this.notes = [note];
  }
  /** To an address outside the cluster: every replica is answered, its own node's way out deciding (a route table,
   * NSG or NAT gateway is per subnet: https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview) */
  out(ip: string, note?: string): PairSubjects {
    return this.to({ ip }, note);
  }
  note(n: string | undefined): void {
    this.notes.push(n);
  }
  /** `far`: the far end's replicas, each judged where the client is one pod (its note, "they share this answer
   * unless …", gives way to the check) */
  to(to: PairTarget, note?: string, far?: { group?: Pod[]; note?: string }): PairSubjects {
    const replicas = far?.group?.filter((p) => p.metadata.uid !== this.from.metadata.uid) ?? [];
    const each = replicas.length > 1 && !(this.group && this.group.length > 1);
    if (each) return { ...this.to(to, note), toGroup: replicas };
    // (both ends several replicas: every client replica against one far end, said)
    const one =
      replicas.length > 1 ? `the far end is one of ${replicas.length} replicas: ${to.pod?.metadata.name}` : '';
    this.note(far?.note ?? (one || undefined));
    this.note(note);
    const served = this.port === undefined && to.pod ? onlyPort(to.pod) : undefined;
    if (served) this.note(`judged on tcp:${served}, the one port ${to.pod!.metadata.name} declares (no port was said)`);
    const joined = this.notes.filter(Boolean).join('; ') || undefined;
    const s: PairSubjects = { from: this.from, to, port: this.port ?? served, notes: [joined] };
    // a workload's replicas each judged: a NetworkPolicy selects by labels, but the NSG, route table or node between
    // is each replica's own (NSGs filter per subnet or NIC: https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview)
    if (!this.group || this.group.length < 2) return s;
    // (the client's note, "2 replicas of web; they share …", gives way to the check; the others hold for each)
    const shared = this.notes.slice(1).filter(Boolean).join('; ');
    return { ...s, pod: this.from, group: this.group, shared: shared ? [shared] : [] };
  }
}

/** The one TCP port a pod's containers declare: where a connection to it goes when no port is said (the answer says
 * it was assumed, a declared port being informational) */
function onlyPort(pod: Pod): number | undefined {
  const ports = declaredPorts(pod, 'TCP');
  return ports.length === 1 ? ports[0] : undefined;
}

/** The client pod: the party after "from"/"when", else the first party that is a pod. */
async function findClient(intent: Intent, ctx: Ctx, spec: PairSpec, parties: string[], said?: string) {
  const order = said ? [parties.indexOf(said), ...parties.keys()] : [...parties.keys()];
  let first: { found: PathResult; index: number } | undefined;
  for (const index of [...new Set(order)].filter((i) => i >= 0)) {
    const found: FoundPod | PathResult = await ownNamespace(intent, ctx, spec, parties[index]);
    if (!isReply(found)) return { found, index };
    if (found.status === 'ambiguous' || parties[index] === said) return { found, index };
    first ??= { found, index };
  }
  return first;
}

/**
 * "verify ingress-nginx controller cannot reach shop/db-0": the namespace said with one name is not the other's; a
 * name said without one that matched a workload in another namespace is looked up there when the said one has none.
 */
async function ownNamespace(intent: Intent, ctx: Ctx, spec: PairSpec, party: string): Promise<FoundPod | PathResult> {
  const found = await findPod(intent, ctx, spec, [party]);
  if (!isReply(found) || found.status !== 'not-found' || party.includes('/')) return found;
  const matched = (intent.entities ?? []).find((e) => e.text === party && ['pod', 'workload'].includes(e.kind));
  const ns = matched?.matched.split('/')[0];
  if (!ns || ns === intent.namespace) return found;
  const again = await findPod(intent, ctx, spec, [`${ns}/${party}`]);
  return isReply(again) ? found : again;
}

/** The first other name that resolves from the client's namespace to a Service (or a reply why not). */
function targetByName(
  spec: PairSpec,
  pair: Pair,
  others: string[],
  services: Service[],
  said: { intent: Intent; pods: Pod[] },
): PairSubjects | PathResult | undefined {
  const clientNs = pair.from.metadata.namespace ?? 'default';
  for (const other of others) {
    // "ns/name" is the Service name.ns
    const name = other.includes('/') ? other.split('/').reverse().join('.') : other;
    const dns = resolveServiceName(name, clientNs, services);
    if (!('error' in dns)) return podsOnTargetPort(pair, dns.service, other, said) ?? pair.to({ name });
    if (other !== name) continue; // a pod said as ns/name
    if (name.includes('.') && /svc|cluster\.local/.test(name)) {
      return result(spec.kind, 'not-found', `${pair.from.metadata.name} cannot resolve ${name}: ${dns.error}.`, {
        suggestions: dns.suggestion ? [dns.suggestion] : [],
      });
    }
    if (dns.suggestion) {
      // ("nginx controller q9w3z → web on 8080": on the pods' port from another namespace, the pods are reached by
      // their IPs, no name resolved)
      const svc = services.find((x) => `${x.metadata.name}.${x.metadata.namespace}` === dns.suggestion);
      const onPods = svc && podsOnTargetPort(pair, svc, other, said);
      if (onPods) return onPods;
      // the Service exists in another namespace: answer for it, and say the short name would not resolve
      pair.note(
        `"${name}" resolves only inside its own namespace; from ${clientNs} the name to use is ${dns.suggestion}`,
      );
      return pair.to({ name: dns.suggestion });
    }
  }
  return undefined;
}

/**
 * "can api reach web on 8080" where Service web maps 80 → 8080 and "service" was not said: the user means web's pods
 * on their port, reached through the Service's endpoints. "service web", "web.shop.svc" or the ClusterIP keep the
 * Service, where 8080 is refused.
 */
function podsOnTargetPort(
  pair: Pair,
  service: Service,
  said: string,
  { intent, pods }: { intent: Intent; pods: Pod[] },
): PairSubjects | undefined {
  const port = pair.port;
  const svcPorts = service.spec?.ports ?? [];
  const typed = intent.typed.some((t) => t.name === said && t.type === 'service') || said.includes('.');
  if (port === undefined || typed || svcPorts.some((p) => p.port === port)) return undefined;
  const mapped = svcPorts.find((p) => p.targetPort === port);
  const selector = service.spec?.selector;
  if (!mapped || !selector) return undefined;
  const backing = pods
    .filter((p) => p.metadata.namespace === service.metadata.namespace && isRunning(p))
    .filter((p) => matchesSelector(p.metadata.labels, { matchLabels: selector }))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const pod = backing.find((p) => p.spec?.nodeName === pair.from.spec?.nodeName) ?? backing[0];
  if (!pod) return undefined;
  const name = service.metadata.name;
  // a Service forwards its port to the pods' targetPort; the ClusterIP listens only on the Service port
  // https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
  return pair.to(
    { pod },
    `${port} is the pods' port: answered for ${name}'s pods on ${port}. Via the Service use ${name}:${mapped.port} ` +
      `(port ${mapped.port} → targetPort ${port}); ${name}'s ClusterIP does not listen on ${port}`,
    { group: backing },
  );
}

/** "the database": the one running pod (other than the client) whose image is a database. */
function databasePod(others: string[], pods: Pod[], from: Pod): { pod: Pod; note: string } | undefined {
  const word = others.find((n) => DATABASE_WORDS[n]);
  if (!word) return undefined;
  const db = pods.filter(
    (p) =>
      p.metadata.uid !== from.metadata.uid &&
      p.status?.phase === 'Running' &&
      (p.spec?.containers ?? []).some((c) => DATABASE_WORDS[word].test(c.image ?? '')),
  );
  if (db.length !== 1) return undefined;
  const [pod] = db;
  const image = pod.spec?.containers?.[0]?.image;
  return { pod, note: `"the database" taken as ${pod.metadata.namespace}/${pod.metadata.name} (its image ${image})` };
}
