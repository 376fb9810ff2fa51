// Which way in the question is about: a route or ingress (by name or host), a
// Service (by name or LoadBalancer address), and the client IP if one is given.
import { isReply, type Ctx, type HandOff, type Noted } from '../family';
import { isAgic } from './app-gateway';
import { gatewayRouteSubject } from './gateway-api';
import { firewallWayIn, publishedBy, type FirewallDnat, type Published } from './firewall-dnat';
import { nodePortAsked, nodePortSubject } from './node-port';
import {
  chooseWay,
  optionNamed,
  KIND_WORDS,
  namedWaysIn,
  sameWay,
  waysIn,
  type OtherWayIn,
  type WayInOption,
  type WaysCatalog,
} from './ways-in';
import type { FrontDoor } from '../inventory/front-door';
import type { HTTPRoute, Ingress, Pod, Route, Service } from '../inventory/k8s-types';
import { closest } from '../nlu/names';
import { whereClientGoes } from '../nlu/parse';
import { outsideHosts } from '../nlu/score';
import { escapeRe } from '../regex';
import type { Intent } from '../nlu/parse';
import { fullName, matchesSelector, podIp, serviceSelects } from '../path/kube';
import { isPrivateIp } from '../path/ip';
import { lbIngressIps } from '../path/lb';
import { ROUTER_PORTS } from '../path/ports';
import { result, type PathResult } from '../path/result';
import { spec } from './spec';
import { ingressIpsOf } from './decide';

export interface InboundSubjects extends Noted {
  route?: Route;
  ingress?: Ingress;
  service?: Service;
  /** a Gateway API route (Application Gateway for Containers) */
  httpRoute?: HTTPRoute;
  /** the host asked about, when the question named one */
  host?: string;
  clientIp?: string;
  /** a node port asked about (the Service is its owner): client → node → pod, no load balancer */
  nodePort?: number;
  /** the node address said with the node port */
  nodeIp?: string;
  /** the workload's other ways in, said with the answer */
  others?: OtherWayIn[];
  /** the port asked of a Service reached directly ("the ingress controller on 443"): one of the Service's ports */
  port?: number;
  /** an Azure Firewall in front: its address was dialled, its DNAT rule leads to the Service */
  firewallDnat?: FirewallDnat;
  /** the pod the question named (`ns/name`) and the port said: what a private client dials when the Service is not
   * exposed */
  pod?: string;
  portSaid?: number;
}

type Catalog = WaysCatalog;

type Found = Omit<InboundSubjects, 'clientIp'>;

export async function resolve(intent: Intent, ctx: Ctx): Promise<InboundSubjects | PathResult | HandOff> {
  const dials = podDialsHost(intent);
  if (dials) return dials;
  const found = await resolveWay(intent, ctx);
  if (isReply(found)) return found;
  const port = askedPort(found, intent);
  const pod = intent.entities?.find((e) => e.kind === 'pod')?.pods?.[0];
  return {
    ...found,
    ...(port ? { port } : {}),
    ...(pod ? { pod } : {}),
    ...(intent.port ? { portSaid: intent.port } : {}),
  };
}

/** The port dialed at the way in. A LoadBalancer Service has one load-balancing rule per port: the one asked is the way
 * in (https://learn.microsoft.com/azure/aks/load-balancer-standard); a route's or ingress's controller is dialed on the
 * port said or the URL's ("https://shop… from outside": 443), which the NSG and the LB rule judge. */
function askedPort(found: InboundSubjects, intent: Intent): number | undefined {
  if (found.httpRoute) return undefined;
  if (found.route || found.ingress) return intent.port ?? (found.host ? intent.urlPorts?.[found.host] : undefined);
  if (!found.service || !intent.port) return undefined;
  return (found.service.spec?.ports ?? []).some((p) => p.port === intent.port) ? intent.port : undefined;
}

const DIALS = String.raw`(reach|call|hit|curl|connect|talk|get|send|open|quer)\w*`;
const AUX = String.raw`((can|could|will|would|should|must|does|do|needs?|wants?|tries|trying|fails?|to)( to)? )?`;

/** "how does pod sqlapi reach sqlapilb-project1.apps…?": a pod of ours dialing a host we serve is no client on the
 * Internet; its path starts at the pod (east-west). */
function podDialsHost(intent: Intent): HandOff | undefined {
  const entities = intent.entities ?? [];
  const ours = entities.find((e) => e.kind === 'host')?.text;
  // "how does api reach api.stripe.com?": a host outside the cluster is reached on the pod's way out
  const host = ours ?? outsideHosts(intent)[0];
  // (never the parser's "from": "in the web pod's log" is where the client shows up, not who dials)
  const dials = (name: string) =>
    new RegExp(String.raw`\b${escapeRe(name)}( pods?)? ${AUX}${DIALS}\b.{0,40}${escapeRe(host ?? '')}`).test(
      intent.text,
    );
  const pod = host && entities.find((e) => (e.kind === 'pod' || e.kind === 'workload') && dials(e.text));
  if (!pod || !host) return undefined;
  if (ours)
    return { handOff: 'east-west', note: `${pod.text} is a pod of this cluster: answered as its path to ${ours}` };
  return { handOff: 'egress', note: `${pod.text} is a pod of this cluster: answered as its way out to ${host}` };
}

