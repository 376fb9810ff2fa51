// The name a DNS question asks about, and the pod it is resolved from (if any).
import { isReply, type Ctx, type Noted } from '../family';
import type { Pod } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { findPod } from '../nlu/subjects';
import { result, type PathResult } from '../path/result';
import type { InboundSubjects } from '../inbound/resolve';
import { spec } from './spec';

export interface DnsSubjects extends Noted {
  /** the name as asked: svc, svc.ns, <hostname>.svc.ns or an FQDN */
  name: string;
  /** the pod that resolves it ("from sqlapi") */
  from?: Pod;
  /** the namespace the question names ("-n project1") */
  namespace?: string;
  /** a route or ingress host: public DNS, answered with the inbound family's front door */
  external?: InboundSubjects;
}

// A name a route or ingress serves is a public name that resolves to the front door's external IP; names
// ending in .svc / .svc.cluster.local are the cluster DNS's.
// https://docs.openshift.com/container-platform/latest/networking/routes/route-configuration.html
const clusterForm = (n: string) => /\.svc(\.cluster\.local)?\.?$/.test(n);

async function externalHost(name: string, ctx: Ctx): Promise<InboundSubjects | undefined> {
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
  const fromPod = intent.from ? await findPod(intent, ctx, spec, [intent.from]) : undefined;
  if (fromPod && isReply(fromPod)) return fromPod;
  const candidates = intent.names.filter((n) => n !== intent.from);
  // a dotted name first, then a route's or ingress's host ("the sqlapilb route"), then a Service, then the first
  const name =
    candidates.find((n) => n.includes('.')) ??
    (await hostOfTyped(intent, ctx)) ??
    candidates.find((n) => services.some((s) => s.metadata.name === n)) ??
    candidates[0];
  if (!name) {
    const example = 'what does server.project1.svc.cluster.local resolve to?';
    return result('dns', 'not-understood', `Resolve which name? For example: "${example}"`);
  }
  const external = await externalHost(name, ctx);
  return { name, from: fromPod?.pod, namespace: intent.namespace, external };
}
