// Entities first: the names of a parsed question are matched against the inventory before any family runs.
// A word that matches nothing and is not written as a name ("pod X", ns/name, dotted, backticks, digits or
// dashes) is not a name: it is dropped, never looked up and never echoed back ("I found no pod "close"").
import type { Inventory } from '../inventory/inventory';
import type { HTTPRoute, Ingress, KubeKind, KubeKinds, Pod, Route, Service } from '../inventory/k8s-types';
import { podsWithIp } from '../path/index';
import { lbIngressIps } from '../path/lb';
import { declaredPorts, portByName } from '../path/ports';
import { fullName, isRunning, matchesSelector } from '../path/kube';
import { closest, editDistance } from './names';
import { IMAGE_SAID, isStopWord, parse, type Entity, type Intent, type NameRef } from './parse';
import { isDeployerPod, workloadOf } from './resolve';
import { DATABASE_WORDS } from './subjects';
import { escapeRe } from '../regex';
import { PODS_HOSTED } from './patterns';

/** What the inventory knows, listed once per question (a failed listing is empty here; the family reports it). */
interface Known {
  pods: Pod[];
  services: Service[];
  routes: Route[];
  ingresses: Ingress[];
  httpRoutes: HTTPRoute[];
  namespaces: Set<string>;
  nodes: Set<string>;
  /** built on first use: pods by name; running pods (and by workload); running workloads, in pod order */
  index?: PodIndex;
  /** names that needed a scan of the running pods, with what they matched (bounded) */
  scanned?: Map<string, ReturnType<typeof podsNamed>>;
}

interface PodIndex {
  byName: Map<string, Pod[]>;
  byNamespace: Map<string, Pod[]>;
  running: Pod[];
  byWorkload: Map<string, Pod[]>;
  workloads: string[];
}

function podIndex(k: Known): PodIndex {
  if (k.index) return k.index;
  const byName = new Map<string, Pod[]>();
  const byNamespace = new Map<string, Pod[]>();
  const byWorkload = new Map<string, Pod[]>();
  const running: Pod[] = [];
  for (const p of k.pods) {
    // push, not a spread copy: a spread array keeps spare capacity (18 MB at 150,000 pods)
    const named = byName.get(p.metadata.name);
    if (named) named.push(p);
    else byName.set(p.metadata.name, [p]);
    const ns = byNamespace.get(p.metadata.namespace ?? '');
    if (ns) ns.push(p);
    else byNamespace.set(p.metadata.namespace ?? '', [p]);
    if (!isRunning(p)) continue;
    running.push(p);
    const w = workloadOf(p);
    const same = byWorkload.get(w);
    if (same) same.push(p);
    else byWorkload.set(w, [p]);
  }
  return (k.index = { byName, byNamespace, running, byWorkload, workloads: [...byWorkload.keys()] });
}

/**
 * What was derived from the inventory's lists, kept while it hands back the same arrays (a snapshot's; a live
 * cache's until it changes): at 150,000 pods, deriving it again for every question costs more than the answer.
 */
const knownOf = new WeakMap<object, { lists: unknown[]; known: Known }>();

async function listOrNone<K extends KubeKind>(inv: Inventory, kind: K): Promise<KubeKinds[K][]> {
  try {
    return await inv.list(kind);
  } catch {
    return []; // the family's own lookup reports the failure with its code
  }
}

async function known(inv: Inventory): Promise<Known> {
  const [pods, services, routes, ingresses, httpRoutes, namespaces, nodes] = await Promise.all([
    listOrNone(inv, 'Pod'),
    listOrNone(inv, 'Service'),
    listOrNone(inv, 'Route'),
    listOrNone(inv, 'Ingress'),
    listOrNone(inv, 'HTTPRoute'),
    listOrNone(inv, 'Namespace'),
    listOrNone(inv, 'Node'),
  ]);
  const lists = [pods, services, routes, ingresses, httpRoutes, namespaces, nodes];
  const hit = knownOf.get(pods);
  const same = (a: unknown[], b: unknown[]) => a === b || (a.length === 0 && b.length === 0);
  if (hit && hit.lists.every((l, i) => same(l as unknown[], lists[i]))) return hit.known;
  const nsNames = [...namespaces.map((n) => n.metadata.name), ...pods.map((p) => p.metadata.namespace ?? '')];
  const k: Known = {
    // the same array when nothing is left out, so lookups kept per pod list are shared
    pods: pods.some(isDeployerPod) ? pods.filter((p) => !isDeployerPod(p)) : pods,
    services,
    routes,
    ingresses,
    httpRoutes,
    namespaces: new Set(nsNames),
    nodes: new Set(nodes.map((n) => n.metadata.name)),
  };
  knownOf.set(pods, { lists, known: k });
  return k;
}

const hostsOf = (k: Known): string[] => [
  ...k.routes.map((r) => r.spec?.host ?? ''),
  ...k.ingresses.flatMap((i) => (i.spec?.rules ?? []).map((r) => r.host ?? '')),
  ...k.httpRoutes.flatMap((r) => r.spec?.hostnames ?? []),
];

/** The pods a name stands for: the pod itself, or the running replicas of a workload ("web", "router"). */
function podsNamed(k: Known, name: string, ns?: string): { kind: 'pod' | 'workload'; pods: Pod[] } | undefined {
  const ix = podIndex(k);
  const inNs = (p: Pod) => !ns || p.metadata.namespace === ns;
  const exact = (ix.byName.get(name) ?? []).filter(inNs);
  if (exact.length) return { kind: 'pod', pods: exact };
  const byWorkload = (ix.byWorkload.get(name) ?? []).filter(inNs);
  if (byWorkload.length) return { kind: 'workload', pods: byWorkload };
  // the same words come back question after question; a scan of every running pod costs ~10 ms at 150,000 pods
  const key = `${ns ?? ''}/${name}`;
  k.scanned ??= new Map();
  if (k.scanned.has(key)) return k.scanned.get(key);
  if (k.scanned.size >= 1000) k.scanned.clear();
  const found = podsByPart(ix, name, inNs, ns);
  k.scanned.set(key, found);
  return found;
}

function podsByPart(
  ix: PodIndex,
  name: string,
  inNs: (p: Pod) => boolean,
  ns?: string,
): { kind: 'pod' | 'workload'; pods: Pod[] } | undefined {
  const running = ns ? ix.running.filter(inNs) : ix.running;
  // a pod by the generated end of its name ("controller x2k4p"): that one pod, not its replicas
  const bySuffix = name.length >= 4 ? running.filter((p) => p.metadata.name.endsWith(`-${name}`)) : [];
  if (bySuffix.length === 1) return { kind: 'pod', pods: bySuffix };
  // a whole dash-separated part of a workload's or pod's name ("router" → router-default, "nginx", "controller");
  // never a fragment inside a word ("sql" is not sqlapi)
  const parts = running.filter(
    (p) =>
      workloadOf(p).split('-').includes(name) ||
      p.metadata.name.startsWith(`${name}-`) ||
      p.metadata.name.split('-').includes(name),
  );
  const workloads = new Set(parts.map((p) => `${p.metadata.namespace}/${workloadOf(p)}`));
  return workloads.size === 1 ? { kind: 'workload', pods: parts } : undefined;
}

/** A Service by name, svc.ns, svc.ns.svc or its FQDN; a pod's name under a headless one (db-0.db.ns.svc…) too. */
function serviceNamed(k: Known, name: string, ns?: string): Service | undefined {
  // <hostname>.<svc>.<ns>.svc[.cluster.local]: the pod's DNS name under a headless Service; a pod's search list
  // (<ns>.svc.cluster.local svc.cluster.local cluster.local) completes a bare <hostname>.<svc>.<ns> to it
  // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
  const podName = /^[a-z0-9-]+\.([a-z0-9-]+\.[a-z0-9-]+\.svc(?:\.cluster\.local)?)$/.exec(name);
  if (podName) return serviceNamed(k, podName[1], ns);
  const bare = /^[a-z0-9-]+\.([a-z0-9-]+)\.([a-z0-9-]+)$/.exec(name);
  const headless = bare && k.services.find((s) => s.metadata.name === bare[1] && s.metadata.namespace === bare[2]);
  if (headless?.spec?.clusterIP === 'None') return headless;
  const [svc, svcNs, ...rest] = name.split('.');
  const suffixOk = rest.length === 0 || rest.join('.') === 'svc' || /^svc\.cluster\.local$/.test(rest.join('.'));
  const wantNs = svcNs ?? ns;
  if (!suffixOk) return undefined;
  return k.services.find((s) => s.metadata.name === svc && (!wantNs || s.metadata.namespace === wantNs));
}

