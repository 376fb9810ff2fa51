// One model of the Azure network resources the engine reads, normalized from
// any of the shapes users and SDKs produce: ARM REST (fields under
// `properties`), az CLI (flattened, "Ip" spelling) and @azure/arm-network
// (flattened, "IP" spelling). Pure: no SDK import.
import { parseId } from './ids';

export interface AzureResource {
  id: string;
  name: string;
  type: string;
  resourceGroup: string;
  subscription: string;
  location?: string;
}

export interface Frontend {
  id: string;
  name: string;
  privateIp?: string;
  subnetId?: string;
  publicIpId?: string;
  publicIpPrefixId?: string;
}

export interface BackendPool {
  id: string;
  name: string;
  /** NIC-based members: IDs of NIC IP configurations */
  ipConfigIds: string[];
  /** IP-based members (`loadBalancerBackendAddresses[].ipAddress`) */
  addresses: string[];
}

export interface LbRule {
  id: string;
  name: string;
  frontendId?: string;
  poolIds: string[];
  probeId?: string;
  protocol: string;
  frontendPort: number;
  backendPort: number;
  floatingIp: boolean;
  disableOutboundSnat: boolean;
  idleTimeoutMinutes?: number;
}

export interface OutboundRule {
  id: string;
  name: string;
  frontendIds: string[];
  poolId?: string;
  allocatedOutboundPorts: number;
  idleTimeoutMinutes?: number;
  protocol: string;
  enableTcpReset: boolean;
}

export interface InboundNatRule {
  id: string;
  name: string;
  frontendId?: string;
  protocol: string;
  frontendPort?: number;
  backendPort?: number;
}

export interface Probe {
  id: string;
  name: string;
  protocol: string;
  port: number;
  requestPath?: string;
}

export interface LoadBalancer extends AzureResource {
  sku: string;
  frontends: Frontend[];
  pools: BackendPool[];
  rules: LbRule[];
  outboundRules: OutboundRule[];
  inboundNatRules: InboundNatRule[];
  probes: Probe[];
}

export interface PublicIp extends AzureResource {
  ip?: string;
  /** what it is attached to: an LB frontend, a NIC IP configuration, a firewall IP configuration… */
  attachedToId?: string;
  allocation?: string;
  version?: string;
  sku?: string;
  prefixId?: string;
  /** `dnsSettings.fqdn`: <label>.<region>.cloudapp.azure.com */
  fqdn?: string;
}

export interface PublicIpPrefix extends AzureResource {
  prefix?: string;
}

export interface IpConfig {
  id: string;
  name: string;
  privateIp?: string;
  primary: boolean;
  subnetId?: string;
  publicIpId?: string;
  poolIds: string[];
  natRuleIds: string[];
  /** application security groups the IP configuration is a member of (IDs) */
  asgIds?: string[];
}

export interface Nic extends AzureResource {
  vmId?: string;
  primary: boolean;
  ipForwarding: boolean;
  nsgId?: string;
  ipConfigs: IpConfig[];
  /** `dnsSettings.dnsServers`: DNS servers set on the NIC itself (they override the VNet's); absent when none */
  dnsServers?: string[];
}

export interface Subnet extends AzureResource {
  prefixes: string[];
  natGatewayId?: string;
  routeTableId?: string;
  nsgId?: string;
  /** false: a private subnet (no default outbound access); undefined when the field is absent */
  defaultOutboundAccess?: boolean;
  /** services the subnet is delegated to, e.g. Microsoft.ServiceNetworking/trafficControllers */
  delegations: string[];
  /** service endpoints on the subnet, e.g. Microsoft.Storage */
  serviceEndpoints?: string[];
}

export interface VnetPeering {
  name: string;
  remoteVnetId?: string;
  /** the remote VNet's address space as the peering sees it */
  remotePrefixes: string[];
  state?: string;
  useRemoteGateways: boolean;
  allowGatewayTransit: boolean;
}

