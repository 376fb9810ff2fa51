// The pipeline every front end shares: text → intent → subjects → path result.
// Each intent of the registry has exactly one handler here (type-checked).
import type { Inventory } from './inventory/inventory';
import type { Ingress, Pod, Route, Service } from './inventory/k8s-types';
import { INTENTS, type IntentKind } from './nlu/intents';
import { closest } from './nlu/names';
import { parse, type Intent } from './nlu/parse';
import { resolvePod } from './nlu/resolve';
import { resolveServiceName, isHeadless } from './path/dns';
import { eastWestPath } from './path/east-west';
import { egressPath } from './path/egress';
import { endpointsOf, pickServicePort } from './path/endpoints';
import { inboundPath } from './path/inbound';
import { podIp } from './path/kube';
import { loadBalancers } from './path/load-balancers';
import { podFacts } from './path/pod-facts';
import { result, type PathResult } from './path/result';
import { Trace } from './path/trace';
import { whatIs } from './path/what-is';

type Handler = (intent: Intent, inv: Inventory) => Promise<PathResult>;

const HANDLERS: Record<IntentKind, Handler> = {
  help: async () => help(),
  egress: async (intent, inv) => {
    const s = await findPod(intent, inv, 'egress');
    return 'status' in s ? s : withNote(await egressPath(inv, { pod: s.pod, destination: intent.destination }), s.note);
  },
  pod: async (intent, inv) => {
    const s = await findPod(intent, inv, 'pod');
    return 'status' in s ? s : withNote(await podFacts(inv, s.pod), s.note);
  },
  'what-is': async (intent, inv) => (intent.ips[0] ? whatIs(inv, intent.ips[0]) : result('what-is', 'not-understood', 'Which address? For example: "what is 10.129.2.7?"')),
  'load-balancers': async (intent, inv) => loadBalancers(inv, intent.names.find((n) => /lb|balancer|kubernetes|-/.test(n) || intent.names.length === 1)),
  'east-west': async (intent, inv) => pairHandler(intent, inv, 'east-west'),
  policy: async (intent, inv) => pairHandler(intent, inv, 'policy'),
  inbound: async (intent, inv) => inboundHandler(intent, inv),
  dns: async (intent, inv) => dnsHandler(intent, inv),
};

const withNote = (r: PathResult, note?: string) => {
  if (note) r.warnings.unshift(note);
  return r;
};

export function help(): PathResult {
  const lines = INTENTS.filter((i) => i.kind !== 'help').map((i) => `• ${i.title} — e.g. "${i.examples[0]}" (or \`${i.command}\`)`);
  return result('help', 'answered', `I explain the network path of your cluster's workloads. Ask me:\n${lines.join('\n')}`, {
    title: 'packet-path: what I can answer',
    followUps: INTENTS.filter((i) => i.kind !== 'help').slice(0, 5).map((i) => ({ title: i.examples[0], question: i.examples[0] })),
  });
}

interface Found<T> {
  pod: T;
  note?: string;
}

async function namespaceProblem(intent: Intent, inv: Inventory, kind: string, pods: Pod[]): Promise<PathResult | undefined> {
  if (!intent.namespace) return undefined;
  const namespaces = (await new Trace().try('namespaces', () => inv.list('Namespace'))) ?? [];
  const known = new Set([...namespaces.map((n) => n.metadata.name), ...pods.map((p) => p.metadata.namespace ?? '')]);
  if (known.has(intent.namespace)) return undefined;
  const near = closest(intent.namespace, [...known]);
  return result(kind, 'not-found', `There is no namespace "${intent.namespace}".${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`, { suggestions: near });
}

