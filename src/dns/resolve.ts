// The name a DNS question asks about, and the pod it is resolved from (if any).
import { isReply, type Ctx, type Noted } from '../family';
import type { Pod, Service } from '../inventory/k8s-types';
import { clusterDnsService, isClusterDnsPod, isClusterName, resolveServiceName } from '../path/dns';
import type { Intent } from '../nlu/parse';
import { findPod, type FoundPod } from '../nlu/subjects';
import { result, type PathResult } from '../path/result';
import type { InboundSubjects } from '../inbound/resolve';
import { spec } from './spec';
import { escapeRe } from '../regex';

export interface DnsSubjects extends Noted {
  /** the name as asked: svc, svc.ns, <hostname>.svc.ns or an FQDN */
  name: string;
  /** the pod that resolves it ("from sqlapi") */
  from?: Pod;
  /** every replica of the workload it is resolved from ("from a web pod"): they get the same answer */
  replicas?: DnsPathAsk['replicas'];
  /** the namespace the question names ("-n project1") */
  namespace?: string;
  /** a route or ingress host: public DNS, answered with the inbound family's front door */
  external?: InboundSubjects;
  /** asked as yes or no ("does the short name 'api' work from ingress-nginx?"), not for the address */
  whether?: boolean;
  /** the resolution path itself: which server a pod asks and where names outside the cluster go */
  path?: DnsPathAsk;
}

export interface DnsPathAsk {
  /** the pod whose path is asked; absent: the cluster's path in general */
  pod?: Pod;
  /** a name outside the cluster domain (answered by the upstream, not by the cluster DNS) */
  outside?: string;
  /** the workload asked about and all its replicas' names ("the web pods"): one pod template, one resolver */
  replicas?: { workload: string; pods: string[] };
  /** an address a pasted `lookup … on 10.0.0.10:53` / nslookup `Server:` line names */
  pastedServer?: string;
  /** what the pasted output says went wrong */
  symptom?: 'timeout' | 'servfail' | 'nxdomain' | 'refused';
  /** the name looked up upstream is a host our route or ingress serves: public DNS's answer for it is known */
  served?: InboundSubjects;
}

// A name a route or ingress serves is a public name that resolves to the front door's external IP; names
// ending in .svc / .svc.cluster.local are the cluster DNS's.
// https://docs.openshift.com/container-platform/latest/networking/routes/route-configuration.html
const clusterForm = (n: string) => /\.svc(\.cluster\.local)?\.?$/.test(n);

// "the full svc.cluster.local name": the cluster domain (or a namespace's search domain in it) alone is where names
// live, no name looked up https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services
const CLUSTER_DOMAIN = /^(([a-z0-9-]+\.)?svc\.)?cluster\.local\.?$/;

export async function externalHost(name: string, ctx: Ctx): Promise<InboundSubjects | undefined> {
  if (!name.includes('.') || clusterForm(name)) return undefined;
  const [routes, ingresses, httpRoutes] = await Promise.all([
    ctx.trace.list('routes', () => ctx.inv.list('Route')),
    ctx.trace.list('ingresses', () => ctx.inv.list('Ingress')),
    ctx.trace.list('HTTPRoutes', () => ctx.inv.list('HTTPRoute')),
  ]);
  const route = routes.find((r) => r.spec?.host === name);
  if (route) return { route, host: name };
  const ingress = ingresses.find((i) => (i.spec?.rules ?? []).some((r) => r.host === name));
  if (ingress) return { ingress, host: name };
  // a Gateway API hostname: the same way in the inbound answer takes (Application Gateway for Containers)
  const httpRoute = httpRoutes.find((r) => (r.spec?.hostnames ?? []).includes(name));
  return httpRoute ? { httpRoute, host: name } : undefined;
}

/** The host of a route or ingress named as such ("dns route sqlapilb"). */
async function hostOfTyped(intent: Intent, ctx: Ctx): Promise<string | undefined> {
  const typed = intent.typed.filter((t) => t.type === 'route' || t.type === 'ingress').map((t) => t.name);
  if (!typed.length) return undefined;
  const inNs = (o: { metadata: { name: string; namespace?: string } }) =>
    typed.includes(o.metadata.name) && (!intent.namespace || o.metadata.namespace === intent.namespace);
  const [routes, ingresses] = await Promise.all([
    ctx.trace.list('routes', () => ctx.inv.list('Route')),
    ctx.trace.list('ingresses', () => ctx.inv.list('Ingress')),
  ]);
  return routes.find(inNs)?.spec?.host ?? ingresses.find(inNs)?.spec?.rules?.find((r) => r.host)?.host;
}

