// The lookups of the load balancer list: the node resource group's load
// balancers, public IPs and NICs, and the nodes and Services behind them.
import type { Ctx } from '../family';
import { isAgic, readAppGateway, type AppGatewayFacts } from '../inbound/app-gateway';
import type { LoadBalancer, Nic, PublicIp } from '../inventory/azure-model';
import { idKey, subscriptionOf } from '../inventory/ids';
import type { EndpointSlice, Endpoints, Gateway, HTTPRoute, Ingress, Node, Pod, Service } from '../inventory/k8s-types';
import { isAgcClass } from '../path/kube';
import { isPrivateIp } from '../path/ip';
import { frontendHolds, lbWorld, publicIpById, type LbWorld } from '../path/lb';
import { subscriptionsInReach } from '../path/reach';
import { facts as snatFacts, type SnatFacts } from '../snat/facts';
import type { LbSubjects } from './resolve';

export interface LbFacts {
  /** the node resource group IDs read */
  groups: string[];
  lbs: LoadBalancer[];
  /** public IPs by lower-case ID: all of the node resource group(s), and those the frontends name */
  pips: Map<string, PublicIp>;
  /** the address ranges of the public IP prefixes frontends take their addresses from, by lower-case ID */
  prefixes?: Map<string, string>;
  nics: Nic[];
  nodes: Node[];
  services: Service[];
  /** the Services' endpoints, to name the pods behind a Service's frontend */
  slices?: EndpointSlice[];
  endpoints?: Endpoints[];
  pods?: Pod[];
  /** a SNAT question: each node's outbound rule and the Azure Monitor metrics of what SNATs it */
  snat?: SnatFacts;
  /** the internal load balancers found in front of NVAs, when those were asked about */
  fronting?: string[];
  /** the Application Gateways that serve Ingresses (AGIC), when asked with the load balancers */
  gateways?: GatewayServing[];
  /** the other ways in that proxy to the pods themselves (Application Gateway for Containers, Azure Front Door), when
   * asked with the load balancers */
  edges?: EdgeServing[];
}

/** A way in that is no load balancer of the cluster's: what it is, its addresses, what it serves and the Service
 * behind that, if the data names one. */
export interface EdgeServing {
  kind: 'agc' | 'afd';
  name: string;
  addresses: string[];
  serves: string;
  backend?: { name: string; namespace: string };
}

/** An Application Gateway and an Ingress it serves (AGIC programs the pod IPs of the Ingress backend). */
export interface GatewayServing {
  ingress: Ingress;
  gateway: AppGatewayFacts;
}

const EMPTY = { groups: [], lbs: [], nics: [], nodes: [], services: [], slices: [], endpoints: [], pods: [] };

export async function facts(s: LbSubjects, ctx: Ctx): Promise<LbFacts> {
  if (s.snat) {
    const snat = await snatFacts(ctx);
    return { ...EMPTY, pips: new Map(), snat };
  }
  const { inv, trace } = ctx;
  const [world, nodes, services, slices, endpoints, pods] = await Promise.all([
    lbWorld(inv, trace, { allPips: true, nics: true }),
    trace.list('nodes', () => inv.list('Node')),
    trace.list('services', () => inv.list('Service')),
    trace.try('endpoint slices', () => inv.list('EndpointSlice')),
    trace.try('endpoints', () => inv.list('Endpoints')),
    trace.try('pods', () => inv.list('Pod')),
  ]);
  const ids = world.lbs.flatMap((lb) => lb.frontends.map((f) => f.publicIpId).filter((id): id is string => !!id));
  await Promise.all(ids.map((id) => publicIpById(inv, world, id, trace)));
  const prefixes = await prefixesOf(world, ctx);
  const read = { slices: slices ?? [], endpoints: endpoints ?? [], pods: pods ?? [] };
  const elsewhere = await namedElsewhere(s, world, ctx);
  const fronting = elsewhere.length ? [] : await frontingNvas(s, world, ctx);
  const lbs = [...world.lbs, ...elsewhere, ...fronting];
  const only = fronting.length ? { fronting: fronting.map((lb) => lb.name) } : {};
  const nics = [...world.nics, ...(await nicsOf([...elsewhere, ...fronting], ctx))];
  const gateways = s.gateways ? await gatewaysServing(world.groups, ctx) : undefined;
  const edges = s.gateways ? [...(await agcServing(ctx)), ...(await frontDoorsServing(ctx))] : undefined;
  const pips = world.pips;
  return { groups: world.groups, lbs, pips, prefixes, nics, nodes, services, ...read, ...only, gateways, edges };
}

