// An egress answer in words: the hops from the pod to the Internet (or the
// asked destination), the facts behind each, and the commands to check them.
import type { Fact, FollowUp, Hop, PathResult } from '../path/result';
import { result } from '../path/result';
import { nameOf, sameId } from '../inventory/ids';
import type { EgressAnswer } from './decide';
import { describeRule } from './narrate-rule';
import { nodeUsage } from '../snat/words';
import { metricsCommand } from '../snat/commands';

/** What narrating accumulates; the rule narration adds to it. */
export interface Draft {
  hops: Hop[];
  facts: Fact[];
  warnings: string[];
  verify: string[];
  followUps: FollowUp[];
}

export function narrate(a: EgressAnswer): PathResult {
  const name = a.pod.metadata.name;
  const ns = a.pod.metadata.namespace ?? 'default';
  const d: Draft = { hops: [podHop(a, ns)], facts: [], warnings: [], verify: [], followUps: [] };
  d.facts.push({ label: 'Namespace', value: ns }, { label: 'Pod IP', value: a.podIp ?? 'none' });
  d.verify.push(`kubectl get pod ${name} -n ${ns} -o wide`);
  if (a.kind === 'no-node') {
    if (!a.pod.spec?.nodeName) {
      d.warnings.push(
        `${name} is not scheduled on a node (phase ${a.pod.status?.phase ?? 'unknown'}): it has no egress path`,
      );
    }
    const answer = `Could not work out the egress of ${name}: its node ${a.pod.spec?.nodeName ?? '(none)'} is unknown.`;
    return result('egress', 'answered', answer, { ...d });
  }
  nodeAndNic(a, d);
  podSubnetWarning(a, d);
  const told = describeRule(a, d);
  snatUsage(a, d);
  d.followUps.push({ title: 'Where is this pod?', question: `pod ${name} -n ${ns}`, intent: 'pod' });
  if ('lb' in a.rule) {
    const lb = a.rule.lb.name;
    d.followUps.push({
      title: `SNAT details: ${lb}`,
      question: `what does load balancer ${lb} do`,
      intent: 'load-balancers',
    });
  }
  d.followUps.push({
    title: 'All load balancers',
    question: 'which load balancers are there',
    intent: 'load-balancers',
  });
  // the direct check last: what the remote side really sees
  if (!a.destination) d.verify.push(`kubectl exec -n ${ns} ${name} -- curl -s https://api.ipify.org`);
  return result('egress', 'answered', told.answer, { title: told.title, seenAs: told.seenAs, ...d });
}

// Microsoft documents a flat network (Azure CNI pod subnet) as keeping the pod IP leaving the cluster, and a pod
// subnet's own policies (NAT gateway, routes) as applying to its pods; without a NAT gateway of its own, which Azure
// outbound then takes the pod's address out is not documented: the answer follows the node's way and says so
// https://learn.microsoft.com/azure/aks/concepts-network-cni-overview#flat-networks
// https://learn.microsoft.com/azure/aks/configure-azure-cni-dynamic-ip-allocation
function podSubnetWarning(a: Extract<EgressAnswer, { kind: 'path' }>, d: Draft): void {
  const [pods, own] = [a.podSubnet, a.at.subnet];
  if (!pods || a.hostNetwork || a.leavesFromPodSubnet || a.source.kind !== 'node') return;
  const differs = (x?: string, y?: string) => !!x && !sameId(x, y);
  const what = [
    differs(pods.natGatewayId, own?.natGatewayId) ? `NAT gateway ${nameOf(pods.natGatewayId!)}` : '',
    differs(pods.routeTableId, own?.routeTableId) ? `route table ${nameOf(pods.routeTableId!)}` : '',
  ].filter(Boolean);
  const its = what.length ? `, which has its own ${what.join(' and ')}` : '';
  d.warnings.push(
    `The pod's address is in pod subnet ${pods.name}${its}: Microsoft documents Azure CNI pod subnet traffic as ` +
      "leaving the cluster with the pod IP, while this answer assumes the node's way out (SNAT to the node IP) — " +
      'check what the destination sees with the command below',
  );
  d.verify.push(`az network vnet subnet show --ids ${pods.id} --query "{nat: natGateway.id, routes: routeTable.id}"`);
}

function podHop(a: EgressAnswer, ns: string): Hop {
  const ip = a.hostNetwork && a.kind === 'path' && a.nodeIp ? a.nodeIp : a.podIp;
  const note = a.hostNetwork ? 'hostNetwork: uses the node’s address' : undefined;
  return { kind: 'pod', name: `${ns}/${a.pod.metadata.name}`, ip, src: ip, dst: a.destination, note };
}