export interface VirtualNetwork extends AzureResource {
  prefixes: string[];
  subnets: Subnet[];
  peerings: VnetPeering[];
  /** `dhcpOptions.dnsServers`: custom DNS servers of the VNet; absent when none (Azure-provided DNS) */
  dnsServers?: string[];
}

/** One route of `az network nic show-effective-route-table` (az and ARM REST shapes are the same). */
export interface EffectiveRoute {
  name?: string;
  /** Default (system), User, VirtualNetworkGateway (BGP) */
  source: string;
  state: string;
  prefixes: string[];
  nextHopType: string;
  nextHopIps: string[];
}

export interface NatGateway extends AzureResource {
  publicIpIds: string[];
  publicIpPrefixIds: string[];
  idleTimeoutMinutes?: number;
}

export interface Route {
  name: string;
  prefix: string;
  nextHopType: string;
  nextHopIp?: string;
}

export interface RouteTable extends AzureResource {
  routes: Route[];
  disableBgpRoutePropagation: boolean;
}

export interface AzureFirewall extends AzureResource {
  privateIps: string[];
  publicIpIds: string[];
  /** public IPs given inline (vWAN secured hubs) */
  publicIps: string[];
  /** subnets of its IP configurations (AzureFirewallSubnet) */
  subnetIds: string[];
  /** `Network.SNAT.PrivateRanges` (classic rules); undefined: not set (IANA private ranges) */
  privateRanges?: string[];
  firewallPolicyId?: string;
  /** classic rule collections (network and application); undefined: not in the data (a firewall with a policy
   *  uses the policy's) */
  ruleCollections?: FirewallRuleCollection[];
  /** threat intelligence: Off, Alert or Deny (a firewall with a policy uses the policy's) */
  threatIntelMode?: string;
}

/** One Azure Firewall rule (classic or policy): network rules match addresses and ports, application rules the
 *  FQDN an HTTP(S) / MSSQL request carries. */
export interface FirewallRule {
  name: string;
  kind: 'network' | 'application' | 'nat';
  /** network: TCP, UDP, ICMP, Any; application: Http:80, Https:443, Mssql:1433 */
  protocols: string[];
  /** network rules' destination ports ("443", "8000-8999", "*") */
  ports: string[];
  sources: string[];
  sourceIpGroups: string[];
  destinations: string[];
  destinationIpGroups: string[];
  /** network rules' destinationFqdns, application rules' targetFqdns */
  fqdns: string[];
  /** what an application rule matches that is not read here: FQDN tags, web categories, URLs */
  other: string[];
  /** a DNAT rule's translated address (or FQDN) and port */
  translated?: { address?: string; fqdn?: string; port?: string };
}

export interface FirewallRuleCollection {
  name: string;
  priority: number;
  action: string;
  kind: 'network' | 'application' | 'nat';
  rules: FirewallRule[];
  /** its rule collection group and the group's priority (policy rules) */
  group?: string;
  groupPriority?: number;
}

/** An IP group (`Microsoft.Network/ipGroups`): addresses and ranges firewall rules name as one. */
export interface IpGroup extends AzureResource {
  addresses: string[];
}

/** A Firewall Policy's rule collection group (`firewallPolicies/<policy>/ruleCollectionGroups/<group>`). */
export interface FirewallRuleGroup extends AzureResource {
  priority: number;
  collections: FirewallRuleCollection[];
}

/** Azure Firewall Policy: its SNAT settings decide what a firewall with a policy does not SNAT. */
export interface FirewallPolicy extends AzureResource {
  /** `snat.privateRanges`; undefined: not set (IANA private ranges) */
  privateRanges?: string[];
  /** `snat.autoLearnPrivateRanges: Enabled`: ranges learned from a Route Server are added (not visible here) */
  autoLearnPrivateRanges: boolean;
  /** the parent policy, whose rules come first */
  basePolicyId?: string;
  /** its rule collection groups (IDs: the groups are resources of their own) */
  ruleGroupIds: string[];
  /** threat intelligence: Off, Alert or Deny */
  threatIntelMode?: string;
  /** IDPS (Premium): Off, Alert or Deny */
  idpsMode?: string;
}