async function findPod(intent: Intent, inv: Inventory, kind: string, names?: string[], exclude?: Pod): Promise<Found<Pod> | PathResult> {
  const trace = new Trace();
  const pods = (await trace.try('pods', () => inv.list('Pod'))) ?? [];
  if (trace.errors.length) return result(kind, 'not-found', 'I could not list pods, so I cannot find the pod you mean.', { errors: trace.errors });
  const nsProblem = await namespaceProblem(intent, inv, kind, pods);
  if (nsProblem) return nsProblem;
  const typed = intent.typed.filter((t) => ['pod', 'deployment', 'deploymentconfig'].includes(t.type)).map((t) => t.name);
  const candidates = names ?? [...new Set([...typed, ...intent.names])];
  if (candidates.length === 0) {
    return result(kind, 'not-understood', `Which pod? Name it, for example: "${INTENTS.find((i) => i.kind === kind)?.examples[0]}".`);
  }
  const misses: { name: string; suggestions: string[] }[] = [];
  for (const name of candidates) {
    // the namespace remembered from the conversation is tried first, then all namespaces
    const remembered = !intent.namespace && intent.defaultNamespace ? resolvePod(pods, name, intent.defaultNamespace) : undefined;
    const r = remembered && 'found' in remembered ? remembered : resolvePod(pods, name, intent.namespace);
    if ('found' in r) {
      if (exclude && r.found.metadata.uid === exclude.metadata.uid) continue;
      return { pod: r.found, note: r.note };
    }
    if ('ambiguous' in r) {
      const choices = r.ambiguous.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
      const rewrite = (choice: string) => intent.text.replace(new RegExp(`(^|[\\s/])${escapeRe(name)}(?=$|[\\s:?!.,])`), `$1${choice}`).replace(/\s(-n|--namespace)\s+\S+/, '');
      return result(kind, 'ambiguous', `"${name}" matches several pods: ${choices.join(', ')}. Which one?`, {
        suggestions: choices,
        followUps: choices.map((c) => ({ title: c, question: rewrite(c) })),
      });
    }
    misses.push({ name: r.missing, suggestions: r.suggestions });
  }
  const suggestions = [...new Set(misses.flatMap((m) => m.suggestions))];
  const where = intent.namespace ? ` in namespace ${intent.namespace}` : '';
  const asked = typed[0] ?? misses.find((m) => m.suggestions.length)?.name ?? misses[0]?.name ?? candidates[0];
  return result(kind, 'not-found', `I found no pod "${asked}"${where}.${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}`, { suggestions });
}

/** East-west and policy: the client pod (after "from", else first) and the destination (Service name, FQDN, pod or IP). */
async function pairHandler(intent: Intent, inv: Inventory, kind: 'east-west' | 'policy'): Promise<PathResult> {
  const clientName = intent.from ?? intent.names[0];
  if (!clientName) return result(kind, 'not-understood', `Between which pods? For example: "${INTENTS.find((i) => i.kind === kind)!.examples[0]}".`);
  const client = await findPod(intent, inv, kind, [clientName]);
  if ('status' in client) return client;
  const clientNs = client.pod.metadata.namespace ?? 'default';
  const others = intent.names.filter((n) => n !== clientName);
  const ip = intent.ips[0];
  if (!others.length && !ip) return result(kind, 'not-understood', `From ${client.pod.metadata.name} to what? Name a Service, pod, FQDN or IP.`);
  const services = (await inv.list('Service').catch(() => [] as Service[])) ?? [];
  for (const name of others) {
    // a Service name as DNS sees it from the client's namespace (svc, svc.ns, FQDN)
    const dns = resolveServiceName(name, clientNs, services);
    if (!('error' in dns)) return withNote(await eastWestPath(inv, { from: client.pod, to: { name }, port: intent.port, intent: kind }), client.note);
    if (name.includes('.') && /svc|cluster\.local/.test(name)) {
      return result(kind, 'not-found', `${client.pod.metadata.name} cannot resolve ${name}: ${dns.error}.`, { suggestions: dns.suggestion ? [dns.suggestion] : [] });
    }
    if ('suggestion' in dns && dns.suggestion) {
      // a short name of another namespace: DNS would fail; say so rather than guess
      return withNote(await eastWestPath(inv, { from: client.pod, to: { name }, port: intent.port, intent: kind }), client.note);
    }
  }
  if (ip) return withNote(await eastWestPath(inv, { from: client.pod, to: { ip }, port: intent.port, intent: kind }), client.note);
  const target = await findPod({ ...intent, namespace: intent.namespace }, inv, kind, others, client.pod);
  if ('status' in target) return target;
  return withNote(await eastWestPath(inv, { from: client.pod, to: { pod: target.pod }, port: intent.port, intent: kind }), [client.note, target.note].filter(Boolean).join('; ') || undefined);
}