async function resolveWay(intent: Intent, ctx: Ctx): Promise<InboundSubjects | PathResult> {
  const { inv, trace } = ctx;
  const [routes, ingresses, services, httpRoutes] = await Promise.all([
    trace.list('routes', () => inv.list('Route')),
    trace.list('ingresses', () => inv.list('Ingress')),
    trace.list('services', () => inv.list('Service')),
    trace.list('HTTPRoutes', () => inv.list('HTTPRoute')),
  ]);
  const cat: Catalog = { routes, ingresses, services, httpRoutes };
  // a LoadBalancer address in the question is the subject, not the client
  const lbByIp = services.find((svc) => intent.ips.some((ip) => lbIngressIps(svc).includes(ip)));
  const clientIp = outsideClient(intent, cat);
  // "the LB rule for 20.31.46.20 … how does a request reach web": the address said is the named Service's own way in
  const toLb = lbByIp && (saidToLb(intent, lbByIp) || intent.names.includes(lbByIp.metadata.name));
  // a host a route or ingress serves wins over a load balancer address seen only in pasted output
  const hosted = lbByIp && hostOverPaste(intent, cat, lbByIp, clientIp);
  if (hosted) return hosted;
  // "the CDN hits the router at 20.67.170.10 for the sqlapilb route host": the route named is the subject, the
  // router's address the way it comes in
  const routeNamed = intent.typed.some((t) => t.type === 'route' && routes.some((r) => r.metadata.name === t.name));
  const pods = await trace.list('pods', () => inv.list('Pod'));
  const published = await firewallToNamed(intent, ctx, services, pods, clientIp);
  if (published) return published;
  if (lbByIp && (!intent.names.length || toLb) && !routeNamed)
    return { clientIp, ...(await lbWayIn(intent, ctx, cat, pods, lbByIp)) };
  const byPort = !lbByIp && (await viaNodePort(intent, ctx, services, clientIp));
  if (byPort) return byPort;
  // a host or route served through the Gateway API (HTTPRoute), or a Front Door endpoint in front of a way in
  const via = await viaGatewayOrDoor(intent, ctx, cat);
  if (via) return isReply(via) ? via : { clientIp, ...(await withWays(via, intent, ctx, cat, pods)) };
  const found = byNames(intent, cat, pods);
  if (found) return isReply(found) ? found : { clientIp, ...(await withWays(found, intent, ctx, cat, pods)) };
  if (lbByIp) return { clientIp, service: lbByIp };
  const other = await byAddressOrSite(intent, ctx, cat, pods, clientIp);
  if (other) return other;
  const dialled = podAtAddress(intent, cat, pods, clientIp);
  if (dialled) return dialled;
  if (!intent.names.length)
    return result(
      'inbound',
      'not-understood',
      `Reach what? Name a route, host, ingress or Service, e.g. "${spec.examples[0]}".`,
    );
  return notFound(intent, cat);
}

/** The port an address is dialled on: the one said, else its URL's scheme's ("post to https://51.104.20.30": 443,
 * https://www.rfc-editor.org/rfc/rfc9110#section-4.2.2) */
const dialledPort = (intent: Intent, clientIp?: string): number | undefined =>
  intent.port ??
  intent.ips
    .filter((ip) => ip !== clientIp)
    .map((ip) => intent.urlPorts?.[ip])
    .find((p) => p);

/** "users hit our firewall public ip 51.104.20.30 on 443 — how do they land on web?", "kiosks post to
 * https://51.104.20.30 - how does that land on the web pods?": a firewall's address said with a workload, whose DNAT rule
 * leads to a Service of the workload's pods, is that workload's way in
 * (https://learn.microsoft.com/azure/firewall/tutorial-firewall-dnat) */
async function firewallToNamed(intent: Intent, ctx: Ctx, services: Service[], pods: Pod[], clientIp?: string) {
  const named = new Set(
    (intent.entities ?? []).flatMap((e) => (e.kind === 'pod' || e.kind === 'workload' ? (e.pods ?? []) : [])),
  );
  if (!named.size) return undefined;
  for (const [ips, client] of firewallAddressesSaid(intent, services, clientIp)) {
    const found = await firewallWayIn(ips, dialledPort(intent, client), client, services, ctx);
    if (!found || isReply(found)) continue;
    if (pods.some((p) => named.has(fullName(p)) && serviceSelects(found.service, p)))
      return { clientIp: client, ...found };
  }
  return undefined;
}

/** The addresses a client is said to dial, with the client then: those said as where the client goes (a load
 * balancer's own address is its Service's way in, never a firewall's), else the one address said outside the cluster
 * (the firewall's own address is never the client: "traffic hitting 51.104.20.30 on 443") */
function firewallAddressesSaid(intent: Intent, services: Service[], clientIp?: string): [string[], string?][] {
  const ours = (ip: string) => services.some((svc) => lbIngressIps(svc).includes(ip));
  const dialled = intent.ips.filter((ip) => ip !== clientIp && !ours(ip) && whereClientGoes(intent.text, ip));
  const said = (intent.elsewhereIps ?? []).filter((ip) => intent.ips.includes(ip));
  const outside = said.length > 1 ? said.filter((ip) => ip !== clientIp) : said;
  const out: [string[], string?][] = [];
  if (dialled.length) out.push([dialled, clientIp]);
  if (outside.length === 1) out.push([outside, clientIp === outside[0] ? undefined : clientIp]);
  return out;
}