export interface NetworkSecurityGroup extends AzureResource {
  rules: {
    name: string;
    priority: number;
    direction: string;
    access: string;
    protocol: string;
    source: string[];
    destination: string[];
    destinationPorts: string[];
    /** application security group IDs in place of (or besides) the address prefixes */
    sourceAsgs?: string[];
    destinationAsgs?: string[];
  }[];
}

/** Application Gateway (AGIC's gateway): where it lives, what it listens on, which addresses it sends to. */
export interface ApplicationGateway extends AzureResource {
  sku?: string;
  /** the subnets of its gateway IP configurations: its instances' addresses come from there */
  subnetIds: string[];
  frontends: { id: string; name: string; privateIp?: string; publicIpId?: string }[];
  listeners: { name: string; frontendId?: string; port?: number; protocol?: string; hostNames: string[] }[];
  pools: { id: string; name: string; addresses: string[] }[];
}

export interface VirtualMachine extends AzureResource {
  nicIds: string[];
  /** `virtualMachineScaleSet.id`: a VM (Microsoft.Compute/virtualMachines) in a scale set is in Flexible mode */
  scaleSetId?: string;
}

/** A Virtual WAN hub (`Microsoft.Network/virtualHubs`): where its firewall is, and its own address range. */
export interface VirtualHub extends AzureResource {
  addressPrefix?: string;
  /** the Azure Firewall deployed in the hub (secured virtual hub) */
  firewallId?: string;
}

/** A hub's connection to a spoke VNet (`virtualHubs/hubVirtualNetworkConnections`). */
export interface HubConnection extends AzureResource {
  hubId: string;
  remoteVnetId?: string;
  /** "Enable internet security" / "Propagate default route": the connection learns the hub's 0.0.0.0/0 */
  enableInternetSecurity: boolean;
}

/** A routing policy of a hub's routing intent: `Internet` and/or `PrivateTraffic` → a next hop resource ID. */
export interface RoutingPolicy {
  name: string;
  destinations: string[];
  nextHop: string;
}

/** A hub's routing intent (`virtualHubs/routingIntent`). */
export interface RoutingIntent extends AzureResource {
  hubId: string;
  policies: RoutingPolicy[];
}

export interface AzureKinds {
  loadBalancer: LoadBalancer;
  publicIp: PublicIp;
  publicIpPrefix: PublicIpPrefix;
  nic: Nic;
  subnet: Subnet;
  virtualNetwork: VirtualNetwork;
  natGateway: NatGateway;
  routeTable: RouteTable;
  firewall: AzureFirewall;
  firewallPolicy: FirewallPolicy;
  firewallRuleGroup: FirewallRuleGroup;
  ipGroup: IpGroup;
  nsg: NetworkSecurityGroup;
  virtualMachine: VirtualMachine;
  applicationGateway: ApplicationGateway;
  virtualHub: VirtualHub;
  hubConnection: HubConnection;
  routingIntent: RoutingIntent;
}

export type AzureKind = keyof AzureKinds;

/** ARM resource type (lower case) of each kind. */
const AZURE_TYPES: Record<AzureKind, string> = {
  loadBalancer: 'microsoft.network/loadbalancers',
  publicIp: 'microsoft.network/publicipaddresses',
  publicIpPrefix: 'microsoft.network/publicipprefixes',
  nic: 'microsoft.network/networkinterfaces',
  subnet: 'microsoft.network/virtualnetworks/subnets',
  virtualNetwork: 'microsoft.network/virtualnetworks',
  natGateway: 'microsoft.network/natgateways',
  routeTable: 'microsoft.network/routetables',
  firewall: 'microsoft.network/azurefirewalls',
  firewallPolicy: 'microsoft.network/firewallpolicies',
  firewallRuleGroup: 'microsoft.network/firewallpolicies/rulecollectiongroups',
  ipGroup: 'microsoft.network/ipgroups',
  nsg: 'microsoft.network/networksecuritygroups',
  virtualMachine: 'microsoft.compute/virtualmachines',
  applicationGateway: 'microsoft.network/applicationgateways',
  virtualHub: 'microsoft.network/virtualhubs',
  hubConnection: 'microsoft.network/virtualhubs/hubvirtualnetworkconnections',
  routingIntent: 'microsoft.network/virtualhubs/routingintent',
};

