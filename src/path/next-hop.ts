// Who owns a virtual appliance next-hop IP: an Azure Firewall, an internal load balancer frontend (an NVA
// cluster behind it) or a NIC. In a landing zone the hub lives in another subscription: the search follows
// the VNet peering whose remote address space holds the IP, and names any subscription it could not read.
// https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke
import type {
  AzureFirewall,
  FirewallPolicy,
  FirewallRuleCollection,
  FirewallRuleGroup,
  LoadBalancer,
  NatGateway,
  Nic,
  RouteTable,
  Subnet,
  VirtualNetwork,
} from '../inventory/azure-model';
import { nameOf, parentId, parseId, sameId, subscriptionOf } from '../inventory/ids';
import type { Inventory } from '../inventory/inventory';
import { cidrContains } from './ip';
import { fromGroups, type FirewallRules } from './firewall-rules';
import type { Trace } from './trace';
import { isFirewallId, type HubRoute } from './vwan';

export type ApplianceOwner =
  | { kind: 'firewall'; firewall: AzureFirewall; subscription: string }
  | {
      kind: 'ilb';
      lb: LoadBalancer;
      frontend: string;
      /** the NICs of its backend pools (the appliances) */
      backends: { nic: string; ip?: string; resourceGroup: string }[];
    }
  | { kind: 'nic'; nic: Nic }
  /** a routing policy's next hop in a Virtual WAN hub that is not an Azure Firewall (an NVA or SaaS solution) */
  | { kind: 'hub-appliance'; id: string; name: string; hub: string }
  | {
      kind: 'unknown';
      /** subscriptions searched, and those that could not be read (no Reader, or not in the snapshot) */
      searched: string[];
      unreadable: string[];
      /** the peering through which the IP is reached, when one covers it */
      peering?: string;
    };

/** What egress reads about a VirtualAppliance next hop. */
export interface ApplianceFacts {
  owner: ApplianceOwner;
  /** a NAT gateway on the firewall's subnet (AzureFirewallSubnet) */
  firewallNatGateway?: NatGateway;
  /** the firewall's policy (its SNAT private ranges), when it has one and it could be read */
  firewallPolicy?: FirewallPolicy;
  /** AzureFirewallSubnet: the firewall's instances SNAT private destinations outside its ranges to its addresses */
  firewallSubnet?: Subnet;
  /** the firewall's rules, when the data has them */
  firewallRules?: FirewallRules;
}

const subOf = (id?: string) => subscriptionOf(id) ?? '';

/** The subscriptions to search: the peered VNet holding the IP first, then the route table's and the VNet's. */
function scopes(ip: string, vnet?: VirtualNetwork, table?: RouteTable): { subs: string[]; peering?: string } {
  const peering = vnet?.peerings.find((p) => p.remotePrefixes.some((r) => cidrContains(r, ip)));
  const subs = [subOf(peering?.remoteVnetId), subOf(table?.id), subOf(vnet?.id)].filter((s): s is string => !!s);
  return { subs: [...new Set(subs.map((s) => s.toLowerCase()))], peering: peering?.name };
}

export async function readAppliance(
  inv: Inventory,
  ip: string,
  vnet: VirtualNetwork | undefined,
  table: RouteTable | undefined,
  trace: Trace,
): Promise<ApplianceFacts> {
  const { subs, peering } = scopes(ip, vnet, table);
  const unreadable: string[] = [];
  const holding = new Set<string>();
  const listIn = async <T>(what: string, sub: string, fn: () => Promise<T[]>): Promise<T[]> => {
    const lookup = `${what} in subscription ${sub}`;
    const items = await trace.try(lookup, fn);
    if (!items && !unreadable.includes(sub)) unreadable.push(sub);
    if (items?.length) holding.add(sub);
    return items ?? [];
  };
  const scope = (s: string) => `/subscriptions/${s}`;
  const firewalls = (
    await Promise.all(subs.map((s) => listIn('Azure firewalls', s, () => inv.azure.list('firewall', scope(s)))))
  ).flat();
  const firewall = firewalls.find((f) => f.privateIps.includes(ip));
  if (firewall) return firewallFacts(inv, firewall, trace);
  const lbs = (
    await Promise.all(subs.map((s) => listIn('load balancers', s, () => inv.azure.list('loadBalancer', scope(s)))))
  ).flat();
  const ilb = lbs.find((lb) => lb.frontends.some((f) => f.privateIp === ip));
  if (ilb) return { owner: await ilbOwner(inv, ilb, ip, trace) };
  const nics = (
    await Promise.all(subs.map((s) => listIn('network interfaces', s, () => inv.azure.list('nic', scope(s)))))
  ).flat();
  const nic = nics.find((n) => n.ipConfigs.some((c) => c.privateIp === ip));
  if (nic) return { owner: { kind: 'nic', nic } };
  // a snapshot without the hub's resources: say which subscription holds the answer
  if (peering && subs[0] && !holding.has(subs[0]) && !unreadable.includes(subs[0])) unreadable.push(subs[0]);
  return { owner: { kind: 'unknown', searched: subs, unreadable, peering } };
}