/** "can 10.10.3.5 reach 10.10.2.10 on 5432?": a pod's own address dialled by a client, asked as its Service not
 * exposed (the not-exposed answer says whether the pod's address is reachable from the client's network). */
function podAtAddress(intent: Intent, cat: Catalog, pods: Pod[], clientIp?: string): InboundSubjects | undefined {
  const pod = pods.find((p) => !p.spec?.hostNetwork && intent.ips.some((ip) => ip !== clientIp && podIp(p) === ip));
  const service =
    pod && cat.services.find((s) => (s.spec?.type ?? 'ClusterIP') === 'ClusterIP' && serviceSelects(s, pod));
  return pod && service ? { clientIp, service, pod: fullName(pod) } : undefined;
}

/** An ingress's own address, a site said in words, or a firewall's address whose DNAT rule leads to one of ours. */
async function byAddressOrSite(intent: Intent, ctx: Ctx, cat: Catalog, pods: Pod[], clientIp?: string) {
  const byAddress = ingressByIp(intent, cat.ingresses);
  if (byAddress) return { clientIp, ...(await withWays({ ingress: byAddress }, intent, ctx, cat, pods)) };
  const site = siteWayIn(intent, cat);
  if (site) return { clientIp, ...(await withWays(site, intent, ctx, cat, pods)) };
  const viaFirewall = await firewallWayIn(intent.ips, dialledPort(intent, clientIp), clientIp, cat.services, ctx);
  if (viaFirewall) return isReply(viaFirewall) ? viaFirewall : { clientIp, ...viaFirewall };
  return undefined;
}

/** The way in at a load balancer's address. "requests on 20.31.46.88 (the ingress controller's address) … how do they
 * get to the web pods?": a workload named with the address of an ingress controller's load balancer is reached
 * through its Ingress, which that controller serves
 * (https://kubernetes.io/docs/concepts/services-networking/ingress-controllers/) */
async function lbWayIn(intent: Intent, ctx: Ctx, cat: Catalog, pods: Pod[], lb: Service): Promise<Found> {
  // (the OpenShift router's Service selects "ingresscontroller.operator.openshift.io/…: default": said in the key)
  const selects = [lb.metadata.name, ...Object.entries(lb.spec?.selector ?? {}).flat()].join(' ');
  // "a request to the router-default LB IP 20.67.170.10 — how does it reach sqlapi": the router's own name said with
  // the workload is the way in, the workload the subject; the router serves Routes as a controller serves Ingresses
  // (https://docs.openshift.com/container-platform/4.16/networking/routes/route-configuration.html)
  const others = intent.names.filter((n) => n !== lb.metadata.name);
  if (!others.length || !CONTROLLER.test(selects)) return { service: lb };
  const typed = intent.typed.filter((t) => t.name !== lb.metadata.name);
  const found = byNames({ ...intent, names: others, typed }, cat, pods);
  if (!found || isReply(found) || !(found.ingress || found.route)) return { service: lb };
  const ways = await withWays(found, intent, ctx, cat, pods);
  // (the router's address said: its Route, never another way in the workload also has)
  return found.route && !ways.route ? { route: found.route, notes: found.notes } : ways;
}
const CONTROLLER = /\b(ingress|ingress-nginx|nginx|router|traefik|haproxy|contour|envoy|ingresscontroller)\b/;

/** The first name that is a host, a workload's way in, or a route, ingress or Service. */
function byNames(intent: Intent, cat: Catalog, pods: Pod[]): Found | PathResult | undefined {
  for (const name of candidates(intent)) {
    const found = byAny(name, intent, cat, pods);
    if (found) return found;
  }
  // "the nginx ingress": no ingress of that name, but the workload it names is exposed ("route sqlapi" stays strict)
  for (const name of candidates(intent)) {
    // ("the ingress controller": Kubernetes' name for what serves Ingresses, the workload, never an Ingress so named
    // https://kubernetes.io/docs/concepts/services-networking/ingress-controllers/)
    const controller = name === 'controller' || name === 'controllers';
    if (intent.typed.some((t) => t.name === name && !t.after && !(controller && t.type === 'ingress'))) continue;
    const found = byWorkload(name, intent, cat, pods, false);
    if (found) return found;
  }
  return undefined;
}

/** A node port said as the way in: its Service, the node address said not being the client. */
async function viaNodePort(intent: Intent, ctx: Ctx, services: Service[], clientIp?: string) {
  if (!nodePortAsked(intent)) return undefined;
  const nodes = await ctx.trace.list('nodes', () => ctx.inv.list('Node'));
  const found = nodePortSubject(intent, services, nodes);
  if (!found || isReply(found)) return found;
  return { ...found, clientIp: clientIp === found.nodeIp ? undefined : clientIp };
}

// Front Door endpoints are named <endpoint>-<hash>.z01.azurefd.net; a route of the endpoint sends requests to an
// origin group, whose origins' host names are the backends Front Door connects to
// https://learn.microsoft.com/azure/frontdoor/endpoint
// https://learn.microsoft.com/azure/frontdoor/origin
const AFD_HOST = /\.azurefd\.net\.?$/i;