/** The ARM type an ID names (`microsoft.network/virtualhubs/hubvirtualnetworkconnections`), for items without one. */
function typeOfId(id: unknown): string | undefined {
  const p = typeof id === 'string' ? parseId(id) : undefined;
  return p?.provider && p.types.length ? [p.provider, ...p.types].join('/').toLowerCase() : undefined;
}

// Hub connections come without a `type` in older API versions and some az output: their ID tells
// https://learn.microsoft.com/azure/templates/microsoft.network/virtualhubs/hubvirtualnetworkconnections
const TYPELESS: AzureKind[] = ['hubConnection', 'routingIntent'];

function kindOfType(type: string | undefined, id?: unknown): AzureKind | undefined {
  if (!type) {
    const t = typeOfId(id);
    return TYPELESS.find((k) => AZURE_TYPES[k] === t);
  }
  const t = type.toLowerCase();
  if (t === 'microsoft.compute/virtualmachinescalesets/virtualmachines') return 'virtualMachine';
  return (Object.keys(AZURE_TYPES) as AzureKind[]).find((k) => AZURE_TYPES[k] === t);
}

// ---- shape-tolerant reading

type Flat = { [key: string]: unknown };

/** Merge `properties` into the object and lower-case every key, recursively. */
export function flatten(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(flatten);
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const out: Flat = {};
  for (const [k, v] of Object.entries(value as Flat)) {
    if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [pk, pv] of Object.entries(flatten(v) as Flat)) out[pk] ??= pv;
    } else out[k.toLowerCase()] = flatten(v);
  }
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown, d = 0): number =>
  typeof v === 'number' ? v : typeof v === 'string' && v !== '' && !isNaN(+v) ? +v : d;
const bool = (v: unknown): boolean => v === true || v === 'true' || v === 'True';
const arr = (v: unknown): Flat[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Flat[]) : []);
const refId = (v: unknown): string | undefined => (v && typeof v === 'object' ? str((v as Flat).id) : undefined);
const refIds = (v: unknown): string[] =>
  arr(v)
    .map((x) => str(x.id))
    .filter((x): x is string => !!x);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
/** Custom DNS servers as a field only when set: most NICs and VNets have none. */
const dnsServers = (v: unknown): { dnsServers?: string[] } => (strs(v).length ? { dnsServers: strs(v) } : {});

function base(f: Flat, fallbackType = ''): AzureResource {
  const id = str(f.id) ?? '';
  const p = parseId(id);
  return {
    id,
    name: str(f.name) ?? id.split('/').pop() ?? '',
    type: str(f.type) ?? fallbackType,
    resourceGroup: p?.resourceGroup ?? str(f.resourcegroup) ?? '',
    subscription: p?.subscription ?? '',
    location: str(f.location),
  };
}

const subName = (f: Flat): { id: string; name: string } => {
  const id = str(f.id) ?? '';
  return { id, name: str(f.name) ?? id.split('/').pop() ?? '' };
};