async function inboundHandler(intent: Intent, inv: Inventory): Promise<PathResult> {
  const [routes, ingresses, services] = await Promise.all([
    inv.list('Route').catch(() => [] as Route[]),
    inv.list('Ingress').catch(() => [] as Ingress[]),
    inv.list('Service').catch(() => [] as Service[]),
  ]);
  const inNs = <T extends { metadata: { namespace?: string } }>(xs: T[]) => (intent.namespace ? xs.filter((x) => x.metadata.namespace === intent.namespace) : xs);
  const typedAs = (type: string) => intent.typed.filter((t) => t.type === type).map((t) => t.name);
  const base = { clientIp: intent.clientIp };
  for (const name of intent.names) {
    const isHost = name.includes('.') && !typedAs('service').includes(name);
    if (isHost || typedAs('host').includes(name)) {
      const route = inNs(routes).find((r) => r.spec?.host === name);
      if (route) return inboundPath(inv, { ...base, route, host: name });
      const ing = inNs(ingresses).find((i) => (i.spec?.rules ?? []).some((r) => r.host === name));
      if (ing) return inboundPath(inv, { ...base, ingress: ing, host: name });
      const svcDns = /\.svc(\.|$)/.test(name) ? undefined : name;
      if (svcDns) {
        const hosts = [...routes.map((r) => r.spec?.host ?? ''), ...ingresses.flatMap((i) => (i.spec?.rules ?? []).map((r) => r.host ?? ''))].filter(Boolean);
        const near = closest(name, hosts);
        return result('inbound', 'not-found', `No route or ingress serves host ${name}.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`, { suggestions: near });
      }
    }
    const wants = (type: string) => !intent.typed.some((t) => t.name === name) || typedAs(type).includes(name);
    const route = wants('route') && inNs(routes).find((r) => r.metadata.name === name);
    if (route) return inboundPath(inv, { ...base, route });
    const ing = wants('ingress') && inNs(ingresses).find((i) => i.metadata.name === name);
    if (ing) return inboundPath(inv, { ...base, ingress: ing });
    const svc = wants('service') && (inNs(services).find((s) => s.metadata.name === name && s.spec?.type === 'LoadBalancer') ?? inNs(services).find((s) => s.metadata.name === name));
    if (svc) return inboundPath(inv, { ...base, service: svc });
  }
  if (!intent.names.length) return result('inbound', 'not-understood', `Reach what? Name a route, host, ingress or Service, e.g. "${INTENTS.find((i) => i.kind === 'inbound')!.examples[0]}".`);
  const all = [...routes.map((r) => r.metadata.name), ...ingresses.map((i) => i.metadata.name), ...services.map((s) => s.metadata.name)];
  const near = [...new Set(intent.names.flatMap((n) => closest(n, all)))];
  return result('inbound', 'not-found', `I found no route, ingress or Service named ${intent.names.map((n) => `"${n}"`).join(' or ')}${intent.namespace ? ` in ${intent.namespace}` : ''}.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`, { suggestions: near });
}

