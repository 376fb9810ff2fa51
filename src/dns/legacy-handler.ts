// Transitional: the DNS handler.
import { isReply, type Ctx } from '../family';
import type { Intent } from '../nlu/parse';
import { findPod } from '../nlu/subjects';
import { isHeadless, resolveServiceName } from '../path/dns';
import { endpointsOf, pickServicePort } from '../path/endpoints';
import { podIp } from '../path/kube';
import { result, type PathResult } from '../path/result';
import { spec } from './spec';

export async function dnsHandler(intent: Intent, ctx: Ctx): Promise<PathResult> {
  const { inv } = ctx;
  const [services, pods, slices, legacy] = await Promise.all([
    ctx.trace.list('services', () => inv.list('Service')),
    ctx.trace.list('pods', () => inv.list('Pod')),
    ctx.trace.list('endpoint slices', () => inv.list('EndpointSlice')),
    ctx.trace.list('endpoints', () => inv.list('Endpoints')),
  ]);
  const fromPod = intent.from ? await findPod(intent, ctx, spec, [intent.from]) : undefined;
  if (fromPod && isReply(fromPod)) return fromPod;
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
