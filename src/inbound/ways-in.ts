// A workload often has several ways in at once: its LoadBalancer Service, an ingress (ingress-nginx, or AGIC's
// Application Gateway), an OpenShift route, a Gateway API HTTPRoute (Application Gateway for Containers), Front Door
// in front of one of them. An answer about the workload takes the way in the question names, and lists the others
// in one line each with the question that walks them.
import type { FrontDoor } from '../inventory/front-door';
import type { HTTPRoute, Ingress, Pod, Route, Service } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { serviceSelects } from '../path/kube';
import { lbIngressIps } from '../path/lb';
import { isAgic } from './app-gateway';

/** The kinds of way in a question can name. */
export type WayInKind = 'agc' | 'app-gateway' | 'front-door' | 'ingress' | 'load-balancer' | 'route';

/** A way in of a workload: the subjects that walk it, a line that says it, and the question that asks about it. */
export interface WayInOption {
  kind: WayInKind;
  route?: Route;
  ingress?: Ingress;
  service?: Service;
  httpRoute?: HTTPRoute;
  /** the host it serves (an origin of Front Door may name it) */
  host?: string;
  line: string;
  ask: string;
}

/** Another way in, said with the answer. */
export interface OtherWayIn {
  line: string;
  ask: string;
}

export interface WaysCatalog {
  routes: Route[];
  ingresses: Ingress[];
  services: Service[];
  httpRoutes: HTTPRoute[];
}

// a word standing alone: not part of a host ("shop-agw.contoso.com") or a longer name
const word = (w: string) => new RegExp(String.raw`(?<![\w.-])(${w})(?![\w-]|\.\w)`);

/** The words that name a way in, most specific first (Application Gateway for Containers before App Gateway). */
const NAMED: [WayInKind, RegExp][] = [
  // https://learn.microsoft.com/azure/application-gateway/for-containers/overview
  ['agc', word(String.raw`agc|app(lication)? ?gateway for containers|alb controller|gateway api|httproutes?`)],
  // https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview
  ['app-gateway', word(String.raw`app(lication)?[ -]?gateways?|appgw|agw|agic`)],
  // https://learn.microsoft.com/azure/frontdoor/front-door-overview
  ['front-door', word(String.raw`front ?door|afd`)],
  ['ingress', word(String.raw`(ingress[- ])?nginx|ingress controller`)],
  ['route', word(String.raw`openshift router|router|route`)],
  ['load-balancer', word(String.raw`(azure )?load ?balancer|lb|external ip`)],
];

/**
 * The ways in the question names ("from the App Gateway to the web pods", "AGC frontend … -> web"), most specific
 * first. Read from the words here; a parser field (intent.wayIn) would take precedence if it is ever filled.
 */
export function namedWaysIn(intent: Intent): WayInKind[] {
  const said = (intent as { wayIn?: WayInKind }).wayIn;
  if (said) return [said];
  let text = intent.text.toLowerCase();
  const kinds: WayInKind[] = [];
  for (const [kind, re] of NAMED) {
    if (!re.test(text)) continue;
    kinds.push(kind);
    // "application gateway for containers" is not also an Application Gateway
    text = text.replace(new RegExp(re.source, 'g'), ' ');
  }
  return kinds;
}

/** The option whose Gateway the question names ("by gateway-01": the Gateway an HTTPRoute attaches to): that way in,
 * before any kind named by words (https://gateway-api.sigs.k8s.io/api-types/httproute/#attaching-to-gateways) */
export function optionNamed(intent: Intent, options: WayInOption[]): WayInOption | undefined {
  const said = new Set(intent.names);
  const byGateway = options.find((o) => (o.httpRoute?.spec?.parentRefs ?? []).some((g) => said.has(g.name)));
  // "… opens http://20.31.50.10/ — how does that land on web?": the way in whose own address is said (an ingress's
  // status address, a LoadBalancer Service's) is the one dialled, not the client's
  // (https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource)
  const dialled = (ip: string) => ip !== intent.clientIp && intent.ips.includes(ip);
  return byGateway ?? options.find((o) => addressesOf(o).some(dialled));
}

/** The addresses a way in is dialled at: an ingress's status address, a LoadBalancer Service's. */
const addressesOf = (o: WayInOption): string[] =>
  o.ingress
    ? (o.ingress.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []))
    : !o.route && !o.httpRoute && o.service
      ? lbIngressIps(o.service)
      : [];

/** The option of the first kind named that the workload has (Front Door: the way in an origin names). */
export function chooseWay(named: WayInKind[], options: WayInOption[], doors: FrontDoor[]): WayInOption | undefined {
  for (const kind of named) {
    const hit = kind === 'front-door' ? frontedByDoor(options, doors) : options.find((o) => o.kind === kind);
    if (hit) return hit;
  }
  return undefined;
}

