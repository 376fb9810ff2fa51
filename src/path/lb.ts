// Load balancer facts shared by inbound, what-is and the load balancer list:
// which frontend carries an address, which Service a frontend belongs to
// (cloud-provider naming: "a" + the service UID without dashes, 32 chars),
// and what a load balancer is for.
import type { Frontend, LbRule, LoadBalancer, Nic, OutboundRule, PublicIp } from '../inventory/azure-model';
import { idKey, nameOf, sameId, vmIdFromProviderId } from '../inventory/ids';
import type { Inventory } from '../inventory/inventory';
import type { Node, Service } from '../inventory/k8s-types';
import { nodeNamed, nodesWithAddress } from './index';
import { nodeRole } from './kube';
import { addressCount, defaultText, snatCapacity } from './snat';
import { nodeResourceGroups } from './scope';
import type { Trace } from './trace';

export interface LbWorld {
  /** the node resource group IDs it was read from */
  groups: string[];
  lbs: LoadBalancer[];
  /** public IPs read so far, by lower-case ID */
  pips: Map<string, PublicIp>;
  /** every public IP of the node resource group(s) was listed */
  allPips: boolean;
  nics: Nic[];
}

export interface WorldOptions {
  /** list every public IP (what-is, the load balancer list) */
  allPips?: boolean;
  /** list the NICs (to name pool members) */
  nics?: boolean;
  /** read the public IPs of outbound-rule frontends as soon as the load balancers are known (egress) */
  outboundPips?: boolean;
}

/** The load balancers (and, as asked, public IPs and NICs) of the node resource group(s), read in parallel. */
export async function lbWorld(inv: Inventory, trace: Trace, o: WorldOptions = {}): Promise<LbWorld> {
  const groups = await nodeResourceGroups(inv, trace);
  const parts = await Promise.all(
    groups.map(async (g) => {
      const [lbs, pips, nics] = await Promise.all([
        trace.try(`load balancers in resource group ${nameOf(g)}`, () => inv.azure.list('loadBalancer', g)),
        o.allPips
          ? trace.try(`public IPs in resource group ${nameOf(g)}`, () => inv.azure.list('publicIp', g))
          : Promise.resolve([] as PublicIp[]),
        o.nics
          ? trace.try(`network interfaces in resource group ${nameOf(g)}`, () => inv.azure.list('nic', g))
          : Promise.resolve([] as Nic[]),
      ]);
      return { lbs: lbs ?? [], publicIps: pips ?? [], nics: nics ?? [] };
    }),
  );
  // one group (the usual case): the listing's own arrays, so lookups kept per array survive between questions
  const flat = <T>(lists: T[][]): T[] => (lists.length === 1 ? lists[0] : lists.flat());
  const world: LbWorld = {
    groups,
    lbs: flat(parts.map((p) => p.lbs)),
    pips: new Map(parts.flatMap((p) => p.publicIps).map((p) => [idKey(p.id), p])),
    allPips: !!o.allPips,
    nics: flat(parts.map((p) => p.nics)),
  };
  if (o.outboundPips) {
    const ids = world.lbs.flatMap((lb) =>
      lb.outboundRules.flatMap((r) =>
        lb.frontends.filter((f) => r.frontendIds.some((id) => sameId(id, f.id))).map((f) => f.publicIpId),
      ),
    );
    await Promise.all(
      [...new Set(ids.filter((x): x is string => !!x))].map((id) => publicIpById(inv, world, id, trace)),
    );
  }
  return world;
}

/** A public IP by ID: from what was read already, else fetched (it may live in another group). */
export async function publicIpById(
  inv: Inventory,
  world: LbWorld,
  id: string,
  trace: Trace,
): Promise<PublicIp | undefined> {
  const known = world.pips.get(idKey(id));
  if (known || world.allPips) return known;
  const pip = await trace.try(`public IP ${nameOf(id)}`, () => inv.azure.get('publicIp', id));
  if (pip) world.pips.set(idKey(id), pip);
  return pip;
}

export interface FrontendHit {
  lb: LoadBalancer;
  frontend: Frontend;
  publicIp?: PublicIp;
}