export async function resolve(intent: Intent, ctx: Ctx): Promise<DnsSubjects | PathResult> {
  const services = await ctx.trace.list('services', () => ctx.inv.list('Service'));
  const from = clientSaid(intent);
  const fromPod = from ? await findPod(intent, ctx, spec, [from]) : undefined;
  if (fromPod && isReply(fromPod)) return fromPod;
  const candidates = intent.names.filter((n) => n !== from && !ownDescribed(intent, n) && !CLUSTER_DOMAIN.test(n));
  // a dotted name first, then a route's or ingress's host ("the sqlapilb route"), then a Service, then the first
  const dotted = candidates.find((n) => n.includes('.'));
  const service = candidates.find((n) => services.some((s) => s.metadata.name === n));
  const namespaces = new Set(services.map((s) => s.metadata.namespace ?? 'default'));
  const asksPath = asksForPath(intent, services, namespaces, service ?? dotted);
  const name = dotted ?? (await hostOfTyped(intent, ctx)) ?? (asksPath ? undefined : (service ?? candidates[0]));
  const external = name ? await externalHost(name, ctx) : undefined;
  const outside = name && !external && isOutside(name, namespaces) ? name : undefined;
  // no name but a pod ("dns path of web", "resolver for db-0"), a name outside the cluster, a pasted lookup error
  // ("web pod resolves shop-agw.contoso.com via which DNS server?": the resolver of the pod said, even for a host
  // served by our ingress)
  if (!name || outside || resolverAsked(asksPath, !!external, !!fromPod) || podsOwn(intent, name, services)) {
    const upstream = upstreamName(name, outside, !!external, !!fromPod);
    const s = await pathSubjects(intent, ctx, services, {
      fromPod: fromPod?.pod,
      fromGroup: replicasOf(from, fromPod),
      outside: upstream,
      candidates,
      name,
      asksPath,
    });
    return upstream === name ? withServed(s, external) : s;
  }
  return {
    ...searchTried(name, services),
    from: fromPod?.pod,
    replicas: replicasOf(from, fromPod),
    namespace: intent.namespace,
    external,
    whether: asksWhether(intent),
  };
}

// a name with fewer dots than ndots (5 in a pod's resolv.conf) is tried with each search domain first: the cluster name
// with "<ns>.svc.cluster.local" appended again (NXDOMAIN) is that try; the name itself is what was asked
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services
const SEARCH_AGAIN = /^(.+\.svc\.cluster\.local)\.(?:[a-z0-9-]+\.)?(?:svc\.)?cluster\.local\.?$/;
/** The name asked, where no resolver path is (a pasted dig answer): one with a search domain appended again stands
 * for the name before it, with a note (a pasted nslookup with its server is answered on the pod's path) */
function searchTried(asked: string, services: Service[]): { name: string; notes?: string[] } {
  const name = SEARCH_AGAIN.exec(asked)?.[1];
  // (a name that is no Service even without the search domain is said as asked: not a cluster Service name)
  if (!name || 'error' in resolveServiceName(name, 'default', services)) return { name: asked };
  const note =
    `${asked} is ${name} with a search domain appended (fewer dots than ndots 5): that try gets NXDOMAIN, ` +
    `the resolver then asks ${name} itself.`;
  return { name, notes: [note] };
}

/** "split horizon: what does the route host resolve to from inside the sqlapi pod?": a host our route or ingress
 * serves, looked up upstream from a pod, with the answer public DNS gives it. */
function withServed(s: DnsSubjects | PathResult, external?: InboundSubjects): DnsSubjects | PathResult {
  if (!isReply(s) && s.path && external) s.path.served = external;
  return s;
}

/** The resolver path is asked: for a name of the cluster; a host our ingress serves looked up from a pod said is
 * the pod's view, its resolver chain and what that chain gets ("from web, does shop.contoso.com resolve to the
 * ingress IP?": a server on the way may hold a private zone for it), asked that way or not. */
const resolverAsked = (asksPath: boolean, external: boolean, fromPod: boolean): boolean =>
  external ? fromPod : asksPath;

/** The name looked up outside the cluster: a host our ingress serves, looked up from a pod, goes upstream like any
 * public name. */
const upstreamName = (name: string | undefined, outside: string | undefined, external: boolean, fromPod: boolean) =>
  outside ?? (external && fromPod ? name : undefined);