/** The node hop (where the pod IP is SNATed to the node IP), EgressIPs, and the node's NIC and subnet. */
function nodeAndNic(a: Extract<EgressAnswer, { kind: 'path' }>, d: Draft): void {
  const nIp = a.nodeIp;
  d.hops.push(nodeHop(a));
  d.facts.push({ label: 'Node', value: `${a.node.metadata.name} (${nIp ?? 'no InternalIP'})` });
  d.verify.push(`kubectl get node ${a.node.metadata.name} -o jsonpath='{.spec.providerID}{"\\n"}'`);
  for (const e of a.egressIps) {
    const assigned =
      (e.status?.items ?? []).map((i) => `${i.egressIP} on ${i.node}`).join(', ') || 'not assigned to any node';
    const ips = (e.spec?.egressIPs ?? []).join(', ');
    d.warnings.push(
      `EgressIP ${e.metadata.name} selects this pod: its traffic leaves through ${ips} (${assigned}) ` +
        'instead of its own node IP; the Azure path below is its own node’s',
    );
    d.verify.push(`oc get egressip ${e.metadata.name} -o yaml`);
  }
  const { nic, ipConfig, subnet } = a.at;
  if (nic) {
    d.facts.push({ label: 'NIC', value: `${nic.name} (${ipConfig?.name ?? '?'})` });
    const query =
      'ipConfigurations[].{ip:privateIpAddress,pools:loadBalancerBackendAddressPools[].id,publicIp:publicIpAddress.id}';
    d.verify.push(`az network nic show -g ${nic.resourceGroup} -n ${nic.name} --query '${query}'`);
  }
  if (subnet) {
    d.facts.push({
      label: a.leavesFromPodSubnet ? 'Pod subnet' : 'Subnet',
      value: `${subnet.name} (${subnet.prefixes.join(', ')}) in ${subnet.resourceGroup}`,
    });
    d.verify.push(
      `az network vnet subnet show --ids ${subnet.id} --query '{natGateway:natGateway.id,routeTable:routeTable.id}'`,
    );
  }
}

/** The node hop: where the pod IP becomes the node IP or an EgressIP, or stays (Azure CNI). */
function nodeHop(a: Extract<EgressAnswer, { kind: 'path' }>): Hop {
  const nIp = a.nodeIp;
  const src = a.source;
  const to = src.kind === 'egress-ip' ? src.ips.join(' / ') : src.kind === 'node' ? src.ip : undefined;
  const snat = !a.hostNetwork && a.podIp && to && to !== a.podIp;
  return {
    kind: 'node',
    name: a.node.metadata.name,
    ip: nIp,
    src: a.hostNetwork ? nIp : a.podIp,
    dst: a.destination,
    note: a.hostNetwork
      ? 'host network: no SNAT needed'
      : snat
        ? `SNAT: pod IP ${a.podIp} → ${src.kind === 'egress-ip' ? 'EgressIP' : 'node IP'} ${to}`
        : src.kind === 'pod'
          ? `no SNAT: the pod IP is a VNet address (Azure CNI${podSubnetWords(a)})`
          : 'SNAT to the node IP or not: depends on the network plugin (not known)',
    nat: snat ? { kind: 'snat', from: a.podIp!, to: to! } : undefined,
  };
}

const podSubnetWords = (a: Extract<EgressAnswer, { kind: 'path' }>) =>
  a.leavesFromPodSubnet ? `, pod subnet ${a.at.subnet?.name}` : '';

/** How busy the SNAT ports of the pod's node were (Azure Monitor), or why that is not known. */
function snatUsage(a: Extract<EgressAnswer, { kind: 'path' }>, d: Draft): void {
  if (!a.snat) return;
  const r = a.rule;
  const byRule = 'snat' in r ? r.snat.portsPerInstance : undefined;
  const natPorts = r.via === 'nat-gateway' ? r.ports : undefined;
  const ips = [a.nodeIp, a.at.ipConfig?.privateIp];
  const { text, warnings } = nodeUsage(a.snat, ips, a.node.metadata.name, byRule, natPorts);
  d.facts.push({ label: 'SNAT usage', value: text });
  d.warnings.push(...warnings);
  if (!('unavailable' in a.snat)) d.verify.push(metricsCommand(a.snat.target));
}