/** The LB frontend whose (public or private) address is `ip`; a Service's own frontend (UID-named) is tried first. */
export async function frontendForIp(
  inv: Inventory,
  world: LbWorld,
  ip: string,
  trace: Trace,
  service?: Service,
): Promise<FrontendHit | undefined> {
  const check = async (lb: LoadBalancer, frontend: Frontend): Promise<FrontendHit | undefined> => {
    if (frontend.privateIp === ip) return { lb, frontend };
    if (!frontend.publicIpId) return undefined;
    const pip = await publicIpById(inv, world, frontend.publicIpId, trace);
    return pip?.ip === ip ? { lb, frontend, publicIp: pip } : undefined;
  };
  const key = service && frontendKey(service);
  const own = key
    ? world.lbs.flatMap((lb) => lb.frontends.filter((fe) => frontendBase(fe) === key).map((fe) => ({ lb, fe })))
    : [];
  for (const { lb, fe } of own) {
    const hit = await check(lb, fe);
    if (hit) return hit;
  }
  for (const lb of world.lbs) for (const fe of lb.frontends) if (fe.privateIp === ip) return { lb, frontend: fe };
  if (!world.allPips) {
    // one listing per group instead of a read per frontend
    for (const g of world.groups) {
      for (const p of (await trace.try(`public IPs in resource group ${nameOf(g)}`, () =>
        inv.azure.list('publicIp', g),
      )) ?? [])
        world.pips.set(idKey(p.id), p);
    }
    world.allPips = true;
  }
  for (const lb of world.lbs) {
    for (const fe of lb.frontends) {
      const pip = fe.publicIpId ? world.pips.get(idKey(fe.publicIpId)) : undefined;
      if (pip?.ip === ip) return { lb, frontend: fe, publicIp: pip };
    }
  }
  return undefined;
}

/** A load balancer's rules by frontend ID (lower case), in rule order: kept per load balancer object. */
const rulesByFrontend = new WeakMap<
  LoadBalancer,
  { rules: Map<string, LbRule[]>; outbound: Map<string, OutboundRule[]> }
>();

function rulesIndex(lb: LoadBalancer) {
  let ix = rulesByFrontend.get(lb);
  if (ix) return ix;
  ix = { rules: new Map(), outbound: new Map() };
  const push = <T>(m: Map<string, T[]>, key: string, v: T) => {
    const had = m.get(key);
    if (!had) m.set(key, [v]);
    else if (had[had.length - 1] !== v) had.push(v);
  };
  for (const r of lb.rules) if (r.frontendId) push(ix.rules, idKey(r.frontendId), r);
  for (const r of lb.outboundRules) for (const id of r.frontendIds) push(ix.outbound, idKey(id), r);
  rulesByFrontend.set(lb, ix);
  return ix;
}

export const rulesOf = (lb: LoadBalancer, frontend: Frontend): LbRule[] =>
  frontend.id ? [...(rulesIndex(lb).rules.get(idKey(frontend.id)) ?? [])] : [];
const outboundRulesOf = (lb: LoadBalancer, frontend: Frontend): OutboundRule[] =>
  frontend.id ? [...(rulesIndex(lb).outbound.get(idKey(frontend.id)) ?? [])] : [];

const byFrontendName = new WeakMap<Service[], Map<string, Service>>();

/** The UID-derived part of a cloud-provider frontend's name, when it has one. */
function frontendBase(frontend: Frontend): string | undefined {
  const base = frontend.name.split('-')[0].toLowerCase();
  return /^a[0-9a-f]{31}$/.test(base) ? base : undefined;
}

const frontendKey = (s: Service): string => ('a' + (s.metadata.uid ?? '').replace(/-/g, '')).slice(0, 32).toLowerCase();

/** The Service a cloud-provider frontend was made for, by its UID-derived name. */
export function serviceOfFrontend(frontend: Frontend, services: Service[]): Service | undefined {
  const base = frontendBase(frontend);
  if (!base) return undefined;
  let index = byFrontendName.get(services);
  if (!index) byFrontendName.set(services, (index = new Map(services.map((s) => [frontendKey(s), s]))));
  return index.get(base);
}