const viaGatewayOrDoor = async (intent: Intent, ctx: Ctx, cat: Catalog) =>
  (await gatewayRouteSubject(intent, ctx, cat.httpRoutes)) ?? (await frontDoorSubject(intent, ctx, cat));

/** The Services a way in found leads to: the Service itself, the route's, or the ingress's backends. */
function baseServices(found: Found, cat: Catalog): Service[] {
  if (found.service) return [found.service];
  const ns = (found.route ?? found.ingress ?? found.httpRoute)?.metadata.namespace;
  const names = found.route
    ? [found.route.spec?.to?.name]
    : found.httpRoute
      ? (found.httpRoute.spec?.rules ?? []).flatMap((r) => (r.backendRefs ?? []).map((b) => b.name))
      : (found.ingress?.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend?.service?.name));
  return cat.services.filter((s) => s.metadata.namespace === ns && names.includes(s.metadata.name));
}

/**
 * A workload or Service with several ways in: the one the question names (App Gateway, AGC, Front Door…), and the
 * others said in one line each. A host named is one way in already.
 */
async function withWays(found: Found, intent: Intent, ctx: Ctx, cat: Catalog, pods: Pod[]): Promise<Found> {
  if (found.host || typedWay(intent, found)) return found;
  const base = baseServices(found, cat);
  const published = await firewallWays(base, ctx);
  const outside = await fromTheInternet(found, intent, published, ctx, cat);
  if (outside) return { ...outside, notes: [...(found.notes ?? []), internalOnly(base)] };
  const options = waysIn(base, cat, pods);
  if (!options.length) return published.length ? { ...found, others: [...(found.others ?? []), ...published] } : found;
  // a Gateway named by its address is the way in already
  const named = found.httpRoute ? [] : namedWaysIn(intent);
  const read = named.includes('front-door') ? ctx.inv.azure.frontDoors : undefined;
  const doors = read ? ((await ctx.trace.try('Azure Front Door profiles', () => read.call(ctx.inv.azure))) ?? []) : [];
  const pick = optionNamed(intent, options) ?? chooseWay(named, options, doors);
  const chosen: Found = pick ? subjectsOf(pick) : found;
  const others = [...options.filter((o) => !sameWay(o, chosen)).map(({ line, ask }) => ({ line, ask })), ...published];
  const missing = !pick && named.map((k) => KIND_WORDS[k]).find(Boolean);
  const of = base.map((b) => `${b.metadata.namespace}/${b.metadata.name}`).join(', ');
  const note = missing ? `I found no ${missing} in front of ${of}; this is the way in it has` : undefined;
  return { ...chosen, notes: [...(found.notes ?? []), note], ...(others.length ? { others } : {}) };
}

// "how does the internet reach web-internal?": an internal load balancer has no public address; the Internet reaches
// it through what publishes it (https://learn.microsoft.com/azure/load-balancer/components#frontend-ip-configurations)
const FROM_INTERNET = /\b(internet|public(ly)?|outside world|from outside|external (users?|clients?|customers?))\b/;
const internalOnly = (base: Service[]) =>
  `${base.map((s) => `${s.metadata.namespace}/${s.metadata.name}`).join(', ')} has an internal load balancer, no ` +
  "public address: from the Internet it is reached only through the firewall's DNAT rule, walked here";

/** Asked from the Internet, the one firewall DNAT rule publishing the internal way in is the way in walked. */
async function fromTheInternet(found: Found, intent: Intent, published: Published[], ctx: Ctx, cat: Catalog) {
  // ("kiosks post to https://51.104.20.30 - how does that land on the web pods?": the firewall's address said is the
  // way in asked about, whoever is said to open it)
  const said = published.filter((p) => intent.ips.includes(p.ip));
  const one = said.length === 1 ? said : published.length === 1 && FROM_INTERNET.test(intent.text) ? published : [];
  if (!one.length || found.firewallDnat) return undefined;
  const via = await firewallWayIn([one[0].ip], one[0].port, undefined, cat.services, ctx);
  return via && !isReply(via) ? via : undefined;
}

/** An internal load balancer's frontend of the Services, published by a firewall's DNAT rule: the way in from the
 * Internet. */
async function firewallWays(base: Service[], ctx: Ctx): Promise<Published[]> {
  const internal = base.flatMap((s) => (s.spec?.type === 'LoadBalancer' ? lbIngressIps(s) : [])).filter(isPrivateIp);
  return publishedBy(internal, ctx);
}

/** A route or ingress asked about by its type and name ("route sqlapilb"): that way in, not the workload's. */
const typedWay = (intent: Intent, found: Found): boolean =>
  intent.typed.some(
    (t) =>
      (t.type === 'route' && t.name === found.route?.metadata.name) ||
      (t.type === 'ingress' && t.name === found.ingress?.metadata.name),
  );

/** The subjects that walk an option (no httpRoute key unless it is a Gateway API way in). */
const subjectsOf = (o: WayInOption): Found =>
  o.httpRoute
    ? { httpRoute: o.httpRoute, host: o.host }
    : o.route
      ? { route: o.route }
      : o.ingress
        ? { ingress: o.ingress }
        : { service: o.service };

/**
 * A Front Door endpoint host named ("https://<endpoint>.z01.azurefd.net/…"): the way in its origin's host name
 * leads to (a route, ingress or Service).
 */
