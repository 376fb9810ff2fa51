// The decision about an address in words: one clause per finding, with the
// commands that show it and the questions that follow from it.
import type { DnatHit } from '../path/firewall-rules';
import { result, type FollowUp, type PathResult } from '../path/result';
import type { Finding, Range, WhatIsDecision } from './decide';

const ports = (p: string[]) => p.join(', ');
const attached = (to?: string) => (to !== undefined ? `attached to ${to}` : 'not attached to anything');
/** the host-network pods that share a node's address, the first few by name */
const hostPods = (n: number, names: string[] = []) => {
  const some = names.length ? `: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ' and more' : ''}` : '';
  return n ? `, also used by ${n} host-network pod(s)${some}` : '';
};
/** the pods a node runs, the first few by name */
const runs = (pods: string[] = []) => {
  const more = pods.length > 6 ? ` and ${pods.length - 6} more` : '';
  return pods.length ? `, running ${pods.length} pod(s): ${pods.slice(0, 6).join(', ')}${more}` : '';
};

function findingText(x: Finding): string {
  switch (x.kind) {
    case 'pod':
      return `the IP of pod ${x.namespace}/${x.name} (${x.phase ?? '?'}) on node ${x.node ?? '?'}`;
    case 'cluster-ip':
      return (
        `the ClusterIP of Service ${x.namespace}/${x.name} (${ports(x.ports)}): ` +
        `a virtual IP, DNATed at the client's node to the Service's endpoints`
      );
    case 'lb-service':
      return `the external IP of LoadBalancer Service ${x.namespace}/${x.name} (${ports(x.ports)})`;
    case 'node':
      return `the IP of node ${x.name} (${x.role})${runs(x.pods)}${hostPods(x.hostNetworkPods, x.hostPods)}`;
    case 'lb-frontend':
      return (
        `${x.address === 'public' ? `public IP ${x.publicIp}` : 'a private frontend IP'}: ` +
        `frontend ${x.frontend} of load balancer ${x.lb}: ${x.purpose}`
      );
    case 'public-ip':
      return `public IP ${x.name}, ${attached(x.attachedTo)}`;
    case 'nic-ip':
      return `IP configuration ${x.config} of NIC ${x.nic}${x.vm !== undefined ? ` (VM ${x.vm})` : ''}`;
    case 'nat-gateway':
      return `the ${x.via} of NAT gateway ${x.natGateway}: traffic of the subnets it serves leaves from it`;
    case 'firewall':
      return (
        `the ${x.via} of Azure Firewall ${x.firewall} (resource group ${x.resourceGroup}, ` +
        `subscription ${x.subscription})${dnatText(x.dnat)}`
      );
    case 'prefix':
      return `inside public IP prefix ${x.prefix} (${x.cidr}), resource group ${x.resourceGroup}`;
    case 'egress-ip':
      return egressIpText(x);
    default:
      return edgeText(x);
  }
}

/** The things beyond the node resource group that carry an address. */
function edgeText(
  x: Extract<
    Finding,
    { kind: 'edge-lb-frontend' | 'route-next-hop' | 'bgp-next-hop' | 'app-gateway' | 'dns-server' | 'edge-lb-backend' }
  >,
): string {
  switch (x.kind) {
    case 'edge-lb-frontend':
      return edgeLbText(x);
    case 'route-next-hop':
      return nextHopText(x);
    case 'bgp-next-hop':
      return bgpNextHopText(x);
    case 'app-gateway':
      return appGatewayText(x);
    case 'dns-server':
      return dnsServerText(x);
    default: // edge-lb-backend
      return edgeBackendText(x);
  }
}

function dnsServerText(x: Extract<Finding, { kind: 'dns-server' }>): string {
  const vnets = x.vnets.map((v) => `VNet ${v.name} (resource group ${v.resourceGroup})`).join(', ');
  return (
    `a DNS server of ${vnets}: its custom DNS servers (dhcpOptions), which the VNet's VMs, the nodes among them, ` +
    'are given as resolvers, so the cluster DNS forwards names outside the cluster to it'
  );
}

function appGatewayText(x: Extract<Finding, { kind: 'app-gateway' }>): string {
  return x.via === 'frontend'
    ? `the private frontend IP ${x.frontend} of Application Gateway ${x.gateway} ` +
        `(resource group ${x.resourceGroup})`
    : `an address in subnet ${x.subnet} (${x.cidr}) of Application Gateway ${x.gateway} (resource group ` +
        `${x.resourceGroup}): its instances take their IPs from there and use them as the source of the ` +
        `connections they open to the backends (the client's IP is in X-Forwarded-For)`;
}