function loadBalancer(f: Flat): LoadBalancer {
  return {
    ...base(f),
    // no SKU field says nothing: not Basic
    sku: str((f.sku as Flat | undefined)?.name) ?? 'unknown',
    frontends: arr(f.frontendipconfigurations).map((x) => ({
      ...subName(x),
      privateIp: str(x.privateipaddress),
      subnetId: refId(x.subnet),
      publicIpId: refId(x.publicipaddress),
      publicIpPrefixId: refId(x.publicipprefix),
    })),
    pools: arr(f.backendaddresspools).map((x) => ({
      ...subName(x),
      ipConfigIds: refIds(x.backendipconfigurations),
      addresses: arr(x.loadbalancerbackendaddresses)
        .map((a) => str(a.ipaddress))
        .filter((a): a is string => !!a),
    })),
    rules: arr(f.loadbalancingrules).map((x) => ({
      ...subName(x),
      frontendId: refId(x.frontendipconfiguration),
      poolIds: [
        ...new Set([
          ...refIds(x.backendaddresspools),
          ...(refId(x.backendaddresspool) ? [refId(x.backendaddresspool)!] : []),
        ]),
      ],
      probeId: refId(x.probe),
      protocol: str(x.protocol) ?? 'Tcp',
      frontendPort: num(x.frontendport),
      backendPort: num(x.backendport),
      floatingIp: bool(x.enablefloatingip),
      disableOutboundSnat: bool(x.disableoutboundsnat),
      idleTimeoutMinutes: num(x.idletimeoutinminutes, 4),
    })),
    outboundRules: arr(f.outboundrules).map((x) => ({
      ...subName(x),
      frontendIds: refIds(x.frontendipconfigurations),
      poolId: refId(x.backendaddresspool),
      allocatedOutboundPorts: num(x.allocatedoutboundports),
      idleTimeoutMinutes: num(x.idletimeoutinminutes, 4),
      protocol: str(x.protocol) ?? 'All',
      enableTcpReset: bool(x.enabletcpreset),
    })),
    inboundNatRules: arr(f.inboundnatrules).map((x) => ({
      ...subName(x),
      frontendId: refId(x.frontendipconfiguration),
      protocol: str(x.protocol) ?? 'Tcp',
      frontendPort: num(x.frontendport),
      backendPort: num(x.backendport),
    })),
    probes: arr(f.probes).map((x) => ({
      ...subName(x),
      protocol: str(x.protocol) ?? 'Tcp',
      port: num(x.port),
      requestPath: str(x.requestpath),
    })),
  };
}

function publicIp(f: Flat): PublicIp {
  return {
    ...base(f),
    ip: str(f.ipaddress),
    attachedToId: refId(f.ipconfiguration) ?? refId(f.natgateway),
    allocation: str(f.publicipallocationmethod),
    version: str(f.publicipaddressversion),
    sku: str((f.sku as Flat | undefined)?.name),
    prefixId: refId(f.publicipprefix),
    fqdn: str((f.dnssettings as Flat | undefined)?.fqdn),
  };
}

function nic(f: Flat): Nic {
  return {
    ...base(f),
    vmId: refId(f.virtualmachine),
    primary: f.primary === undefined ? true : bool(f.primary),
    ipForwarding: bool(f.enableipforwarding),
    nsgId: refId(f.networksecuritygroup),
    ipConfigs: arr(f.ipconfigurations).map((x) => ({
      ...subName(x),
      privateIp: str(x.privateipaddress),
      primary: bool(x.primary),
      subnetId: refId(x.subnet),
      publicIpId: refId(x.publicipaddress),
      poolIds: refIds(x.loadbalancerbackendaddresspools),
      natRuleIds: refIds(x.loadbalancerinboundnatrules),
      asgIds: refIds(x.applicationsecuritygroups),
    })),
    ...dnsServers((f.dnssettings as Flat | undefined)?.dnsservers),
  };
}

function subnet(f: Flat): Subnet {
  return {
    ...base(f, AZURE_TYPES.subnet),
    prefixes: [...strs(f.addressprefix), ...strs(f.addressprefixes)],
    natGatewayId: refId(f.natgateway),
    routeTableId: refId(f.routetable),
    nsgId: refId(f.networksecuritygroup),
    defaultOutboundAccess: f.defaultoutboundaccess === undefined ? undefined : bool(f.defaultoutboundaccess),
    delegations: arr(f.delegations)
      .map((d) => str(d.servicename))
      .filter((d): d is string => !!d),
    serviceEndpoints: arr(f.serviceendpoints)
      .map((e) => str(e.service))
      .filter((e): e is string => !!e),
  };
}

function peering(x: Flat): VnetPeering {
  const space = (x.remoteaddressspace ?? x.remotevirtualnetworkaddressspace) as Flat | undefined;
  return {
    ...subName(x),
    remoteVnetId: refId(x.remotevirtualnetwork),
    remotePrefixes: strs(space?.addressprefixes),
    state: str(x.peeringstate),
    useRemoteGateways: bool(x.useremotegateways),
    allowGatewayTransit: bool(x.allowgatewaytransit),
  };
}

