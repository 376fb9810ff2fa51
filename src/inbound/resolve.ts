// Which way in the question is about: a route or ingress (by name or host), a
// Service (by name or LoadBalancer address), and the client IP if one is given.
import { isReply, type Ctx, type Noted } from '../family';
import type { Ingress, Route, Service } from '../inventory/k8s-types';
import { closest } from '../nlu/names';
import type { Intent } from '../nlu/parse';
import { lbIngressIps } from '../path/lb';
import { result, type PathResult } from '../path/result';
import { spec } from './spec';

export interface InboundSubjects extends Noted {
  route?: Route;
  ingress?: Ingress;
  service?: Service;
  /** the host asked about, when the question named one */
  host?: string;
  clientIp?: string;
}

interface Catalog {
  routes: Route[];
  ingresses: Ingress[];
  services: Service[];
}

type Found = Omit<InboundSubjects, 'clientIp'>;

export async function resolve(intent: Intent, ctx: Ctx): Promise<InboundSubjects | PathResult> {
  const { inv, trace } = ctx;
  const [routes, ingresses, services] = await Promise.all([
    trace.list('routes', () => inv.list('Route')),
    trace.list('ingresses', () => inv.list('Ingress')),
    trace.list('services', () => inv.list('Service')),
  ]);
  const cat: Catalog = { routes, ingresses, services };
  // a LoadBalancer address in the question is the subject, not the client
  const lbByIp = services.find((svc) => intent.ips.some((ip) => lbIngressIps(svc).includes(ip)));
  const clientIp =
    intent.clientIp &&
    (services.some((svc) => lbIngressIps(svc).includes(intent.clientIp!)) ? undefined : intent.clientIp);
  if (lbByIp && !intent.names.length) return { clientIp, service: lbByIp };
  for (const name of candidates(intent)) {
    const found = byHost(name, intent, cat) ?? byName(name, intent, cat);
    if (found) return isReply(found) ? found : { clientIp, ...found };
  }
  if (lbByIp) return { clientIp, service: lbByIp };
  if (!intent.names.length)
    return result(
      'inbound',
      'not-understood',
      `Reach what? Name a route, host, ingress or Service, e.g. "${spec.examples[0]}".`,
    );
  return notFound(intent, cat);
}

/** Names to try, typed ones first, then host-like names, then the rest. */
const candidates = (intent: Intent): string[] => [
  ...new Set([
    ...intent.typed.filter((t) => ['route', 'ingress', 'service', 'host'].includes(t.type)).map((t) => t.name),
    ...intent.names.filter((n) => n.includes('.')),
    ...intent.names,
  ]),
];

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

/** A route, ingress or Service by name (a LoadBalancer Service first when names clash). */
function byName(name: string, intent: Intent, cat: Catalog): Found | undefined {
  const wants = (type: string) => !intent.typed.some((t) => t.name === name) || typedAs(intent, type).includes(name);
  const route = wants('route') && inNs(intent, cat.routes).find((r) => r.metadata.name === name);
  if (route) return { route };
  const ingress = wants('ingress') && inNs(intent, cat.ingresses).find((i) => i.metadata.name === name);
  if (ingress) return { ingress };
  const services = inNs(intent, cat.services);
  const service =
    wants('service') &&
    (services.find((s) => s.metadata.name === name && s.spec?.type === 'LoadBalancer') ??
      services.find((s) => s.metadata.name === name));
  return service ? { service } : undefined;
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