/** A Route, Ingress or Gateway API HTTPRoute by name. */
function routeNamed(k: Known, name: string, ns?: string): Omit<Entity, 'text'> | undefined {
  const named = (o: { metadata: { name: string; namespace?: string } }) =>
    o.metadata.name === name && (!ns || o.metadata.namespace === ns);
  const route = k.routes.find(named) ?? k.httpRoutes.find(named);
  if (route) return { kind: 'route', matched: fullName(route) };
  const ing = k.ingresses.find(named);
  return ing ? { kind: 'ingress', matched: fullName(ing) } : undefined;
}

/** A Service and the running pods it selects. */
function serviceEntity(k: Known, svc: Service): Omit<Entity, 'text'> {
  // the Service's namespace first: the same pods, in the same order, as selecting from all pods
  const inNs = podIndex(k).byNamespace.get(svc.metadata.namespace ?? '') ?? [];
  const backing = svc.spec?.selector
    ? inNs.filter((p) => isRunning(p) && matchesSelector(p.metadata.labels, { matchLabels: svc.spec?.selector }))
    : [];
  const ports = (svc.spec?.ports ?? []).map((p) => p.port);
  return { kind: 'service', matched: fullName(svc), pods: backing.length ? backing.map(fullName) : undefined, ports };
}

/** What one name matches, best first ("the sqlapilb route": its type first). */
function match(k: Known, ref: NameRef, type?: string): Entity | undefined {
  const { name, namespace: ns } = ref;
  const at = (e: Omit<Entity, 'text'>): Entity => ({ text: ns ? `${ns}/${name}` : name, ...e });
  const typedRoute = type === 'route' || type === 'ingress' ? routeNamed(k, name, ns) : undefined;
  if (typedRoute) return at(typedRoute);
  const typedSvc = type === 'service' ? serviceNamed(k, name, ns) : undefined;
  if (typedSvc) return at(serviceEntity(k, typedSvc));
  const pods = podsNamed(k, name, ns);
  if (pods) return at({ kind: pods.kind, matched: fullName(pods.pods[0]), pods: pods.pods.map(fullName) });
  const svc = serviceNamed(k, name, ns);
  if (svc) return at(serviceEntity(k, svc));
  const route = routeNamed(k, name, ns);
  if (route) return at(route);
  if (hostsOf(k).includes(name)) return at({ kind: 'host', matched: name });
  // ("x/z": a name written in a namespace is never another namespace, even where one is called z)
  if (!ns && k.namespaces.has(name)) return at({ kind: 'namespace', matched: name });
  if (!ns && k.nodes.has(name)) return at({ kind: 'node', matched: name });
  const node = ns ? undefined : nodeBySuffix(k, name);
  return node ? at({ kind: 'node', matched: node }) : undefined;
}

/** "before draining vmss000000": a node said by the instance suffix of its name, when one node alone ends so
 * (AKS names nodes <pool>-<id>-vmss<instance>: https://learn.microsoft.com/azure/aks/use-multiple-node-pools); and
 * "worker-northeurope2-h9rzp": an ARO node said without its cluster's infrastructure ID (<infra-id>-worker-<zone>-…) */
function nodeBySuffix(k: Known, name: string): string | undefined {
  if (name.length < 5 || !/\d/.test(name) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) return undefined;
  const ending = [...k.nodes].filter((n) => n.endsWith(`-${name}`));
  return ending.length === 1 ? ending[0] : undefined;
}

/** "b.y": pod (or workload) b in namespace y, when no Service b lives in y or the name is said as a pod's. */
function podDotNamespace(k: Known, ref: NameRef, typedPod: boolean): NameRef | undefined {
  const m = /^([a-z0-9][a-z0-9-]*)\.([a-z0-9][a-z0-9-]*)$/.exec(ref.name);
  if (!m || ref.namespace || !k.namespaces.has(m[2]) || (serviceNamed(k, ref.name) && !typedPod)) return undefined;
  return podsNamed(k, m[1], m[2]) ? { name: m[1], namespace: m[2] } : undefined;
}

/** "web/shop" where no namespace web exists but shop holds web's pods: the name was said first. */
function nameSlashNamespace(k: Known, intent: Intent, r: NameRef): NameRef | undefined {
  const ns = r.namespace;
  if (!ns || k.namespaces.has(ns) || !k.namespaces.has(r.name) || !podsNamed(k, ns, r.name)) return undefined;
  if (intent.namespace === ns) intent.namespace = r.name;
  return { name: ns, namespace: r.name };
}

/** "a in z", "c from y": a pod of a known namespace, said the English way (each name with the namespace after it). */
function inNamespace(k: Known, intent: Intent): NameRef[] {
  const refs: NameRef[] = [];
  // "in" first: in "traffic from c in z" the namespace of c is z ("from" there says the client)
  for (const word of ['in', 'from']) {
    const re = new RegExp(
      String.raw`(?:^|\s)([a-z0-9][a-z0-9-]*)(?: pod| service| deployment)? ${word} (?:the )?` +
        String.raw`([a-z0-9][a-z0-9-]*)(?=$|[\s?!.,;:])`,
      'g',
    );
    for (const m of intent.text.matchAll(re)) {
      const said = word === 'from' && refs.some((r) => r.name === m[1]);
      if (!said && k.namespaces.has(m[2]) && podsNamed(k, m[1], m[2])) refs.push({ name: m[1], namespace: m[2] });
    }
  }
  return refs;
}

/** Where a name first appears in the text, as a whole word, in any of its forms (refs are kept in the order said). */
export function positionOf(text: string, forms: string[]): number {
  // (a label selector's value is where its workload is said: "-l app=web → svc/api")
  const at = forms.map((f) => text.search(new RegExp(`(^|[\\s/"'\`(>→=])${escapeRe(f)}(?=$|[\\s?!.,:;)'"→]|->)`)));
  return Math.min(...at.map((i) => (i < 0 ? Infinity : i)));
}

export const formsOf = (r: NameRef): string[] =>
  r.namespace ? [`${r.namespace}/${r.name}`, `${r.name}.${r.namespace}`, r.name] : [r.name];

/** Refs with namespaces said the English way ("a in z") or as name.ns ("b.y"), typos fixed, in text order. */
function refine(k: Known, intent: Intent): NameRef[] {
  const said = inNamespace(k, intent);
  const refs = intent.refs.map((r) => {
    const english = !r.namespace && said.find((s) => s.name === r.name);
    if (english) said.splice(said.indexOf(english), 1);
    const typedPod = intent.typed.some((t) => t.name === r.name && t.type === 'pod');
    return english || podDotNamespace(k, r, typedPod) || nameSlashNamespace(k, intent, r) || r;
  });
  refs.push(...said); // English words ("a") said as "a in z" are names too
  const namespaces = new Set(refs.filter((r) => r.namespace).map((r) => r.namespace));
  if (!intent.namespace && namespaces.size === 1) intent.namespace = [...namespaces][0];
  return refs
    .map((r) => ({ r, at: positionOf(intent.text, formsOf(r)) }))
    .sort((a, b) => a.at - b.at)
    .map(({ r }) => r);
}

/** "the licence server at 52.168.10.4", "the weighbridge server sits at 10.0.0.4": the word describes an address no
 * pod has, it names nothing here. */
function namesAnAddress(k: Known, text: string, name: string): boolean {
  if (!text.includes(`${name} `)) return false;
  const n = escapeRe(name);
  const ip = new RegExp(String.raw`(?:^|\s)${n} ${PLACED}at (\d{1,3}(?:\.\d{1,3}){3})\b`).exec(text)?.[1];
  return !!ip && !podsWithIp(k.pods, ip).length;
}

const PLACED = String.raw`(?:(?:is |are )?(?:sits|sitting|lives|living|located|hosted|reachable) )?`;