/** "does the short name 'api' work from the ingress-nginx namespace?": whether a name works, never which address */
const asksWhether = (intent: Intent): boolean => WHETHER.test(intent.asking ?? intent.text);
// (a label before a colon says what it is about: "newsroom paywall: does plain 'api' work as a name …?", "dns lookup
// for api from the ingress-nginx controller: does the short name 'api' work there?"; so does a place before a comma:
// "from pod x/a, does the short name s-z-c resolve?"; and a topic before a dash: "short name db from web — does it
// work?"; "nginx config has upstream http://api:8080 — will the short name 'api' resolve …": a config line before it,
// however long: "the nginx controller has an upstream configured as just `api:8080` — will that short name …")
// ("nginx controller resolving the bare name `api` — does that work?": the name in code quotes as in plain ones)
const WHETHER = new RegExp(
  String.raw`^\W*(?:[\w' -]{1,60}:\s+|[\w' /-]{1,60},\s+|[\w'"\`’ /:.-]{1,100}\s[—–-]{1,2}\s+)?` +
    // ("… by its short name - should that work?")
    String.raw`(does|do|will|would|can|is|should)\b(?!.*\b(what|which)\b).*` +
    String.raw`\b(work|works|resolve|resolves|resolvable)\b`,
);

/** "how does it resolve its db host?": a word said as the pod's own kind of host describes a name not given, which
 * the pod's resolver path answers for any name (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/) */
const ownDescribed = (intent: Intent, n: string): boolean =>
  !(intent.entities ?? []).some((e) => e.text === n) &&
  new RegExp(String.raw`\b(its|their) ${escapeRe(n)} (host|hostname|server|backend|endpoint)\b`).test(intent.text);

/** The replicas of the workload a name is looked up from ("when the web pods resolve …"): one resolver path */
const replicasOf = (from: string | undefined, found: FoundPod | undefined): DnsPathAsk['replicas'] =>
  from && found?.group && found.group.length > 1
    ? { workload: from, pods: found.group.map((p) => p.metadata.name) }
    : undefined;

/** The pod a name is looked up from: the one said after "from", or the pod a pasted "$ kubectl exec -n shop api-… --
 * getent hosts db.shop" ran the lookup in. */
function clientSaid(intent: Intent): string | undefined {
  const ran = intent.asks?.lookupIn;
  // ("that's from a shell inside sqlapi": a client the inventory lacks, said inside a pod of ours, is that pod's)
  const inside = insideOne(intent);
  const known = (intent.entities ?? []).some((e) => e.text === intent.from);
  const said =
    (inside && !known ? inside : known || !ownResolver(intent) ? intent.from : undefined) ??
    (ran && intent.names.includes(ran) ? ran : undefined) ??
    finder(intent) ??
    insideOne(intent) ??
    soleAsker(intent) ??
    namesInGeneral(intent);
  return said && !describedOnly(intent, said) ? said : undefined;
}

/** "which nameserver does legacy-0 hit, given its own dns config from the old order system?": the resolver of the one
 * pod of ours said is asked (its dnsConfig nameservers
 * https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config); a word the inventory does
 * not know after "from" says where the config came from, no other pod */
const ownResolver = (intent: Intent): boolean =>
  new Set((intent.entities ?? []).filter((e) => e.kind === 'pod' || e.kind === 'workload').map((e) => e.matched))
    .size === 1 && /\b(name ?servers?|dns ?servers?|resolvers?|dns ?config\w*|resolv\.conf)\b/.test(intent.text);

/** "sqlapi looks up on-prem names — does its DNS traffic ride the VPN gateway?": one pod or workload of ours said
 * looking up names in general (no name given) is the one asking; its resolver path answers for any name
 * (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy) */
function namesInGeneral(intent: Intent): string | undefined {
  const ours = (intent.entities ?? []).filter((e) => e.kind === 'pod' || e.kind === 'workload');
  const asking = ours.filter((e) =>
    new RegExp(
      String.raw`\b${escapeRe(e.text.split('/').pop()!)}( pods?)? ${MODAL}` +
        String.raw`(looks? up|resolv(?:es?|ing)|quer(?:y|ies)) ` +
        String.raw`(?:(?:the|its|their|our|some|other|[\w-]+)\s+){0,2}(names|hostnames|hosts|domains|fqdns|records)\b`,
    ).test(intent.text),
  );
  return new Set(asking.map((e) => e.matched)).size === 1 && intent.names.length === 1 ? asking[0].text : undefined;
}