function edgeLbText(x: Extract<Finding, { kind: 'edge-lb-frontend' }>): string {
  const shown = x.backends.slice(0, 5).join(', ') + (x.backends.length > 5 ? ` and ${x.backends.length - 5} more` : '');
  const rules = x.rules.length ? `rule ${x.rules.join(', ')}` : 'no rules use it';
  return (
    `frontend ${x.frontend} of ${x.internal ? 'internal ' : ''}load balancer ${x.lb} (resource group ` +
    `${x.resourceGroup}, subscription ${x.subscription}), outside the cluster's node resource group: ${rules}; ` +
    `backends ${shown || 'none'}`
  );
}

function edgeBackendText(x: Extract<Finding, { kind: 'edge-lb-backend' }>): string {
  const lb =
    `${x.internal ? 'internal ' : ''}load balancer ${x.lb} (pool ${x.pool}, resource group ${x.resourceGroup}, ` +
    `subscription ${x.subscription})`;
  if (!x.nic) return `an IP-based backend of ${lb}`;
  const vm = x.nic.vm ? `VM ${x.nic.vm}, ` : '';
  const nic = `IP configuration ${x.nic.config} of NIC ${x.nic.name} (${vm}resource group ${x.nic.resourceGroup})`;
  return `${nic}: a backend of ${lb}`;
}

function nextHopText(x: Extract<Finding, { kind: 'route-next-hop' }>): string {
  const routes = x.routes.map((r) => `${r.name} (${r.prefix}, ${r.nextHopType})`).join(', ');
  const subnets = x.subnets.length ? `subnet(s) ${x.subnets.join(', ')}` : 'no subnet I could see';
  return (
    `the next hop of route${x.routes.length === 1 ? '' : 's'} ${routes} in route table ${x.routeTable} ` +
    `(resource group ${x.resourceGroup}, subscription ${x.subscription}), used by ${subnets}: ` +
    `they send those prefixes to it`
  );
}

function bgpNextHopText(x: Extract<Finding, { kind: 'bgp-next-hop' }>): string {
  const routes = x.routes.map((r) => r.prefix).join(', ');
  const types = [...new Set(x.routes.map((r) => r.nextHopType))].join(', ');
  const nics = x.nics.map((n) => `NIC ${n.name} (node ${n.node})`).join(', ');
  return (
    `the next hop of BGP route${x.routes.length === 1 ? '' : 's'} ${routes} (next hop type ${types}) in the ` +
    `effective routes of ${nics}: a virtual network gateway (VPN or ExpressRoute) address; the gateway ` +
    `advertises those prefixes and the subnets send them to it`
  );
}

/** Which EgressIP, whom it serves and where it is held. */
function egressIpText(x: Extract<Finding, { kind: 'egress-ip' }>): string {
  const ns = x.namespaces.length
    ? `namespace(s) ${x.namespaces.join(', ')}`
    : 'no namespace (its selector matches none)';
  const shown = x.pods.slice(0, 5).join(', ') + (x.pods.length > 5 ? ` and ${x.pods.length - 5} more` : '');
  const pods = x.pods.length ? `running pods ${shown}` : 'no running pod';
  const held = x.node
    ? `held by node ${x.node} (status), which sends their traffic out of the cluster from it`
    : 'assigned to no node (status has no item): the selected pods cannot use it now';
  return (
    `OpenShift EgressIP ${x.name}: the source address of traffic leaving the cluster from ${ns}` +
    `${x.podSelector ? ' (pods matching its podSelector)' : ''} — ${pods}; ${held}`
  );
}

