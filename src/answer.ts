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
import { lbIngressIps } from './path/lb';
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
    return 'status' in s
      ? s
      : withNote(
          await egressPath(inv, {
            pod: s.pod,
            destination: intent.destination,
          }),
          s.note,
        );
  },
  pod: async (intent, inv) => {
    const s = await findPod(intent, inv, 'pod');
    return 'status' in s ? s : withNote(await podFacts(inv, s.pod), s.note);
  },
  'what-is': async (intent, inv) =>
    intent.ips[0]
      ? whatIs(inv, intent.ips[0])
      : result('what-is', 'not-understood', 'Which address? For example: "what is 10.129.2.7?"'),
  'load-balancers': async (intent, inv) => {
    // a name that is a load balancer narrows the answer; a name right after "load balancer"/"lb" must be one
    const explicit = /\b(?:load ?balancers?|lbs?)\s+([a-z0-9][a-z0-9.-]*[a-z0-9])\b/.exec(intent.text)?.[1];
    return loadBalancers(inv, {
      pick: intent.names,
      explicit: explicit && intent.names.includes(explicit) ? explicit : undefined,
    });
  },
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
  const lines = INTENTS.filter((i) => i.kind !== 'help').map(
    (i) => `• ${i.title} — e.g. "${i.examples[0]}" (or \`${i.command}\`)`,
  );
  return result(
    'help',
    'answered',
    `I explain the network path of your cluster's workloads. Ask me:\n${lines.join('\n')}`,
    {
      title: 'packet-path: what I can answer',
      followUps: INTENTS.filter((i) => i.kind !== 'help')
        .slice(0, 5)
        .map((i) => ({ title: i.examples[0], question: i.examples[0] })),
    },
  );
}

interface Found<T> {
  pod: T;
  note?: string;
}

async function namespaceProblem(
  intent: Intent,
  inv: Inventory,
  kind: string,
  pods: Pod[],
): Promise<PathResult | undefined> {
  if (!intent.namespace) return undefined;
  const namespaces = (await new Trace().try('namespaces', () => inv.list('Namespace'))) ?? [];
  const known = new Set([...namespaces.map((n) => n.metadata.name), ...pods.map((p) => p.metadata.namespace ?? '')]);
  if (known.has(intent.namespace)) return undefined;
  const near = closest(intent.namespace, [...known]);
  return result(
    kind,
    'not-found',
    `There is no namespace "${intent.namespace}".${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`,
    { suggestions: near },
  );
}

