// "Which public IP does pod X leave from?" — pod → node → NIC → subnet → the
// first matching egress rule → the address the remote side sees.

import type { Inventory } from '../inventory/inventory';
import type { EgressIP, Namespace, Pod } from '../inventory/k8s-types';
import { resourceGroupOf } from '../inventory/ids';
import { locateNode, type NodeOnAzure } from './azure-node';
import { lbWorld } from './lb';
import { decideEgress, type EgressDecision, type PublicAddress } from './egress-rules';
import { matchesSelector, nodeIp, podIp } from './kube';
import { result, type Fact, type Hop, type PathResult } from './result';
import { Trace } from './trace';

export interface EgressQuestion {
  pod: Pod;
  /** an IPv4 destination ("to reach 10.20.1.5"); default: the Internet */
  destination?: string;
}

const addr = (p: PublicAddress) => p.ip ?? p.prefix ?? `(address of ${p.name} unknown)`;
const list = (ps: PublicAddress[]) => ps.map(addr).join(', ');

/** OpenShift EgressIP objects that select the pod (namespaceSelector + podSelector). */
export function egressIpsFor(pod: Pod, namespaces: Namespace[], egressIps: EgressIP[]): EgressIP[] {
  const ns = namespaces.find((n) => n.metadata.name === pod.metadata.namespace);
  const nsLabels = ns?.metadata.labels ?? {
    'kubernetes.io/metadata.name': pod.metadata.namespace ?? '',
  };
  return egressIps.filter(
    (e) =>
      e.spec?.namespaceSelector &&
      matchesSelector(nsLabels, e.spec.namespaceSelector) &&
      matchesSelector(pod.metadata.labels, e.spec.podSelector),
  );
}

export async function egressPath(inv: Inventory, q: EgressQuestion, trace = new Trace()): Promise<PathResult> {
  const { pod, destination } = q;
  const name = pod.metadata.name;
  const ns = pod.metadata.namespace ?? 'default';
  const ip = podIp(pod);
  const hostNetwork = !!pod.spec?.hostNetwork;
  const [nodes, namespaces, egressIpObjs] = await Promise.all([
    trace.try('nodes', () => inv.list('Node')),
    trace.try('namespaces', () => inv.list('Namespace')),
    trace.try('EgressIPs', () => inv.list('EgressIP')),
  ]);
  const node = (nodes ?? []).find((n) => n.metadata.name === pod.spec?.nodeName);
  const hops: Hop[] = [
    {
      kind: 'pod',
      name: `${ns}/${name}`,
      ip,
      src: ip,
      dst: destination,
      note: hostNetwork ? 'hostNetwork: uses the node’s address' : undefined,
    },
  ];
  const facts: Fact[] = [
    { label: 'Namespace', value: ns },
    { label: 'Pod IP', value: ip ?? 'none' },
  ];
  const warnings: string[] = [];
  const verify = [`kubectl get pod ${name} -n ${ns} -o wide`];
  const r = (answer: string, title?: string) =>
    result('egress', 'answered', answer, {
      title,
      hops,
      facts,
      warnings,
      verify,
      errors: trace.errors,
    });

  if (!node) {
    if (!pod.spec?.nodeName)
      warnings.push(
        `${name} is not scheduled on a node (phase ${pod.status?.phase ?? 'unknown'}): it has no egress path`,
      );
    else trace.fail(`node ${pod.spec.nodeName}`, 'not found in the cluster');
    return r(`Could not work out the egress of ${name}: its node ${pod.spec?.nodeName ?? '(none)'} is unknown.`);
  }
  const nIp = nodeIp(node);
  if (hostNetwork && nIp) Object.assign(hops[0], { ip: nIp, src: nIp });
  hops.push({
    kind: 'node',
    name: node.metadata.name,
    ip: nIp,
    src: hostNetwork ? nIp : ip,
    dst: destination,
    note: hostNetwork ? 'host network: no SNAT needed' : `SNAT: pod IP ${ip} → node IP ${nIp}`,
  });
  facts.push({
    label: 'Node',
    value: `${node.metadata.name} (${nIp ?? 'no InternalIP'})`,
  });
  verify.push(`kubectl get node ${node.metadata.name} -o jsonpath='{.spec.providerID}{"\\n"}'`);

  const selected = egressIpsFor(pod, namespaces ?? [], egressIpObjs ?? []);
  for (const e of selected) {
    const assigned =
      (e.status?.items ?? []).map((i) => `${i.egressIP} on ${i.node}`).join(', ') || 'not assigned to any node';
    warnings.push(
      `EgressIP ${e.metadata.name} selects this pod: its traffic leaves through ${(e.spec?.egressIPs ?? []).join(', ')} (${assigned}) instead of its own node IP; the Azure path below is its own node’s`,
    );
    verify.push(`oc get egressip ${e.metadata.name} -o yaml`);
  }

  // the node resource group's load balancers and public IPs are read while the node is located
  const [at, world] = await Promise.all([locateNode(inv, node, trace), lbWorld(inv, trace, { outboundPips: true })]);
  if (at.nic) {
    facts.push({
      label: 'NIC',
      value: `${at.nic.name} (${at.ipConfig?.name ?? '?'})`,
    });
    verify.push(
      `az network nic show -g ${at.nic.resourceGroup} -n ${at.nic.name} --query 'ipConfigurations[].{ip:privateIpAddress,pools:loadBalancerBackendAddressPools[].id,publicIp:publicIpAddress.id}'`,
    );
  }
  if (at.subnet) {
    facts.push({
      label: 'Subnet',
      value: `${at.subnet.name} (${at.subnet.prefixes.join(', ')}) in ${at.subnet.resourceGroup}`,
    });
    verify.push(
      `az network vnet subnet show --ids ${at.subnet.id} --query '{natGateway:natGateway.id,routeTable:routeTable.id}'`,
    );
  }
  const d = await decideEgress(inv, at, destination, trace, world);
  const src = hostNetwork ? nIp : ip;
  const answered = describe(d, {
    name,
    ns,
    at,
    src,
    destination,
    hops,
    facts,
    warnings,
    verify,
    r,
  });
  answered.followUps.push({
    title: 'Where is this pod?',
    question: `pod ${name} -n ${ns}`,
    intent: 'pod',
  });
  if ('lb' in d)
    answered.followUps.push({
      title: `SNAT details: ${d.lb.name}`,
      question: `what does load balancer ${d.lb.name} do`,
      intent: 'load-balancers',
    });
  answered.followUps.push({
    title: 'All load balancers',
    question: 'which load balancers are there',
    intent: 'load-balancers',
  });
  // the direct check last: what the remote side really sees
  if (!destination) answered.verify.push(`kubectl exec -n ${ns} ${name} -- curl -s https://api.ipify.org`);
  return answered;
}

