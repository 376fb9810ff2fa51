// Transitional: the inbound handler.
import type { Ctx } from '../family';
import { closest } from '../nlu/names';
import type { Intent } from '../nlu/parse';
import { inboundPath, type InboundQuestion } from '../path/inbound';
import { lbIngressIps } from '../path/lb';
import { result, type PathResult } from '../path/result';
import { spec } from './spec';

export async function inboundHandler(intent: Intent, ctx: Ctx): Promise<PathResult> {
  const { inv } = ctx;
  const go = (q: InboundQuestion) => inboundPath(inv, q, ctx.trace);
  const [routes, ingresses, services] = await Promise.all([
    ctx.trace.list('routes', () => inv.list('Route')),
    ctx.trace.list('ingresses', () => inv.list('Ingress')),
    ctx.trace.list('services', () => inv.list('Service')),
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
  if (lbByIp && !intent.names.length) return go({ ...base, service: lbByIp });
  const typedFirst = [
    ...intent.typed.filter((t) => ['route', 'ingress', 'service', 'host'].includes(t.type)).map((t) => t.name),
    ...intent.names.filter((n) => n.includes('.')),
    ...intent.names,
  ];
  for (const name of [...new Set(typedFirst)]) {
    const isHost = name.includes('.') && !typedAs('service').includes(name);
    if (isHost || typedAs('host').includes(name)) {
      const route = inNs(routes).find((r) => r.spec?.host === name);
      if (route) return go({ ...base, route, host: name });
      const ing = inNs(ingresses).find((i) => (i.spec?.rules ?? []).some((r) => r.host === name));
      if (ing) return go({ ...base, ingress: ing, host: name });
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
    if (route) return go({ ...base, route });
    const ing = wants('ingress') && inNs(ingresses).find((i) => i.metadata.name === name);
    if (ing) return go({ ...base, ingress: ing });
    const svc =
      wants('service') &&
      (inNs(services).find((s) => s.metadata.name === name && s.spec?.type === 'LoadBalancer') ??
        inNs(services).find((s) => s.metadata.name === name));
    if (svc) return go({ ...base, service: svc });
  }
  if (lbByIp) return go({ ...base, service: lbByIp });
  if (!intent.names.length)
    return result(
      'inbound',
      'not-understood',
      `Reach what? Name a route, host, ingress or Service, e.g. "${spec.examples[0]}".`,
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