/** The next hop of a Virtual WAN hub's routing policy: its Azure Firewall (read), or an NVA / SaaS in the hub. */
// https://learn.microsoft.com/azure/virtual-wan/how-to-routing-policies#background
export async function hubAppliance(inv: Inventory, r: HubRoute, trace: Trace): Promise<ApplianceFacts> {
  if (r.firewall) return firewallFacts(inv, r.firewall, trace);
  if (isFirewallId(r.nextHop)) {
    const sub = subOf(r.nextHop);
    return { owner: { kind: 'unknown', searched: [sub], unreadable: [sub] } };
  }
  return { owner: { kind: 'hub-appliance', id: r.nextHop, name: nameOf(r.nextHop), hub: r.hub } };
}

async function firewallFacts(inv: Inventory, firewall: AzureFirewall, trace: Trace): Promise<ApplianceFacts> {
  const owner = { kind: 'firewall' as const, firewall, subscription: firewall.subscription };
  const [sub, firewallPolicy] = await Promise.all([
    firewallSubnet(inv, firewall, trace),
    firewall.firewallPolicyId ? readPolicy(inv, firewall.firewallPolicyId, trace) : undefined,
  ]);
  const firewallRules = await readFirewallRules(inv, firewall, firewallPolicy, trace);
  return { owner, firewallNatGateway: sub.gw, firewallSubnet: sub.subnet, firewallPolicy, firewallRules };
}

/** A firewall's rules: its policy's (read by ID) or its classic ones. */
export async function firewallRulesOf(inv: Inventory, fw: AzureFirewall, trace: Trace): Promise<FirewallRules> {
  const policy = fw.firewallPolicyId ? await readPolicy(inv, fw.firewallPolicyId, trace) : undefined;
  return readFirewallRules(inv, fw, policy, trace);
}

/** Threat intelligence mode: the policy's when the firewall has one, else the firewall's own; IDPS: the policy's. */
function withDenyModes(r: FirewallRules, fw: AzureFirewall, policy?: FirewallPolicy): FirewallRules {
  const deny = (mode?: string) => mode?.toLowerCase() === 'deny';
  const intel = deny(fw.firewallPolicyId ? policy?.threatIntelMode : fw.threatIntelMode);
  const idps = !!fw.firewallPolicyId && deny(policy?.idpsMode);
  return { ...r, ...(intel ? { threatIntelDeny: true } : {}), ...(idps ? { idpsDeny: true } : {}) };
}

/** A firewall's rules and its threat intelligence and IDPS modes, read. */
async function readFirewallRules(inv: Inventory, fw: AzureFirewall, policy: FirewallPolicy | undefined, trace: Trace) {
  return withDenyModes(await readRules(inv, fw, policy, trace), fw, policy);
}

/** A firewall with a policy uses the policy's rules (its parent's first), one without its classic rules. */
async function readRules(
  inv: Inventory,
  fw: AzureFirewall,
  policy: FirewallPolicy | undefined,
  trace: Trace,
): Promise<FirewallRules> {
  if (!fw.firewallPolicyId)
    return fw.ruleCollections
      ? {
          source: 'classic',
          layers: [fw.ruleCollections],
          missing: [],
          ipGroups: await readIpGroups(inv, [fw.ruleCollections], trace),
        }
      : { source: 'classic', layers: [], missing: [`the rule collections of ${fw.name}`] };
  if (!policy) return { source: 'policy', layers: [], missing: [`firewall policy ${nameOf(fw.firewallPolicyId)}`] };
  const missing: string[] = [];
  const layers: FirewallRuleCollection[][] = [];
  // a child policy inherits its parent's rule collections, which come first
  // https://learn.microsoft.com/azure/firewall-manager/policy-overview#hierarchical-policies
  for (let p: FirewallPolicy | undefined = policy, depth = 0; p && depth < 5; depth++) {
    const groups = await Promise.all(p.ruleGroupIds.map((id) => readGroup(inv, id, trace)));
    groups.forEach((g, i) => !g && missing.push(`rule collection group ${nameOf(p!.ruleGroupIds[i])}`));
    layers.unshift(fromGroups(groups.filter((g): g is FirewallRuleGroup => !!g)));
    const parent: string | undefined = p.basePolicyId;
    p = parent ? await readPolicy(inv, parent, trace) : undefined;
    if (parent && !p) missing.push(`parent firewall policy ${nameOf(parent)}`);
  }
  return { source: 'policy', policy: policy.name, layers, missing, ipGroups: await readIpGroups(inv, layers, trace) };
}