/** The range of each public IP prefix a frontend takes its addresses from ("which prefix?" is its range). */
async function prefixesOf(world: LbWorld, { inv, trace }: Ctx): Promise<Map<string, string>> {
  const ids = [...new Set(world.lbs.flatMap((lb) => lb.frontends.flatMap((f) => f.publicIpPrefixId ?? [])))];
  const read = await Promise.all(
    ids.map((id) => trace.try(`public IP prefix ${id.split('/').pop()}`, () => inv.azure.get('publicIpPrefix', id))),
  );
  return new Map(ids.flatMap((id, i) => (read[i]?.prefix ? [[idKey(id), read[i]!.prefix!]] : [])));
}

// Application Gateway for Containers: a Gateway of the ALB controller's class; its frontend FQDN is in the Gateway's
// addresses, and it proxies to the pod IPs of the backends of the HTTPRoutes attached to it
// https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
async function agcServing(ctx: Ctx): Promise<EdgeServing[]> {
  const [gateways, classes, routes] = await Promise.all([
    ctx.trace.try('Gateways', () => ctx.inv.list('Gateway')),
    ctx.trace.try('GatewayClasses', () => ctx.inv.list('GatewayClass')),
    ctx.trace.try('HTTPRoutes', () => ctx.inv.list('HTTPRoute')),
  ]);
  const controllerOf = (name?: string) => (classes ?? []).find((c) => c.metadata.name === name)?.spec?.controllerName;
  const agc = (g: Gateway) => isAgcClass(g.spec?.gatewayClassName, controllerOf(g.spec?.gatewayClassName));
  return (gateways ?? []).filter(agc).flatMap((g) => {
    const ns = g.metadata.namespace ?? 'default';
    const addresses = [...(g.status?.addresses ?? []), ...(g.spec?.addresses ?? [])].flatMap((a) =>
      a.value ? [a.value] : [],
    );
    const attached = (routes ?? []).filter((r) =>
      (r.spec?.parentRefs ?? []).some(
        (p) => p.name === g.metadata.name && (p.namespace ?? r.metadata.namespace) === ns,
      ),
    );
    return attached.map((r) => ({
      kind: 'agc' as const,
      name: `${ns}/${g.metadata.name}`,
      addresses: [...new Set(addresses)],
      serves: `HTTPRoute ${r.metadata.namespace ?? 'default'}/${r.metadata.name}`,
      backend: backendOfRoute(r),
    }));
  });
}

const backendOfRoute = (r: HTTPRoute): EdgeServing['backend'] => {
  const ref = r.spec?.rules?.[0]?.backendRefs?.[0];
  return ref ? { name: ref.name, namespace: ref.namespace ?? r.metadata.namespace ?? 'default' } : undefined;
};

// Azure Front Door: each enabled origin is a host it opens a new connection to; the route or Ingress serving that
// host names the Service behind it https://learn.microsoft.com/azure/frontdoor/origin
async function frontDoorsServing(ctx: Ctx): Promise<EdgeServing[]> {
  const read = ctx.inv.azure.frontDoors;
  const doors = (read && (await ctx.trace.try('Azure Front Door profiles', () => read.call(ctx.inv.azure)))) || [];
  if (!doors.length) return [];
  const [routes, ingresses] = await Promise.all([
    ctx.trace.try('routes', () => ctx.inv.list('Route')),
    ctx.trace.try('ingresses', () => ctx.inv.list('Ingress')),
  ]);
  const backendOf = (host: string): EdgeServing['backend'] => {
    const route = (routes ?? []).find((r) => r.spec?.host?.toLowerCase() === host.toLowerCase());
    if (route?.spec?.to?.name) return { name: route.spec.to.name, namespace: route.metadata.namespace ?? 'default' };
    const ing = (ingresses ?? []).find((i) => (i.spec?.rules ?? []).some((x) => x.host?.toLowerCase() === host));
    const svc = ing?.spec?.rules?.[0]?.http?.paths?.[0]?.backend?.service?.name;
    return ing && svc ? { name: svc, namespace: ing.metadata.namespace ?? 'default' } : undefined;
  };
  return doors.flatMap((d) =>
    d.origins
      .filter((o) => o.enabled)
      .map((o) => ({
        kind: 'afd' as const,
        name: d.name,
        addresses: d.endpoints.flatMap((e) => (e.hostName ? [e.hostName] : [])),
        serves: `origin ${o.group}/${o.name} (${o.hostName})`,
        backend: backendOf(o.hostName.toLowerCase()),
      })),
  );
}

