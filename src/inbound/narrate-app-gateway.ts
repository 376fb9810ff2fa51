// The AGIC path in words: client → (DNS) → the gateway's frontend → straight
// to a pod IP from the gateway's subnet; the client IP in X-Forwarded-For.
import type { ApplicationGateway } from '../inventory/azure-model';
import { result, type Hop, type PathResult } from '../path/result';
import type { AppGatewayPath } from './app-gateway';

type Listener = ApplicationGateway['listeners'][number];

const listenerText = (l?: Listener): string => {
  if (!l) return 'no listener';
  const hosts = l.hostNames.length ? ' ' + l.hostNames.join(', ') : '';
  return `listener ${l.name} (${l.protocol ?? 'Http'} ${l.port ?? ''}${hosts})`;
};

/** What the pod sees: an instance address of the gateway subnet. */
const sourceOf = (p: AppGatewayPath): string =>
  p.sources.length ? p.sources.join(' or ') : 'an address of the gateway subnet';

function entryHops(p: AppGatewayPath): Hop[] {
  const name = p.client ?? (p.publicIp ? 'Internet client' : 'client in the VNet');
  const hops: Hop[] = [{ kind: 'client', name, ip: p.client, src: p.client, dst: p.host ?? p.frontendIp }];
  if (p.host)
    hops.push({ kind: 'dns', name: p.host, ip: p.frontendIp, note: `needs a record for ${p.frontendIp ?? '?'}` });
  const src = p.client ?? 'client';
  if (p.publicIp) hops.push({ kind: 'public-ip', name: p.publicIp.name, ip: p.frontendIp, src, dst: p.frontendIp });
  return hops;
}

/** The gateway hop, its checks, and whether its backend pools hold the app's pod IPs. */
function gatewayHop(
  p: AppGatewayPath,
  g: ApplicationGateway,
  out: { hops: Hop[]; warnings: string[]; verify: string[] },
) {
  const src = sourceOf(p);
  out.hops.push({
    kind: 'application-gateway',
    name: g.name,
    ip: p.frontendIp,
    port: p.listener?.port,
    src: p.client ?? 'client',
    dst: p.frontendIp,
    note: `${listenerText(p.listener)}; proxies from its subnet (${src}) to the pod IPs, adding X-Forwarded-For`,
    nat: { kind: 'proxy', from: p.client ?? 'client', to: src },
  });
  out.verify.push(`az network application-gateway show -g ${g.resourceGroup} -n ${g.name} --query backendAddressPools`);
  if (!p.poolMatches)
    out.warnings.push(
      `No backend pool of ${g.name} holds the pod IPs of ${p.backend.metadata.name} ` +
        `(${p.appEps.map((e) => e.ip).join(', ') || 'none ready'}): AGIC has not synced, or another gateway serves it`,
    );
}

export function narrateAppGateway(p: AppGatewayPath): PathResult {
  const { ingress: ing, gateway: g, appEps, backend } = p;
  const ingName = `${ing.metadata.namespace}/${ing.metadata.name}`;
  const src = sourceOf(p);
  const out = {
    hops: entryHops(p),
    warnings: [] as string[],
    verify: [`kubectl get ingress ${ing.metadata.name} -n ${ing.metadata.namespace} -o wide`],
  };
  if (g) gatewayHop(p, g, out);
  else out.warnings.push('The Application Gateway is not in the data: its listener and backend pools are not checked');
  for (const e of appEps)
    out.hops.push({
      kind: 'pod',
      name: `${e.namespace}/${e.podName ?? e.ip}`,
      ip: e.ip,
      port: e.port,
      src,
      dst: e.ip,
      note: `sees an Application Gateway instance address; ${p.client ?? 'the client IP'} in X-Forwarded-For`,
    });
  const app = appEps[0];
  const gwName = g?.name ?? '(not in the data)';
  if (!app) {
    out.warnings.push(`Service ${backend.metadata.name} has no ready endpoints: the gateway answers 502`);
    return result(
      'inbound',
      'answered',
      `${ingName} is served by Application Gateway ${gwName} but ${backend.metadata.name} has no ready pods.`,
      out,
    );
  }
  const answer =
    `${p.host ?? ingName} is served by Application Gateway ${gwName} (AGIC, ingress ${ingName}) at ` +
    `${p.frontendIp ?? '?'}: no LoadBalancer Service and no node hop — the gateway connects from its subnet straight ` +
    `to the pod IPs (${appEps.map((e) => `${e.ip}:${e.port}`).join(', ')}). The pod sees an instance address of the ` +
    `gateway subnet (${src}) and ${p.client ?? 'the client IP'} in X-Forwarded-For.`;
  return result('inbound', 'answered', answer, {
    ...out,
    title: `${p.host ?? ingName} → Application Gateway ${g?.name ?? ''} → ${app.podName ?? app.ip}`,
    facts: [{ label: 'Ingress', value: `${ingName} (AGIC) → service ${backend.metadata.name}` }],
    seenAs: p.sources.length ? p.sources : [src],
    clientIp: 'xff',
  });
}
