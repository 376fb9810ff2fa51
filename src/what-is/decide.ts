// What an address is: every object of the cluster and its node resource group
// that carries it, else the address ranges it falls in. Pure.
import type { DnatHit } from '../path/firewall-rules';
import type { LoadBalancer } from '../inventory/azure-model';
import type { FrontDoor } from '../inventory/front-door';
import { idKey, nameOf, sameId } from '../inventory/ids';
import type { Node, Pod } from '../inventory/k8s-types';
import { cidrContains, cidrCovers } from '../path/ip';
import { hostNetworkPodsOn, nicConfigsWithIp, nodesWithIp, podsWithIp, servicesWithIp } from '../path/index';
import { egressIpSelectsNamespace, egressIpsFor, isPlatformNamespace, isRunning, nodeRole } from '../path/kube';
import { describeMembers, frontendPurpose, lbIngressIps, lbMembers } from '../path/lb';
import type { WhatIsFacts } from './facts';
import type { WhatIsSubjects } from './resolve';

export type Finding =
  | { kind: 'pod'; namespace?: string; name: string; phase?: string; node?: string }
  | { kind: 'cluster-ip'; namespace?: string; name: string; ports: string[] }
  | { kind: 'lb-service'; namespace?: string; name: string; ports: string[] }
  | { kind: 'node'; name: string; role: string; hostNetworkPods: number; pods?: string[]; hostPods?: string[] }
  | {
      kind: 'lb-frontend';
      lb: string;
      resourceGroup: string;
      frontend: string;
      address: 'public' | 'private';
      /** the public IP resource's name (public frontends) */
      publicIp?: string;
      /** what the frontend carries (egress, a Service's ingress, the API server…) */
      purpose: string;
    }
  | { kind: 'public-ip'; name: string; resourceGroup: string; attachedTo?: string }
  | { kind: 'nic-ip'; config: string; nic: string; resourceGroup: string; vm?: string }
  | { kind: 'nat-gateway'; natGateway: string; id: string; via: string }
  | {
      kind: 'firewall';
      firewall: string;
      resourceGroup: string;
      subscription: string;
      via: string;
      /** its DNAT rules on the address (when its rules were read) */
      dnat?: DnatHit[];
    }
  | { kind: 'prefix'; prefix: string; cidr: string; resourceGroup: string; usedBy?: string }
  /** a load balancer beyond the node resource group (an NVA's internal one in a hub) */
  | {
      kind: 'edge-lb-frontend';
      lb: string;
      resourceGroup: string;
      subscription: string;
      frontend: string;
      internal: boolean;
      rules: string[];
      /** the NIC names (or addresses) of its backend pools */
      backends: string[];
    }
  /** a backend of a load balancer beyond the node resource group: a NIC's IP configuration, or an IP-based member */
  | {
      kind: 'edge-lb-backend';
      lb: string;
      pool: string;
      resourceGroup: string;
      subscription: string;
      internal: boolean;
      nic?: { name: string; config: string; resourceGroup: string; id: string; vm?: string };
    }
  /** the next hop of user-defined routes: where the subnets using the table send those prefixes */
  | {
      kind: 'route-next-hop';
      routeTable: string;
      resourceGroup: string;
      subscription: string;
      routes: { name: string; prefix: string; nextHopType: string }[];
      subnets: string[];
    }
  /** an Application Gateway's frontend private IP, or an address of its subnet (its instances') */
  | {
      kind: 'app-gateway';
      gateway: string;
      resourceGroup: string;
      via: 'frontend' | 'subnet';
      frontend?: string;
      subnet?: string;
      cidr?: string;
    }
  /** the next hop of routes the VNet learned over BGP, as the nodes' NICs' effective routes show them */
  | {
      kind: 'bgp-next-hop';
      routes: { prefix: string; nextHopType: string }[];
      /** the NICs whose effective routes name it, with their node */
      nics: { name: string; node: string; resourceGroup: string }[];
    }
  /** a custom DNS server a VNet in reach hands its VMs (the nodes) by DHCP */
  | { kind: 'dns-server'; vnets: { name: string; resourceGroup: string; subscription: string }[] }
  | {
      kind: 'egress-ip';
      name: string;
      /** the namespaces its namespaceSelector picks, and their running pods its podSelector picks */
      namespaces: string[];
      pods: string[];
      podSelector: boolean;
      /** the node that holds the address (status.items); absent when it is not assigned */
      node?: string;
    };