/** "inside web-…, is shop.contoso.com answered with …?": the pod a lookup is made inside is the one asking; each pod's
 * resolv.conf decides its answers (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/) */
function insideOne(intent: Intent): string | undefined {
  const inside = (intent.entities ?? []).filter(
    (e) =>
      (e.kind === 'pod' || e.kind === 'workload') &&
      new RegExp(String.raw`\b(inside|within|from inside|from within) (the )?${escapeRe(e.text)}\b`).test(intent.text),
  );
  return inside.length === 1 ? inside[0].text : undefined;
}

/** "our IMS pod resolves db.shop", "nslookup web.shop from a debug pod": a pod described by a plain word that names
 * nothing of ours looks a name up as any pod in the name's namespace would; the answer is the name's */
const describedOnly = (intent: Intent, n: string): boolean =>
  /^[a-z]+$/.test(n) &&
  !(intent.entities ?? []).some((e) => e.text === n || e.text.endsWith(`/${n}`)) &&
  new RegExp(String.raw`\b(a|an|our|my|some|any) ${n} pod\b`).test(intent.text);

// the name a pasted resolver failure names: "getaddrinfo EAI_AGAIN api", "lookup db on 10.0.0.10:53", "server can't
// find api.shop", "Could not resolve host: db"
const PASTED_LOOKUP = new RegExp(
  String.raw`\b(?:getaddrinfo (?:enotfound|eai[_ ](?:again|fail|noname))|lookup (?=\S+ on \d)|server can'?t find|` +
    String.raw`could not resolve host:?)\s+['"\x60]?([a-z0-9][a-z0-9.-]*[a-z0-9])`,
);

/** "the lab portal (web) logs 'getaddrinfo ENOTFOUND api.shop'", "x/a's lookups for s-y-b.y": one Service name
 * looked up and one pod or workload of ours besides it (not behind that name, not the cluster DNS): that one asks */
function soleAsker(intent: Intent): string | undefined {
  const entities = intent.entities ?? [];
  const pasted = PASTED_LOOKUP.exec(intent.text)?.[1];
  const looked = entities.filter((e) => (e.kind === 'service' && e.text.includes('.')) || e.text === pasted);
  if (new Set(looked.map((e) => e.matched)).size !== 1) return undefined;
  const behind = new Set([looked[0].matched, ...(looked[0].pods ?? [])]);
  const askers = entities.filter(
    (e) =>
      (e.kind === 'pod' || e.kind === 'workload') &&
      !isClusterDnsPod(e.matched.split('/').pop()!) &&
      !(e.pods ?? [e.matched]).some((p) => behind.has(p)),
  );
  return new Set(askers.map((e) => e.matched)).size === 1 ? askers[0].text : undefined;
}

// a modal or a failure between the one that looks up and its verb ("api can't resolve db", "sqlapi will still resolve")
const MODAL =
  String.raw`(?:(?:can(?:no|')?t|can not|could(?:n'?t| not)?|fail(?:s|ed)? to|does(?:n'?t| not)|did(?:n'?t| not)|` +
  String.raw`won'?t|will(?: not)?|would|should|still|now|suddenly|(?:is |are )?(?:meant|supposed) to) )*`;

/** "how does api find db?", "web looks up api how?": of two names, the one that finds the other looks it up (a
 * Service is found by its DNS name https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/) */