function virtualNetwork(f: Flat): VirtualNetwork {
  return {
    ...base(f),
    prefixes: strs((f.addressspace as Flat | undefined)?.addressprefixes),
    subnets: arr(f.subnets).map(subnet),
    peerings: arr(f.virtualnetworkpeerings).map(peering),
    ...dnsServers((f.dhcpoptions as Flat | undefined)?.dnsservers),
  };
}

function natGateway(f: Flat): NatGateway {
  return {
    ...base(f),
    publicIpIds: refIds(f.publicipaddresses),
    publicIpPrefixIds: refIds(f.publicipprefixes),
    idleTimeoutMinutes: f.idletimeoutinminutes === undefined ? undefined : num(f.idletimeoutinminutes),
  };
}

function routeTable(f: Flat): RouteTable {
  return {
    ...base(f),
    disableBgpRoutePropagation: bool(f.disablebgproutepropagation),
    routes: arr(f.routes).map((x) => ({
      name: str(x.name) ?? '',
      prefix: str(x.addressprefix) ?? '',
      nextHopType: str(x.nexthoptype) ?? '',
      nextHopIp: str(x.nexthopipaddress),
    })),
  };
}

function firewall(f: Flat): AzureFirewall {
  const ipcs = arr(f.ipconfigurations);
  const hub = (f.hubipaddresses as Flat | undefined) ?? {};
  const hubPublic = arr((hub.publicips as Flat | undefined)?.addresses)
    .map((a) => str(a.address))
    .filter((a): a is string => !!a);
  return {
    ...base(f),
    privateIps: [...ipcs.map((x) => str(x.privateipaddress)), str(hub.privateipaddress)].filter(
      (a): a is string => !!a,
    ),
    publicIpIds: ipcs.map((x) => refId(x.publicipaddress)).filter((a): a is string => !!a),
    publicIps: hubPublic,
    subnetIds: ipcs.map((x) => refId(x.subnet)).filter((a): a is string => !!a),
    privateRanges: privateRanges(f),
    firewallPolicyId: refId(f.firewallpolicy),
    ruleCollections: classicRules(f),
    threatIntelMode: str(f.threatintelmode),
  };
}

// classic rules live on the firewall: NAT, network and application rule collections, each by its own priority
// https://learn.microsoft.com/azure/firewall/rule-processing#rule-processing-using-classic-rules
function classicRules(f: Flat): FirewallRuleCollection[] | undefined {
  const lists = [f.natrulecollections, f.networkrulecollections, f.applicationrulecollections];
  if (!lists.some((l) => Array.isArray(l))) return undefined;
  const of = (kind: FirewallRuleCollection['kind']) => (c: Flat) => ruleCollection(c, kind);
  return [
    ...arr(f.natrulecollections).map(of('nat')),
    ...arr(f.networkrulecollections).map(of('network')),
    ...arr(f.applicationrulecollections).map(of('application')),
  ];
}

function ruleCollection(c: Flat, kind?: FirewallRuleCollection['kind']): FirewallRuleCollection {
  const type = str(c.rulecollectiontype)?.toLowerCase();
  const action = str((c.action as Flat | undefined)?.type) ?? 'Allow';
  const rules = arr(c.rules).map(firewallRule);
  const k =
    kind ?? (type?.includes('nat') ? 'nat' : rules.some((r) => r.kind === 'application') ? 'application' : 'network');
  return { name: str(c.name) ?? '', priority: num(c.priority), action, kind: k, rules };
}