/** The Ingresses an Application Gateway serves (AGIC) and their gateway, read in the cluster's subscription. */
async function gatewaysServing(groups: string[], ctx: Ctx): Promise<GatewayServing[]> {
  const ingresses = (await ctx.trace.try('ingresses', () => ctx.inv.list('Ingress'))) ?? [];
  const sub = groups.map(subscriptionOf).find(Boolean);
  const served = ingresses.filter(isAgic);
  if (!sub || !served.length) return [];
  const read = await Promise.all(
    served.map(async (ingress) => ({ ingress, gateway: await readAppGateway(ingress, `/subscriptions/${sub}`, ctx) })),
  );
  return read.filter((g) => !!g.gateway.gateway);
}

/** The NICs of a load balancer's own resource group when it lies outside the node resource group (an NVA's, in the
 * hub): its backends are named by them. Unreadable: none. */
async function nicsOf(lbs: LoadBalancer[], ctx: Ctx): Promise<Nic[]> {
  const groups = [...new Set(lbs.map((lb) => /^(.*\/resourcegroups\/[^/]+)/i.exec(lb.id)?.[1]).filter(Boolean))];
  const lists = await Promise.all(groups.map((g) => ctx.inv.azure.list('nic', g as string).catch(() => [] as Nic[])));
  return lists.flat();
}

/** "the LB in front of the NVAs": highly available NVAs sit behind an internal load balancer in the hub, outside the
 * node resource group; those in the subscriptions in reach (none readable: the list stays as it was)
 * https://learn.microsoft.com/azure/architecture/networking/guide/network-virtual-appliance-high-availability */
async function frontingNvas(s: LbSubjects, world: LbWorld, ctx: Ctx): Promise<LoadBalancer[]> {
  if (!s.nva) return [];
  const subs = await subscriptionsInReach(ctx.inv, world.groups, world.nics, ctx.trace);
  const lists = await Promise.all(
    subs.map((sub) => ctx.inv.azure.list('loadBalancer', `/subscriptions/${sub}`).catch(() => [] as LoadBalancer[])),
  );
  const ours = new Set(world.lbs.map((lb) => lb.id.toLowerCase()));
  return lists
    .flat()
    .filter((lb) => !ours.has(lb.id.toLowerCase()) && lb.frontends.every((fe) => !fe.publicIpId && fe.privateIp));
}

/** A load balancer named in the question that the node resource group does not hold (an internal one in front of
 * NVAs, in a hub peered with the cluster's VNet): looked up in the subscriptions in reach; none found (or none
 * readable) leaves the list as it was. */
async function namedElsewhere(s: LbSubjects, world: LbWorld, ctx: Ctx): Promise<LoadBalancer[]> {
  const wanted = new Set([s.explicit, ...s.pick].filter((n): n is string => !!n).map((n) => n.toLowerCase()));
  const named = (lb: LoadBalancer) => wanted.has(lb.name.toLowerCase());
  // an address given ("what's behind 10.110.0.68?") that no load balancer here holds: the one holding it elsewhere
  const privateAt = (lb: LoadBalancer) => frontendHolds(lb, s.at ?? [], () => undefined);
  const at = world.lbs.some(privateAt) ? undefined : s.at?.filter(isPrivateIp);
  if ((!wanted.size || world.lbs.some(named)) && !at?.length) return [];
  const subs = await subscriptionsInReach(ctx.inv, world.groups, world.nics, ctx.trace);
  const lists = await Promise.all(
    subs.map((sub) => ctx.inv.azure.list('loadBalancer', `/subscriptions/${sub}`).catch(() => [] as LoadBalancer[])),
  );
  const ours = new Set(world.lbs.map((lb) => idKey(lb.id)));
  const holdsAt = (lb: LoadBalancer) => !!at?.length && frontendHolds(lb, at, () => undefined);
  return lists.flat().filter((lb) => !ours.has(idKey(lb.id)) && (named(lb) || holdsAt(lb)));
}