/** The IP groups the rules name, read by ID (one that cannot be read leaves the rules naming it open). */
async function readIpGroups(inv: Inventory, layers: FirewallRuleCollection[][], trace: Trace) {
  const rules = layers.flat().flatMap((c) => c.rules);
  const ids = [
    ...new Set(rules.flatMap((r) => [...r.sourceIpGroups, ...r.destinationIpGroups]).map((x) => x.toLowerCase())),
  ];
  const read = await Promise.all(
    ids.map((id) => trace.try(`IP group ${nameOf(id)}`, () => inv.azure.get('ipGroup', id))),
  );
  return new Map(ids.flatMap((id, i) => (read[i] ? [[id, read[i]!.addresses] as const] : [])));
}

const readGroup = (inv: Inventory, id: string, trace: Trace) =>
  trace.try(`firewall rule collection group ${nameOf(id)}`, () => inv.azure.get('firewallRuleGroup', id));

/** The firewall's subnet (AzureFirewallSubnet), where its instances' addresses come from. */
export async function readFirewallSubnet(inv: Inventory, fw: AzureFirewall, trace: Trace): Promise<Subnet | undefined> {
  const id = fw.subnetIds[0];
  return id ? trace.try(`subnet ${nameOf(id)}`, () => inv.azure.get('subnet', id)) : undefined;
}

/** The firewall's subnet (AzureFirewallSubnet) and its NAT gateway, read in the same round as its policy. */
async function firewallSubnet(inv: Inventory, firewall: AzureFirewall, trace: Trace) {
  const subnet = await readFirewallSubnet(inv, firewall, trace);
  if (!subnet?.natGatewayId) return { subnet };
  const id = subnet.natGatewayId;
  const gw = await trace.try(`NAT gateway ${nameOf(id)}`, () => inv.azure.get('natGateway', id));
  if (!gw) trace.fail(`NAT gateway ${nameOf(id)}`, `not found: ${id} (on the firewall's subnet)`);
  return { subnet, gw };
}

// A firewall with a policy takes its SNAT private ranges from the policy's `snat` settings.
// https://learn.microsoft.com/azure/firewall/snat-private-range
// Not found (e.g. a snapshot without it) is no error: the answer warns that the ranges are assumed.
const readPolicy = (inv: Inventory, id: string, trace: Trace) =>
  trace.try(`firewall policy ${nameOf(id)}`, () => inv.azure.get('firewallPolicy', id));

async function ilbOwner(inv: Inventory, lb: LoadBalancer, ip: string, trace: Trace): Promise<ApplianceOwner> {
  const fe = lb.frontends.find((f) => f.privateIp === ip)!;
  const poolIds = lb.rules.filter((r) => sameId(r.frontendId, fe.id)).flatMap((r) => r.poolIds);
  const pools = lb.pools.filter((p) => !poolIds.length || poolIds.some((id) => sameId(id, p.id)));
  const configIds = [...new Set(pools.flatMap((p) => p.ipConfigIds))];
  const backends = await Promise.all(
    configIds.map(async (cid) => {
      const nicId = parentId(cid);
      const nic = await trace.try(`network interface ${nameOf(nicId)}`, () => inv.azure.get('nic', nicId));
      const config = nic?.ipConfigs.find((c) => sameId(c.id, cid));
      return { nic: nameOf(nicId), ip: config?.privateIp, resourceGroup: parseId(nicId)?.resourceGroup ?? '' };
    }),
  );
  const byAddress = pools.flatMap((p) => p.addresses.map((a) => ({ nic: a, ip: a, resourceGroup: lb.resourceGroup })));
  return { kind: 'ilb', lb, frontend: fe.name, backends: [...backends, ...byAddress] };
}