function firewallRule(r: Flat): FirewallRule {
  const type = str(r.ruletype)?.toLowerCase();
  const app = type === 'applicationrule' || 'targetfqdns' in r || 'fqdntags' in r;
  const nat = type === 'natrule' || 'translatedaddress' in r || 'translatedfqdn' in r || 'translatedport' in r;
  const protocols = app
    ? arr(r.protocols).map((p) => `${str(p.protocoltype) ?? ''}:${num(p.port)}`)
    : [...strs(r.ipprotocols), ...strs(r.protocols)];
  const translated = { address: str(r.translatedaddress), fqdn: str(r.translatedfqdn), port: str(r.translatedport) };
  return {
    ...(nat ? { translated } : {}),
    name: str(r.name) ?? '',
    kind: nat ? 'nat' : app ? 'application' : 'network',
    protocols,
    ports: strs(r.destinationports),
    sources: strs(r.sourceaddresses),
    sourceIpGroups: strs(r.sourceipgroups),
    destinations: strs(r.destinationaddresses),
    destinationIpGroups: strs(r.destinationipgroups),
    fqdns: [...strs(r.destinationfqdns), ...strs(r.targetfqdns)],
    other: [...strs(r.fqdntags), ...strs(r.webcategories), ...strs(r.targeturls)],
  };
}

// policy rules: rule collection groups by priority, then their rule collections by priority
// https://learn.microsoft.com/azure/firewall/policy-rule-sets
function firewallRuleGroup(f: Flat): FirewallRuleGroup {
  return { ...base(f), priority: num(f.priority), collections: arr(f.rulecollections).map((c) => ruleCollection(c)) };
}

/** `additionalProperties["Network.SNAT.PrivateRanges"]`: "IANAPrivateRanges, 99.0.0.0/8" or a list. */
function privateRanges(f: Flat): string[] | undefined {
  const extra = (f.additionalproperties as Flat | undefined) ?? {};
  const v = extra['network.snat.privateranges'];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? strs(v) : String(v).split(',')).map((r) => r.trim()).filter(Boolean);
}

// https://learn.microsoft.com/azure/firewall/snat-private-range
function firewallPolicy(f: Flat): FirewallPolicy {
  const snat = (f.snat as Flat | undefined) ?? {};
  return {
    ...base(f),
    privateRanges: Array.isArray(snat.privateranges) ? strs(snat.privateranges) : undefined,
    autoLearnPrivateRanges: str(snat.autolearnprivateranges)?.toLowerCase() === 'enabled',
    basePolicyId: refId(f.basepolicy),
    ruleGroupIds: refIds(f.rulecollectiongroups),
    threatIntelMode: str(f.threatintelmode),
    idpsMode: str((f.intrusiondetection as Flat | undefined)?.mode),
  };
}

/** `az network nic show-effective-route-table` output ({value: [...]} or an array). */
export function effectiveRoutes(raw: unknown): EffectiveRoute[] {
  const f = flatten(raw) as Flat | Flat[];
  const items = Array.isArray(f) ? f : arr(f.value);
  return items.map((x) => ({
    name: str(x.name),
    source: str(x.source) ?? 'Unknown',
    state: str(x.state) ?? 'Active',
    prefixes: strs(x.addressprefix),
    nextHopType: str(x.nexthoptype) ?? '',
    nextHopIps: strs(x.nexthopipaddress),
  }));
}

function nsg(f: Flat): NetworkSecurityGroup {
  const list = (x: Flat, one: string, many: string) => [...strs(x[one]), ...strs(x[many])];
  return {
    ...base(f),
    rules: [...arr(f.securityrules), ...arr(f.defaultsecurityrules)].map((x) => ({
      name: str(x.name) ?? '',
      priority: num(x.priority),
      direction: str(x.direction) ?? '',
      access: str(x.access) ?? '',
      protocol: str(x.protocol) ?? '*',
      source: list(x, 'sourceaddressprefix', 'sourceaddressprefixes'),
      destination: list(x, 'destinationaddressprefix', 'destinationaddressprefixes'),
      destinationPorts: list(x, 'destinationportrange', 'destinationportranges'),
      sourceAsgs: refIds(x.sourceapplicationsecuritygroups),
      destinationAsgs: refIds(x.destinationapplicationsecuritygroups),
    })),
  };
}

function publicIpPrefix(f: Flat): PublicIpPrefix {
  return { ...base(f), prefix: str(f.ipprefix) };
}