export type Range =
  | { kind: 'node-pods'; node: string; cidr: string; network?: string }
  | { kind: 'pod-network'; cidr: string }
  | { kind: 'service-network'; cidr: string }
  /** a subnet of a VNet in reach: its name, prefix, VNet and the services it is delegated to */
  | { kind: 'subnet'; subnet: string; cidr: string; vnet: string; resourceGroup: string; delegations: string[] }
  /** the address space of a VNet in reach, and a public IP prefix (asked about as a range) */
  | { kind: 'vnet'; vnet: string; cidr: string; resourceGroup: string }
  | { kind: 'ip-prefix'; prefix: string; cidr: string; resourceGroup: string };

export type WhatIsDecision =
  | { ip: string; outcome: 'found'; findings: Finding[] }
  /** a Front Door endpoint's host name (`ip` holds it): its profile and the origins its routes send to */
  | { ip: string; outcome: 'front-door'; profile: FrontDoor; endpoint: string }
  /** a Front Door host no profile read holds (`read`: the profiles could be read) */
  | { ip: string; outcome: 'host-unknown'; read: boolean }
  | { ip: string; outcome: 'in-range'; ranges: Range[] }
  /** a range asked about (`ip` holds it): the ranges of ours it is, those that hold it, and those it holds */
  | { ip: string; outcome: 'range'; same: Range[]; within: Range[]; holds: Range[] }
  /** no address of ours: the Azure service tags that hold it, the narrowest first */
  | { ip: string; outcome: 'service-tag'; tags: { name: string; cidr: string }[] }
  | { ip: string; outcome: 'not-found'; cluster?: string };

export function decide({ ip, host, range }: WhatIsSubjects, f: WhatIsFacts): WhatIsDecision {
  if (host) return frontDoorHost(host, f.frontDoors);
  if (range) return rangeAsked(range, f);
  const findings = [
    ...podFindings(ip, f),
    ...serviceFindings(ip, f),
    ...nodeFindings(ip, f),
    ...frontendFindings(ip, f),
    ...publicIpFindings(ip, f),
    ...nicFindings(ip, f),
    ...edgeFindings(ip, f),
    ...egressIpFindings(ip, f),
    ...bgpNextHopFindings(ip, f),
  ];
  if (findings.length) return { ip, outcome: 'found', findings };
  const ranges = rangesOf(ip, f);
  if (ranges.length) return { ip, outcome: 'in-range', ranges };
  const tags = tagsHolding(ip, f);
  if (tags.length) return { ip, outcome: 'service-tag', tags };
  return { ip, outcome: 'not-found', cluster: f.cluster?.name };
}

/** The service tags whose prefixes hold the address, the narrowest prefix first (a regional tag before its parent);
 * none when only AzureCloud does: it holds every public address of Azure, any customer's too, so it names no service
 * https://learn.microsoft.com/azure/virtual-network/service-tags-overview#available-service-tags */
function tagsHolding(ip: string, f: WhatIsFacts): { name: string; cidr: string }[] {
  const tags = f.serviceTags;
  const held = [...(tags?.prefixes ?? [])].flatMap(([key, cidrs]) => {
    const cidr = cidrs.filter((c) => c.includes('.') && cidrContains(c, ip)).sort(bits)[0];
    return cidr ? [{ key, name: tags?.names?.get(key) ?? key, cidr }] : [];
  });
  if (held.every((t) => /^azurecloud\b/.test(t.key))) return [];
  return held.sort((a, b) => bits(a.cidr, b.cidr)).map(({ name, cidr }) => ({ name, cidr }));
}
const bits = (a: string, b: string) => Number(b.split('/')[1] ?? 32) - Number(a.split('/')[1] ?? 32);

// A Front Door endpoint's host name is the profile's: requests to it go to the origins of the endpoint's routes
// https://learn.microsoft.com/azure/frontdoor/endpoint
function frontDoorHost(host: string, doors?: FrontDoor[]): WhatIsDecision {
  for (const profile of doors ?? []) {
    const ep = profile.endpoints.find((e) => e.hostName?.toLowerCase() === host);
    if (ep) return { ip: host, outcome: 'front-door', profile, endpoint: ep.name };
  }
  return { ip: host, outcome: 'host-unknown', read: !!doors };
}