function verifyOf(ip: string, x: Finding): string[] {
  switch (x.kind) {
    case 'pod':
      return [`kubectl get pods -A -o wide --field-selector status.podIP=${ip}`];
    case 'cluster-ip':
      return [`kubectl get svc -A -o wide | grep -w ${ip}`];
    case 'node':
      return [`kubectl get nodes -o wide | grep -w ${ip}`];
    case 'lb-frontend':
      return [
        `az network lb frontend-ip list --lb-name ${x.lb} -g ${x.resourceGroup} ` +
          `--query '[].[name,privateIpAddress,publicIpAddress.id]' -o tsv`,
      ];
    case 'public-ip':
      return [`az network public-ip list -g ${x.resourceGroup} -o table`];
    case 'nic-ip':
      return [`az network nic show -g ${x.resourceGroup} -n ${x.nic} --query 'ipConfigurations[].privateIpAddress'`];
    case 'nat-gateway':
      return [
        `az network nat gateway show --ids ${x.id} --query ` +
          `'{ips:publicIpAddresses[].id,prefixes:publicIpPrefixes[].id}'`,
      ];
    case 'firewall':
      return [
        `az network firewall show -g ${x.resourceGroup} -n ${x.firewall} --subscription ${x.subscription} ` +
          // a secured virtual hub's firewall has its addresses in hubIPAddresses
          // https://learn.microsoft.com/azure/templates/microsoft.network/azurefirewalls
          `--query '{ipConfigurations:ipConfigurations[].{private:privateIpAddress,publicIp:publicIpAddress.id},` +
          `hub:hubIpAddresses}'`,
      ];
    case 'egress-ip':
      return [`oc get egressip ${x.name} -o yaml`];
    case 'edge-lb-frontend':
      return [
        `az network lb frontend-ip list --lb-name ${x.lb} -g ${x.resourceGroup} --subscription ${x.subscription} ` +
          `--query '[].[name,privateIpAddress]' -o tsv`,
      ];
    case 'edge-lb-backend':
      return [
        x.nic
          ? `az network nic show --ids ${x.nic.id} --query 'ipConfigurations[].[name,privateIPAddress]' -o tsv`
          : `az network lb address-pool show --lb-name ${x.lb} -g ${x.resourceGroup} -n ${x.pool} ` +
            `--subscription ${x.subscription} --query 'loadBalancerBackendAddresses[].ipAddress' -o tsv`,
      ];
    case 'prefix':
      return [`az network public-ip prefix show -g ${x.resourceGroup} -n ${x.prefix} --query ipPrefix -o tsv`];
    default:
      return edgeVerify(x);
  }
}

function edgeVerify(x: Finding): string[] {
  switch (x.kind) {
    case 'route-next-hop':
      return [
        `az network route-table route list -g ${x.resourceGroup} --route-table-name ${x.routeTable} ` +
          `--subscription ${x.subscription} -o table`,
      ];
    case 'app-gateway':
      return [
        `az network application-gateway show -g ${x.resourceGroup} -n ${x.gateway} ` +
          "--query '{subnets:gatewayIPConfigurations[].subnet.id," +
          "frontends:frontendIPConfigurations[].privateIPAddress}'",
      ];
    case 'dns-server':
      return x.vnets.map(
        (v) =>
          `az network vnet show -g ${v.resourceGroup} -n ${v.name} --subscription ${v.subscription} ` +
          '--query dhcpOptions.dnsServers',
      );
    case 'bgp-next-hop':
      return x.nics.map((n) => `az network nic show-effective-route-table -g ${n.resourceGroup} -n ${n.name} -o table`);
    default:
      return [];
  }
}

function followUpOf(x: Finding): FollowUp | undefined {
  if (x.kind === 'pod')
    return {
      title: 'Its public egress IP',
      question: `what's the public ip of pod ${x.name} -n ${x.namespace}`,
      intent: 'egress',
    };
  if (x.kind === 'lb-service')
    return { title: 'Inbound path', question: `how does traffic reach service ${x.name} -n ${x.namespace}` };
  if (x.kind === 'egress-ip' && x.pods.length) {
    const [ns, name] = x.pods[0].split('/');
    return { title: 'Egress path', question: `egress path of pod ${name} -n ${ns}`, intent: 'egress' };
  }
  if (x.kind === 'lb-frontend') return { title: 'Load balancers', question: `what does load balancer ${x.lb} do` };
  if (x.kind === 'firewall' && x.dnat?.length) {
    const h = x.dnat[0];
    return { title: 'Inbound path', question: `how does traffic reach ${h.ip} on ${h.ports[0]}?`, intent: 'inbound' };
  }
  return undefined;
}

// a firewall's DNAT rules publish its addresses: what each port is sent on to
// https://learn.microsoft.com/azure/firewall/rule-processing
const dnatText = (hits?: DnatHit[]) => (hits?.length ? `; its DNAT rules there: ${hits.map(dnatLine).join('; ')}` : '');