async function findPod(
  intent: Intent,
  inv: Inventory,
  kind: string,
  names?: string[],
  exclude?: Pod,
): Promise<Found<Pod> | PathResult> {
  const trace = new Trace();
  const pods = (await trace.try('pods', () => inv.list('Pod'))) ?? [];
  if (trace.errors.length)
    return result(kind, 'not-found', 'I could not list pods, so I cannot find the pod you mean.', {
      errors: trace.errors,
    });
  const nsProblem = await namespaceProblem(intent, inv, kind, pods);
  if (nsProblem) return nsProblem;
  const typed = intent.typed
    .filter((t) => ['pod', 'deployment', 'deploymentconfig'].includes(t.type))
    .map((t) => t.name);
  const candidates = names ?? [...new Set([...typed, ...intent.names])];
  if (candidates.length === 0) {
    return result(
      kind,
      'not-understood',
      `Which pod? Name it, for example: "${INTENTS.find((i) => i.kind === kind)?.examples[0]}".`,
    );
  }
  const misses: { name: string; suggestions: string[] }[] = [];
  for (const name of candidates) {
    // the namespace remembered from the conversation is tried first, then all namespaces
    const remembered =
      !intent.namespace && intent.defaultNamespace ? resolvePod(pods, name, intent.defaultNamespace) : undefined;
    const r = remembered && 'found' in remembered ? remembered : resolvePod(pods, name, intent.namespace);
    if ('found' in r) {
      if (exclude && r.found.metadata.uid === exclude.metadata.uid) continue;
      return { pod: r.found, note: r.note };
    }
    if ('ambiguous' in r) {
      const choices = r.ambiguous.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
      const rewrite = (choice: string) =>
        intent.text
          .replace(new RegExp(`(^|[\\s/])${escapeRe(name)}(?=$|[\\s:?!.,])`), `$1${choice}`)
          .replace(/\s(-n|--namespace)\s+\S+/, '');
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
  return result(
    kind,
    'not-found',
    `I found no pod "${asked}"${where}.${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}`,
    { suggestions },
  );
}

/** Words for "the database" when no workload is named so: pods running a database image. */
const DATABASE_WORDS: Record<string, RegExp> = {
  database: /(postgres|mssql|mysql|mariadb|mongo|sqlserver|oracle|cockroach)/,
  db: /(postgres|mssql|mysql|mariadb|mongo|sqlserver|oracle|cockroach)/,
  sql: /(mssql|sqlserver|mysql|postgres|mariadb)/,
  sqlserver: /(mssql|sqlserver)/,
};

/** East-west and policy: the client pod ("from X", "when X connects", else the first pod named) and the destination. */
async function pairHandler(intent: Intent, inv: Inventory, kind: 'east-west' | 'policy'): Promise<PathResult> {
  const example = INTENTS.find((i) => i.kind === kind)!.examples[0];
  if (intent.names.length + intent.ips.length < 2) {
    return result(
      kind,
      'not-understood',
      `Between which two? Name the client pod and the Service, pod, FQDN or IP it talks to, for example: "${example}".`,
    );
  }
  const pods = (await inv.list('Pod').catch(() => [] as Pod[])) ?? [];
  const order = [...new Set([...(intent.from ? [intent.from] : []), ...intent.names])];
  let client: Found<Pod> | PathResult | undefined;
  let clientName = '';
  for (const name of order) {
    const r = await findPod(intent, inv, kind, [name]);
    if (!('status' in r)) {
      client = r;
      clientName = name;
      break;
    }
    if (r.status === 'ambiguous' || name === intent.from) {
      client = r;
      break;
    }
    client ??= r;
  }
  if (!client || 'status' in client)
    return client ?? result(kind, 'not-understood', `From which pod? For example: "${example}".`);
  const from = client.pod;
  const clientNs = from.metadata.namespace ?? 'default';
  const notes = [client.note];
  const services = (await inv.list('Service').catch(() => [] as Service[])) ?? [];
  const go = (to: { name?: string; pod?: Pod; ip?: string }) =>
    eastWestPath(inv, { from, to, port: intent.port, intent: kind }).then((r) =>
      withNote(r, notes.filter(Boolean).join('; ') || undefined),
    );
  const others = intent.names.filter((n) => n !== clientName);
  for (const name of others) {
    const dns = resolveServiceName(name, clientNs, services);
    if (!('error' in dns)) return go({ name });
    if (name.includes('.') && /svc|cluster\.local/.test(name)) {
      return result(kind, 'not-found', `${from.metadata.name} cannot resolve ${name}: ${dns.error}.`, {
        suggestions: dns.suggestion ? [dns.suggestion] : [],
      });
    }
    if (dns.suggestion) {
      // the Service exists in another namespace: answer for it, and say the short name would not resolve
      notes.push(
        `"${name}" resolves only inside its own namespace; from ${clientNs} the name to use is ${dns.suggestion}`,
      );
      return go({ name: dns.suggestion });
    }
  }
  if (intent.ips[0]) return go({ ip: intent.ips[0] });
  const target = await findPod(intent, inv, kind, others, from);
  if (!('status' in target)) {
    notes.push(target.note);
    return go({ pod: target.pod });
  }
  const dbWord = others.find((n) => DATABASE_WORDS[n]);
  const db = dbWord
    ? pods.filter(
        (p) =>
          p.metadata.uid !== from.metadata.uid &&
          p.status?.phase === 'Running' &&
          (p.spec?.containers ?? []).some((c) => DATABASE_WORDS[dbWord].test(c.image ?? '')),
      )
    : [];
  if (db.length === 1) {
    notes.push(
      `"the database" taken as ${db[0].metadata.namespace}/${db[0].metadata.name} (its image ${db[0].spec?.containers?.[0]?.image})`,
    );
    return go({ pod: db[0] });
  }
  // "what IP does the payment provider see from the api pod?": nothing in the cluster is the seer, so it is the Internet
  if (/\bsees?\b/.test(intent.text) && target.status === 'not-found') {
    const r = await egressPath(inv, {
      pod: from,
      destination: intent.destination,
    });
    return withNote(
      r,
      `nothing in the cluster is called ${others.map((o) => `"${o}"`).join(' or ')}: answering what the Internet sees from ${from.metadata.name}`,
    );
  }
  return target;
}

async function inboundHandler(intent: Intent, inv: Inventory): Promise<PathResult> {
  const [routes, ingresses, services] = await Promise.all([
    inv.list('Route').catch(() => [] as Route[]),
    inv.list('Ingress').catch(() => [] as Ingress[]),
    inv.list('Service').catch(() => [] as Service[]),
  ]);
  const inNs = <T extends { metadata: { namespace?: string } }>(xs: T[]) =>
    intent.namespace ? xs.filter((x) => x.metadata.namespace === intent.namespace) : xs;
  const typedAs = (type: string) => intent.typed.filter((t) => t.type === type).map((t) => t.name);
  // a LoadBalancer address in the question is the subject, not the client
  const lbByIp = services.find((svc) => intent.ips.some((ip) => lbIngressIps(svc).includes(ip)));
  const clientIp =
    intent.clientIp &&
    (services.some((svc) => lbIngressIps(svc).includes(intent.clientIp!)) ? undefined : intent.clientIp);
  const base = { clientIp };
  if (lbByIp && !intent.names.length) return inboundPath(inv, { ...base, service: lbByIp });
  const typedFirst = [
    ...intent.typed.filter((t) => ['route', 'ingress', 'service', 'host'].includes(t.type)).map((t) => t.name),
    ...intent.names.filter((n) => n.includes('.')),
    ...intent.names,
  ];
  for (const name of [...new Set(typedFirst)]) {
    const isHost = name.includes('.') && !typedAs('service').includes(name);
    if (isHost || typedAs('host').includes(name)) {
      const route = inNs(routes).find((r) => r.spec?.host === name);
      if (route) return inboundPath(inv, { ...base, route, host: name });
      const ing = inNs(ingresses).find((i) => (i.spec?.rules ?? []).some((r) => r.host === name));
      if (ing) return inboundPath(inv, { ...base, ingress: ing, host: name });
      const svcDns = /\.svc(\.|$)/.test(name) ? undefined : name;
      if (svcDns) {
        const hosts = [
          ...routes.map((r) => r.spec?.host ?? ''),
          ...ingresses.flatMap((i) => (i.spec?.rules ?? []).map((r) => r.host ?? '')),
        ].filter(Boolean);
        const near = closest(name, hosts);
        return result(
          'inbound',
          'not-found',
          `No route or ingress serves host ${name}.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`,
          { suggestions: near },
        );
      }
    }
    const wants = (type: string) => !intent.typed.some((t) => t.name === name) || typedAs(type).includes(name);
    const route = wants('route') && inNs(routes).find((r) => r.metadata.name === name);
    if (route) return inboundPath(inv, { ...base, route });
    const ing = wants('ingress') && inNs(ingresses).find((i) => i.metadata.name === name);
    if (ing) return inboundPath(inv, { ...base, ingress: ing });
    const svc =
      wants('service') &&
      (inNs(services).find((s) => s.metadata.name === name && s.spec?.type === 'LoadBalancer') ??
        inNs(services).find((s) => s.metadata.name === name));
    if (svc) return inboundPath(inv, { ...base, service: svc });
  }
  if (lbByIp) return inboundPath(inv, { ...base, service: lbByIp });
  if (!intent.names.length)
    return result(
      'inbound',
      'not-understood',
      `Reach what? Name a route, host, ingress or Service, e.g. "${INTENTS.find((i) => i.kind === 'inbound')!.examples[0]}".`,
    );
  const all = [
    ...routes.map((r) => r.metadata.name),
    ...ingresses.map((i) => i.metadata.name),
    ...services.map((s) => s.metadata.name),
  ];
  const near = [...new Set(intent.names.flatMap((n) => closest(n, all)))];
  return result(
    'inbound',
    'not-found',
    `I found no route, ingress or Service named ${intent.names.map((n) => `"${n}"`).join(' or ')}${intent.namespace ? ` in ${intent.namespace}` : ''}.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`,
    { suggestions: near },
  );
}

async function dnsHandler(intent: Intent, inv: Inventory): Promise<PathResult> {
  const [services, pods, slices, legacy] = await Promise.all([
    inv.list('Service'),
    inv.list('Pod'),
    inv.list('EndpointSlice'),
    inv.list('Endpoints'),
  ]);
  const fromPod = intent.from ? await findPod(intent, inv, 'dns', [intent.from]) : undefined;
  if (fromPod && 'status' in fromPod) return fromPod;
  const candidates = intent.names.filter((n) => n !== intent.from);
  const name =
    candidates.find((n) => n.includes('.')) ??
    candidates.find((n) => services.some((s) => s.metadata.name === n)) ??
    candidates[0];
  if (!name)
    return result(
      'dns',
      'not-understood',
      'Resolve which name? For example: "what does server.project1.svc.cluster.local resolve to?"',
    );
  const fromNs =
    fromPod?.pod.metadata.namespace ?? intent.namespace ?? (name.split('.').length === 1 ? undefined : 'default');
  if (!fromNs) {
    const matches = services.filter((s) => s.metadata.name === name);
    return result(
      'dns',
      matches.length ? 'ambiguous' : 'not-found',
      `"${name}" is a short name: it resolves only inside a namespace. ${matches.length ? `Ask with the namespace: ${matches.map((s) => `${s.metadata.name}.${s.metadata.namespace}`).join(', ')}` : 'No Service has that name.'}`,
      {
        suggestions: matches.map((s) => `${s.metadata.name}.${s.metadata.namespace}`),
      },
    );
  }
  const d = resolveServiceName(name, fromNs, services);
  if ('error' in d)
    return result('dns', 'not-found', `${name} does not resolve from namespace ${fromNs}: ${d.error}.`, {
      suggestions: d.suggestion ? [d.suggestion] : [],
    });
  const eps = endpointsOf(d.service, pickServicePort(d.service), slices, legacy, pods).filter((e) => e.ready);
  const addresses = d.hostname
    ? pods
        .filter((p) => p.metadata.name === d.hostname && p.metadata.namespace === d.service.metadata.namespace)
        .map((p) => podIp(p) ?? '')
    : isHeadless(d.service)
      ? eps.map((e) => e.ip)
      : [d.service.spec?.clusterIP ?? ''];
  const what = isHeadless(d.service)
    ? `headless Service ${d.service.metadata.name}: the ready pod IPs`
    : `the ClusterIP of Service ${d.service.metadata.namespace}/${d.service.metadata.name}`;
  return result(
    'dns',
    'answered',
    `${name} resolves${fromPod ? ` from ${fromPod.pod.metadata.name}` : name.includes('.') ? '' : ` from namespace ${fromNs}`} to ${addresses.join(', ') || 'nothing (no ready endpoints)'} (${d.fqdn}; ${what}).`,
    {
      title: `${name} → ${addresses.join(', ') || 'no address'}`,
      hops: [
        {
          kind: 'dns',
          name: d.fqdn,
          ip: addresses.join(', ') || undefined,
          note: what,
        },
      ],
      verify: [
        fromPod
          ? `kubectl exec -n ${fromPod.pod.metadata.namespace} ${fromPod.pod.metadata.name} -- getent hosts ${d.fqdn}`
          : `kubectl get svc ${d.service.metadata.name} -n ${d.service.metadata.namespace} -o wide`,
      ],
    },
  );
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a conversation remembers between questions (kept in bot state, per conversation). */
export interface Memory {
  intent?: IntentKind;
  namespace?: string;
  cluster?: string;
}

const FOLLOW_UP = /^\s*(and|what about|how about|same for|and for|also|now)\b/i;

/** The namespace the answer was about: the first pod hop's, else the remembered one. */
const answeredNamespace = (r: PathResult): string | undefined =>
  r.hops.find((h) => h.kind === 'pod')?.name.split('/')[0] || undefined;

export async function ask(
  text: string,
  inv: Inventory,
  memory: Memory = {},
  forcedIntent?: string,
): Promise<PathResult> {
  const intent = parse(text);
  // card buttons name their intent: no guessing from the words
  if (forcedIntent && INTENTS.some((i) => i.kind === forcedIntent)) {
    intent.kind = forcedIntent as IntentKind;
    intent.action = false;
  }
  intent.defaultNamespace = memory.namespace;
  if (
    intent.kind === 'unknown' &&
    memory.intent &&
    (intent.names.length || intent.ips.length) &&
    (FOLLOW_UP.test(text) || (intent.names.length + intent.ips.length <= 2 && text.split(/\s+/).length <= 5))
  ) {
    intent.kind = memory.intent; // "and what about server?" repeats the last question about a new subject
  }
  if (intent.action) {
    return result(
      'unknown',
      'not-understood',
      'I only read the cluster and the subscription, and change nothing. Ask me how traffic flows instead — "help" lists the questions I answer.',
    );
  }
  if (intent.kind === 'unknown') {
    const examples = INTENTS.filter((i) => i.kind !== 'help')
      .slice(0, 4)
      .map((i) => `"${i.examples[0]}"`)
      .join(', ');
    return result('unknown', 'not-understood', `I did not understand that question. Try ${examples}, or "help".`);
  }
  const r = await HANDLERS[intent.kind](intent, inv);
  r.memory = {
    intent: intent.kind === 'help' ? memory.intent : intent.kind,
    namespace: intent.namespace ?? answeredNamespace(r) ?? memory.namespace,
  };
  return r;
}