// A host-network pod shows the node IP, so the address is the node's, not the pod's.
// https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model
const podFindings = (ip: string, f: WhatIsFacts): Finding[] =>
  podsWithIp(f.pods, ip)
    .filter((p) => !p.spec?.hostNetwork)
    .map((p) => ({
      kind: 'pod',
      namespace: p.metadata.namespace,
      name: p.metadata.name,
      phase: p.status?.phase,
      node: p.spec?.nodeName,
    }));

// A ClusterIP is virtual; a LoadBalancer Service's external IP is in status.loadBalancer.ingress.
// https://kubernetes.io/docs/reference/networking/virtual-ips/
// https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer
function serviceFindings(ip: string, f: WhatIsFacts): Finding[] {
  return servicesWithIp(f.services, ip).flatMap((s) => {
    const id = { namespace: s.metadata.namespace, name: s.metadata.name };
    const ports = (s.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`);
    const out: Finding[] = [];
    if (s.spec?.clusterIP === ip || (s.spec?.clusterIPs ?? []).includes(ip))
      out.push({ kind: 'cluster-ip', ...id, ports });
    if (lbIngressIps(s).includes(ip)) out.push({ kind: 'lb-service', ...id, ports });
    return out;
  });
}

const nodeFindings = (ip: string, f: WhatIsFacts): Finding[] =>
  nodesWithIp(f.nodes, ip).map((n) => ({
    kind: 'node',
    name: n.metadata.name,
    role: nodeRole(n),
    hostNetworkPods: hostNetworkPodsOn(f.pods, n.metadata.name).length,
    pods: podsOn(f.pods, n.metadata.name),
    // a host-network pod shares the node's address: named, since a flow log shows it as the node
    // https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking
    hostPods: hostNetworkPodsOn(f.pods, n.metadata.name).map((p) => `${p.metadata.namespace}/${p.metadata.name}`),
  }));

// "what's running on 10.224.0.4?": a node's address stands for the node, and what runs there is the pods scheduled on
// it (spec.nodeName), the cluster's own (kube-system, openshift-*, …) after the workloads'
// https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/
function podsOn(pods: WhatIsFacts['pods'], node: string): string[] {
  const system = (p: Pod) => Number(isPlatformNamespace(p.metadata.namespace));
  return pods
    .filter((p) => p.spec?.nodeName === node && !p.spec?.hostNetwork)
    .sort((a, b) => system(a) - system(b))
    .map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
}

/** The frontends' public IP IDs as map keys, kept per load balancer (thousands of frontends at scale). */
const pipKeysOf = new WeakMap<LoadBalancer, (string | undefined)[]>();
function pipKeys(lb: LoadBalancer): (string | undefined)[] {
  let keys = pipKeysOf.get(lb);
  if (!keys) pipKeysOf.set(lb, (keys = lb.frontends.map((fe) => (fe.publicIpId ? idKey(fe.publicIpId) : undefined))));
  return keys;
}

const membersText = (lb: LoadBalancer, f: WhatIsFacts): string =>
  describeMembers(lbMembers(lb, f.nodes, f.nics), f.nodes);

// A frontend carries a private IP (internal) or a public IP resource (public).
// https://learn.microsoft.com/en-us/azure/load-balancer/components
function frontendFindings(ip: string, f: WhatIsFacts): Finding[] {
  return f.lbs.flatMap((lb) =>
    lb.frontends.flatMap((fe, i): Finding[] => {
      const key = pipKeys(lb)[i];
      const pip = key ? f.pips.get(key) : undefined;
      if (fe.privateIp !== ip && pip?.ip !== ip) return [];
      return [
        {
          kind: 'lb-frontend',
          lb: lb.name,
          resourceGroup: lb.resourceGroup,
          frontend: fe.name,
          address: pip ? 'public' : 'private',
          publicIp: pip?.name,
          purpose: frontendPurpose(lb, fe, f.services, membersText(lb, f)),
        },
      ];
    }),
  );
}

// Public IPs not on a load balancer frontend: attached to a NIC, a firewall… or to nothing.
// https://learn.microsoft.com/en-us/azure/virtual-network/ip-services/public-ip-addresses
const publicIpFindings = (ip: string, f: WhatIsFacts): Finding[] =>
  [...f.pips.values()]
    .filter((p) => p.ip === ip && !f.lbs.some((lb) => lb.frontends.some((fe) => sameId(fe.publicIpId, p.id))))
    .map((p) => ({
      kind: 'public-ip',
      name: p.name,
      resourceGroup: p.resourceGroup,
      attachedTo: p.attachedToId ? nameOf(p.attachedToId.replace(/\/ipConfigurations\/[^/]+$/i, '')) : undefined,
    }));

// A node's NIC carries the node IP: said once, as the node.
// https://learn.microsoft.com/en-us/azure/virtual-network/ip-services/virtual-network-network-interface-addresses
function nicFindings(ip: string, f: WhatIsFacts): Finding[] {
  if (nodesWithIp(f.nodes, ip).length) return [];
  return nicConfigsWithIp(f.nics, ip).map(({ nic, config: c }) => ({
    kind: 'nic-ip' as const,
    config: c.name,
    nic: nic.name,
    resourceGroup: nic.resourceGroup,
    vm: nic.vmId ? nameOf(nic.vmId) : undefined,
  }));
}

// The edge beyond the node resource group: a NAT gateway's or firewall's public IP (or a firewall's private
// IP, the next hop of user-defined routes), and addresses inside a public IP prefix.
// https://learn.microsoft.com/azure/nat-gateway/nat-gateway-resource
// https://learn.microsoft.com/azure/firewall/features#multiple-public-ip-addresses
// https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-address-prefix
function edgeFindings(ip: string, f: WhatIsFacts): Finding[] {
  const pipIds = new Set(f.edge.publicIps.filter((p) => p.ip === ip).map((p) => idKey(p.id)));
  const hasPip = (ids: string[]) => ids.find((id) => pipIds.has(idKey(id)));
  const prefix = f.edge.prefixes.find((p) => p.prefix && cidrContains(p.prefix, ip));
  const usesPrefix = (ids: string[]) => !!prefix && ids.some((id) => sameId(id, prefix.id));
  const out: Finding[] = [];
  for (const g of f.edge.natGateways) {
    const pip = hasPip(g.publicIpIds);
    if (pip || usesPrefix(g.publicIpPrefixIds)) {
      const via = pip ? `public IP ${nameOf(pip)}` : `public IP prefix ${prefix!.name} (${prefix!.prefix})`;
      out.push({ kind: 'nat-gateway', natGateway: g.name, id: g.id, via });
    }
  }
  for (const fw of f.edge.firewalls) {
    const pip = hasPip(fw.publicIpIds) ?? (fw.publicIps.includes(ip) ? ip : undefined);
    const via = pip
      ? `public IP ${nameOf(pip)}`
      : fw.privateIps.includes(ip)
        ? 'private IP (the next hop of routes)'
        : '';
    if (via)
      out.push({
        kind: 'firewall',
        firewall: fw.name,
        resourceGroup: fw.resourceGroup,
        subscription: fw.subscription,
        via,
        ...(f.dnat?.length ? { dnat: f.dnat } : {}),
      });
  }
  if (prefix && !out.length)
    out.push({ kind: 'prefix', prefix: prefix.name, cidr: prefix.prefix!, resourceGroup: prefix.resourceGroup });
  if (!out.length)
    out.push(...publicIpFindings(ip, { ...f, pips: new Map(f.edge.publicIps.map((p) => [idKey(p.id), p])) }));
  return [
    ...out,
    ...edgeLbFindings(ip, f),
    ...edgeBackendFindings(ip, f),
    ...appGatewayFindings(ip, f),
    ...nextHopFindings(ip, f),
    ...dnsServerFindings(ip, f),
  ];
}

// A VNet's custom DNS servers (dhcpOptions.dnsServers) are what its VMs, the nodes among them, are given as resolvers
// by DHCP: the upstream the cluster DNS forwards names outside the cluster to.
// https://learn.microsoft.com/azure/virtual-network/virtual-networks-name-resolution-for-vms-and-role-instances
function dnsServerFindings(ip: string, f: WhatIsFacts): Finding[] {
  const vnets = (f.edge.vnets ?? []).filter((v) => (v.dnsServers ?? []).includes(ip));
  if (!vnets.length) return [];
  return [
    {
      kind: 'dns-server',
      vnets: vnets.map((v) => ({ name: v.name, resourceGroup: v.resourceGroup, subscription: v.subscription })),
    },
  ];
}

// A load balancer outside the node resource group: an internal one in front of network virtual appliances (HA
// ports: every protocol and port) is the usual next hop of a spoke's routes.
// https://learn.microsoft.com/azure/load-balancer/ha-ports-overview
function edgeLbFindings(ip: string, f: WhatIsFacts): Finding[] {
  const near = new Set(f.lbs.map((lb) => idKey(lb.id)));
  return (f.edge.loadBalancers ?? [])
    .filter((lb) => !near.has(idKey(lb.id)))
    .flatMap((lb) =>
      lb.frontends
        .filter((fe) => fe.privateIp === ip)
        .map((fe): Finding => {
          const rules = lb.rules.filter((r) => sameId(r.frontendId, fe.id));
          const pools = lb.pools.filter((p) => rules.some((r) => r.poolIds.some((id) => sameId(id, p.id))));
          const members = (pools.length ? pools : lb.pools).flatMap((p) => [
            ...p.ipConfigIds.map((id) => nameOf(id.replace(/\/ipConfigurations\/[^/]+$/i, ''))),
            ...p.addresses,
          ]);
          return {
            kind: 'edge-lb-frontend',
            lb: lb.name,
            resourceGroup: lb.resourceGroup,
            subscription: lb.subscription,
            frontend: fe.name,
            internal: !fe.publicIpId,
            rules: rules.map((r) =>
              r.protocol.toLowerCase() === 'all' && r.frontendPort === 0
                ? `${r.name} (HA ports: every protocol and port)`
                : `${r.name} (${r.protocol} ${r.frontendPort})`,
            ),
            backends: [...new Set(members)],
          };
        }),
    );
}

// A backend pool holds NIC IP configurations (NIC-based) or addresses (IP-based); the NIC carries the address.
// https://learn.microsoft.com/azure/load-balancer/backend-pool-management
function edgeBackendFindings(ip: string, f: WhatIsFacts): Finding[] {
  const near = new Set(f.lbs.map((lb) => idKey(lb.id)));
  const configs = nicConfigsWithIp(f.edge.backendNics ?? [], ip);
  return (f.edge.loadBalancers ?? [])
    .filter((lb) => !near.has(idKey(lb.id)))
    .flatMap((lb) =>
      lb.pools.flatMap((p): Finding[] => {
        const base = {
          kind: 'edge-lb-backend' as const,
          lb: lb.name,
          pool: p.name,
          resourceGroup: lb.resourceGroup,
          subscription: lb.subscription,
          internal: lb.frontends.every((fe) => !fe.publicIpId),
        };
        if (p.addresses.includes(ip)) return [base];
        const at = configs.find(({ config }) => p.ipConfigIds.some((id) => sameId(id, config.id)));
        if (!at) return [];
        const { nic, config } = at;
        const vm = nic.vmId ? nameOf(nic.vmId) : undefined;
        return [
          { ...base, nic: { name: nic.name, config: config.name, resourceGroup: nic.resourceGroup, id: nic.id, vm } },
        ];
      }),
    );
}

// An Application Gateway's instances take their addresses from its dedicated subnet and open the connections to
// the backends from them (the backend sees an instance address; the client is in X-Forwarded-For).
// https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure
// https://learn.microsoft.com/azure/application-gateway/how-application-gateway-works
function appGatewayFindings(ip: string, f: WhatIsFacts): Finding[] {
  return (f.edge.appGateways ?? []).flatMap(({ gateway: g, subnets }): Finding[] => {
    const base = { kind: 'app-gateway' as const, gateway: g.name, resourceGroup: g.resourceGroup };
    const fe = g.frontends.find((x) => x.privateIp === ip);
    if (fe) return [{ ...base, via: 'frontend', frontend: fe.name }];
    const subnet = subnets.find((s) => s.prefixes.some((c) => cidrContains(c, ip)));
    const cidr = subnet?.prefixes.find((c) => cidrContains(c, ip));
    return subnet ? [{ ...base, via: 'subnet', subnet: subnet.name, cidr }] : [];
  });
}

// A route's next hop IP (type VirtualAppliance) is where the subnets associated with the table send the prefix.
// https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#custom-routes
function nextHopFindings(ip: string, f: WhatIsFacts): Finding[] {
  const subnets = (f.edge.vnets ?? []).flatMap((v) => v.subnets.map((s) => ({ vnet: v.name, s })));
  return (f.edge.routeTables ?? []).flatMap((t): Finding[] => {
    const routes = t.routes.filter((r) => r.nextHopIp === ip);
    if (!routes.length) return [];
    return [
      {
        kind: 'route-next-hop',
        routeTable: t.name,
        resourceGroup: t.resourceGroup,
        subscription: t.subscription,
        routes: routes.map((r) => ({ name: r.name, prefix: r.prefix, nextHopType: r.nextHopType })),
        subnets: subnets.filter((x) => sameId(x.s.routeTableId, t.id)).map((x) => `${x.vnet}/${x.s.name}`),
      },
    ];
  });
}

// Routes a virtual network gateway (VPN or ExpressRoute) learns over BGP show in the effective routes with source
// VirtualNetworkGateway and the gateway's address as next hop.
// https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview#next-hop-types-across-azure-tools
function bgpNextHopFindings(ip: string, f: WhatIsFacts): Finding[] {
  const at = (f.edge.nicRoutes ?? []).map((r) => ({
    ...r,
    routes: r.routes.filter((x) => x.source.toLowerCase() !== 'user' && x.state.toLowerCase() === 'active'),
  }));
  const naming = at.filter((r) => r.routes.some((x) => x.nextHopIps.includes(ip)));
  if (!naming.length) return [];
  const routes = new Map<string, { prefix: string; nextHopType: string }>();
  for (const x of naming.flatMap((r) => r.routes).filter((x) => x.nextHopIps.includes(ip)))
    for (const prefix of x.prefixes) routes.set(`${prefix} ${x.nextHopType}`, { prefix, nextHopType: x.nextHopType });
  const nics = naming.map((r) => ({ name: r.nic.name, node: r.node, resourceGroup: r.nic.resourceGroup }));
  return [{ kind: 'bgp-next-hop', routes: [...routes.values()], nics }];
}

// An OpenShift EgressIP is an extra address on a node's primary interface: the source of the selected pods' traffic
// leaving the cluster; status.items names the node that holds it.
// https://docs.redhat.com/en/documentation/openshift_container_platform/4.20/html/ovn-kubernetes_network_plugin/configuring-egress-ips-ovn
function egressIpFindings(ip: string, f: WhatIsFacts): Finding[] {
  const all = f.egressIps ?? [];
  const namespaces = f.namespaces ?? [];
  return all
    .filter((e) => (e.spec?.egressIPs ?? []).includes(ip) || (e.status?.items ?? []).some((i) => i.egressIP === ip))
    .map((e) => {
      const nsNames = [
        ...new Set([...namespaces.map((n) => n.metadata.name), ...f.pods.map((p) => p.metadata.namespace)]),
      ]
        .filter((n): n is string => !!n && egressIpSelectsNamespace(e, n, namespaces))
        .sort();
      const pods = f.pods
        .filter((p) => isRunning(p) && !p.spec?.hostNetwork && egressIpsFor(p, namespaces, [e]).length)
        .map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
        .sort();
      const node = (e.status?.items ?? []).find((i) => i.egressIP === ip)?.node;
      return {
        kind: 'egress-ip' as const,
        name: e.metadata.name,
        namespaces: nsNames,
        pods,
        podSelector: !!e.spec?.podSelector,
        node,
      };
    });
}

/** The OVN-Kubernetes `k8s.ovn.org/node-subnets` annotation's default subnet(s); nothing when it is not JSON. */
export function ovnNodeSubnets(annotation?: string): string[] {
  if (!annotation) return [];
  try {
    const d: unknown = JSON.parse(annotation).default;
    return (Array.isArray(d) ? d : [d]).filter((c): c is string => typeof c === 'string');
  } catch {
    return []; // not JSON: ignore
  }
}

// Each node gets a slice of the pod network: spec.podCIDRs (kubenet), or the OVN annotation (ARO).
// https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/node-v1/
// https://docs.openshift.com/dedicated/networking/cidr-range-definitions.html
export const nodePodCidrs = (n: Node): string[] => [
  ...(n.spec?.podCIDRs ?? (n.spec?.podCIDR ? [n.spec.podCIDR] : [])),
  ...ovnNodeSubnets(n.metadata.annotations?.['k8s.ovn.org/node-subnets']),
];

function rangesOf(ip: string, f: WhatIsFacts): Range[] {
  const { podCidr, serviceCidr } = f.cluster ?? {};
  // a node's slice is named with the cluster's pod network it is cut from
  const network = podCidr && cidrContains(podCidr, ip) ? podCidr : undefined;
  const ranges: Range[] = f.nodes.flatMap((n) =>
    nodePodCidrs(n)
      .filter((c) => cidrContains(c, ip))
      .map((cidr) => ({ kind: 'node-pods' as const, node: n.metadata.name, cidr, ...(network ? { network } : {}) })),
  );
  if (!ranges.length && podCidr && cidrContains(podCidr, ip)) ranges.push({ kind: 'pod-network', cidr: podCidr });
  if (serviceCidr && cidrContains(serviceCidr, ip)) ranges.push({ kind: 'service-network', cidr: serviceCidr });
  return [...ranges, ...subnetRanges(ip, f)];
}

/** "what is 10.128.0.0/14": the cluster's pod and service networks, the nodes' pod ranges, the subnets and address
 * spaces of the VNets in reach and the public IP prefixes that are the range asked, hold it or lie in it. */
function rangeAsked(range: string, f: WhatIsFacts): WhatIsDecision {
  const { podCidr, serviceCidr } = f.cluster ?? {};
  const known: Range[] = [
    ...(podCidr ? [{ kind: 'pod-network' as const, cidr: podCidr }] : []),
    ...(serviceCidr ? [{ kind: 'service-network' as const, cidr: serviceCidr }] : []),
    ...f.nodes.flatMap((n) =>
      nodePodCidrs(n).map((cidr) => ({ kind: 'node-pods' as const, node: n.metadata.name, cidr })),
    ),
    ...(f.edge.vnets ?? []).flatMap((v): Range[] => [
      ...v.prefixes.map((cidr) => ({ kind: 'vnet' as const, vnet: v.name, cidr, resourceGroup: v.resourceGroup })),
      ...v.subnets.flatMap((s) =>
        s.prefixes.map((cidr) => ({
          ...{ kind: 'subnet' as const, subnet: s.name, cidr, vnet: v.name, resourceGroup: v.resourceGroup },
          delegations: s.delegations ?? [],
        })),
      ),
    ]),
    ...f.edge.prefixes
      .filter((p) => p.prefix)
      .map((p) => ({ kind: 'ip-prefix' as const, prefix: p.name, cidr: p.prefix!, resourceGroup: p.resourceGroup })),
  ];
  const same = known.filter((r) => cidrCovers(r.cidr, range) && cidrCovers(range, r.cidr));
  const within = known.filter((r) => !same.includes(r) && cidrCovers(r.cidr, range));
  const held = known.filter((r) => !same.includes(r) && cidrCovers(range, r.cidr));
  // (of the ranges it holds, the outermost: a node's pod range lies in the pod network, a subnet in its VNet)
  const holds = held.filter((r) => !held.some((o) => o.cidr !== r.cidr && cidrCovers(o.cidr, r.cidr)));
  return { ip: range, outcome: 'range', same, within, holds };
}

// Every address of a VNet belongs to one subnet; a delegated subnet is for the service it names.
// https://learn.microsoft.com/azure/virtual-network/subnet-delegation-overview
function subnetRanges(ip: string, f: WhatIsFacts): Range[] {
  const seen = new Set<string>();
  return (f.edge.vnets ?? []).flatMap((v) =>
    v.subnets.flatMap((s): Range[] => {
      const cidr = s.prefixes.find((c) => cidrContains(c, ip));
      if (!cidr || seen.has(idKey(s.id))) return [];
      seen.add(idKey(s.id));
      const base = { kind: 'subnet' as const, subnet: s.name, cidr, vnet: v.name, resourceGroup: v.resourceGroup };
      return [{ ...base, delegations: s.delegations ?? [] }];
    }),
  );
}