const FRONT_DOOR_SAID = /\b(front ?door|afd)\b/;
/** A pod, workload, Service, route or ingress of ours named: the question is about that one */
const namesAWay = (intent: Intent): boolean =>
  (intent.entities ?? []).some((e) => ['pod', 'workload', 'service', 'route', 'ingress', 'host'].includes(e.kind));

async function frontDoorSubject(intent: Intent, ctx: Ctx, cat: Catalog): Promise<Found | PathResult | undefined> {
  const hosts = [...new Set([...(intent.urlHosts ?? []), ...intent.names].map((h) => h.toLowerCase()))].filter((h) =>
    AFD_HOST.test(h),
  );
  // "how does Front Door get to the app?": Front Door said, and nothing of ours named: its one endpoint, if one
  const door = !hosts.length && FRONT_DOOR_SAID.test(intent.text) && !namesAWay(intent);
  if (!hosts.length && !door) return undefined;
  const read = ctx.inv.azure.frontDoors;
  const doors = read ? ((await ctx.trace.try('Azure Front Door profiles', () => read.call(ctx.inv.azure))) ?? []) : [];
  const isEp = (h: string) => (e: FrontDoor['endpoints'][number]) => e.hostName?.toLowerCase() === h.replace(/\.$/, '');
  const all = doors.flatMap((profile) => profile.endpoints.map((ep) => ({ profile, ep })));
  if (door && all.length !== 1) return undefined;
  const hit = door
    ? all[0]
    : hosts.flatMap((h) =>
        doors.flatMap((profile) => profile.endpoints.filter(isEp(h)).map((ep) => ({ profile, ep }))),
      )[0];
  if (!hit) {
    const none = doors.length ? 'no Front Door profile I have holds it' : 'I have no Front Door profile that holds it';
    const where = read ? '' : ' (Front Door is read from a snapshot only: azure/afd-*.json)';
    return result(
      'inbound',
      'not-found',
      `${hosts[0]} is an Azure Front Door endpoint, and ${none}${where}, so I cannot tell which origin it sends ` +
        'requests to. Ask about the origin host, route or Service instead.',
    );
  }
  const { profile, ep } = hit;
  const origins = [...profile.origins].sort((a, b) => Number(b.enabled) - Number(a.enabled));
  for (const o of origins) {
    const found = originWayIn(o.hostName, intent, cat);
    if (!found) continue;
    const groups = new Set(profile.origins.map((x) => x.group)).size;
    // the routes (which path pattern goes to which origin group) are not in the snapshot's Front Door files
    const routes =
      groups > 1 ? ` (the profile has ${groups} origin groups; \`az afd route list\` shows which gets this path)` : '';
    const note =
      `Front Door endpoint ${ep.hostName} (profile ${profile.name}) → origin group ${o.group} → origin ${o.name} ` +
      `→ ${o.hostName}${routes}`;
    return { ...found, notes: [note] };
  }
  const to = origins.map((o) => o.hostName).join(', ') || 'no origin';
  return result(
    'inbound',
    'not-found',
    `Front Door endpoint ${ep.hostName} (profile ${profile.name}) sends requests to ${to}, which no route, ingress ` +
      'or LoadBalancer Service of this cluster serves.',
  );
}

/** The way in an origin host name is: a route or ingress host, a LoadBalancer Service's address or DNS label. */
function originWayIn(host: string, intent: Intent, cat: Catalog): Found | undefined {
  const byHostName = byHost(host, { ...intent, namespace: undefined, typed: [] }, cat);
  if (byHostName && !isReply(byHostName)) return byHostName;
  const h = host.toLowerCase();
  // a LoadBalancer Service's public IP, or its azure-dns-label-name (<label>.<region>.cloudapp.azure.com)
  // https://learn.microsoft.com/azure/aks/static-ip#apply-a-dns-label-to-the-service
  const service = cat.services.find(
    (svc) =>
      lbIngressIps(svc).includes(h) ||
      (!!svc.metadata.annotations?.[DNS_LABEL] &&
        h.startsWith(`${svc.metadata.annotations[DNS_LABEL].toLowerCase()}.`) &&
        h.endsWith('.cloudapp.azure.com')),
  );
  return service ? { service } : undefined;
}

const DNS_LABEL = 'service.beta.kubernetes.io/azure-dns-label-name';

/** A host, a workload's way in or a route, ingress or Service by name. */
function byAny(name: string, intent: Intent, cat: Catalog, pods: Pod[]): Found | PathResult | undefined {
  const found = byHost(name, intent, cat) ?? byWorkload(name, intent, cat, pods) ?? byName(name, intent, cat);
  // "the sqlapi service … through Front Door": a ClusterIP Service is not reached from outside
  // (kubernetes.io/docs/concepts/services-networking/service/#type-clusterip): the way in said is in front of it
  const behind = found && !isReply(found) && throughWayIn(intent, found) && wayInOf(found.service!, cat, pods);
  return behind || found;
}

const WAY_IN_SAID = new RegExp(
  String.raw`\b(through|via|behind|from) (the |our |azure )?` +
    String.raw`(front ?door|afd|app(lication)? ?gateway|appgw|agw|routers?|routes?|ingress)\b`,
);
const throughWayIn = (intent: Intent, found: Found): boolean =>
  !!found.service &&
  (found.service.spec?.type ?? 'ClusterIP') === 'ClusterIP' &&
  WAY_IN_SAID.test(intent.text.toLowerCase());