/** The words for a kind of way in, when the question names one the workload does not have. */
export const KIND_WORDS: Partial<Record<WayInKind, string>> = {
  agc: 'Application Gateway for Containers (Gateway API HTTPRoute)',
  'app-gateway': 'Application Gateway (AGIC ingress)',
  'front-door': 'Front Door origin',
};

const nsName = (o: { metadata: { name: string; namespace?: string } }) => `${o.metadata.namespace}/${o.metadata.name}`;
const nsFlag = (o: { metadata: { namespace?: string } }) => (o.metadata.namespace ? ` -n ${o.metadata.namespace}` : '');

/** The Services of the namespace that select any pod the given Services select. */
function siblings(base: Service[], cat: WaysCatalog, pods: Pod[]): Service[] {
  const ns = base[0]?.metadata.namespace;
  const mine = pods.filter((p) => base.some((s) => s.metadata.namespace === ns && serviceSelects(s, p)));
  const more = cat.services.filter((s) => s.metadata.namespace === ns && mine.some((p) => serviceSelects(s, p)));
  return [...new Set([...base, ...more])];
}

const ingressBackends = (i: Ingress): string[] =>
  (i.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend?.service?.name ?? ''));

const ingressOption = (i: Ingress): WayInOption => {
  const host = i.spec?.rules?.find((r) => r.host)?.host;
  const on = host ? `, host ${host}` : '';
  const agic = isAgic(i);
  return {
    kind: agic ? 'app-gateway' : 'ingress',
    ingress: i,
    host,
    line: agic
      ? `Application Gateway (AGIC) ingress ${nsName(i)}${on}: the gateway connects straight to the pod IPs`
      : `ingress ${nsName(i)} (${i.spec?.ingressClassName ?? 'default class'})${on}`,
    ask: `inbound ingress/${i.metadata.name}${nsFlag(i)}`,
  };
};

const routeOption = (r: Route): WayInOption => ({
  kind: 'route',
  route: r,
  host: r.spec?.host,
  line: `route ${nsName(r)}${r.spec?.host ? `, host ${r.spec.host}` : ''}`,
  ask: `inbound route/${r.metadata.name}${nsFlag(r)}`,
});

const httpRouteOption = (r: HTTPRoute): WayInOption => {
  const host = r.spec?.hostnames?.[0];
  return {
    kind: 'agc',
    httpRoute: r,
    host,
    line: `Gateway API HTTPRoute ${nsName(r)}${host ? `, host ${host}` : ''} (Application Gateway for Containers)`,
    ask: host ? `inbound ${host}` : `inbound ${r.metadata.name}${nsFlag(r)}`,
  };
};

const serviceOption = (s: Service): WayInOption => ({
  kind: 'load-balancer',
  service: s,
  line: `LoadBalancer Service ${nsName(s)} at ${lbIngressIps(s).join(', ') || '(no external IP yet)'}`,
  ask: `inbound service/${s.metadata.name}${nsFlag(s)}`,
});

/** Every way in to the pods the given Services select: routes, ingresses, HTTPRoutes, LoadBalancer Services. */
export function waysIn(base: Service[], cat: WaysCatalog, pods: Pod[]): WayInOption[] {
  if (!base.length) return [];
  const svcs = siblings(base, cat, pods);
  const ns = svcs[0].metadata.namespace;
  const names = new Set(svcs.map((s) => s.metadata.name));
  const here = <T extends { metadata: { namespace?: string } }>(xs: T[]) =>
    xs.filter((x) => x.metadata.namespace === ns);
  return [
    ...here(cat.routes)
      .filter((r) => names.has(r.spec?.to?.name ?? ''))
      .map(routeOption),
    ...here(cat.ingresses)
      .filter((i) => ingressBackends(i).some((b) => names.has(b)))
      .map(ingressOption),
    ...here(cat.httpRoutes)
      .filter((r) => (r.spec?.rules ?? []).some((x) => (x.backendRefs ?? []).some((b) => names.has(b.name))))
      .map(httpRouteOption),
    ...svcs.filter((s) => s.spec?.type === 'LoadBalancer').map(serviceOption),
  ];
}

/** The option a Front Door origin names (its host, or a LoadBalancer Service's address). */
function frontedByDoor(options: WayInOption[], doors: FrontDoor[]): WayInOption | undefined {
  const origins = new Set(doors.flatMap((d) => d.origins.map((o) => o.hostName.toLowerCase())));
  return options.find(
    (o) =>
      (o.host && origins.has(o.host.toLowerCase())) ||
      (o.service && lbIngressIps(o.service).some((ip) => origins.has(ip))),
  );
}

/** The same way in: the same object behind it. */
export const sameWay = (
  o: WayInOption,
  s: { route?: Route; ingress?: Ingress; service?: Service; httpRoute?: HTTPRoute },
) =>
  (!!o.route && o.route === s.route) ||
  (!!o.ingress && o.ingress === s.ingress) ||
  (!!o.httpRoute && o.httpRoute === s.httpRoute) ||
  (!!o.service && !s.route && !s.ingress && !s.httpRoute && o.service === s.service);