async function dnsHandler(intent: Intent, inv: Inventory): Promise<PathResult> {
  const [services, pods, slices, legacy] = await Promise.all([inv.list('Service'), inv.list('Pod'), inv.list('EndpointSlice'), inv.list('Endpoints')]);
  const fromPod = intent.from ? (await findPod(intent, inv, 'dns', [intent.from])) : undefined;
  if (fromPod && 'status' in fromPod) return fromPod;
  const name = intent.names.find((n) => n !== intent.from);
  if (!name) return result('dns', 'not-understood', 'Resolve which name? For example: "what does server.project1.svc.cluster.local resolve to?"');
  const fromNs = fromPod?.pod.metadata.namespace ?? intent.namespace ?? (name.split('.').length === 1 ? undefined : 'default');
  if (!fromNs) {
    const matches = services.filter((s) => s.metadata.name === name);
    return result('dns', matches.length ? 'ambiguous' : 'not-found', `"${name}" is a short name: it resolves only inside a namespace. ${matches.length ? `Ask with the namespace: ${matches.map((s) => `${s.metadata.name}.${s.metadata.namespace}`).join(', ')}` : 'No Service has that name.'}`, { suggestions: matches.map((s) => `${s.metadata.name}.${s.metadata.namespace}`) });
  }
  const d = resolveServiceName(name, fromNs, services);
  if ('error' in d) return result('dns', 'not-found', `${name} does not resolve from namespace ${fromNs}: ${d.error}.`, { suggestions: d.suggestion ? [d.suggestion] : [] });
  const eps = endpointsOf(d.service, pickServicePort(d.service), slices, legacy, pods).filter((e) => e.ready);
  const addresses = d.hostname
    ? pods.filter((p) => p.metadata.name === d.hostname && p.metadata.namespace === d.service.metadata.namespace).map((p) => podIp(p) ?? '')
    : isHeadless(d.service) ? eps.map((e) => e.ip) : [d.service.spec?.clusterIP ?? ''];
  const what = isHeadless(d.service) ? `headless Service ${d.service.metadata.name}: the ready pod IPs` : `the ClusterIP of Service ${d.service.metadata.namespace}/${d.service.metadata.name}`;
  return result('dns', 'answered', `${name} resolves${fromPod ? ` from ${fromPod.pod.metadata.name}` : name.includes('.') ? '' : ` from namespace ${fromNs}`} to ${addresses.join(', ') || 'nothing (no ready endpoints)'} (${d.fqdn}; ${what}).`, {
    title: `${name} → ${addresses.join(', ') || 'no address'}`,
    hops: [{ kind: 'dns', name: d.fqdn, ip: addresses.join(', ') || undefined, note: what }],
    verify: [fromPod ? `kubectl exec -n ${fromPod.pod.metadata.namespace} ${fromPod.pod.metadata.name} -- getent hosts ${d.fqdn}` : `kubectl get svc ${d.service.metadata.name} -n ${d.service.metadata.namespace} -o wide`],
  });
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a conversation remembers between questions (kept in bot state, per conversation). */
export interface Memory {
  intent?: IntentKind;
  namespace?: string;
}

const FOLLOW_UP = /^\s*(and|what about|how about|same for|and for|also|now)\b/i;

/** The namespace the answer was about: the first pod hop's, else the remembered one. */
const answeredNamespace = (r: PathResult): string | undefined =>
  r.hops.find((h) => h.kind === 'pod')?.name.split('/')[0] || undefined;

export async function ask(text: string, inv: Inventory, memory: Memory = {}): Promise<PathResult> {
  const intent = parse(text);
  intent.defaultNamespace = memory.namespace;
  if (intent.kind === 'unknown' && memory.intent && (intent.names.length || intent.ips.length) && (FOLLOW_UP.test(text) || intent.names.length + intent.ips.length <= 2 && text.split(/\s+/).length <= 5)) {
    intent.kind = memory.intent; // "and what about server?" repeats the last question about a new subject
  }
  if (intent.kind === 'unknown') {
    const examples = INTENTS.filter((i) => i.kind !== 'help').slice(0, 4).map((i) => `"${i.examples[0]}"`).join(', ');
    return result('unknown', 'not-understood', `I did not understand that question. Try ${examples}, or "help".`);
  }
  const r = await HANDLERS[intent.kind](intent, inv);
  r.memory = { intent: intent.kind === 'help' ? memory.intent : intent.kind, namespace: intent.namespace ?? answeredNamespace(r) ?? memory.namespace };
  return r;
}