/** The route (spec.to) or ingress (a rule's backend.service) in front of the Services selecting a Service's pods. */
function wayInOf(svc: Service, cat: Catalog, pods: Pod[]): Found | undefined {
  const { namespace } = svc.metadata;
  const mine = pods.filter((p) => serviceSelects(svc, p));
  const names = new Set(
    cat.services
      .filter((s) => s.metadata.namespace === namespace && mine.some((p) => serviceSelects(s, p)))
      .map((s) => s.metadata.name),
  );
  const route = cat.routes.find((r) => r.metadata.namespace === namespace && names.has(r.spec?.to?.name ?? ''));
  if (route) return { route };
  const ingress = cat.ingresses.find(
    (i) =>
      i.metadata.namespace === namespace &&
      (i.spec?.rules ?? []).some((r) => (r.http?.paths ?? []).some((p) => names.has(p.backend?.service?.name ?? ''))),
  );
  return ingress ? { ingress } : undefined;
}

function hostOverPaste(intent: Intent, cat: Catalog, lb: Service, clientIp?: string): InboundSubjects | undefined {
  const hosted = pastedOnly(lbIngressIps(lb), intent) ? servedHost(intent, cat) : undefined;
  if (!hosted) return undefined;
  return { clientIp: pastedClient(clientIp, intent), ...hosted, notes: [otherLb(hosted, lb, cat)] };
}

/** The load balancer's address is said as where the requests go. */
function saidToLb(intent: Intent, lb: Service): boolean {
  // "requests to 20.31.46.20 … the web pods": the address said as where requests go is the way in asked about
  // "how the internet traffic reaches my pods on 20.31.46.20": the pods' way in is at that address
  // "client 203.0.113.50 hitting 20.31.46.20": the address the client hits is the way in
  const atLb = (ip: string) =>
    new RegExp(
      // "customers open http://20.31.46.20/" (a URL reads "host <address>"): the address opened is the way in
      String.raw`\b(on|at|via|through|to|towards|hits?|hitting|reach(es|ing)?|host|opens?|opening|curl) ` +
        String.raw`${ip.replace(/\./g, '\\.')}\b`,
    );
  return (
    (intent.towards !== undefined && lbIngressIps(lb).includes(intent.towards)) ||
    lbIngressIps(lb).some((ip) => atLb(ip).test(intent.text))
  );
}

/** Every place one of these addresses is said is context (pasted output, earlier lines), not the asking sentence. */
const pastedOnly = (ips: string[], intent: Intent): boolean =>
  intent.asking !== undefined &&
  ips.some((ip) => intent.text.includes(ip)) &&
  !ips.some((ip) => intent.asking!.includes(ip));

/** A client address read from pasted output (a ClusterIP column, curl's peer) is no client. */
const pastedClient = (ip: string | undefined, intent: Intent): string | undefined =>
  ip && !pastedOnly([ip], intent) ? ip : undefined;

/** The first host named (in a URL or as a name) that a route or ingress serves. */
function servedHost(intent: Intent, cat: Catalog): Found | undefined {
  const hosts = [...(intent.urlHosts ?? []), ...candidates(intent)].filter((n) => n.includes('.'));
  for (const h of new Set(hosts)) {
    // a host names one way in across namespaces (a "-n" in the pasted command is not the host's)
    const found = byHost(h, { ...intent, namespace: undefined }, cat);
    if (found && !isReply(found)) return found;
  }
  return undefined;
}

/**
 * The load balancer the host is reached through: an Ingress's status address, or for a Route the LoadBalancer
 * Service of the router that admitted it (router-<name> in openshift-ingress).
 */