/** Pod IPs in the question: the pods they belong to. */
function podIps(k: Known, intent: Intent): Entity[] {
  return intent.ips.flatMap((ip) => {
    const pod = podsWithIp(k.pods, ip).find((p) => isRunning(p) && !p.spec?.hostNetwork);
    return pod ? [{ text: ip, kind: 'pod-ip' as const, matched: fullName(pod), pods: [fullName(pod)] }] : [];
  });
}

/** Two neighbouring letters swapped ("sqlpai" for sqlapi). */
const swapped = (a: string, b: string): boolean => {
  if (a.length !== b.length || a === b) return false;
  const i = [...a].findIndex((c, n) => c !== b[n]);
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
};

/** The addresses said that are a LoadBalancer Service's frontend (ours, a way in: never a far end outside), and those
 * that are no pod's, node's or Service's (somewhere outside the cluster: a VM, an on-premises host)
 * https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer */
/** "which pods run on 10.224.0.5?", "the pods on the node with IP 10.224.0.6": a node said by its address, as the
 * place pods run (a pod's hostIP is its node's address https://kubernetes.io/docs/concepts/workloads/pods/) */
function nodesByAddress(k: Known, intent: Intent): Entity[] {
  if (!/\bpods?\b|\bruns?\b|\brunning\b|\bscheduled\b/.test(intent.asking ?? intent.text)) return [];
  return [...new Set(intent.ips)].flatMap((ip) => {
    const at = ip.replace(/\./g, '\\.');
    const said = new RegExp(
      String.raw`\b(?:on|at)\s+(?:the\s+)?(?:(?:node|host|vm|machine)\s+)?` +
        String.raw`(?:with\s+(?:the\s+)?(?:ip|address)\s+)?${at}(?![\d.])|` +
        // ("10.224.0.5 — which pods does that node carry?": the address said, then the pods it hosts asked of it)
        String.raw`\b${at}(?![\d.])\s*[:—–,-]+\s*${PODS_HOSTED}`,
    );
    const node = k.pods.find((p) => p.status?.hostIP === ip && p.spec?.nodeName)?.spec?.nodeName;
    return node && said.test(intent.text) ? [{ text: ip, kind: 'node' as const, matched: node }] : [];
  });
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const NTH_NODE = new RegExp(
  String.raw`\b(?:the|a|an|our|that|this)\s+(?:new\s+|extra\s+|additional\s+)?` +
    String.raw`(\d{1,2}(?:st|nd|rd|th)|${ORDINALS.join('|')})\s+(?:node|vm|instance|worker)\b`,
);
/** "we pay for a 4th node, which pods run on it?": the node of that rank, counted in the order of the names a scale
 * set gives its instances (<prefix><instance id>), when no node is named otherwise
 * https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-instance-ids */
function nodeByOrdinal(k: Known, intent: Intent, entities: Entity[]): Entity[] {
  if (entities.some((e) => e.kind === 'node')) return [];
  const said = NTH_NODE.exec(intent.asking ?? intent.text) ?? NTH_NODE.exec(intent.text);
  if (!said) return [];
  const rank = /^\d/.test(said[1]) ? parseInt(said[1], 10) : ORDINALS.indexOf(said[1]) + 1;
  const nodes = [...k.nodes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const node = nodes[rank - 1];
  return node ? [{ text: said[1], kind: 'node', matched: node }] : [];
}

const hasLbIp = (ip: string) => (svc: Known['services'][number]) => lbIngressIps(svc).includes(ip);
function addressesOfOurs(k: Known, intent: Intent): void {
  // (an Ingress's own address, an Application Gateway's frontend under AGIC, is a way in of ours as well
  // https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview)
  const ingressIps = k.ingresses.flatMap((i) => (i.status?.loadBalancer?.ingress ?? []).flatMap((a) => a.ip ?? []));
  // ("sqlapi calls 20.67.170.10 … does it leave the cluster?": a frontend of ours taken as where an egress question's
  // traffic goes is still an address the question names, the service proxy answers it on the node
  // https://kubernetes.io/docs/reference/networking/virtual-ips/)
  const dest = intent.destination;
  if (dest && !intent.ips.includes(dest) && (ingressIps.includes(dest) || k.services.some(hasLbIp(dest))))
    intent.ips = [...intent.ips, dest];
  const frontendIps = intent.ips.filter(
    (ip) => ingressIps.includes(ip) || k.services.some((svc) => lbIngressIps(svc).includes(ip)),
  );
  if (frontendIps.length) intent.frontendIps = [...new Set(frontendIps)];
  const proxied = frontendIps.filter((ip) =>
    k.services.some((svc) => svc.status?.loadBalancer?.ingress?.some((i) => i.ip === ip && i.ipMode === 'Proxy')),
  );
  if (proxied.length) intent.proxiedIps = [...new Set(proxied)];
  const inCluster = (ip: string) =>
    podsWithIp(k.pods, ip).length > 0 ||
    k.pods.some((p) => p.status?.hostIP === ip) ||
    k.services.some((svc) => svc.spec?.clusterIP === ip || lbIngressIps(svc).includes(ip));
  const elsewhere = intent.ips.filter((ip) => !inCluster(ip));
  if (elsewhere.length) intent.elsewhereIps = [...new Set(elsewhere)];
  // every node listens on a Service's node port: a node's address with it is that Service reached on the node
  // https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
  const port = intent.port;
  const nodePort = port !== undefined && k.services.some((svc) => svc.spec?.ports?.some((p) => p.nodePort === port));
  if (nodePort && intent.ips.some((ip) => k.pods.some((p) => p.status?.hostIP === ip))) intent.nodePortHit = true;
}

/** "webb-7d4b9c8f6d-abcde": one edit in the workload part of a pod's name, its generated suffix (the last part,
 * random per pod) said exactly: that suffix names the one pod, so the typo cannot be another pod's name */
const prefixTypo = (d: string, n: string): boolean => {
  const suffix = n.slice(n.lastIndexOf('-'));
  return suffix.length >= 6 && d.endsWith(suffix) && editDistance(d, n) === 1;
};

/** "the pod listening on the postgres port", "which pod listens on 5432": a pod named by a port its containers declare
 * (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports) is that pod, when the running
 * pods that declare it are one workload's */
const LISTENING = new RegExp(
  String.raw`\bpods?\s+(?:that\s+|which\s+)?(?:is\s+|are\s+)?(?:listening|listens?)\s+on\s+(?:the\s+)?(?:port\s+)?` +
    String.raw`([a-z0-9][a-z0-9-]*)(?:\s+port)?\b`,
);
// "the 5432 box", "the 8080 server": a machine named by the port it serves is the one listening on that port
const PORT_BOX = /\bthe (\d{2,5}) (?:box|server|host|machine|instance)\b/g;

function listeningPod(k: Known, intent: Intent, entities: Entity[], refs: NameRef[]): void {
  const m = LISTENING.exec(intent.text);
  if (m && !entities.some((e) => e.kind !== 'namespace')) listensOn(k, intent, entities, refs, m[1]);
  if (m) return;
  for (const box of intent.text.matchAll(PORT_BOX)) {
    // ("the 80 box behind the public LB (web)": the box named in brackets is that one)
    const after = intent.text.slice(box.index + box[0].length);
    if (!/^[^.;:—?!]{0,40}\([a-z0-9][a-z0-9./-]*\)/.test(after)) listensOn(k, intent, entities, refs, box[1]);
  }
}

// "does db-nsg allow 5432 from api": an Azure NSG (named, as AKS and most teams name them, "…nsg") said as what allows
// a port is no pod; the party it guards there is the pod listening on that port
// https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview
const NSG_ALLOWS =
  /\b([a-z0-9][\w-]*nsg)\s+(?:allows?|permits?|denies|deny|blocks?|lets?)\s+(?:tcp\/?|port\s+)?(\d{2,5})\b/;
function guardedByNsg(k: Known, intent: Intent, entities: Entity[], refs: NameRef[]): void {
  const m = NSG_ALLOWS.exec(intent.text);
  if (!m || entities.some((e) => e.text === m[1])) return;
  const at = refs.findIndex((r) => r.name === m[1]);
  if (at >= 0) refs.splice(at, 1);
  listensOn(k, intent, entities, refs, m[2]);
}

function listensOn(k: Known, intent: Intent, entities: Entity[], refs: NameRef[], port: string): void {
  const declares = (p: Pod) =>
    (p.spec?.containers ?? [])
      .flatMap((c) => c.ports ?? [])
      .some((x) => x.name === port || `${x.containerPort}` === port);
  const ix = podIndex(k);
  const owners = new Set(ix.running.filter(declares).map((p) => `${p.metadata.namespace}/${workloadOf(p)}`));
  if (owners.size !== 1) return;
  const [namespace, name] = [...owners][0].split('/');
  const e = match(k, { name, namespace });
  if (!e || entities.some((x) => x.matched === e.matched)) return;
  entities.push(e);
  // (the words around the port are no names: "listening" matched nothing)
  const gone = new Set(['listening', 'listens', 'listen', port]);
  refs.splice(0, refs.length, ...refs.filter((r) => !gone.has(r.name)), { name, namespace });
  intent.notes = [...(intent.notes ?? []), `the pod listening on ${port} taken as ${name} (${namespace})`];
}

/** The names "sqIapi" (read "sqiapi") may stand for: an i where the name has an l, nothing else different (a capital
 * I and a small l are alike in most fonts, and so in what is copied from a screen). Each reading is looked up, never
 * every name compared: at 150,000 pods that costs more than the answer. */
function homoglyphsOf(d: string, named: (n: string) => boolean): string[] {
  const at = [...d].flatMap((c, i) => (c === 'i' ? [i] : []));
  if (!at.length || at.length > 4) return [];
  const out: string[] = [];
  for (let mask = 1; mask < 1 << at.length; mask++) {
    const chars = [...d];
    at.forEach((p, bit) => {
      if (mask & (1 << bit)) chars[p] = 'l';
    });
    if (named(chars.join(''))) out.push(chars.join(''));
  }
  return out;
}

/**
 * "sqlpai egress ip": when nothing else names a workload, a word that matched nothing and is a plain typo of exactly
 * one running workload's name (two letters swapped, or one edit in a long name) is taken as it, with a note.
 */
function misspelt(k: Known, intent: Intent, entities: Entity[], refs: NameRef[], dropped: string[]): void {
  // ("how does sqlpai resolve server.project1?": a Service's dotted DNS name is the name looked up, never a workload
  // that could be the one misspelt https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/)
  const looked = (e: Entity) => e.kind === 'service' && e.text.includes('.');
  if (entities.some((e) => e.kind !== 'namespace' && !looked(e)) || intent.ips.length) return;
  const ix = podIndex(k);
  // words dropped, and words written as names that matched nothing ("where is sqlpai running"); a name said with its
  // type ("pod sqlpai") is the user's exact word: it is answered "not found, did you mean…" with buttons instead
  // ("web-…-fgihj node?" asks for its node: the word after is the question, not its type)
  const typed = (n: string) => intent.typed.some((t) => t.name === n && !(t.after && t.type === 'node'));
  const unmatched = refs
    .filter((r) => !r.namespace && !Object.hasOwn(DATABASE_WORDS, r.name) && !typed(r.name))
    .map((r) => r.name);
  // ("sqIapi": a capital I for an l, alike in most fonts, is the name itself, said with its type or not)
  const alike = intent.refs.filter((r) => !r.namespace).map((r) => r.name);
  const named = (n: string) => ix.byWorkload.has(n) || !!ix.byName.get(n)?.some(isRunning);
  const homoglyphs = [...new Set([...dropped, ...alike])].flatMap((d) => homoglyphsOf(d, named).map((w) => ({ d, w })));
  const guesses = [...dropped, ...unmatched].flatMap((d) => [
    ...ix.workloads.filter((w) => swapped(d, w) || (d.length >= 7 && editDistance(d, w) === 1)).map((w) => ({ d, w })),
    // "web-7d4b9c8f6d-fgihj node?": two letters swapped in one running pod's full name (never one edit: a pod's
    // random suffix one letter off may be another pod)
    ...(d.length >= 7 && d.includes('-')
      ? ix.running.map((p) => p.metadata.name).filter((n) => swapped(d, n) || prefixTypo(d, n))
      : []
    ).map((w) => ({ d, w })),
  ]);
  const [only] = homoglyphs.length === 1 ? homoglyphs : guesses.length === 1 ? guesses : [];
  if (!only) return;
  const { d, w } = only;
  const e = match(k, { name: w, namespace: intent.namespace });
  if (!e) return;
  entities.push(e);
  const at = refs.findIndex((r) => r.name === d);
  if (at >= 0) refs.splice(at, 1);
  refs.push({ name: w, namespace: intent.namespace });
  if (dropped.includes(d)) dropped.splice(dropped.indexOf(d), 1);
  intent.notes = [...(intent.notes ?? []), `"${d}" taken as ${w}`];
}

/** "the database in hub 10.100.2.10", "the db at 10.1.2.3": the word labels an address no pod has (a VM, an on-prem
 * host): that far end, not our database workload. */
function labelsFarAddress(k: Known, intent: Intent, word: string): boolean {
  return intent.ips.some(
    (ip) =>
      !podsWithIp(k.pods, ip).length &&
      // ("the hub database 10.100.2.10 will see …": the address right after the word)
      // (never a pasted "lookup db on 10.0.0.10:53": the name looked up, on the resolver asked
      // https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/)
      (new RegExp(
        String.raw`(?<!\blookup )\b${word}( (in|at|on|behind)( the)?( [a-z-]+){0,2})? ` +
          String.raw`${ip.replace(/\./g, '\\.')}\b(?!/\d)`,
      ).test(intent.text) ||
        // ("api → 198.51.100.20 on 1433 for the food bank donor database": the address, its port, then what it is for)
        new RegExp(
          String.raw`\b${ip.replace(/\./g, '\\.')}\b(?![./]\d)(:\d{1,5}| (on )?(port |tcp\/?)?\d{1,5})?` +
            String.raw`,? (for|is|=|\(?(that is|that's|which is)) (the|our|their|a|an) ([a-z-]+ ){0,4}${word}\b`,
        ).test(intent.text)),
  );
}

/**
 * "our database pod needs to call …": with no workload named, a word for the database stands for the one running
 * workload whose image is a database (none or several: the word stays, the family says so).
 */
function databaseWord(k: Known, intent: Intent, entities: Entity[], refs: NameRef[]): void {
  // "the database sees the connection from api": the word "database" (never one that may be a name) said with
  // another workload is the other party
  const others = entities.some((e) => e.kind !== 'namespace');
  // ("keep web out of the postgres pod": an engine said with its type, no pod so named, is the pod running it)
  const typedPod = (n: string) => intent.typed.some((t) => t.name === n && /^(pods?|workloads?)$/.test(t.type));
  const word = (n: string) => Object.hasOwn(DATABASE_WORDS, n) && (!others || n === 'database' || typedPod(n));
  const at = refs.findIndex((r) => word(r.name));
  // "the database team says …", "the db admins": people who run a database, not the workload
  if (
    at < 0 ||
    new RegExp(String.raw`\b${refs[at].name} (team|admins?|folks|people|guys|owners?|group)\b`).test(intent.text) ||
    labelsFarAddress(k, intent, refs[at].name)
  )
    return;
  const image = DATABASE_WORDS[refs[at].name];
  const ns = refs[at].namespace ?? intent.namespace;
  const pods = podIndex(k).running.filter(
    (p) => (!ns || p.metadata.namespace === ns) && (p.spec?.containers ?? []).some((c) => image.test(c.image ?? '')),
  );
  const owners = new Set(pods.map((p) => `${p.metadata.namespace}/${workloadOf(p)}`));
  if (owners.size !== 1 || entities.some((e) => e.pods?.some((p) => pods.some((d) => fullName(d) === p)))) return;
  const [podNs, name] = [...owners][0].split('/');
  const e = match(k, { name, namespace: podNs });
  if (!e) return;
  entities.push(e);
  intent.notes = [...(intent.notes ?? []), `"${refs[at].name}" taken as ${name} (${podNs})`];
  // (said as a pod among others, the workload's name where the word was: who is the client is read from the text)
  // (and in the sentence that asks: "are sqlapi and the mssql pod on the same worker? worried …" compares both)
  const said = new RegExp(String.raw`\b${refs[at].name}(?= pods?\b)`);
  if (others) intent.text = intent.text.replace(said, e.text);
  if (others && intent.asking) intent.asking = intent.asking.replace(said, e.text);
  refs.splice(at, 1, { name, namespace: podNs });
}

/** Names a web tier's workload is given: the one a writer means by "the frontend" */
const FRONTEND_WORKLOADS = new Set(['web', 'frontend', 'front-end', 'ui', 'www', 'storefront', 'portal']);
/** "frontend" said of a load balancer or an address is its frontend IP configuration, never the web tier
 * https://learn.microsoft.com/azure/load-balancer/components#frontend-ip-configuration- */
const LB_FRONTEND =
  /\b(lb|ilb|load ?balancer|public|private|internal|ip) frontends?\b|\bfrontends? (ip|config|address)/;

/**
 * "can the frontend reach the database?": with no workload named frontend, the word stands for the one running
 * workload named as a web tier is (web, ui, www…); none or several: the word stays and the family says so.
 */
function frontendWord(k: Known, intent: Intent, entities: Entity[], refs: NameRef[]): void {
  const at = refs.findIndex((r) => /^front-?ends?$/.test(r.name));
  // ("the service shop/frontend", "`frontend`": a name written as one is that name, found or not)
  if (at < 0 || refs[at].namespace || LB_FRONTEND.test(intent.text) || /`front-?ends?`/.test(intent.text)) return;
  if (intent.typed.some((t) => t.name === refs[at].name)) return;
  if (entities.some((e) => e.text === refs[at].name)) return;
  const ns = refs[at].namespace ?? intent.namespace;
  const owners = new Set(
    podIndex(k)
      .running.filter((p) => (!ns || p.metadata.namespace === ns) && FRONTEND_WORKLOADS.has(workloadOf(p)))
      .map((p) => `${p.metadata.namespace}/${workloadOf(p)}`),
  );
  if (owners.size !== 1) return;
  const [podNs, name] = [...owners][0].split('/');
  const e = match(k, { name, namespace: podNs });
  if (!e || entities.some((x) => x.matched === e.matched)) return;
  entities.push(e);
  intent.notes = [...(intent.notes ?? []), `"${refs[at].name}" taken as ${name} (${podNs})`];
  // the workload's name where the word was said: who comes first (the client) is read from where names are
  intent.text = intent.text.replace(new RegExp(String.raw`\b${refs[at].name}\b`), name);
  refs.splice(at, 1, { name, namespace: podNs });
}

/**
 * "the barrier controller (web)", "the SQL box (db-0)": a thing described in words and then named in brackets is the
 * one named; a word of the description that happens to match something else ("controller") is no other party.
 */
function describedInBrackets(intent: Intent, entities: Entity[], refs: NameRef[]): void {
  const text = intent.text.toLowerCase();
  // (a namespace in brackets, "web (shop)", says where the name before it lives)
  const party = (e: Entity) => ['pod', 'workload', 'service'].includes(e.kind);
  // ("xlkxx (router)", "q9w3z (nginx)": a pod followed by its own workload in brackets is that pod, said with whose
  // replica it is https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/)
  const ownWorkload = (e: Entity, x: Entity) => !!e.pods?.length && e.pods.every((p) => x.pods?.includes(p));
  const named = (e: Entity) =>
    party(e) &&
    entities.some((x) => party(x) && x.matched !== e.matched && !ownWorkload(e, x) && bracketed(text, e.text, x.text));
  const described = entities.filter(named);
  if (!described.length || described.length === entities.length) return;
  for (const e of described) {
    entities.splice(entities.indexOf(e), 1);
    const at = refs.findIndex((r) => r.name === e.text);
    if (at >= 0 && !entities.some((x) => x.text === e.text)) refs.splice(at, 1);
  }
}

// ("the oven controller backend (api)": up to two words of the description may follow the one matched)
const bracketed = (text: string, word: string, name: string): boolean =>
  new RegExp(
    String.raw`(?:^|[^\w/-])${escapeRe(word)}(?:\s+[a-z][a-z-]*){0,2}\s*\(\s*(?:the\s+)?${escapeRe(name)}\s*\)`,
  ).test(text);

/**
 * What the user named exactly wins over a looser reading of other words: a pod named by its name or the end of it
 * ("the router pod xlkxx") stands for its workload's word ("router"); a word that matched only part of a workload's
 * name and was not written as a name ("proxy" → kube-proxy) is dropped when a pod or workload is named exactly. Rows
 * of a pasted `kubectl get pods` table are context: the names the question says come first.
 */
function explicitFirst(k: Known, intent: Intent, entities: Entity[], refs: NameRef[]) {
  const pasted = new Set(intent.pasted ?? []);
  const ix = podIndex(k);
  const exact = entities.filter((e) => ['pod', 'workload'].includes(e.kind) && !loose(ix, e) && !pasted.has(e.text));
  const replaced = new Map<string, string>();
  for (const w of entities.filter((e) => e.kind === 'workload')) {
    const pod = exact.find((p) => p.kind === 'pod' && p.text !== w.text && w.pods?.includes(p.matched));
    if (pod) replaced.set(w.text, pod.text);
  }
  const named = exact.some((e) => intent.marked.includes(e.text.split('/').pop()!));
  const drop = (e: Entity) =>
    replaced.has(e.text) ||
    (named && loose(ix, e) && !intent.marked.includes(e.text.split('/').pop()!) && !twoPartsSaid(intent.text, e));
  const dropped = new Set(entities.filter(drop).map((e) => e.text));
  if (intent.from && replaced.has(intent.from)) intent.from = replaced.get(intent.from)!.split('/').pop();
  // ("the pod IP of sqlapi-1-8jgx8 … router -> sqlapi": the workload said again is that pod where it was said, so the
  // client of a pair drawn to it is still read from the text)
  // (only where drawn into a pair: "the api call arriving" or "the db node" describe, they draw nothing)
  const drawn = (w: string) =>
    new RegExp(
      String.raw`(->|→|\bto|\binto|\bcalls?|\breach(es)?)\s+(the\s+)?${escapeRe(w)}(?![\w-])|` +
        String.raw`(?<![\w./-])${escapeRe(w)}\s*(->|→)`,
    ).test(intent.text);
  for (const [w, pod] of [...replaced].filter(([w]) => drawn(w)))
    intent.saidAs = { ...intent.saidAs, [pod]: [...(intent.saidAs?.[pod] ?? []), w] };
  const said = (r: NameRef) => (pasted.has(r.name) ? 1 : 0);
  return {
    entities: entities.filter((e) => !dropped.has(e.text)).sort((a, b) => +pasted.has(a.text) - +pasted.has(b.text)),
    refs: refs
      .filter((r) => !dropped.has(r.namespace ? `${r.namespace}/${r.name}` : r.name))
      .sort((a, b) => said(a) - said(b)),
  };
}

/**
 * "public IP kubernetes-a4e8f2a619c3d4b7ea5f01d2c3b4a5e6": AKS names a LoadBalancer Service's frontend (and its public
 * IP, after the load balancer) "a" and the Service's UID without dashes, cut to 32 characters: the name stands for
 * that Service
 * (https://learn.microsoft.com/azure/aks/load-balancer-standard)
 */
function frontendResourceNames(k: Known, intent: Intent): void {
  for (const ref of intent.refs) {
    const uid = /^(?:kubernetes(?:-internal)?-)?(a[0-9a-f]{31})$/.exec(ref.name)?.[1];
    const svc = uid && k.services.find((x) => `a${(x.metadata.uid ?? '').replace(/-/g, '')}`.slice(0, 32) === uid);
    if (!svc) continue;
    const name = svc.metadata.name;
    intent.notes = [...(intent.notes ?? []), `"${ref.name}" taken as Service ${svc.metadata.namespace}/${name}`];
    intent.text = intent.text.replace(ref.name, name);
    intent.names = intent.names.map((n) => (n === ref.name ? name : n));
    ref.name = name;
    ref.namespace = svc.metadata.namespace;
    // (the Service itself, never a workload of the same name: its frontend is the way in asked about)
    intent.typed = [...intent.typed.filter((t) => t.name !== name), { name, type: 'service' }];
  }
}

/**
 * "… upstream connect error or disconnect/reset before headers" pasted before the question: a slash pair said only
 * outside the sentence that asks, whose first word is no namespace, is two words, not ns/name.
 */
function contextSlash(k: Known, intent: Intent): void {
  const pairs = intent.refs.filter((r) => r.namespace && !k.namespaces.has(r.namespace));
  // (never "payments-db in namespace ledger" in the sentence that asks: a namespace said, missing or not)
  const inNamespace = (r: NameRef) =>
    new RegExp(
      String.raw`${escapeRe(r.name)}\s+in\s+(?:the\s+)?(?:namespace|project|ns)\s+${escapeRe(r.namespace!)}\b`,
    ).test(intent.asking ?? '');
  const context = pairs.filter(
    (r) => intent.asking && !inNamespace(r) && !intent.asking.includes(`${r.namespace}/${r.name}`),
  );
  if (!context.length) return;
  const gone = new Set(context.map((r) => r.name));
  intent.refs = intent.refs.filter((r) => !context.includes(r));
  intent.marked = intent.marked.filter((m) => !gone.has(m) || /[.\d-]/.test(m));
  if (context.some((r) => r.namespace === intent.namespace))
    intent.namespace = intent.refs.find((r) => r.namespace)?.namespace;
}

/** What the port name said stands for on each party that declares it: the family's target picks one (roles.ts). */
function namedPortsOf(k: Known, intent: Intent): void {
  const name = intent.portName;
  if (!name) return;
  const ix = podIndex(k);
  const podOf = (full: string) => {
    const [ns, pod] = full.split('/');
    return (ix.byName.get(pod) ?? []).filter((p) => p.metadata.namespace === ns);
  };
  const out: Record<string, number> = {};
  for (const e of intent.entities ?? []) {
    if (!['pod', 'workload', 'service', 'pod-ip'].includes(e.kind)) continue;
    const service = e.kind === 'service' ? k.services.find((s) => fullName(s) === e.matched) : undefined;
    const n = portByName(name, { service, pods: (e.pods ?? []).flatMap(podOf) }, k.services);
    if (n !== undefined) out[e.text] = n;
  }
  if (Object.keys(out).length) intent.namedPorts = out;
}

/** "the nginx controllers": a word said with the next part of its workload's pod names (plural or not) names that
 * workload as written, as "ingress-nginx-controller" would (a Deployment's pods carry its name:
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/) */
function twoPartsSaid(text: string, e: Entity): boolean {
  const m = new RegExp(String.raw`(?<![\w./-])${escapeRe(e.text)} ([a-z][a-z0-9]+?)s?\b`).exec(text);
  return !!m && m[1] !== e.text && (e.pods ?? []).some((p) => p.split('/').pop()!.split('-').includes(m[1]));
}

/**
 * "the SQL API": two words said apart, neither naming anything itself, whose joined form is exactly one running
 * workload's name (sqlapi, order-service) are that workload, not two words.
 */
function joinedWords(k: Known, intent: Intent): void {
  const ix = podIndex(k);
  // each pair of neighbours (a lookahead: "the sql api" holds "the sql" and "sql api")
  for (const m of intent.text.matchAll(/(?<![\w./-])(?=([a-z][a-z0-9]{1,20}) ([a-z][a-z0-9]{1,20})(?![\w/-]|\.\w))/g)) {
    const [a, b] = [m[1], m[2]];
    const name = [`${a}${b}`, `${a}-${b}`].find((n) => ix.byWorkload.has(n));
    // never when a word names something itself ("ingress nginx": ingress is a part of ingress-nginx-controller)
    if (!name || intent.refs.some((r) => r.name === name) || [a, b].some((w) => match(k, { name: w }))) continue;
    intent.refs = intent.refs.filter((r) => r.namespace || (r.name !== a && r.name !== b));
    intent.refs.push({ name });
    intent.names = [...intent.names.filter((n) => n !== a && n !== b), name];
    intent.marked.push(name);
  }
}

/** "the api-to-db hop", "is web-to-api allowed?": two of ours joined by "-to-" into one word are a pair, in the order
 * written (never a name of its own: a policy or an NSG rule is named so, "allow-ns-y-to-a", "deny-5432-to-db") */
function joinedPair(k: Known, intent: Intent): void {
  for (const ref of intent.refs.filter((r) => !r.namespace)) {
    const m = /^([a-z0-9][a-z0-9-]*?)-to-([a-z0-9][a-z0-9-]*)$/.exec(ref.name);
    if (!m || match(k, ref) || !match(k, { name: m[1] }) || !match(k, { name: m[2] })) continue;
    const at = intent.refs.indexOf(ref);
    intent.refs.splice(at, 1, { name: m[1] }, { name: m[2] });
    intent.names = intent.names.flatMap((n) => (n === ref.name ? [m[1], m[2]] : [n]));
    intent.text = intent.text.replace(ref.name, `${m[1]} to ${m[2]}`);
  }
}

/** "the whole project1 namespace", "what IP does the shop pod leave from", "anything in project1", "the project1 pods":
 * a namespace of ours said as a pod, with the word namespace or pods after it or after "in", nothing else named,
 * stands for the namespace's pods (never a pod of its name). */
function namespaceAsScope(intent: Intent, entities: Entity[], refs: NameRef[]): void {
  if (entities.some((e) => e.kind !== 'namespace')) return;
  const spaces = entities.filter((e) => !e.text.includes('/'));
  if (spaces.length !== 1 || (intent.namespace && intent.namespace !== spaces[0].matched)) return;
  const name = spaces[0].matched;
  const asPod = intent.typed.some((t) => t.name === name && t.type === 'pod');
  const said = new RegExp(
    // ("traffic coming out of your project1 pods": the pods said by their namespace, no workload of that name)
    String.raw`\b(?:in|inside|within) ${escapeRe(name)}\b|\b${escapeRe(name)} (?:namespace|project|pods|workloads)\b`,
  );
  if (!asPod && !said.test(intent.text)) return;
  intent.namespace = name;
  for (let i = refs.length - 1; i >= 0; i--) if (refs[i].name === name && !refs[i].namespace) refs.splice(i, 1);
}

const POD_SHAPED = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[a-z0-9]{1,10}-[a-z0-9]{5}$/;

/** A workload matched by a part of its name only ("proxy" → kube-proxy). */
const loose = (ix: PodIndex, e: Entity): boolean =>
  e.kind === 'workload' && !ix.byWorkload.has(e.text.split('/').pop()!);

/**
 * Match the question's names against the inventory: fills `entities`, gives names their namespaces, fixes
 * name typos, and drops words that match nothing and were not written as names.
 */
/** "x/q" where namespace x has no q: a name written in a namespace of ours that matches nothing there (or said as
 * a pod: "the redis pod") */
function missingParties(k: Known, intent: Intent, entities: Entity[], refs: NameRef[]): void {
  const written = (r: NameRef) => `${r.namespace}/${r.name}`;
  const missing = refs
    .filter((r) => r.namespace && k.namespaces.has(r.namespace) && !entities.some((e) => e.text === written(r)))
    .map(written);
  // "how does sqlapi reach the redis pod": a name said as a pod's that matches nothing is a missing party too
  const typedPods = intent.typed.filter((t) => t.type === 'pod' && !entities.some((e) => e.text === t.name));
  missing.push(...typedPods.filter((t) => refs.some((r) => r.name === t.name && !r.namespace)).map((t) => t.name));
  // ("how does sqlapi reach redis-1-abcde?": and so is a name written as a Deployment's pod is, its ReplicaSet's hash
  // and five characters after it https://kubernetes.io/docs/concepts/workloads/controllers/deployment/)
  const podShaped = refs.filter(
    (r) => !r.namespace && POD_SHAPED.test(r.name) && !entities.some((e) => e.text === r.name),
  );
  missing.push(...podShaped.map((r) => r.name).filter((n) => !missing.includes(n)));
  if (missing.length) intent.missing = missing;
}

/** "the tank-telemetry api", "our fish-auction web pods": a name that matches nothing, said right before a name of
 * ours, says which place or project it serves, never a party of its own; and so do made-up words after "the" a noun
 * or two before it ("the sauna queue api", "the hive-scale ingest (api)"). */
function describesOurs(intent: Intent, entities: Entity[], refs: NameRef[]): void {
  // (and a workload's generic noun said as a name, "api", which the family takes as the one workload it is part of)
  const generic = refs.filter((r) => GENERIC_NOUN.test(r.name)).map((r) => r.name);
  const ours = [...entities.filter((e) => WORKLOADS_OR_PODS.includes(e.kind)).map((e) => e.text), ...generic];
  const unknown = (w: string) => !entities.some((e) => e.text === w) && !intent.typed.some((t) => t.name === w);
  const before = (name: string) => ours.some((o) => describes(intent.text, name, o, unknown));
  // (a compound word only right before: "the SQL server" may still say sqlapi, a later rule reads it)
  const gone = refs.filter((r) => !r.namespace && unknown(r.name));
  for (const r of gone.filter((x) => before(x.name))) refs.splice(refs.indexOf(r), 1);
}
// (a determiner, then the words, then ours, bare or in brackets: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/)
const DESCRIBES_AFTER = String.raw`\b(?:the|our|their|a|an|my|your)\s+`;
function describes(text: string, name: string, o: string, unknown: (w: string) => boolean): boolean {
  const [n, ours] = [escapeRe(name), escapeRe(o)];
  if (name.includes('-') && new RegExp(String.raw`(?<![\w./-])${n}\s+${ours}(?![\w./-])`).test(text)) return true;
  const m = new RegExp(
    String.raw`${DESCRIBES_AFTER}${n}((?:\s+[a-z][a-z-]*){0,2})\s+(?:\(\s*)?${ours}(?![\w./-])`,
  ).exec(text);
  const between = m?.[1].trim().split(/\s+/).filter(Boolean) ?? [];
  return !!m && !isStopWord(name) && between.every((w) => !isStopWord(w) && unknown(w) && !KIND_AFTER_WORD.test(w));
}
const GENERIC_NOUN = /^(api|app|web|backend|frontend|ui|worker|ingest|gateway)$/;
const KIND_AFTER_WORD = /^(pods?|services?|svc|deployments?|namespace|ns|node|nodes)$/;
const WORKLOADS_OR_PODS = ['workload', 'pod', 'service'];

/** "the carrier API", "the speech-scoring API", "their weather API": the generic noun said after words that describe
 * it (none of them a name of ours), never as a name on its own, is somebody's API, not our workload called api. */
function modifiedOutside(k: Known, intent: Intent, entities: Entity[], refs: NameRef[]): void {
  if (!entities.some((e) => e.text === 'api' && e.kind === 'workload')) return;
  const text = intent.text;
  const said = [...text.matchAll(/(?<![\w./-])api\b(?![./-]\w)/g)].map((m) => m.index);
  // (only nouns describe it: never a verb, a preposition or an owner, "the NSG lets api", "the system's api")
  const ours = (w: string) =>
    FUNCTION_WORDS.test(w) ||
    PLAIN_ADJECTIVES.test(w) ||
    NOT_NOUNS.test(w) ||
    k.namespaces.has(w) ||
    entities.some((e) => e.text === w || e.text.endsWith(`/${w}`));
  const described = (i: number) => {
    const m = /\b(?:the|a|an|their|our)\s+((?:[a-z][\w-]*\s+){1,2})$/.exec(text.slice(0, i));
    if (!m || m[1].trim().split(/\s+/).some(ours) || KIND_AFTER.test(text.slice(i + 3))) return false;
    if (onOurPort(k, entities, text.slice(i + 3))) return false;
    // (only one called: "egress ip of the tank-telemetry api" asks of ours, however it is described)
    return FAR_BEFORE.test(text.slice(0, m.index)) || FAR_AFTER.test(text.slice(i + 3));
  };
  // ("… the speech-scoring API on the internet. what IP does that API see us as?": then pointed back to)
  const pointedBack = (i: number) => /\b(?:that|this|the same)\s+$/.test(text.slice(0, i));
  if (!said.some(described) || !said.every((i) => described(i) || pointedBack(i))) return;
  for (let i = entities.length - 1; i >= 0; i--)
    if (entities[i].text === 'api' && entities[i].kind === 'workload') entities.splice(i, 1);
  for (let i = refs.length - 1; i >= 0; i--) if (refs[i].name === 'api' && !refs[i].namespace) refs.splice(i, 1);
}

/** "calls the metadata api on 8080": the API said with a port our api's pods declare is ours, however it is described
 * (a container's declared ports https://kubernetes.io/docs/concepts/services-networking/connect-applications-service/) */
function onOurPort(k: Known, entities: Entity[], after: string): boolean {
  const port = /^\s*(?:on |at |port |:)?(?:port |tcp\/?)?(\d{1,5})\b/.exec(after)?.[1];
  const api = entities.find((e) => e.text === 'api' && e.kind === 'workload');
  if (!port || !api) return false;
  const pods = k.pods.filter((p) => api.pods?.includes(`${p.metadata.namespace}/${p.metadata.name}`));
  return pods.some((p) => declaredPorts(p).includes(+port));
}

const PLAIN_ADJECTIVES = new RegExp(
  String.raw`^(own|same|main|internal|actual|old|new|current|whole|kubernetes|k8s|aro|aks|cluster|pods?|app|` +
    String.raw`application|service|backend|frontend|rest|http|grpc|web|node|hop|list|path|our|shop|system|` +
    // ("for the short name api": the word said as a name, ours)
    String.raw`platform|team|name)$`,
);
const NOT_NOUNS = new RegExp(
  String.raw`['’]s$|^(towards?|into|via|at|by|through|than|let|lets|allows?|calls?|reach(es)?|hits?|sees?|` +
    String.raw`leaves?|talks?|says?|uses?|means?|like)$|^[a-z]+(?<!s)s$|^[a-z]+ing$`,
);
/** "calls the carrier API", "to the weather API": the API said as the far end of a call */
const FAR_BEFORE = new RegExp(
  String.raw`\b(to|into|towards?|calls?|calling|called|reach(es|ing)?|hits?|hitting|quer(y|ies|ying)|uses?|using|` +
    String.raw`via|through|against)\s+$`,
);
/** "the speech-scoring API on the internet": the API said as somewhere outside */
const FAR_AFTER = /^\s+((out )?(on|over|across) the (public )?internet|out there|outside|externally)\b/;
const KIND_AFTER = /^\s*(?:\(|->|→|<-|←|:\d|pods?\b|service\b|svc\b|deployment\b|replicas?\b|workload\b|server\b)/;

/** Generic nouns a writer puts before the name of the thing they describe ("channel manager API (siteminder)") */
const DESCRIBED =
  /\b([a-z][\w-]*) (api|service|app|server|backend|gateway|portal|system|platform|provider) \(([a-z][\w.-]*)\)/g;
const FUNCTION_WORDS = /^(the|a|an|our|their|my|your|its|can|does|do|is|are|from|to|and|or|when|of|in|on|for|with)$/;

/**
 * "channel manager API (siteminder) sees …": a noun phrase with its own name in brackets after it; where that name is
 * none of ours, the generic noun before the brackets describes that outside thing and is no workload of ours
 * (while "claims service (sqlapi)" names ours: the name in brackets matches and the noun stays a description).
 */
function describedOutside(k: Known, intent: Intent, entities: Entity[], refs: NameRef[]): void {
  for (const m of intent.text.matchAll(DESCRIBED)) {
    const [, before, noun, name] = m;
    if (FUNCTION_WORDS.test(before) || entities.some((e) => e.text === before)) continue;
    if (entities.some((e) => e.text === name || e.text.endsWith(`/${name}`)) || k.namespaces.has(name)) continue;
    const at = entities.findIndex((e) => e.text === noun && e.kind === 'workload');
    if (at < 0) continue;
    entities.splice(at, 1);
    const r = refs.findIndex((x) => x.name === noun && !x.namespace);
    if (r >= 0) refs.splice(r, 1);
  }
}

/**
 * "the postgres:16.4 pod", "the pods running contoso.azurecr.io/shop/api:1.9.0", "the mssql/server:2019-latest one": an
 * image names the pods that run it (its registry may be left out); the text is read again with the name of their
 * workload in its place (the pod's own name when it is the only one). Undefined when no image said is run by the pods
 * of exactly one workload.
 */
function imagesNamed(k: Known, images: Intent['images']): string | undefined {
  if (!images) return undefined;
  let changed = false;
  const named = images.said.replace(IMAGE_SAID, (written: string) => {
    const said = written.toLowerCase();
    const runs = (image: string) => image === said || image.endsWith(`/${said}`) || image.startsWith(`${said}@`);
    const pods = k.pods.filter((p) => (p.spec?.containers ?? []).some((c) => !!c.image && runs(c.image)));
    const workloads = [...new Set(pods.map(workloadOf))];
    if (workloads.length !== 1) return written;
    changed = true;
    return pods.length === 1 ? pods[0].metadata.name : workloads[0];
  });
  return changed ? named : undefined;
}

/**
 * "a team in namespace ingress-nginx wants its controller pods to call db-0": the namespace said of the people is where
 * their own pods are; a name said without one that has no pod there but pods in one other namespace is that one's.
 */
function peoplesNamespace(k: Known, intent: Intent): void {
  const ns = intent.namespace;
  const people = /^(team|teams|folks|people|squad|devs|developers|group)$/;
  if (!ns || !intent.refs.some((r) => r.namespace === ns && people.test(r.name))) return;
  for (const ref of intent.refs.filter((r) => !r.namespace && !people.test(r.name))) {
    const where = new Set(
      k.pods.filter((p) => p.metadata.name === ref.name || workloadOf(p) === ref.name).map((p) => p.metadata.namespace),
    );
    const [only] = where;
    if (where.size === 1 && only && only !== ns) ref.namespace = only;
  }
}

/** "the shop-web helm release", "helm release shop-api": a release is named for what it installs, and charts label
 * their pods with it (app.kubernetes.io/instance); a release named <namespace>-<workload> of ours is that workload
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/ */
function helmReleases(k: Known, intent: Intent): void {
  if (!/\brelease\b/.test(intent.text)) return;
  let said = false;
  for (const ref of intent.refs.filter((r) => !r.namespace && r.name.includes('-'))) {
    if (k.pods.some((p) => p.metadata.name === ref.name || workloadOf(p) === ref.name)) continue;
    const labelled = k.pods.filter((p) => {
      const labels = p.metadata.labels ?? {};
      return labels['app.kubernetes.io/instance'] === ref.name || labels.release === ref.name;
    });
    const split = k.pods.filter((p) => `${p.metadata.namespace}-${workloadOf(p)}` === ref.name);
    const pods = labelled.length ? labelled : split;
    const workloads = new Set(pods.map((p) => `${p.metadata.namespace}/${workloadOf(p)}`));
    if (workloads.size !== 1) continue;
    const [ns, name] = [...workloads][0].split('/');
    intent.names = intent.names.map((n) => (n === ref.name ? name : n));
    intent.marked = intent.marked.map((n) => (n === ref.name ? name : n));
    [ref.name, ref.namespace] = [name, ns];
    said = true;
  }
  // (the word itself names nothing then: "can the shop-web release talk to …")
  if (said) intent.refs = intent.refs.filter((r) => r.namespace || r.name !== 'release');
}

/** The intent read again with the images said as the names of the pods that run them (what the conversation
 * remembered stays). */
function readImagesAgain(k: Known, intent: Intent): void {
  const text = imagesNamed(k, intent.images);
  if (!text) return;
  const { defaultNamespace, kind } = intent;
  for (const key of Object.keys(intent)) delete (intent as unknown as Record<string, unknown>)[key];
  Object.assign(intent, parse(text), defaultNamespace === undefined ? {} : { defaultNamespace });
  // (a family given by a button or by the question before, "and the postgres:16.4 pod?", stays)
  if (intent.kind === 'unknown') intent.kind = kind;
}

/** Each name said, matched against the inventory: the entities found, the names kept, the longer ones dropped. */
function matchRefs(k: Known, intent: Intent, cluster?: string) {
  const entities: Entity[] = [];
  const refs: NameRef[] = [];
  const dropped: string[] = [];
  for (const ref of refine(k, intent)) {
    if (namesAnAddress(k, intent.text, ref.name)) continue;
    // a misspelt name is not guessed: the family answers "not found, did you mean …" with buttons
    const e = match(k, ref, intent.typed.find((t) => t.name === ref.name)?.type);
    // "the cluster DNS service IP on aro2?": the cluster's own name says where, never a party
    if (!e && !ref.namespace && ref.name === cluster) continue;
    if (e) entities.push(e);
    // a URL's host the inventory does not know is a destination outside ("calls https://api.stripe.com/…"), not a
    // name; only an inbound or DNS question is about such a host
    const external = !e && !['inbound', 'dns'].includes(intent.kind) && intent.urlHosts?.includes(ref.name);
    const keep = !external && (e || intent.marked.includes(ref.name) || Object.hasOwn(DATABASE_WORDS, ref.name));
    if (keep) refs.push(ref);
    else if (ref.name.length >= 4) dropped.push(ref.name);
  }
  return { entities, refs, dropped };
}

/** The name of the cluster the inventory reads (none when it cannot tell). */
async function clusterName(inv: Inventory): Promise<string | undefined> {
  const info = await inv.cluster().catch(() => undefined);
  return info?.name?.toLowerCase();
}

export async function findEntities(intent: Intent, inv: Inventory): Promise<void> {
  const k = await known(inv);
  readImagesAgain(k, intent);
  // "… with the egressip in place", "whats in XFF": a trailing "in X" that is no namespace nor close to one is English
  const ns = intent.namespace;
  if (ns && intent.namespaceAtEnd && !k.namespaces.has(ns) && !closest(ns, [...k.namespaces]).length)
    intent.namespace = undefined;
  contextSlash(k, intent);
  helmReleases(k, intent);
  peoplesNamespace(k, intent);
  frontendResourceNames(k, intent);
  joinedWords(k, intent);
  joinedPair(k, intent);
  const { entities, refs, dropped } = matchRefs(k, intent, await clusterName(inv));
  describedOutside(k, intent, entities, refs);
  modifiedOutside(k, intent, entities, refs);
  describesOurs(intent, entities, refs);
  missingParties(k, intent, entities, refs);
  const workloads = podIndex(k).workloads;
  intent.near = [...new Set(dropped.flatMap((d) => closest(d, workloads, 2)))];
  misspelt(k, intent, entities, refs, dropped);
  listeningPod(k, intent, entities, refs);
  guardedByNsg(k, intent, entities, refs);
  databaseWord(k, intent, entities, refs);
  frontendWord(k, intent, entities, refs);
  describedInBrackets(intent, entities, refs);
  // (again, with the words taken as ours above: "the sauna queue api" once api is taken as sqlapi)
  describesOurs(intent, entities, refs);
  namespaceAsScope(intent, entities, refs);
  const kept = explicitFirst(k, intent, entities, refs);
  intent.entities = [...kept.entities, ...podIps(k, intent), ...nodesByAddress(k, intent)];
  intent.entities.push(...nodeByOrdinal(k, intent, intent.entities));
  const clusterIps = intent.ips.filter((ip) => k.services.some((svc) => svc.spec?.clusterIP === ip));
  if (clusterIps.length) intent.clusterIps = clusterIps;
  addressesOfOurs(k, intent);
  intent.refs = kept.refs;
  namedPortsOf(k, intent);
  const names = new Set(intent.refs.map((r) => r.name));
  intent.names = [...names];
  await policiesNamed(inv, intent, names);
  intent.typed = intent.typed.filter((t) => names.has(t.name));
  if (intent.from && !names.has(intent.from)) intent.from = undefined;
}

/** "explain api-deny-all to me": a name no pod, Service or namespace has that a NetworkPolicy of the inventory has
 * is that policy https://kubernetes.io/docs/concepts/services-networking/network-policies/ */
async function policiesNamed(inv: Inventory, intent: Intent, names: Set<string>): Promise<void> {
  const free = [...names].filter((n) => n.includes('-') && !(intent.entities ?? []).some((e) => e.text === n));
  if (!free.length) return;
  const policies = await listOrNone(inv, 'NetworkPolicy');
  const named = free.filter((n) => policies.some((p) => p.metadata.name.toLowerCase() === n));
  if (named.length) intent.policiesNamed = named;
}
