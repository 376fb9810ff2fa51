// A Gateway API way in, in words: Application Gateway for Containers straight
// to the pod IPs (client IP in X-Forwarded-For), or another controller whose
// data path is not modelled (said so, no source claimed).
import { result, type Fact, type Hop, type PathResult } from '../path/result';
import type { GatewayPath } from './gateway-api';

const nsName = (o: { metadata: { name: string; namespace?: string } }) => `${o.metadata.namespace}/${o.metadata.name}`;
const NO_SUBNET =
  'The subnet delegated to Application Gateway for Containers is not in the data: the exact source range is unknown';

function basics(p: GatewayPath) {
  const rName = nsName(p.route);
  const gw = p.gateway ? nsName(p.gateway) : '(not found)';
  const ctl = p.controller ? ` (${p.controller})` : '';
  const facts: Fact[] = [
    { label: 'HTTPRoute', value: `${rName} → service ${p.backend?.metadata.name ?? '(none)'}` },
    { label: 'Gateway', value: `${gw}, class ${p.className ?? '?'}${ctl}` },
  ];
  const verify = [
    `kubectl get httproute ${p.route.metadata.name} -n ${p.route.metadata.namespace} -o yaml`,
    'kubectl get gateway -A -o wide',
  ];
  const hops: Hop[] = [{ kind: 'client', name: 'Internet client', dst: p.host ?? p.address }];
  if (p.host) hops.push({ kind: 'dns', name: p.host, ip: p.address, note: `CNAME to the Gateway address` });
  return { rName, gw, facts, verify, hops };
}

export function narrateGateway(p: GatewayPath): PathResult {
  const { rName, gw, facts, verify, hops } = basics(p);
  const way = p.host ?? rName;
  if (!p.agc) {
    const why = `class ${p.className ?? '?'} is not Application Gateway for Containers: its path is not evaluated`;
    const answer = `${way} is served by Gateway ${gw}: what the pod sees is not known here (${why}).`;
    return result('inbound', 'answered', answer, { hops, facts, verify, warnings: [why] });
  }
  const src = p.sources.length ? `an address of ${p.sources.join(' or ')}` : undefined;
  const from = src ?? 'an address of the subnet delegated to Application Gateway for Containers';
  hops.push({
    kind: 'application-gateway',
    name: `Application Gateway for Containers (${gw})`,
    ip: p.address,
    src: 'client',
    dst: p.address,
    note: `proxies from its association subnet (${from}) to the pod IPs, adding X-Forwarded-For`,
    nat: { kind: 'proxy', from: 'client', to: from },
  });
  for (const e of p.appEps)
    hops.push({
      kind: 'pod',
      name: `${e.namespace}/${e.podName ?? e.ip}`,
      ip: e.ip,
      port: e.port,
      src: from,
      dst: e.ip,
      note: 'sees an Application Gateway for Containers address; the client IP in X-Forwarded-For',
    });
  const warnings = src ? [] : [NO_SUBNET];
  if (!p.appEps.length) warnings.push(`The HTTPRoute's backend has no ready endpoints`);
  const pods = p.appEps.map((e) => `${e.ip}:${e.port}`).join(', ') || 'none ready';
  // AGC load-balances to the pod IPs themselves: no node, no kube-proxy on the way
  // https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
  const answer =
    `${way} is served by Application Gateway for Containers (Gateway ${gw}, class ${p.className}) at ` +
    `${p.address ?? '?'}: no LoadBalancer Service and no node hop (no kube-proxy ` +
    `either) — it connects straight to the pod IPs (${pods}). ` +
    `The pod sees ${from} as source and the client IP in X-Forwarded-For.`;
  const title = `${way} → Application Gateway for Containers → ${p.appEps[0]?.podName ?? 'no pod'}`;
  const typed = { ...(src ? { seenAs: p.sources } : {}), ...(p.appEps.length ? { clientIp: 'xff' as const } : {}) };
  return result('inbound', 'answered', answer, { hops, facts, verify, warnings, title, ...typed });
}