// https://kubernetes.io/docs/concepts/services-networking/ingress/
// https://docs.redhat.com/en/documentation/openshift_container_platform/4.17/html/network_apis/route-route-openshift-io-v1
function hostLbIps(found: Found, cat: Catalog): string[] {
  if (found.ingress) return (found.ingress.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
  const routers = (found.route?.status?.ingress ?? []).map((i) => `router-${i.routerName ?? 'default'}`);
  return cat.services
    .filter((s) => s.metadata.namespace === 'openshift-ingress' && routers.includes(s.metadata.name))
    .flatMap(lbIngressIps);
}

/** Said when the pasted address is another load balancer than the host's way in. */
function otherLb(found: Found, lb: Service, cat: Catalog): string | undefined {
  const mine = hostLbIps(found, cat);
  const pasted = lbIngressIps(lb);
  if (!mine.length || pasted.some((ip) => mine.includes(ip))) return undefined;
  const svc = `${lb.metadata.namespace}/${lb.metadata.name}`;
  return (
    `${pasted.join(', ')} in the pasted output is the load balancer of Service ${svc}, not the way in of ` +
    `${found.host}, which is reached at ${mine.join(', ')}`
  );
}

/** Names to try, typed ones first, then the one said as served, then host-like names, then a chain's end, then the
 * rest. */
const candidates = (intent: Intent): string[] => [
  ...new Set([
    ...intent.typed.filter((t) => ['route', 'ingress', 'service', 'host'].includes(t.type)).map((t) => t.name),
    ...intent.names.filter((n) => served(intent.text, n)),
    ...intent.names.filter((n) => n.includes('.')),
    ...intent.names.filter((n) => chainEnd(intent.text, n)),
    ...intent.names,
  ]),
];

/** "internet → ingress-nginx → web: walk me through it": a chain drawn hop by hop ends at the one reached, the names
 * before it being the way there */
const chainEnd = (text: string, name: string): boolean => {
  const last = Math.max(text.lastIndexOf('->'), text.lastIndexOf('→'));
  return last >= 0 && new RegExp(String.raw`^(?:->|→)\s*(?:the\s+)?${escapeRe(name)}(?![\w.-])`).test(text.slice(last));
};

/** "nginx or the app gateway — which one serves web?": the ways in are weighed, the name served is the subject */
const served = (text: string, name: string): boolean =>
  new RegExp(String.raw`\b(serves|serving|fronts|fronting|exposes|exposing) (the )?${escapeRe(name)}\b`).test(text);

const typedAs = (intent: Intent, type: string): string[] =>
  intent.typed.filter((t) => t.type === type).map((t) => t.name);

const inNs = <T extends { metadata: { namespace?: string } }>(intent: Intent, xs: T[]): T[] =>
  intent.namespace ? xs.filter((x) => x.metadata.namespace === intent.namespace) : xs;

/** A host name: the route or ingress serving it, or not found (a cluster-internal .svc name falls through). */
function byHost(name: string, intent: Intent, cat: Catalog): Found | PathResult | undefined {
  const isHost = name.includes('.') && !typedAs(intent, 'service').includes(name);
  if (!isHost && !typedAs(intent, 'host').includes(name)) return undefined;
  const route = inNs(intent, cat.routes).find((r) => r.spec?.host === name);
  if (route) return { route, host: name };
  const ingress = inNs(intent, cat.ingresses).find((i) => (i.spec?.rules ?? []).some((r) => r.host === name));
  if (ingress) return { ingress, host: name };
  if (/\.svc(\.|$)/.test(name)) return undefined;
  const hosts = [
    ...cat.routes.map((r) => r.spec?.host ?? ''),
    ...cat.ingresses.flatMap((i) => (i.spec?.rules ?? []).map((r) => r.host ?? '')),
  ].filter(Boolean);
  const near = closest(name, hosts);
  return result(
    'inbound',
    'not-found',
    `No route or ingress serves host ${name}.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`,
    { suggestions: near },
  );
}

/**
 * A workload named as such ("sqlapi", "the web pods", not "service sqlapi"): the route or ingress in front of the
 * Services that select its pods, else such a LoadBalancer Service; undefined when nothing exposes it by name.
 */
function byWorkload(name: string, intent: Intent, cat: Catalog, pods: Pod[], strict = true): Found | undefined {
  const e = intent.entities?.find((x) => ['workload', 'pod'].includes(x.kind) && x.text.split('/').pop() === name);
  // "the web pods", "the web deployment" are still the workload; "the web service" is the Service itself (when strict)
  if (!e?.pods || (strict && intent.typed.some((t) => t.name === name && !WORKLOAD_TYPES.includes(t.type))))
    return undefined;
  if (cat.routes.some((r) => r.metadata.name === name) || cat.ingresses.some((i) => i.metadata.name === name))
    return undefined; // a route or ingress of that very name is what was meant
  const mine = pods.filter((p) => e.pods!.includes(`${p.metadata.namespace}/${p.metadata.name}`));
  const ns = mine[0]?.metadata.namespace;
  const fronting = cat.services.filter(
    (s) =>
      s.metadata.namespace === ns &&
      !!s.spec?.selector &&
      mine.some((p) => matchesSelector(p.metadata.labels, { matchLabels: s.spec?.selector })),
  );
  const names = new Set(fronting.map((s) => s.metadata.name));
  // a Route's spec.to names the Service it exposes
  // (docs.redhat.com/en/documentation/openshift_container_platform/4.17/html/network_apis/route-route-openshift-io-v1)
  const route = cat.routes.find((r) => r.metadata.namespace === ns && names.has(r.spec?.to?.name ?? ''));
  if (route) return { route };
  // an Ingress rule's backend.service names the Service (kubernetes.io/docs/concepts/services-networking/ingress/)
  const ingress = cat.ingresses.find(
    (i) =>
      i.metadata.namespace === ns &&
      (i.spec?.rules ?? []).some((r) => (r.http?.paths ?? []).some((p) => names.has(p.backend?.service?.name ?? ''))),
  );
  if (ingress) return { ingress };
  const lb = fronting.find((s) => s.spec?.type === 'LoadBalancer');
  if (lb) return { service: lb };
  // asked of a pod by a name its Service does not share ("how does traffic reach db-0", Service db): that Service,
  // whose answer says what reaches it (a ClusterIP is reachable only inside the cluster,
  // kubernetes.io/docs/concepts/services-networking/service/#type-clusterip)
  return strict ? undefined : fronting.length ? { service: fronting[0] } : undefined;
}

/** Type words that say the workload ("the web deployment"), never which of its ways in. */
const WORKLOAD_TYPES = ['pod', 'deployment', 'deploymentconfig'];

/** A route, ingress or Service by name (a LoadBalancer Service first when names clash). */
function byName(name: string, intent: Intent, cat: Catalog): Found | undefined {
  const typedOther = intent.typed.some((t) => t.name === name && !WORKLOAD_TYPES.includes(t.type));
  // on OpenShift a route is often called an ingress (an Ingress becomes a route there): "the ingress sqlapilb" with
  // no Ingress of that name is the route
  // https://docs.openshift.com/container-platform/4.14/networking/routes/route-configuration.html#nw-ingress-creating-a-route-via-an-ingress_route-configuration
  const noIngress = !cat.ingresses.some((i) => i.metadata.name === name);
  const wants = (type: string) =>
    !typedOther ||
    typedAs(intent, type).includes(name) ||
    (type === 'route' && noIngress && typedAs(intent, 'ingress').includes(name));
  const services = inNs(intent, cat.services);
  const service =
    wants('service') &&
    (services.find((s) => s.metadata.name === name && s.spec?.type === 'LoadBalancer') ??
      services.find((s) => s.metadata.name === name));
  // "sqlapilb:8080" where a route and a Service share the name: a port only the Service serves is the Service's
  const servedPort = !!service && !!intent.port && !ROUTER_PORTS.includes(intent.port);
  if (servedPort && (service.spec?.ports ?? []).some((p) => p.port === intent.port)) return { service };
  const route = wants('route') && inNs(intent, cat.routes).find((r) => r.metadata.name === name);
  if (route) return { route };
  const ingress = wants('ingress') && inNs(intent, cat.ingresses).find((i) => i.metadata.name === name);
  if (ingress) return { ingress };
  return service ? { service } : undefined;
}

const siteWayIn = (intent: Intent, cat: Catalog): Found | undefined =>
  namespaceWayIn(intent, cat) ?? theAppGateway(intent, cat);

/** "from the office … to the app gateway on port 80": the Application Gateway said by what it is, no name of ours
 * said, where one Ingress is served by it (AGIC): that Ingress is the way in asked about
 * https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview */
function theAppGateway(intent: Intent, cat: Catalog): Found | undefined {
  if (!namedWaysIn(intent).includes('app-gateway') || (intent.entities ?? []).length) return undefined;
  const served = cat.ingresses.filter(isAgic);
  return served.length === 1 ? { ingress: served[0] } : undefined;
}

/** "how do users come into the shop site?": only a namespace named, and one way in there (a route or an ingress, else
 * one LoadBalancer Service): that is the site's way in */
function namespaceWayIn(intent: Intent, cat: Catalog): Found | undefined {
  const spaces = (intent.entities ?? []).filter((e) => e.kind === 'namespace').map((e) => e.matched);
  if (spaces.length !== 1 || intent.names.some((n) => n !== spaces[0])) return undefined;
  const here = <T extends { metadata: { namespace?: string } }>(xs: T[]) =>
    xs.filter((x) => x.metadata.namespace === spaces[0]);
  const [routes, ingresses] = [here(cat.routes), here(cat.ingresses)];
  if (routes.length + ingresses.length === 1) return routes.length ? { route: routes[0] } : { ingress: ingresses[0] };
  // several ways in (an Application Gateway's ingress and nginx's) to one Service: that Service, with its ways in
  const backends = new Set([
    ...routes.map((r) => r.spec?.to?.name),
    ...ingresses.flatMap((i) =>
      (i.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((x) => x.backend?.service?.name)),
    ),
  ]);
  const [only] = backends;
  const service = backends.size === 1 && only ? here(cat.services).find((x) => x.metadata.name === only) : undefined;
  if (service) return { service };
  const lbs = here(cat.services).filter((x) => x.spec?.type === 'LoadBalancer');
  return !routes.length && !ingresses.length && lbs.length === 1 ? { service: lbs[0] } : undefined;
}

/** The client address said, never one of our ways in: a load balancer's, or an ingress's ("is 20.31.50.10 port 80
 * reachable from the internet?") */
function outsideClient(intent: Intent, cat: Catalog): string | undefined {
  const ip = intent.clientIp;
  const ours = (x: string) =>
    cat.services.some((svc) => lbIngressIps(svc).includes(x)) || cat.ingresses.some((i) => ingressIpsOf(i).includes(x));
  return ip && !ours(ip) ? ip : undefined;
}

/** "can a customer laptop reach 20.31.50.10 port 80": the one ingress whose address is said, where no load balancer
 * Service has it (an Application Gateway's public frontend, https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview) */
function ingressByIp(intent: Intent, ingresses: Ingress[]): Ingress | undefined {
  const said = ingresses.filter((i) => intent.ips.some((ip) => ingressIpsOf(i).includes(ip)));
  return said.length === 1 ? said[0] : undefined;
}

function notFound(intent: Intent, cat: Catalog): PathResult {
  const all = [
    ...cat.routes.map((r) => r.metadata.name),
    ...cat.ingresses.map((i) => i.metadata.name),
    ...cat.services.map((s) => s.metadata.name),
  ];
  const near = [...new Set(intent.names.flatMap((n) => closest(n, all)))];
  const names = intent.names.map((n) => `"${n}"`).join(' or ');
  const where = intent.namespace ? ` in ${intent.namespace}` : '';
  const mean = near.length ? ` Did you mean ${near.join(', ')}?` : '';
  return result('inbound', 'not-found', `I found no route, ingress or Service named ${names}${where}.${mean}`, {
    suggestions: near,
  });
}
