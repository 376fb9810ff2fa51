// A host outside the cluster named as the far end ("can api reach mystorage.blob.core.windows.net on 443?"): the
// address the pod resolves it to decides the path and every rule on it, and names outside the cluster are not looked
// up here — said plainly, with the questions that get there, rather than a guess or "no pod <host>".
import type { Pod } from '../inventory/k8s-types';
import { privateLinkZone } from '../path/azure-services';
import { result, type PathResult } from '../path/result';

export function outsideHost(kind: 'east-west' | 'policy', from: Pod, host: string, port?: number): PathResult {
  const pod = from.metadata.name;
  const ns = from.metadata.namespace ?? 'default';
  const zone = privateLinkZone(host);
  // a private endpoint answers through its privatelink zone linked to the VNet; without the link, the public endpoint
  // https://learn.microsoft.com/azure/private-link/private-endpoint-dns
  const how = zone
    ? `the private endpoint's address when the private DNS zone ${zone} is linked to the VNet, else the public one`
    : 'what public DNS, or the DNS servers the VNet sets, give';
  const ask =
    kind === 'policy' ? `can ${pod} reach <address>${port ? ` on ${port}` : ''}?` : `path from ${pod} to <address>`;
  const answer =
    `${host} is outside the cluster: the address ${pod} resolves it to (${how}) decides the path and which rules ` +
    `apply, and I do not look up names outside the cluster. Ask with that address — "${ask}"; "dns ${host} from ` +
    `${pod}" shows how ${pod} resolves it.`;
  return result(kind, 'not-found', answer, {
    title: `${host}: which address?`,
    followUps: [
      { title: `How ${pod} resolves ${host}`, question: `dns ${host} from ${pod} -n ${ns}`, intent: 'dns' },
      { title: `${pod}'s way out`, question: `egress ${pod} -n ${ns}`, intent: 'egress' },
    ],
    verify: [`kubectl exec -n ${ns} ${pod} -- nslookup ${host}`],
  });
}
