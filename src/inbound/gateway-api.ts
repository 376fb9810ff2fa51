// Gateway API ways in (HTTPRoute → Gateway → GatewayClass). Application Gateway
// for Containers (class azure-alb-external, ALB controller) proxies from its
// association subnet straight to the pod IPs of the route's backends and adds
// X-Forwarded-For; no LoadBalancer Service, no node hop.
// https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
import type { Ctx } from '../family';
import type { Gateway, GatewayClass, HTTPRoute, Service } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { endpointsOf, pickServicePort, type Endpoint } from '../path/endpoints';
import { isAgcClass } from '../path/kube';
import type { InboundFacts } from './facts';

/** The subjects of a question about a host or route served through the Gateway API. */
export interface GatewaySubjects {
  httpRoute: HTTPRoute;
  host?: string;
}

/**
 * A host or HTTPRoute name of the question that an HTTPRoute serves, or a Gateway's address (the AGC frontend FQDN
 * <id>.fzNN.alb.azure.com) with the route attached to it (resolve's Gateway API lookups).
 */
export async function gatewayRouteSubject(
  intent: Intent,
  ctx: Ctx,
  routes: HTTPRoute[],
): Promise<GatewaySubjects | undefined> {
  for (const name of intent.names) {
    const byHost = routes.find((r) => (r.spec?.hostnames ?? []).includes(name));
    if (byHost) return { httpRoute: byHost, host: name };
    const byName = routes.find(
      (r) => r.metadata.name === name && (!intent.namespace || r.metadata.namespace === intent.namespace),
    );
    if (byName) return { httpRoute: byName, host: byName.spec?.hostnames?.[0] };
  }
  return byGatewayAddress(intent, ctx, routes);
}

const addressesOf = (g: Gateway): string[] =>
  [...(g.status?.addresses ?? []), ...(g.spec?.addresses ?? [])].flatMap((a) =>
    a.value ? [a.value.toLowerCase()] : [],
  );

/**
 * A Gateway's address named (AGC: the frontend FQDN in status.addresses), or its name ("… comes in via gateway-01"):
 * the HTTPRoute attached to it whose backend is another name of the question, else its first route.
 * https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
 */
async function byGatewayAddress(intent: Intent, ctx: Ctx, routes: HTTPRoute[]): Promise<GatewaySubjects | undefined> {
  const said = [...(intent.urlHosts ?? []), ...intent.names, ...intent.ips].map((n) => n.toLowerCase());
  if (!routes.length || !said.length) return undefined;
  const gateways = await ctx.trace.list('Gateways', () => ctx.inv.list('Gateway'));
  const named = (g: Gateway) =>
    said.includes(g.metadata.name) && (!intent.namespace || intent.namespace === g.metadata.namespace);
  const gw = gateways.find((g) => addressesOf(g).some((a) => said.includes(a))) ?? gateways.find(named);
  if (!gw) return undefined;
  const attached = routes.filter((r) =>
    (r.spec?.parentRefs ?? []).some(
      (p) => p.name === gw.metadata.name && (p.namespace ?? r.metadata.namespace) === gw.metadata.namespace,
    ),
  );
  const backs = (r: HTTPRoute) =>
    (r.spec?.rules ?? []).some((x) => (x.backendRefs ?? []).some((b) => intent.names.includes(b.name)));
  const httpRoute = attached.find(backs) ?? attached[0];
  return httpRoute ? { httpRoute } : undefined;
}

export const isGatewaySubjects = (s: object): s is GatewaySubjects => 'httpRoute' in s;

const AGC_DELEGATION = 'microsoft.servicenetworking/trafficcontrollers';

export interface GatewayFacts {
  gateways: Gateway[];
  classes: GatewayClass[];
  /** prefixes of subnets delegated to Application Gateway for Containers (its proxies' addresses) */
  agcSubnets: string[];
}

export async function readGatewayFacts(scope: string | undefined, ctx: Ctx): Promise<GatewayFacts> {
  const { inv, trace } = ctx;
  const [gateways, classes, vnets] = await Promise.all([
    trace.list('Gateways', () => inv.list('Gateway')),
    trace.list('GatewayClasses', () => inv.list('GatewayClass')),
    scope ? trace.list('virtual networks', () => inv.azure.list('virtualNetwork', scope)) : [],
  ]);
  const agcSubnets = vnets
    .flatMap((v) => v.subnets)
    .filter((s) => (s.delegations ?? []).some((d) => d.toLowerCase() === AGC_DELEGATION))
    .flatMap((s) => s.prefixes);
  return { gateways, classes, agcSubnets };
}

export interface GatewayPath {
  route: HTTPRoute;
  host?: string;
  gateway?: Gateway;
  className?: string;
  controller?: string;
  agc: boolean;
  /** the Gateway's address (AGC: the frontend FQDN) */
  address?: string;
  backend?: Service;
  appEps: Endpoint[];
  /** what the pod sees: the AGC association subnet, when the data has it */
  sources: string[];
}

/** The route's Gateway, its class and controller. */
function gatewayOf(route: HTTPRoute, g: GatewayFacts) {
  const parent = route.spec?.parentRefs?.[0];
  const ns = parent?.namespace ?? route.metadata.namespace;
  const gateway = g.gateways.find((x) => x.metadata.name === parent?.name && x.metadata.namespace === ns);
  const className = gateway?.spec?.gatewayClassName;
  const controller = g.classes.find((c) => c.metadata.name === className)?.spec?.controllerName;
  return { gateway, className, controller };
}

/** The first rule's first backend Service and its ready endpoints. */
function backendOf(route: HTTPRoute, f: InboundFacts): { backend?: Service; appEps: Endpoint[] } {
  const ref = route.spec?.rules?.[0]?.backendRefs?.[0];
  const ns = ref?.namespace ?? route.metadata.namespace;
  const backend = f.services.find((x) => x.metadata.name === ref?.name && x.metadata.namespace === ns);
  if (!backend) return { appEps: [] };
  const eps = endpointsOf(backend, pickServicePort(backend, ref?.port), f.slices, f.endpoints, f.pods);
  return { backend, appEps: eps.filter((e) => e.ready) };
}

export function decideGateway(s: GatewaySubjects, g: GatewayFacts, f: InboundFacts): GatewayPath {
  const { gateway, className, controller } = gatewayOf(s.httpRoute, g);
  const agc = isAgcClass(className, controller);
  const address = gateway?.status?.addresses?.[0]?.value ?? gateway?.spec?.addresses?.[0]?.value;
  const sources = agc ? g.agcSubnets : [];
  return {
    route: s.httpRoute,
    host: s.host,
    gateway,
    className,
    controller,
    agc,
    address,
    ...backendOf(s.httpRoute, f),
    sources,
  };
}
