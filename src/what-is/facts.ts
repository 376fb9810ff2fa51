// The lookups of "what is <ip>": pods, Services, nodes, the cluster's ranges,
// and the node resource group's load balancers, public IPs and NICs.
import type { Ctx } from '../family';
import type { LoadBalancer, Nic, PublicIp } from '../inventory/azure-model';
import type { FrontDoor } from '../inventory/front-door';
import type { ClusterInfo } from '../inventory/inventory';
import type { ServiceTags } from '../inventory/service-tags';
import type { EgressIP, Namespace, Node, Pod, Service } from '../inventory/k8s-types';
import { dnatRules, holdsAddress, type DnatHit } from '../path/firewall-rules';
import { lbWorld, publicIpById } from '../path/lb';
import { firewallRulesOf } from '../path/next-hop';
import { decide } from './decide';
import { readBackendNics, readEdge, readNicRoutes, type EdgeFacts } from './edge';
import type { WhatIsSubjects } from './resolve';

export interface WhatIsFacts {
  pods: Pod[];
  services: Service[];
  nodes: Node[];
  cluster?: ClusterInfo;
  lbs: LoadBalancer[];
  /** public IPs by lower-case ID: all of the node resource group(s), and those the frontends name */
  pips: Map<string, PublicIp>;
  nics: Nic[];
  /** NAT gateways, firewalls, prefixes and public IPs beyond the node resource group (read only when needed) */
  edge: EdgeFacts;
  /** OpenShift EgressIP objects and the namespaces they select (absent where the cluster has none) */
  egressIps?: EgressIP[];
  namespaces?: Namespace[];
  /** the Front Door profiles, read only for a host name asked about (undefined: they cannot be read) */
  frontDoors?: FrontDoor[];
  /** Azure's service tags, read only when nothing of ours holds the address */
  serviceTags?: ServiceTags;
  /** the DNAT rules of the firewall holding the address, on that address */
  dnat?: DnatHit[];
}

const NO_EDGE: EdgeFacts = { natGateways: [], firewalls: [], prefixes: [], publicIps: [] };

export async function facts(s: WhatIsSubjects, { inv, trace }: Ctx): Promise<WhatIsFacts> {
  if (s.host) {
    const read = inv.azure.frontDoors;
    const frontDoors = read ? await trace.try('Azure Front Door profiles', () => read.call(inv.azure)) : undefined;
    return { pods: [], services: [], nodes: [], lbs: [], pips: new Map(), nics: [], edge: NO_EDGE, frontDoors };
  }
  const [pods, services, nodes, cluster, egressIps, namespaces] = await Promise.all([
    trace.list('pods', () => inv.list('Pod')),
    trace.list('services', () => inv.list('Service')),
    trace.list('nodes', () => inv.list('Node')),
    trace.try('cluster', () => inv.cluster()),
    trace.list('EgressIPs', () => inv.list('EgressIP')),
    trace.list('namespaces', () => inv.list('Namespace')),
  ]);
  const world = await lbWorld(inv, trace, { allPips: true, nics: true });
  const ids = world.lbs.flatMap((lb) => lb.frontends.map((f) => f.publicIpId).filter((id): id is string => !!id));
  await Promise.all(ids.map((id) => publicIpById(inv, world, id, trace)));
  const near: WhatIsFacts = {
    ...{ pods, services, nodes, cluster, lbs: world.lbs, pips: world.pips, nics: world.nics, edge: NO_EDGE },
    ...{ egressIps, namespaces },
  };
  // the wider search only when nothing near the cluster carries the address (or is the range asked)
  const d = decide(s, near);
  if (d.outcome === 'found' || (d.outcome === 'range' && d.same.length)) return near;
  const wide = { ...near, edge: await readEdge(inv, world.groups, world.nics, trace) };
  if (s.range) return wide;
  // a NIC behind an edge load balancer (an appliance's), a BGP next hop in the nodes' effective routes: read only
  // when nothing else carries the address
  if (decide(s, wide).outcome === 'found') return withDnat(s.ip, wide, inv, trace);
  const [backendNics, nicRoutes] = await Promise.all([
    readBackendNics(inv, wide.edge, world.nics, trace),
    readNicRoutes(inv, nodes, wide.edge, world.nics, trace),
  ]);
  const last = { ...wide, edge: { ...wide.edge, backendNics, nicRoutes } };
  return decide(s, last).outcome === 'not-found'
    ? { ...last, serviceTags: await tagsOf(inv, world.nics, trace) }
    : last;
}

/** A firewall's address: its DNAT rules there (what it publishes), when its rules can be read. */
async function withDnat(ip: string | undefined, f: WhatIsFacts, inv: Ctx['inv'], trace: Ctx['trace']) {
  const held = ip ? f.edge.firewalls.find((x) => holdsAddress(x, ip, f.edge.publicIps)) : undefined;
  if (!held || !ip) return f;
  const rules = await firewallRulesOf(inv, held, trace);
  return rules.missing.length ? f : { ...f, dnat: dnatRules(rules, { ip }) };
}

/** The service tag list of the nodes' cloud (the region only picks the cloud): an address of Azure's own services
 * (a storage account's, a flow log's DENY) is named by the tag that holds it
 * https://learn.microsoft.com/azure/virtual-network/service-tags-overview */
async function tagsOf(inv: Ctx['inv'], nics: Nic[], trace: Ctx['trace']): Promise<ServiceTags | undefined> {
  const nic = nics.find((n) => n.location);
  if (!inv.azure.serviceTags || !nic?.location) return undefined;
  const read = inv.azure.serviceTags.bind(inv.azure);
  const got = await trace.try('service tags (discovery API)', () => read(nic.subscription, nic.location!));
  return got && !('unavailable' in got) ? got : undefined;
}
