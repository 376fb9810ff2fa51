// Entities first: the names of a parsed question are matched against the inventory before any family runs.
// A word that matches nothing and is not written as a name ("pod X", ns/name, dotted, backticks, digits or
// dashes) is not a name: it is dropped, never looked up and never echoed back ("I found no pod "close"").
import type { Inventory } from '../inventory/inventory';
import type { HTTPRoute, Ingress, KubeKind, KubeKinds, Pod, Route, Service } from '../inventory/k8s-types';
import { fullName, isRunning, matchesSelector, podIp } from '../path/kube';
import { closest } from './names';
import type { Entity, Intent, NameRef } from './parse';
import { isDeployerPod, workloadOf } from './resolve';
import { DATABASE_WORDS } from './subjects';

/** What the inventory knows, listed once per question (a failed listing is empty here; the family reports it). */
interface Known {
  pods: Pod[];
  services: Service[];
  routes: Route[];
  ingresses: Ingress[];
  httpRoutes: HTTPRoute[];
  namespaces: Set<string>;
  nodes: Set<string>;
}

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
  const nsNames = [...namespaces.map((n) => n.metadata.name), ...pods.map((p) => p.metadata.namespace ?? '')];
  return {
    pods: pods.filter((p) => !isDeployerPod(p)),
    services,
    routes,
    ingresses,
    httpRoutes,
    namespaces: new Set(nsNames),
    nodes: new Set(nodes.map((n) => n.metadata.name)),
  };
}

const hostsOf = (k: Known): string[] => [
  ...k.routes.map((r) => r.spec?.host ?? ''),
  ...k.ingresses.flatMap((i) => (i.spec?.rules ?? []).map((r) => r.host ?? '')),
  ...k.httpRoutes.flatMap((r) => r.spec?.hostnames ?? []),
];

/** The pods a name stands for: the pod itself, or the running replicas of a workload ("web", "router"). */
function podsNamed(k: Known, name: string, ns?: string): { kind: 'pod' | 'workload'; pods: Pod[] } | undefined {
  const scope = ns ? k.pods.filter((p) => p.metadata.namespace === ns) : k.pods;
  const exact = scope.filter((p) => p.metadata.name === name);
  if (exact.length) return { kind: 'pod', pods: exact };
  const running = scope.filter(isRunning);
  const byWorkload = running.filter((p) => workloadOf(p) === name);
  if (byWorkload.length) return { kind: 'workload', pods: byWorkload };
  // a whole dash-separated part of a workload's name ("router" → router-default, "nginx"); never a
  // fragment inside a word ("sql" is not sqlapi)
  const parts = running.filter(
    (p) => workloadOf(p).split('-').includes(name) || p.metadata.name.startsWith(`${name}-`),
  );
  const workloads = new Set(parts.map((p) => `${p.metadata.namespace}/${workloadOf(p)}`));
  return workloads.size === 1 ? { kind: 'workload', pods: parts } : undefined;
}

/** A Service by name, svc.ns, svc.ns.svc or its FQDN. */
function serviceNamed(k: Known, name: string, ns?: string): Service | undefined {
  const [svc, svcNs, ...rest] = name.split('.');
  const suffixOk = rest.length === 0 || rest.join('.') === 'svc' || /^svc\.cluster\.local$/.test(rest.join('.'));
  const wantNs = svcNs ?? ns;
  if (!suffixOk) return undefined;
  return k.services.find((s) => s.metadata.name === svc && (!wantNs || s.metadata.namespace === wantNs));
}

/** What one name matches, best first. */
function match(k: Known, ref: NameRef): Entity | undefined {
  const { name, namespace: ns } = ref;
  const at = (e: Omit<Entity, 'text'>): Entity => ({ text: ns ? `${ns}/${name}` : name, ...e });
  const pods = podsNamed(k, name, ns);
  if (pods) return at({ kind: pods.kind, matched: fullName(pods.pods[0]), pods: pods.pods.map(fullName) });
  const svc = serviceNamed(k, name, ns);
  if (svc) {
    const selected = svc.spec?.selector
      ? k.pods.filter((p) => matchesSelector(p.metadata.labels, { matchLabels: svc.spec?.selector }))
      : [];
    const backing = selected.filter((p) => p.metadata.namespace === svc.metadata.namespace && isRunning(p));
    return at({ kind: 'service', matched: fullName(svc), pods: backing.length ? backing.map(fullName) : undefined });
  }
  const route = k.routes.find((r) => r.metadata.name === name && (!ns || r.metadata.namespace === ns));
  if (route) return at({ kind: 'route', matched: fullName(route) });
  const ing = k.ingresses.find((i) => i.metadata.name === name && (!ns || i.metadata.namespace === ns));
  if (ing) return at({ kind: 'ingress', matched: fullName(ing) });
  if (hostsOf(k).includes(name)) return at({ kind: 'host', matched: name });
  if (k.namespaces.has(name)) return at({ kind: 'namespace', matched: name });
  if (k.nodes.has(name)) return at({ kind: 'node', matched: name });
  return undefined;
}