/** Does a frontend of the load balancer hold one of the addresses: its private IP, or its public IP's address (by
 * `pipIp`, the public IPs read)? */
export const frontendHolds = (lb: LoadBalancer, addresses: string[], pipIp: (id?: string) => string | undefined) =>
  lb.frontends.some((fe) =>
    addresses.some((a) => a === fe.privateIp || (!!fe.publicIpId && a === pipIp(fe.publicIpId))),
  );

export const isInternalService = (s: Service): boolean =>
  (s.metadata.annotations?.['service.beta.kubernetes.io/azure-load-balancer-internal'] ?? '').toLowerCase() === 'true';

export const lbIngressIps = (s: Service): string[] =>
  (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((x): x is string => !!x);

// ---- who is behind a pool, and what a frontend / load balancer is for

const nicIndexes = new WeakMap<Nic[], Map<string, Nic>>();
const nicIndex = (nics: Nic[]) => {
  let m = nicIndexes.get(nics);
  if (!m) nicIndexes.set(nics, (m = new Map(nics.map((n) => [idKey(n.id), n]))));
  return m;
};

/** Node names behind a pool: VMSS instance paths, NIC → VM, or IP-based addresses. */
const vmIndexes = new WeakMap<Node[], Map<string, string>>();

type Pool = { ipConfigIds: string[]; addresses: string[] };
/** A pool's members, kept while the pool, nodes and NICs are the same objects (thousands of members at scale). */
const membersOf = new WeakMap<Pool, { nodes: Node[]; nics: Nic[]; members: string[] }>();

function poolMembers(pool: Pool, nodes: Node[], nics: Nic[]): string[] {
  const kept = membersOf.get(pool);
  if (kept && kept.nodes === nodes && kept.nics === nics) return kept.members;
  const members = Object.freeze(readPoolMembers(pool, nodes, nics)) as string[];
  membersOf.set(pool, { nodes, nics, members });
  return members;
}

function readPoolMembers(pool: Pool, nodes: Node[], nics: Nic[]): string[] {
  let byVm = vmIndexes.get(nodes);
  if (!byVm)
    vmIndexes.set(
      nodes,
      (byVm = new Map(nodes.map((n) => [idKey(vmIdFromProviderId(n.spec?.providerID) ?? ''), n.metadata.name]))),
    );
  const names = pool.ipConfigIds.map((id) => {
    const vmss = /^(.*\/virtualMachineScaleSets\/[^/]+\/virtualMachines\/[^/]+)\/networkInterfaces\//i.exec(id);
    if (vmss) return byVm!.get(idKey(vmss[1])) ?? vmss[1].split('/').slice(-3).join('/');
    const nicId = id.replace(/\/ipConfigurations\/[^/]+$/i, '');
    const nic = nicIndex(nics).get(idKey(nicId));
    return (nic?.vmId && byVm!.get(idKey(nic.vmId))) ?? nameOf(nicId);
  });
  const byIp = pool.addresses.map((ip) => nodesWithAddress(nodes, ip)[0]?.metadata.name ?? ip);
  return [...new Set([...names, ...byIp])];
}

/** The members that are no node of the cluster (a network virtual appliance's NIC, an address put in a pool), each
 * with its private address: "what's behind the internal LB" asks for them by name. Undefined past `most`. */
export function otherMembers(lb: LoadBalancer, nodes: Node[], nics: Nic[], most: number): string[] | undefined {
  const out = new Set<string>();
  for (const pool of lb.pools) {
    for (const id of pool.ipConfigIds) {
      if (/\/virtualMachineScaleSets\//i.test(id)) continue;
      const nicId = id.replace(/\/ipConfigurations\/[^/]+$/i, '');
      const nic = nicIndex(nics).get(idKey(nicId));
      if (nic?.vmId && nodes.some((n) => sameId(vmIdFromProviderId(n.spec?.providerID) ?? '', nic.vmId!))) continue;
      const ip = nic?.ipConfigs.find((c) => sameId(c.id, id))?.privateIp;
      out.add(ip ? `${nameOf(nicId)} ${ip}` : nameOf(nicId));
    }
    for (const ip of pool.addresses) if (!nodesWithAddress(nodes, ip).length) out.add(ip);
    if (out.size > most) return undefined;
  }
  return [...out];
}

/** Every member of a load balancer's pools, once each, in pool order: kept while the same objects are read. */
const lbMembersOf = new WeakMap<LoadBalancer, { nodes: Node[]; nics: Nic[]; members: string[] }>();

export function lbMembers(lb: LoadBalancer, nodes: Node[], nics: Nic[]): string[] {
  const kept = lbMembersOf.get(lb);
  if (kept && kept.nodes === nodes && kept.nics === nics) return kept.members;
  const members = Object.freeze([...new Set(lb.pools.flatMap((p) => poolMembers(p, nodes, nics)))]) as string[];
  lbMembersOf.set(lb, { nodes, nics, members });
  return members;
}

/** How many distinct IP configurations and addresses a pool holds (IDs compared case-insensitively). */
const poolSizes = new WeakMap<Pool, number>();
export function poolSize(pool: Pool): number {
  let n = poolSizes.get(pool);
  if (n === undefined)
    poolSizes.set(pool, (n = new Set(pool.ipConfigIds.map((i) => i.toLowerCase())).size + pool.addresses.length));
  return n;
}

/** A pool's IP configuration IDs as keys (idKey), for membership tests. */
const poolKeys = new WeakMap<Pool, Set<string>>();
export function poolIpConfigKeys(pool: Pool): Set<string> {
  let keys = poolKeys.get(pool);
  if (!keys) poolKeys.set(pool, (keys = new Set(pool.ipConfigIds.filter(Boolean).map(idKey))));
  return keys;
}

/** Counts by role of a kept (frozen) member list, per nodes array. */
const describedOf = new WeakMap<string[], { nodes: Node[]; text: string }>();

export function describeMembers(members: string[], nodes: Node[]): string {
  if (!Object.isFrozen(members)) return countRoles(members, nodes);
  const kept = describedOf.get(members);
  if (kept?.nodes === nodes) return kept.text;
  const text = countRoles(members, nodes);
  describedOf.set(members, { nodes, text });
  return text;
}

function countRoles(members: string[], nodes: Node[]): string {
  if (members.length === 0) return 'no members';
  const roles = new Map<string, number>();
  for (const m of members) {
    const n = nodeNamed(nodes, m);
    const role = n ? nodeRole(n) : 'other';
    roles.set(role, (roles.get(role) ?? 0) + 1);
  }
  return [...roles].map(([r, c]) => `${c} ${r === 'other' ? 'other member' : r}${c === 1 ? '' : 's'}`).join(', ');
}

// OpenShift's API server and machine config server ports behind the internal load balancer.
// https://docs.openshift.com/container-platform/4.10/installing/installing_vsphere/installing-vsphere-network-customizations.html
const WELL_KNOWN_PORTS: Record<number, string> = {
  6443: 'API server',
  22623: 'machine config server',
};

const plural = (word: string, n: number) => `${word}${n > 1 ? 's' : ''}`;

// An outbound rule SNATs its pool's egress to the frontend's IP (idle timeout 4 min unless set).
// https://learn.microsoft.com/en-us/azure/load-balancer/outbound-rules
/** One line: what a frontend carries (egress, a Service's ingress, the API server…). */
const purposes = new WeakMap<Frontend, { lb: LoadBalancer; services: Service[]; membersText: string; text: string }>();

export function frontendPurpose(lb: LoadBalancer, fe: Frontend, services: Service[], membersText: string): string {
  // thousands of frontends at scale: kept while the same objects are read
  const kept = purposes.get(fe);
  if (kept && kept.lb === lb && kept.services === services && kept.membersText === membersText) return kept.text;
  const text = readPurpose(lb, fe, services, membersText);
  purposes.set(fe, { lb, services, membersText, text });
  return text;
}

/** An outbound rule's ports per instance: as set, or Azure's default for the pool's size (allocatedOutboundPorts 0). */
function portsText(lb: LoadBalancer, o: OutboundRule): string {
  if (o.allocatedOutboundPorts) return `${o.allocatedOutboundPorts} ports per instance`;
  const pool = lb.pools.find((p) => sameId(p.id, o.poolId));
  if (!pool) return 'default ports per instance';
  return defaultText(poolSize(pool), o.frontendIds.length);
}

/** "outboundrule serves at most 62 nodes (1 frontend IP × 64,000 / 1024 ports)": a set allocation shares out 64,000
 * ports per frontend IP, a prefix frontend's per address of its range (an unread range says nothing); Azure's default
 * allocation shrinks the ports per node as the pool grows, to the table's largest pool
 * https://learn.microsoft.com/azure/load-balancer/outbound-rules#scale
 * https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections#preallocatedports */
export function outboundCapacity(lb: LoadBalancer, o: OutboundRule, ranges?: Map<string, string>): string | undefined {
  const fronts = lb.frontends.filter((fe) => o.frontendIds.some((id) => sameId(id, fe.id)));
  const ports = o.allocatedOutboundPorts;
  if (!ports && fronts.length) {
    const most = snatCapacity(0, fronts.length, 0).maxInstances.toLocaleString('en-US');
    return `${o.name} serves up to ${most} nodes (Azure's default allocation: fewer ports per node as the pool grows)`;
  }
  const counts = fronts.map((fe) => frontendAddresses(fe, ranges));
  if (!ports || !fronts.length || counts.some((n) => n === undefined)) return undefined;
  const n = counts.reduce((a: number, c) => a + c!, 0);
  const prefixes = fronts.flatMap((fe) => (fe.publicIpPrefixId ? [ranges!.get(idKey(fe.publicIpPrefixId))] : []));
  const from = prefixes.length ? ` from prefix ${prefixes.join(', ')}` : '';
  const most = snatCapacity(ports, n, 0).maxInstances;
  return `${o.name} serves at most ${most} nodes (${n} ${plural('frontend IP', n)}${from} × 64,000 / ${ports} ports)`;
}

/** The public addresses a frontend gives outbound rules: one, or each of its prefix's range when that was read. */
function frontendAddresses(fe: Frontend, ranges?: Map<string, string>): number | undefined {
  if (fe.publicIpId) return 1;
  const range = fe.publicIpPrefixId ? ranges?.get(idKey(fe.publicIpPrefixId)) : undefined;
  return range ? addressCount(range) : undefined;
}

function readPurpose(lb: LoadBalancer, fe: Frontend, services: Service[], membersText: string): string {
  const parts: string[] = [];
  const outs = outboundRulesOf(lb, fe);
  for (const o of outs)
    parts.push(
      `egress for ${membersText} via outbound rule ${o.name} ` +
        `(${portsText(lb, o)}, ${o.idleTimeoutMinutes ?? 4} min idle)`,
    );
  const rules = rulesOf(lb, fe);
  const svc = serviceOfFrontend(fe, services);
  // an HA ports rule (port 0, protocol All) balances every port
  // https://learn.microsoft.com/azure/load-balancer/load-balancer-ha-ports-overview
  const ports = rules.some((r) => r.frontendPort === 0)
    ? 'all ports, HA ports'
    : `${plural('port', rules.length)} ${rules.map((r) => r.frontendPort).join(', ')}`;
  if (svc && rules.length) {
    parts.push(`ingress for Service ${svc.metadata.namespace}/${svc.metadata.name} (${ports})`);
  } else if (rules.length) {
    const known = [...new Set(rules.map((r) => WELL_KNOWN_PORTS[r.frontendPort]).filter(Boolean))];
    const names = `${plural('rule', rules.length)} ${rules.map((r) => r.name).join(', ')}`;
    parts.push(`${known.length ? known.join(' and ') : 'ingress'} (${ports}, ${names})`);
  }
  return parts.join('; ') || 'no rules use it';
}