function finder(intent: Intent): string | undefined {
  // (a modal only after a pod or workload of ours: "** server can't find example.org" is nslookup's own line)
  const ours = (x: string) =>
    (intent.entities ?? []).some((e) => e.text === x && (e.kind === 'pod' || e.kind === 'workload'));
  const finds = (x: string, y: string) =>
    new RegExp(
      // ("how do web pods know where api lives": knowing where a Service is, is finding it)
      // ("claims service (sqlapi) resolves …": the name said in brackets after what it is, then its verb)
      // ("does api resolve 'db' as a short name": the name looked up may be quoted)
      // ("api cannot resolve db", "will sqlapi still resolve server", "server-1 resolving sqlapi": the one that
      // looks up, whatever the tense or a failure said before the verb)
      // ("the 'controller' container resolves web.shop": a pod named by its container, the container looks it up)
      // ("web pods get 10.0.201.17 back for api.shop": the one an answer comes back to for a name asked for it)
      // ("if web itself looks up shop.contoso.com": the one said with "itself" is the one)
      String.raw`\b${escapeRe(x)}['"’]?\)?( pods?| containers?)?( itself| themselves)? ${ours(x) ? MODAL : ''}` +
        String.raw`(finds?|locates?|discovers?|looks? up|resolv(?:es?|ing)|knows? where|` +
        // ("how does sqlapi find its database server": the one found may be said with its owner)
        // ("what ip will sqlapi get for sqlapi.project1…": the one an address is got for a name by)
        // ("does the api pod get the same address for shop.contoso.com …?": the answer got may be said in words)
        // ("what should api be getting back for db?": the answer it should be getting, said going on)
        String.raw`(?:be )?get(?:s|ting)?(?: \d{1,3}(?:\.\d{1,3}){3}| (?:the same|the|an?|which|what|its) ` +
        String.raw`(?:addresse?s?|ips?|answers?|records?))?(?: back)? for)( the| its| their| just| only)? ` +
        String.raw`['"‘“\`]?${y}` +
        String.raw`(?![\w-]|\.\w)`,
    ).test(intent.text);
  // "what will db resolve to for api?": the pod a name resolves for is the one that looks it up (a Service's name
  // answers by the asker's namespace https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/)
  const forOne = intent.names.find(
    (x) =>
      ours(x) &&
      new RegExp(
        String.raw`\bresolv(?:e|es|ing)(?: to)? for (?:the )?${escapeRe(x)}(?: pods?)?(?=\s*(?:[?.!,;:]|$))`,
      ).test(intent.text),
  );
  if (forOne) return forOne;
  // "Server=server.project1… in sqlapi's connection string": the pod whose connection string or config names a host
  // is the one that looks it up (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/)
  const owner = intent.names.filter((x) => ours(x) && OWNS_CONFIG(x).test(intent.text));
  if (owner.length === 1) return owner[0];
  // any two names said that way ("how does db-0 resolve api.shop, the … layout": a third name is no party)
  const finding =
    intent.names.find((x) => intent.names.some((y) => y !== x && finds(x, escapeRe(y)))) ?? pronounFinder(intent);
  if (finding) return finding;
  // "SQLAPI_HOST=sqlapi.project1 — how does server resolve that?", "primary SQL box is `server`. how does sqlapi find
  // it": of two names, the one that looks up "it" or "that" finds the other
  const it = String.raw`(finds?|locates?|looks? up|resolv(?:es?|ing)) (?:it|that|this)\b`;
  const itFinder = intent.names.filter(
    (x) => ours(x) && new RegExp(String.raw`\b${escapeRe(x)}( pods?)? ${MODAL}${it}`).test(intent.text),
  );
  // ("sqlapi", "sqlapi.project1": a dotted name and its own first label are one name looked up; words that match
  // nothing of ours, "ORDERS_DB … in the chart", are no party)
  const party = (y: string) => y.includes('.') || (intent.entities ?? []).some((e) => e.text === y);
  const looked = intent.names.filter((y) => party(y) && !intent.names.some((d) => d !== y && d.startsWith(`${y}.`)));
  if (looked.length === 2 && itFinder.length === 1 && looked.includes(itFinder[0])) return itFinder[0];
  // "the api pod, when he asks the name 'db', who answers?": of two names found, the one said as "the name X" is
  // looked up and the other looks it up
  const found = (n: string) => (intent.entities ?? []).filter((e) => e.text === n && e.kind !== 'namespace');
  const both = intent.names.filter((n) => found(n).length);
  const named = both.filter((y) =>
    new RegExp(String.raw`\bname ['"‘“\x60]?${escapeRe(y)}(?![\w-]|\.\w)`).test(intent.text),
  );
  const asker = both.find((x) => x !== named[0]);
  const same = asker && found(asker).some((e) => found(named[0]).some((n) => n.matched === e.matched));
  if (both.length === 2 && named.length === 1 && !same) return asker;
  if (intent.names.length !== 2) return undefined;
  // "how does the api pod find the database by name?": the other party said by its role, not its name
  // (a dotted name is the one looked up: "what api.shop resolves to" names no finder)
  const either = (x: string) =>
    !x.includes('.') && finds(x, '(?!(?:to|in|from|for|with|on|at|by|as|via)\\b)[a-z0-9-]+');
  const [a, b] = intent.names;
  return either(a) !== either(b) ? [a, b].find(either) : undefined;
}

/** "sqlapi's connection string", "the web pods' env" (the possessive may be dropped before this): a workload's own
 * configuration, where it reads a host name */