function virtualMachine(f: Flat): VirtualMachine {
  const profile = (f.networkprofile as Flat | undefined) ?? {};
  return { ...base(f), nicIds: refIds(profile.networkinterfaces), scaleSetId: refId(f.virtualmachinescaleset) };
}

function applicationGateway(f: Flat): ApplicationGateway {
  const ports = new Map(arr(f.frontendports).map((x) => [idKeyOf(x.id), num(x.port)]));
  return {
    ...base(f),
    sku: str((f.sku as Flat | undefined)?.name),
    subnetIds: arr(f.gatewayipconfigurations)
      .map((x) => refId(x.subnet))
      .filter((x): x is string => !!x),
    frontends: arr(f.frontendipconfigurations).map((x) => ({
      ...subName(x),
      privateIp: str(x.privateipaddress),
      publicIpId: refId(x.publicipaddress),
    })),
    listeners: arr(f.httplisteners).map((x) => ({
      name: subName(x).name,
      frontendId: refId(x.frontendipconfiguration),
      port: ports.get(idKeyOf(refId(x.frontendport))),
      protocol: str(x.protocol),
      hostNames: [...strs(x.hostname), ...strs(x.hostnames)],
    })),
    pools: arr(f.backendaddresspools).map((x) => ({
      ...subName(x),
      addresses: arr(x.backendaddresses)
        .map((a) => str(a.ipaddress) ?? str(a.fqdn))
        .filter((a): a is string => !!a),
    })),
  };
}

// https://learn.microsoft.com/azure/templates/microsoft.network/virtualhubs
function virtualHub(f: Flat): VirtualHub {
  return { ...base(f), addressPrefix: str(f.addressprefix), firewallId: refId(f.azurefirewall) };
}

// https://learn.microsoft.com/azure/templates/microsoft.network/virtualhubs/hubvirtualnetworkconnections
function hubConnection(f: Flat): HubConnection {
  const b = base(f, AZURE_TYPES.hubConnection);
  return {
    ...b,
    hubId: b.id.replace(/\/hubVirtualNetworkConnections\/[^/]+\/?$/i, ''),
    remoteVnetId: refId(f.remotevirtualnetwork),
    enableInternetSecurity: bool(f.enableinternetsecurity),
  };
}

// https://learn.microsoft.com/azure/templates/microsoft.network/virtualhubs/routingintent
function routingIntent(f: Flat): RoutingIntent {
  const b = base(f, AZURE_TYPES.routingIntent);
  const policies = arr(f.routingpolicies).map((p) => ({
    name: str(p.name) ?? '',
    destinations: strs(p.destinations),
    nextHop: str(p.nexthop) ?? '',
  }));
  return { ...b, hubId: b.id.replace(/\/routingIntent\/[^/]+\/?$/i, ''), policies };
}

const idKeyOf = (v: unknown): string => String(v ?? '').toLowerCase();

const READERS: { [K in AzureKind]: (f: Flat) => AzureKinds[K] } = {
  loadBalancer,
  publicIp,
  publicIpPrefix,
  nic,
  subnet,
  virtualNetwork,
  natGateway,
  routeTable,
  firewall,
  firewallPolicy,
  firewallRuleGroup,
  ipGroup: (f: Flat): IpGroup => ({ ...base(f), addresses: strs(f.ipaddresses) }),
  nsg,
  virtualMachine,
  applicationGateway,
  virtualHub,
  hubConnection,
  routingIntent,
};

/** Normalize one raw resource (any shape) of a known kind. */
export function normalize<K extends AzureKind>(kind: K, raw: unknown): AzureKinds[K] {
  return READERS[kind](flatten(raw) as Flat);
}

/** Normalize a raw resource by its `type`; undefined for types the engine does not use. */
export function normalizeAny(raw: unknown): { kind: AzureKind; resource: AzureKinds[AzureKind] } | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const kind = kindOfType((raw as Flat).type as string | undefined, (raw as Flat).id);
  return kind ? { kind, resource: normalize(kind, raw) } : undefined;
}