/** "b.y": pod (or workload) b in namespace y, when no Service b lives in y. */
function podDotNamespace(k: Known, ref: NameRef): NameRef | undefined {
  const m = /^([a-z0-9][a-z0-9-]*)\.([a-z0-9][a-z0-9-]*)$/.exec(ref.name);
  if (!m || ref.namespace || !k.namespaces.has(m[2]) || serviceNamed(k, ref.name)) return undefined;
  return podsNamed(k, m[1], m[2]) ? { name: m[1], namespace: m[2] } : undefined;
}

/** "a in z", "b in x": a pod of a known namespace, said the English way. */
function inNamespace(k: Known, intent: Intent): NameRef[] {
  const refs: NameRef[] = [];
  const re =
    /(?:^|\s)([a-z0-9][a-z0-9-]*)(?: pod| service| deployment)? in (?:the )?([a-z0-9][a-z0-9-]*)(?=$|[\s?!.,;:])/g;
  for (const m of intent.text.matchAll(re)) {
    if (k.namespaces.has(m[2]) && podsNamed(k, m[1], m[2])) refs.push({ name: m[1], namespace: m[2] });
  }
  return refs;
}

/** Where a name first appears in the text, as a whole word, in any of its forms (refs are kept in the order said). */
export function positionOf(text: string, forms: string[]): number {
  const esc = (f: string) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = forms.map((f) => text.search(new RegExp(`(^|[\\s/"'\`(>])${esc(f)}(?=$|[\\s?!.,:;)'"])`)));
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
    return english || podDotNamespace(k, r) || r;
  });
  refs.push(...said); // English words ("a") said as "a in z" are names too
  const namespaces = new Set(refs.filter((r) => r.namespace).map((r) => r.namespace));
  if (!intent.namespace && namespaces.size === 1) intent.namespace = [...namespaces][0];
  return refs
    .map((r) => ({ r, at: positionOf(intent.text, formsOf(r)) }))
    .sort((a, b) => a.at - b.at)
    .map(({ r }) => r);
}

/** Pod IPs in the question: the pods they belong to. */
function podIps(k: Known, intent: Intent): Entity[] {
  return intent.ips.flatMap((ip) => {
    const pod = k.pods.find((p) => isRunning(p) && podIp(p) === ip && !p.spec?.hostNetwork);
    return pod ? [{ text: ip, kind: 'pod-ip' as const, matched: fullName(pod), pods: [fullName(pod)] }] : [];
  });
}

/**
 * Match the question's names against the inventory: fills `entities`, gives names their namespaces, fixes
 * name typos, and drops words that match nothing and were not written as names.
 */
export async function findEntities(intent: Intent, inv: Inventory): Promise<void> {
  const k = await known(inv);
  const entities: Entity[] = [];
  const refs: NameRef[] = [];
  const dropped: string[] = [];
  for (const ref of refine(k, intent)) {
    // a misspelt name is not guessed: the family answers "not found, did you mean …" with buttons
    const e = match(k, ref);
    if (e) entities.push(e);
    const keep = e || intent.marked.includes(ref.name) || Object.hasOwn(DATABASE_WORDS, ref.name);
    if (keep) refs.push(ref);
    else if (ref.name.length >= 4) dropped.push(ref.name);
  }
  const workloads = [...new Set(k.pods.filter(isRunning).map(workloadOf))];
  intent.near = [...new Set(dropped.flatMap((d) => closest(d, workloads, 2)))];
  intent.entities = [...entities, ...podIps(k, intent)];
  intent.refs = refs;
  const names = new Set(refs.map((r) => r.name));
  intent.names = [...names];
  intent.typed = intent.typed.filter((t) => names.has(t.name));
  if (intent.from && !names.has(intent.from)) intent.from = undefined;
}