const OWNS_CONFIG = (x: string) =>
  new RegExp(
    String.raw`\b${escapeRe(x)}( pods?)?(['’]s?)? (\.net |jdbc |db |database )?(connection ?strings?|conn ?strings?|` +
      String.raw`config(uration)?|env( vars?)?|environment( variables?)?|app ?settings|dsn|jdbc url)\b`,
  );

/** "the web deployment — how does it resolve api.shop?": "it" (or "they") that looks a name up stands for the one pod
 * or workload said before it */
function pronounFinder(intent: Intent): string | undefined {
  // ("when it wants to resolve api", "when it want resolve api": the verb after a wish or a try is still its own)
  const wish = String.raw`(?:(?:wants?|needs?|tries|tried|try|is trying|are trying)(?: to)? )?`;
  // ("sqlapi — how does it resolve its db host?": the name may be said as its own)
  const verb =
    String.raw`\b(it|they) ${wish}(finds?|locates?|discovers?|looks? up|resolves?|knows? where)` +
    String.raw`( the| its| their)? `;
  const looked = intent.names.find((y) => new RegExp(`${verb}${escapeRe(y)}(?![\\w-]|\\.\\w)`).test(intent.text));
  if (!looked) return undefined;
  const at = intent.text.search(new RegExp(verb));
  const before = (intent.entities ?? []).filter(
    (e) =>
      ['pod', 'workload'].includes(e.kind) &&
      e.text !== looked &&
      intent.text.slice(0, at).search(new RegExp(`\\b${escapeRe(e.text)}\\b`)) >= 0,
  );
  return before.length === 1 ? before[0].text : undefined;
}

// A pasted lookup error asks for the path unless the question names a cluster name to resolve ("what should
// db.shop resolve to?"): that name's answer is its address.
function asksForPath(intent: Intent, services: Service[], namespaces: ReadonlySet<string>, asked?: string): boolean {
  if (intent.asks?.resolverPath) return true;
  const clusterAsked = !!asked && (!asked.includes('.') || isClusterName(asked, namespaces));
  return !clusterAsked && !!pastedServer(intent, services);
}

// "nslookup", "dns lookup?", "what does the name resolve to?": the address of one name is asked
const ASKS_ADDRESS = /\b(ns)?lookup\b|\bresolves? (in)?to\b|\b(dig|getent)\b|\bpoints? to\b|\bgives? back\b/i;

/** The name said is a pod's or workload's own: its DNS is the resolver path of its pods. */
const podsOwn = (intent: Intent, name: string, services: Service[]): boolean =>
  isPodOnly(intent, name, services) || dnsOfWorkload(intent, name);

/** "dns db-0": a pod's name and no Service of that name. */
const isPodOnly = (intent: Intent, name: string, services: Service[]): boolean =>
  !name.includes('.') &&
  (intent.entities ?? []).some((e) => e.text === name && (e.kind === 'pod' || e.kind === 'workload')) &&
  !services.some((s) => s.metadata.name === name);

/** "pls chk dns 4 api", "dns + egress for sqlapi": DNS said *for* a workload of ours, with no Service typed and no
 * address asked, is that workload's own DNS, the resolver its pods use (its Service's name is asked with "resolve
 * api", "api svc" or "what does api give back"): a pod's resolver comes from its dnsPolicy
 * https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy */
function dnsOfWorkload(intent: Intent, name: string): boolean {
  if (name.includes('.') || intent.typed.some((t) => t.name === name && /^(svc|service)$/.test(t.type))) return false;
  const ours = (intent.entities ?? []).some((e) => e.text === name && (e.kind === 'pod' || e.kind === 'workload'));
  const safe = escapeRe(name);
  const said = new RegExp(
    // ("dns de sqlapi": "of" as Spanish, French and Portuguese say it)
    String.raw`\bdns\b[^.?!\n]{0,20}?\b(?:for|of|4|de)\s+(?:the\s+)?${safe}(?![\w-]|\.\w|\s*(?:svc|service)\b)`,
  );
  // ("sqlapi dns", "web's DNS": the workload's DNS said as a noun of its own, the whole message or with an owner's 's)
  // ("how does api do dns", "gate app (api) does dns how": DNS as what the workload does is its resolver)
  const owned = new RegExp(
    String.raw`^\s*${safe}\s+dns\s*[?!.]*\s*$|\b${safe}['’]s\s+dns\b(?!\s*(?:names?|records?))|` +
      String.raw`\b${safe}\)?(?:\s+pods?)?\s+(?:does|do|did|doing)\s+(?:its\s+|their\s+)?dns\b`,
  );
  return (
    ours &&
    (said.test(intent.text) || owned.test(intent.text)) &&
    !ASKS_ADDRESS.test(intent.text) &&
    !/\b(ip|address|record)s?\b/.test(intent.text)
  );
}