const dnatLine = (h: DnatHit) =>
  `${h.what.replace(/ on \S+$/, '')} → ${h.address ?? h.fqdn}:${h.port ?? '?'} (${h.rule})`;

/** One follow-up per finding, but a single "Load balancers" one. */
function followUpsOf(findings: Finding[]): FollowUp[] {
  const out: FollowUp[] = [];
  for (const f of findings.map(followUpOf)) {
    if (f && !(f.title === 'Load balancers' && out.some((o) => o.title === f.title))) out.push(f);
  }
  return out;
}

function rangeText(r: Range): string {
  if (r.kind === 'vnet' || r.kind === 'ip-prefix') return `in ${rangeName(r)}`;
  if (r.kind === 'node-pods')
    return (
      `in node ${r.node}'s pod range ${r.cidr}, but no pod has it now (a pod that ended, or not yet used)` +
      (r.network ? `, within the cluster's pod network ${r.network}` : '')
    );
  if (r.kind === 'pod-network') return `in the cluster's pod network ${r.cidr}, but no pod has it now`;
  if (r.kind === 'subnet') return subnetText(r);
  return `in the service network ${r.cidr}, but no Service has it`;
}

/** A range of ours by what it is: the pods take their addresses from the pod network (each node from its slice of
 * it), the Services their ClusterIPs from the service network
 * (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning) */
function rangeName(r: Range): string {
  if (r.kind === 'pod-network') return `the cluster's pod network ${r.cidr} (every pod takes its address from it)`;
  if (r.kind === 'service-network') return `the cluster's service network ${r.cidr} (the Services' ClusterIPs)`;
  if (r.kind === 'node-pods') return `node ${r.node}'s pod range ${r.cidr} (the addresses of the pods on that node)`;
  if (r.kind === 'subnet') return `subnet ${r.subnet} (${r.cidr}) of VNet ${r.vnet}`;
  if (r.kind === 'vnet') return `the address space ${r.cidr} of VNet ${r.vnet}`;
  return `public IP prefix ${r.prefix} (${r.cidr}), resource group ${r.resourceGroup}`;
}

/** "what is 10.128.0.0/14": the ranges of ours it is, else those it lies in or holds. */
function rangeAnswer(d: Extract<WhatIsDecision, { outcome: 'range' }>): PathResult {
  const names = (rs: Range[]) => rs.map(rangeName).join('; ');
  const within = d.within.length ? `, within ${names(d.within)}` : '';
  const answer = d.same.length
    ? `${d.ip} is ${names(d.same)}${within}.`
    : d.within.length || d.holds.length
      ? `${d.ip} is none of the cluster's ranges itself` +
        `${d.within.length ? `; it lies within ${names(d.within)}` : ''}` +
        `${d.holds.length ? `; it holds ${names(d.holds)}` : ''}.`
      : `${d.ip} is none of this cluster's ranges (pod and service networks, node pod ranges), nor a subnet, VNet ` +
        'or public IP prefix in the subscriptions its VNets reach.';
  const found = d.same.length + d.within.length + d.holds.length > 0;
  return result('what-is', found ? 'answered' : 'not-found', answer, {
    title: `${d.ip}: ${d.same.length ? rangeName(d.same[0]).split(' (')[0] : found ? 'a range' : 'not ours'}`,
    verify: [...d.same, ...d.within].flatMap(rangeVerify),
    followUps: [],
  });
}

// Application Gateway for Containers: an association per delegated subnet, where its proxies take their addresses
// and open the connections to the pods from.
// https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
const KNOWN_DELEGATIONS: Record<string, string> = {
  'microsoft.servicenetworking/trafficcontrollers':
    'Application Gateway for Containers: its proxies take their addresses from this subnet and use them as the ' +
    'source of the connections they open to the pods',
};

function subnetText(r: Extract<Range, { kind: 'subnet' }>): string {
  const delegated = r.delegations.map((d) => {
    const known = KNOWN_DELEGATIONS[d.toLowerCase()];
    return `delegated to ${d}${known ? ` (${known})` : ''}`;
  });
  return (
    `an address of subnet ${r.subnet} (${r.cidr}) in VNet ${r.vnet}` +
    `${delegated.length ? `, ${delegated.join(', ')}` : ''}; nothing in the data holds it`
  );
}