interface Ctx {
  name: string;
  ns: string;
  at: NodeOnAzure;
  src?: string;
  destination?: string;
  hops: Hop[];
  facts: Fact[];
  warnings: string[];
  verify: string[];
  r: (answer: string, title?: string) => PathResult;
}

function describe(d: EgressDecision, c: Ctx): PathResult {
  const { name, ns, at, destination, hops, facts, warnings, verify } = c;
  const nIp = at.nodeIp;
  const who = `${name} (${ns})`;
  const dest = destination ?? 'the Internet';
  const internet = (seenAs?: string, note?: string): Hop => ({
    kind: 'internet',
    name: destination ?? 'Internet',
    ip: destination,
    src: seenAs,
    dst: destination,
    note,
  });
  const routeHop = () => {
    if (!('routeTable' in d) || !d.routeTable || !d.route) return;
    hops.push({
      kind: 'route-table',
      name: `${d.routeTable.name}/${d.route.name}`,
      src: nIp,
      dst: destination,
      note: `${d.route.prefix} → ${d.route.nextHopType}${d.route.nextHopIp ? ' ' + d.route.nextHopIp : ''}`,
    });
    facts.push({
      label: 'Route',
      value:
        `${d.routeTable.name}/${d.route.name}: ${d.route.prefix} → ${d.route.nextHopType} ${d.route.nextHopIp ?? ''}`.trim(),
    });
    verify.push(
      `az network route-table route list -g ${d.routeTable.resourceGroup} --route-table-name ${d.routeTable.name} -o table`,
    );
  };
  const pipHops = (ps: PublicAddress[], from?: string) => {
    for (const p of ps)
      hops.push({
        kind: 'public-ip',
        name: p.name,
        ip: p.ip ?? p.prefix,
        src: p.ip ?? p.prefix ?? from,
        dst: destination,
      });
    for (const p of ps.filter((x) => x.id && !x.prefix)) {
      verify.push(`az network public-ip show -g ${resourceGroupOf(p.id!)} -n ${p.name} --query ipAddress -o tsv`);
    }
  };
  const seenAs = (ps: PublicAddress[]) => ps.map((p) => p.ip ?? p.prefix).find(Boolean);
  switch (d.via) {
    case 'unknown':
      return c.r(`Could not work out the egress of ${who}: ${d.reason}.`);
    case 'vnet-local':
      return c.r(
        `${who} reaches ${dest} inside the virtual network, as node IP ${nIp} (SNAT at the node): no public IP is involved.`,
        `${name} reaches ${dest} inside the VNet`,
      );
    case 'route': {
      routeHop();
      if (d.nextHop === 'VirtualAppliance') {
        if (d.firewall) {
          hops.push({
            kind: 'firewall',
            name: d.firewall.name,
            ip: d.route.nextHopIp,
            src: nIp,
            dst: destination,
            note: `SNAT to its public IP(s) ${list(d.publicIps)}`,
          });
          pipHops(d.publicIps, nIp);
          hops.push(internet(seenAs(d.publicIps)));
          facts.push({
            label: 'Firewall',
            value: `${d.firewall.name} (${d.firewall.resourceGroup})`,
          });
          verify.push(
            `az network firewall show -g ${d.firewall.resourceGroup} -n ${d.firewall.name} --query 'ipConfigurations[].{private:privateIpAddress,publicIp:publicIpAddress.id}'`,
          );
          const ipText = d.publicIps.length ? list(d.publicIps) : 'its public IP (not readable)';
          return c.r(
            `${who} reaches ${dest} as ${ipText}: route ${d.route.name} (${d.route.prefix}) of route table ${d.routeTable.name} sends it to Azure Firewall ${d.firewall.name} (${d.route.nextHopIp}), which SNATs it.`,
            `${name} leaves as ${ipText} via firewall ${d.firewall.name}`,
          );
        }
        hops.push({
          kind: 'virtual-appliance',
          name: d.route.nextHopIp ?? 'virtual appliance',
          ip: d.route.nextHopIp,
          src: nIp,
          dst: destination,
          note: 'the appliance decides the public source address',
        });
        hops.push(internet(undefined, 'source address chosen by the appliance'));
        warnings.push(
          `The next hop ${d.route.nextHopIp} is not an Azure Firewall in this subscription: which public IP it uses is configured on the appliance itself`,
        );
        return c.r(
          `${who} reaches ${dest} through the virtual appliance ${d.route.nextHopIp} (route ${d.route.name} ${d.route.prefix} of route table ${d.routeTable.name}); the appliance decides the public source IP.`,
          `${name} leaves through appliance ${d.route.nextHopIp}`,
        );
      }
      if (d.nextHop === 'VirtualNetworkGateway') {
        hops.push(internet(nIp, 'through the virtual network gateway (VPN/ExpressRoute): no SNAT by Azure'));
        return c.r(
          `${who} reaches ${dest} through the virtual network gateway (route ${d.route.name} ${d.route.prefix} of ${d.routeTable.name}), with the node IP ${nIp} as source.`,
        );
      }
      if (d.nextHop === 'VnetLocal')
        return c.r(`${who} reaches ${dest} inside the virtual network (route ${d.route.name}), as node IP ${nIp}.`);
      warnings.push(
        `Route ${d.route.name} (${d.route.prefix}) of ${d.routeTable.name} has next hop None: traffic to ${dest} is dropped`,
      );
      return c.r(
        `${who} cannot reach ${dest}: route ${d.route.name} (${d.route.prefix}) of route table ${d.routeTable.name} drops it (next hop None).`,
      );
    }
    case 'nat-gateway': {
      routeHop();
      hops.push({
        kind: 'nat-gateway',
        name: d.natGateway.name,
        src: nIp,
        dst: destination,
        note: `SNAT to ${list(d.publicIps)}`,
      });
      pipHops(d.publicIps, nIp);
      hops.push(internet(seenAs(d.publicIps)));
      facts.push({
        label: 'NAT gateway',
        value: `${d.natGateway.name} (${d.natGateway.resourceGroup})`,
      });
      if (d.natGateway.idleTimeoutMinutes)
        facts.push({
          label: 'Idle timeout',
          value: `${d.natGateway.idleTimeoutMinutes} min`,
        });
      verify.push(
        `az network nat gateway show --ids ${d.natGateway.id} --query '{ips:publicIpAddresses[].id,prefixes:publicIpPrefixes[].id}'`,
      );
      return c.r(
        `${who} reaches ${dest} as ${list(d.publicIps)}: NAT gateway ${d.natGateway.name} on subnet ${at.subnet?.name} SNATs it (a NAT gateway takes precedence over load balancer outbound rules and instance public IPs).`,
        `${name} leaves as ${list(d.publicIps)} via NAT gateway`,
      );
    }
    case 'instance-ip': {
      routeHop();
      hops.push({
        kind: 'public-ip',
        name: d.publicIp.name,
        ip: d.publicIp.ip,
        src: nIp,
        dst: destination,
        note: `instance-level public IP of ${at.nic?.name}: 1:1 NAT`,
      });
      hops.push(internet(d.publicIp.ip));
      facts.push({
        label: 'Public IP',
        value: `${d.publicIp.name} (${addr(d.publicIp)})`,
      });
      return c.r(
        `${who} reaches ${dest} as ${addr(d.publicIp)}: the instance-level public IP ${d.publicIp.name} on NIC ${at.nic?.name} of node ${at.node.metadata.name}.`,
        `${name} leaves as ${addr(d.publicIp)} (instance public IP)`,
      );
    }
    case 'lb-outbound-rule':
    case 'lb-implicit': {
      routeHop();
      const explicit = d.via === 'lb-outbound-rule';
      const ruleText = explicit
        ? `outbound rule ${d.rule.name}`
        : `load-balancing rule ${d.rule.name} (implicit outbound SNAT)`;
      hops.push({
        kind: 'load-balancer',
        name: d.lb.name,
        src: nIp,
        dst: destination,
        note: `${ruleText}: SNAT to ${list(d.publicIps)}`,
      });
      pipHops(d.publicIps, nIp);
      hops.push(internet(seenAs(d.publicIps)));
      const idle = explicit
        ? d.rule.idleTimeoutMinutes
        : (d.rule as { idleTimeoutMinutes?: number }).idleTimeoutMinutes;
      facts.push(
        {
          label: 'Load balancer',
          value: `${d.lb.name} (${d.lb.resourceGroup})`,
        },
        { label: explicit ? 'Outbound rule' : 'Rule', value: d.rule.name },
        {
          label: 'Public IP',
          value: d.publicIps.map((p) => `${p.name} (${addr(p)})`).join(', '),
        },
        {
          label: 'SNAT ports per node',
          value: `${d.snat.portsPerInstance}${d.snat.explicit ? '' : ' (default allocation for the pool size)'}`,
        },
        { label: 'Idle timeout', value: `${idle ?? 4} min` },
        {
          label: 'Max nodes',
          value: d.snat.explicit
            ? `${d.snat.maxInstances} (${d.snat.frontendIps} frontend IP${d.snat.frontendIps === 1 ? '' : 's'} × 64,000 / ${d.snat.portsPerInstance}); ${d.snat.poolSize} in the pool`
            : `${d.snat.maxInstances} (default allocation: fewer ports per node as the pool grows past 50); ${d.snat.poolSize} in the pool`,
        },
      );
      if (d.snat.warning) warnings.push(d.snat.warning);
      if (!explicit)
        warnings.push(
          `No outbound rule: ${d.lb.name} SNATs implicitly through ${d.rule.name}; Azure recommends explicit outbound rules`,
        );
      const rg = d.lb.resourceGroup;
      verify.push(
        explicit
          ? `az network lb outbound-rule list --lb-name ${d.lb.name} -g ${rg} -o table`
          : `az network lb rule list --lb-name ${d.lb.name} -g ${rg} -o table`,
        `az network lb frontend-ip list --lb-name ${d.lb.name} -g ${rg} --query '[].[name,publicIpAddress.id]' -o tsv`,
      );
      return c.r(
        `${who} reaches ${dest} as ${list(d.publicIps)}: node ${at.node.metadata.name} SNATs the pod to ${nIp}, then load balancer ${d.lb.name} (${ruleText}) SNATs it to public IP ${d.publicIps.map((p) => p.name).join(', ')}. ` +
          (d.snat.explicit
            ? `${d.snat.portsPerInstance} SNAT ports per node, ${idle ?? 4} min idle timeout, room for ${d.snat.maxInstances} nodes (${d.snat.poolSize} in the pool).`
            : `${d.snat.portsPerInstance} SNAT ports per node (Azure's default allocation for ${d.snat.poolSize} nodes; fewer per node as the pool grows), ${idle ?? 4} min idle timeout.`),
        `${name} leaves the cluster as ${list(d.publicIps)}`,
      );
    }
    case 'default-outbound': {
      routeHop();
      hops.push(internet(undefined, 'Azure default outbound access: an Azure-chosen public IP'));
      warnings.push(
        `Default outbound access: no route to an appliance, no NAT gateway, no instance public IP and no load balancer outbound rule covers node ${at.node.metadata.name}; Azure picks a public IP that can change (deprecated by Azure — add a NAT gateway or outbound rule)`,
      );
      return c.r(
        `${who} reaches ${dest} through Azure default outbound access: the public IP is chosen by Azure, is not yours and can change.`,
        `${name} uses default outbound access`,
      );
    }
  }
}