// public top-level domains a two-label name ends in ("contoso.com"): svc.ns otherwise
const TLD = /\.(com|net|org|io|dev|app|cloud|info|biz|co|us|uk|de|fr|nl|eu|ms|microsoft|azure|windows)$/i;

/** A dotted name the cluster DNS does not answer itself: it goes to the upstream. */
function isOutside(name: string, namespaces: ReadonlySet<string>): boolean {
  if (!name.includes('.') || isClusterName(name, namespaces)) return false;
  const labels = name.replace(/\.$/, '').split('.').length;
  return labels >= 3 || TLD.test(name.replace(/\.$/, ''));
}

/** The server a pasted lookup names: `lookup x on 10.0.0.10:53`, nslookup's `Server: 10.0.0.10`. */
function pastedServer(intent: Intent, services: Service[]): string | undefined {
  const said = /\blookup \S+ on (\d+\.\d+\.\d+\.\d+):53\b|\bserver:\s*(\d+\.\d+\.\d+\.\d+)/i.exec(intent.text);
  if (said) return said[1] ?? said[2];
  const dns = clusterDnsService(services)?.spec?.clusterIP;
  return dns && intent.ips.includes(dns) ? dns : undefined;
}

const SYMPTOMS: [RegExp, NonNullable<DnsPathAsk['symptom']>][] = [
  [/\btime(out|d out)\b|no servers could be reached/i, 'timeout'],
  [/\bservfail\b|server misbehaving/i, 'servfail'],
  [/\bnxdomain\b|no such host|can't find/i, 'nxdomain'],
  [/\brefused\b/i, 'refused'],
];

interface PathInput {
  fromPod?: Pod;
  /** every replica of the workload said after "from" (or said as the one that looks up) */
  fromGroup?: DnsPathAsk['replicas'];
  outside?: string;
  candidates: string[];
  name?: string;
  asksPath: boolean;
}

/** "which DNS server": the word server is no pod when the question names another; nor is the cluster DNS ("coredns
 * upstream for web"): it is the resolver the pod asks, not the pod asking. */
function resolverSaid(intent: Intent, services: Service[], outside: string | undefined, n: string, all: string[]) {
  // ("which DNS server does invoice-api use": the server is the resolver even when the pod named is not found)
  const other = intent.names.some(
    (x) => x !== 'server' && x !== outside && !services.some((s) => s.metadata.name === x),
  );
  // ("the nameserver the server pod uses": the word said again on its own is the pod's name)
  const alone = /\bserver\b/i.test(intent.text.replace(/\b(dns|name) ?servers?\b/gi, ' '));
  if (n === 'server' && (all.length > 1 || other) && /\b(dns|name) ?server/i.test(intent.text) && !alone) return true;
  // ("what do pods in shop use as DNS server, the Azure one or coredns?": the cluster DNS offered as a choice of
  // resolver, even as the only pod named)
  return isClusterDnsPod(n.split('/').pop()!) && (all.length > 1 || RESOLVER_CHOICE.test(intent.text));
}

const RESOLVER_CHOICE =
  /\bor (?:the )?(?:coredns|kube-dns|dns-default|node-local-?dns)\b|\b(?:coredns|kube-dns|dns-default)( \w+)? or\b/;

/** A name written as one of ours (a hyphen or a digit in it: "invoice-api", never a ticket key like "DNS-44") that
 * matches nothing we have. */
const unknownName = (intent: Intent, outside?: string): string | undefined =>
  intent.names.find(
    (n) =>
      n !== 'server' &&
      n !== outside &&
      !n.includes('.') &&
      /[-\d]/.test(n) &&
      !/^[a-z]+-\d+$/.test(n) &&
      intent.marked.includes(n) &&
      !(intent.entities ?? []).some((e) => e.text === n) &&
      // ("on-prem the BIG-IP DNS forwarded to AD": a name said before "DNS" is a DNS product, not a pod)
      !new RegExp(String.raw`\b${escapeRe(n)} dns\b`).test(intent.text),
  );

// "the DNS path of api-…", "resolver config for db-0": the pod a resolver path is said of
const PATH_OF =
  String.raw`\b(?:(?:dns|name|lookup|resolution) (?:path|chain|flow|config\w*|settings|policy|servers?)|` +
  String.raw`resolvers?|resolv\.conf|dns) (?:of|for) (?:the )?(?:pod )?`;

/** "dental xray upload svc (sqlapi) — what does it use as DNS?": a Service said as the one whose resolver is asked
 * stands for the pods behind it, which send the lookups (a Service itself never resolves a name)
 * https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy */
function serviceAsker(intent: Intent, services: Service[], o: PathInput): string | undefined {
  if (!o.asksPath) return undefined;
  // (never "server" in "which DNS server does invoice-api use": that server is the resolver)
  const resolver = (n: string) => n === 'server' && /\b(dns|name) ?servers?\b/i.test(intent.text);
  const said = services.filter((s) => o.candidates.includes(s.metadata.name) && !resolver(s.metadata.name));
  const [svc] = said;
  const selects = !!svc && Object.keys(svc.spec?.selector ?? {}).length > 0;
  return said.length === 1 && svc !== clusterDnsService(services) && selects ? svc.metadata.name : undefined;
}

/** The pod whose path is asked (the one named "from", typed as a pod, or the first pod or app named). */
async function pathSubjects(
  intent: Intent,
  ctx: Ctx,
  services: Service[],
  o: PathInput,
): Promise<DnsSubjects | PathResult> {
  // "the app server pod api", "model pod web-…": a pod of ours named after the type word is the pod, the words before
  // describe it (never a word that names nothing: "the api pod really uses")
  // ("test pod y/a": the name said with its namespace is ours as its short name is)
  const ours = (n: string) => (intent.entities ?? []).some((e) => e.text === n || e.text.endsWith(`/${n}`));
  const first = (t: { name: string; after?: boolean }) => (t.after || !ours(t.name) ? 1 : 0);
  const typed = intent.typed
    .filter((t) => ['pod', 'deployment', 'deploymentconfig'].includes(t.type) && !describedOnly(intent, t.name))
    .sort((a, b) => first(a) - first(b));
  const podNames = (intent.entities ?? [])
    .filter((e) => (e.kind === 'pod' || e.kind === 'workload' || e.kind === 'pod-ip') && e.text !== o.outside)
    .map((e) => (e.kind === 'pod-ip' ? e.matched : e.text));
  // ("api cannot resolve db — describe the DNS path of api-…": the pod the path is said of comes first)
  const pathOf = podNames.filter((n) =>
    new RegExp(String.raw`${PATH_OF}${escapeRe(n)}(?![\w-])`, 'i').test(intent.text),
  );
  const base = [...typed.map((t) => t.name), ...podNames].filter(
    (n, i, all) => all.indexOf(n) === i && !resolverSaid(intent, services, o.outside, n, all),
  );
  const ordered = [...new Set([...pathOf.filter((n) => base.includes(n)), ...base])];
  let pod = o.fromPod;
  let replicas = o.fromGroup;
  // the pod said is none of ours ("which DNS server does invoice-api use"): not found, never the cluster's path
  // (only when no name to look up was said either: "DNS-44: ingress-nginx-controller.ingress-nginx name resolution")
  const asked = pod
    ? undefined
    : (ordered[0] ?? (o.name ? undefined : (unknownName(intent, o.outside) ?? serviceAsker(intent, services, o))));
  if (asked) {
    const found = await findPod(intent, ctx, spec, [asked]);
    if (isReply(found)) return found;
    pod = found.pod;
    if ((found.group?.length ?? 0) > 1) replicas = { workload: asked, pods: found.group!.map((p) => p.metadata.name) };
  }
  const symptom = SYMPTOMS.find(([re]) => re.test(intent.text))?.[1];
  const path: DnsPathAsk = { pod, outside: o.outside, pastedServer: pastedServer(intent, services), symptom, replicas };
  // a lookup with nothing to look up ("nslookup", "what does the name resolve to?") asks which name, never answers
  // the cluster's path instead: that needs path words, a pod, or a pasted lookup
  if (!pod && !o.name && !o.asksPath && !path.pastedServer && ASKS_ADDRESS.test(intent.text))
    return result(spec.kind, 'not-understood', `Which name? For example: "${spec.examples[0]}".`);
  // "ENOTFOUND db … how does name lookup work for api": the Service named besides the pod is answered on the way
  const other = o.candidates.find(
    (n) => services.some((x) => x.metadata.name === n) && !(pod && pod.metadata.name.startsWith(n)),
  );
  return { name: o.outside ?? o.name ?? other ?? '', from: pod, namespace: intent.namespace, path };
}