const rangeVerify = (r: Range): string[] =>
  r.kind === 'subnet'
    ? [
        `az network vnet subnet show -g ${r.resourceGroup} --vnet-name ${r.vnet} -n ${r.subnet} ` +
          "--query '{prefix:addressPrefix,delegations:delegations[].serviceName}'",
      ]
    : [];

// an endpoint's routes send requests to an origin group; each origin is a host name Front Door connects to, from
// the AzureFrontDoor.Backend addresses
// https://learn.microsoft.com/azure/frontdoor/origin
// https://learn.microsoft.com/azure/frontdoor/origin-security
function frontDoorText(d: Extract<WhatIsDecision, { outcome: 'front-door' }>): PathResult {
  const p = d.profile;
  const rg = p.resourceGroup ? `, resource group ${p.resourceGroup}` : '';
  const sku = p.sku ? ` (${p.sku})` : '';
  const origins = p.origins
    .map((o) => `${o.name} in group ${o.group} → ${o.hostName}${o.enabled ? '' : ' (disabled)'}`)
    .join('; ');
  const answer =
    `${d.ip} is endpoint ${d.endpoint} of Azure Front Door profile ${p.name}${sku}${rg}: public requests to it ` +
    `enter Front Door, which sends them to its origins (${origins || 'none listed'}); the origins see ` +
    "Front Door's AzureFrontDoor.Backend addresses as the source, the client in X-Forwarded-For.";
  return result('what-is', 'answered', answer, {
    title: `${d.ip}: Front Door ${p.name}`,
    verify: [
      `az afd endpoint list --profile-name ${p.name}${p.resourceGroup ? ` -g ${p.resourceGroup}` : ''} -o table`,
    ],
    followUps: [{ title: 'Inbound path', question: `how does traffic reach ${d.ip}`, intent: 'inbound' }],
  });
}

/** An address of Azure's own services: the tags that hold it, as NSG rules and flow logs name them. */
function serviceTagText(d: Extract<WhatIsDecision, { outcome: 'service-tag' }>): PathResult {
  const [first, ...wider] = d.tags;
  const also = wider.length ? `, within ${wider.map((t) => `${t.name} (${t.cidr})`).join(', ')}` : '';
  const answer =
    `${d.ip} is none of this cluster's: it is an Azure address of service tag ${first.name} (${first.cidr})${also}. ` +
    `NSG rules name such addresses by the tag: a rule for ${first.name}${wider.length ? ' or a wider tag' : ''} ` +
    'applies to it.';
  return result('what-is', 'answered', answer, {
    title: `${d.ip}: service tag ${first.name}`,
    verify: [`az network list-service-tags --location <region> --query "values[?name=='${first.name}']"`],
    followUps: [],
  });
}

export function narrate(d: WhatIsDecision): PathResult {
  const { ip } = d;
  if (d.outcome === 'front-door') return frontDoorText(d);
  if (d.outcome === 'range') return rangeAnswer(d);
  if (d.outcome === 'host-unknown') {
    const why = d.read ? 'no Front Door profile I have holds it' : 'Front Door profiles are read from a snapshot only';
    return result('what-is', 'not-found', `${ip} is an Azure Front Door endpoint host name, but ${why}.`);
  }
  if (d.outcome === 'found') {
    const lines = d.findings.map(findingText);
    return result('what-is', 'answered', `${ip} is ${lines.join('; and ')}.`, {
      title: `${ip}: ${lines[0].split(':')[0].split(' (')[0]}`,
      verify: d.findings.flatMap((x) => verifyOf(ip, x)),
      followUps: followUpsOf(d.findings),
    });
  }
  if (d.outcome === 'service-tag') return serviceTagText(d);
  if (d.outcome === 'in-range')
    return result('what-is', 'answered', `${ip} is ${d.ranges.map(rangeText).join('; ')}.`, {
      title: `${ip}: not assigned`,
      verify: d.ranges.flatMap(rangeVerify),
      followUps: [],
    });
  return result(
    'what-is',
    'not-found',
    `${ip} is not a pod, Service, node, load balancer frontend, NIC or public IP of this cluster` +
      `${d.cluster ? ` (${d.cluster})` : ''} or its node resource group, nor a firewall, NAT gateway, load ` +
      "balancer (or a NIC behind one), application gateway subnet, route next hop (or BGP one in the nodes' " +
      'effective routes), VNet DNS server or subnet in the subscriptions its VNets reach.',
    { title: `${ip}: not part of this cluster`, verify: [], followUps: [] },
  );
}
