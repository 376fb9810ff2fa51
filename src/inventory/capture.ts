// `packet-path capture DIR`: write what an inventory knows as a snapshot
// folder (plain kubectl/az JSON), with secrets stripped: no Secret objects,
// (Azure: exactly the resources the rules read, found by running their walks,
// without free-text tags), Kubernetes objects reduced to the fields the rules read.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AzureKind, Nic } from './azure-model';
import { idKey, inScope, parentId, resourceGroupId } from './ids';
import type { AzureInventory, Inventory } from './inventory';
import { KUBE_KINDS, type KubeKind, type KubeObject } from './k8s-types';
import { apiVersionOf } from './kubernetes';
import { azureEnd, podEnd, type AzureEnd } from '../path/azure-end';
import { locateNode } from '../path/azure-node';
import { readEgressFacts } from '../path/egress-rules';
import { cidrFirstAddress, prefixLength } from '../path/ip';
import { lbWorld } from '../path/lb';
import { Trace } from '../path/trace';
import { readEdge } from '../what-is/edge';
import { inbound } from '../inbound';
import { facts as snatFacts } from '../snat/facts';
import type { SnatTarget } from '../snat/usage';
import { scrubAzureResource, scrubKubeObject } from '../secrets';

/**
 * A copy of a Kubernetes object safe to write down: an allowlist of the fields the rules read (see KEPT and
 * ANNOTATION_PREFIX in ../secrets.ts: Pod containers' name/image/ports/env only — no args, command, init or ephemeral
 * containers; env values by name and by value shape; annotations by prefix; Route spec.tls without keys).
 */
const scrub = <T extends KubeObject>(o: T): T => scrubKubeObject(o);

const FILES: Record<KubeKind, string> = {
  Pod: 'pods',
  Service: 'services',
  EndpointSlice: 'endpointslices',
  Endpoints: 'endpoints',
  Node: 'nodes',
  Namespace: 'namespaces',
  Route: 'routes',
  Ingress: 'ingresses',
  NetworkPolicy: 'networkpolicies',
  EgressIP: 'egressips',
  AdminNetworkPolicy: 'adminnetworkpolicies',
  BaselineAdminNetworkPolicy: 'baselineadminnetworkpolicies',
  CiliumNetworkPolicy: 'ciliumnetworkpolicies',
  CiliumClusterwideNetworkPolicy: 'ciliumclusterwidenetworkpolicies',
  GatewayClass: 'gatewayclasses',
  Gateway: 'gateways',
  HTTPRoute: 'httproutes',
};

export interface CaptureSummary {
  files: string[];
  failures: { lookup: string; reason: string }[];
}

/** Raw Azure resources by kind and scope (the live adapter's SDK objects). */
export interface RawAzure {
  rawList(kind: AzureKind, scope: string): Promise<unknown[]>;
  rawGet(kind: AzureKind, id: string): Promise<unknown | undefined>;
  rawVmssNics?(vmId: string): Promise<unknown[]>;
  /** A NIC's effective routes as the SDK returns them (`{ value: [...] }`, the az output shape). */
  rawEffectiveRoutes?(nicId: string): Promise<unknown>;
  /** The Service Tags discovery API's answer (the `az network list-service-tags` shape). */
  rawServiceTags?(subscription: string, location: string): Promise<unknown>;
}

type Failures = CaptureSummary['failures'];

/** Writes files under dir and runs lookups whose failures are noted, not thrown. */
class Writer {
  readonly files: string[] = [];
  readonly failures: Failures = [];
  constructor(private dir: string) {}
  write(file: string, doc: unknown): void {
    mkdirSync(join(this.dir, file, '..'), { recursive: true });
    // Azure resources: no free-text tags, no secret properties or values (metrics are numbers by name and ID, and
    // their `data` arrays would read as a secret property)
    const safe = file.startsWith('azure/') && !file.startsWith('azure/metrics/') ? scrubAzureResource(doc) : doc;
    writeFileSync(join(this.dir, file), JSON.stringify(safe, null, 2) + '\n');
    this.files.push(file);
  }
  async attempt<T>(lookup: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      this.failures.push({ lookup, reason: (e as { reason?: string }).reason ?? (e as Error).message });
      return undefined;
    }
  }
}

export async function capture(inv: Inventory, raw: RawAzure, dir: string): Promise<CaptureSummary> {
  const w = new Writer(dir);
  await captureKubernetes(inv, w);
  const trace = new Trace();
  const reads = await walkAzure(inv, trace);
  w.failures.push(...trace.errors.map(({ lookup, reason }) => ({ lookup, reason })));
  await writeAzure(reads, raw, w);
  await writeEffectiveRoutes(reads, raw, w);
  await writeMetrics(inv, w);
  // one list per cloud: `azure/service-tags.json` (the az output shape)
  const at = reads.tags[0];
  if (at && raw.rawServiceTags) {
    const tags = await w.attempt('service tags', () => raw.rawServiceTags!(at.subscription, at.location));
    if (tags) w.write('azure/service-tags.json', tags);
  }
  return { files: w.files, failures: w.failures };
}

async function captureKubernetes(inv: Inventory, w: Writer): Promise<void> {
  for (const kind of KUBE_KINDS) {
    const items = await w.attempt(`${kind}s`, () => inv.list(kind));
    if (!items?.length) continue;
    // list items from the API carry no kind/apiVersion; `kubectl get -o json` output does
    const list = items.map((o) => scrub({ ...o, kind, apiVersion: o.apiVersion ?? apiVersionOf(kind) }));
    w.write(`kubernetes/${FILES[kind]}.json`, {
      apiVersion: 'v1',
      kind: 'List',
      metadata: { resourceVersion: '' },
      items: list,
    });
  }
}

/** An Azure inventory that remembers every read: what the rules' walks needed. */
class Recorder implements AzureInventory {
  readonly gets: { kind: AzureKind; id: string }[] = [];
  readonly lists: { kind: AzureKind; scope: string }[] = [];
  readonly vms: string[] = [];
  /** NICs whose effective routes were read, with the node name first (the snapshot file's name) */
  readonly routes: { nic: Nic; names: string[] }[] = [];
  readonly effectiveRoutes?: AzureInventory['effectiveRoutes'];
  /** where the service tags were read (an NSG rule named a tag beyond the built-in three) */
  readonly tags: { subscription: string; location: string }[] = [];
  readonly serviceTags?: AzureInventory['serviceTags'];
  readonly hubScopes?: AzureInventory['hubScopes'];
  constructor(private inner: AzureInventory) {
    if (inner.hubScopes) this.hubScopes = () => inner.hubScopes!();
    const tags = inner.serviceTags;
    if (tags)
      this.serviceTags = async (subscription, location) => {
        this.tags.push({ subscription, location });
        return tags.call(inner, subscription, location);
      };
    const read = inner.effectiveRoutes;
    if (read)
      this.effectiveRoutes = async (nic, names) => {
        const out = await read.call(inner, nic, names);
        if (Array.isArray(out)) this.routes.push({ nic, names });
        return out;
      };
  }
  get<K extends AzureKind>(kind: K, id: string) {
    this.gets.push({ kind, id });
    return this.inner.get(kind, id);
  }
  list<K extends AzureKind>(kind: K, scope: string) {
    this.lists.push({ kind, scope });
    return this.inner.list(kind, scope);
  }
  nicsOfVm(vmId: string) {
    this.vms.push(vmId);
    return this.inner.nicsOfVm(vmId);
  }
}

/** Run the rules' walks over every node: the load balancer world, and each node's egress walk. */
async function walkAzure(inv: Inventory, trace: Trace): Promise<Recorder> {
  const azure = new Recorder(inv.azure);
  const walked: Inventory = { source: inv.source, cluster: () => inv.cluster(), list: (k) => inv.list(k), azure };
  const nodes = await trace.list('Nodes', () => inv.list('Node'));
  const all = await lbWorld(walked, trace, { allPips: true, nics: true });
  await readEdge(walked, all.groups, all.nics, trace);
  await inboundWalks(inv, walked, trace);
  const world = await lbWorld(walked, trace, { outboundPips: true });
  const vnets = new Set<string>();
  for (const node of nodes) {
    const at = await locateNode(walked, node, trace);
    // the reachability walk: the NSGs of the node's NIC and subnet, and its VNet
    const end = await azureEnd(walked, node, trace);
    if (end.vnet && !vnets.has(end.vnet.id)) {
      vnets.add(end.vnet.id);
      await podSubnetReads(walked, end, trace);
    }
    const facts = await readEgressFacts(walked, at, undefined, trace, world);
    // routes to an appliance for other destinations: their firewalls are read too
    for (const r of facts.routeTable?.routes ?? []) {
      const dest = prefixLength(r.prefix) > 0 ? cidrFirstAddress(r.prefix) : undefined;
      if (dest && r.nextHopType.toLowerCase() === 'virtualappliance')
        await readEgressFacts(walked, at, dest, trace, world);
    }
  }
  return azure;
}

/** The NSGs and route tables of the other subnets of a node's VNet: pods with addresses there (Azure CNI pod
 * subnet) meet them. */
async function podSubnetReads(inv: Inventory, end: AzureEnd, trace: Trace): Promise<void> {
  const others = (end.vnet?.subnets ?? []).filter((x) => x.id !== end.at.subnet?.id);
  await Promise.all(others.map((x) => podEnd(inv, end, cidrFirstAddress(x.prefixes[0] ?? ''), trace)));
}

/** The inbound family's reads for every Ingress and HTTPRoute: application gateways and their subnets. */
async function inboundWalks(inv: Inventory, walked: Inventory, trace: Trace): Promise<void> {
  const ctx = { inv: walked, trace, specs: [] };
  const [ingresses, httpRoutes] = await Promise.all([
    trace.list('Ingresses', () => inv.list('Ingress')),
    trace.list('HTTPRoutes', () => inv.list('HTTPRoute')),
  ]);
  for (const ingress of ingresses) await inbound.facts({ ingress }, ctx);
  for (const httpRoute of httpRoutes) await inbound.facts({ httpRoute }, ctx);
}

const AZURE_FILES: Partial<Record<AzureKind, string>> = {
  loadBalancer: 'load-balancers',
  publicIp: 'public-ips',
  publicIpPrefix: 'public-ip-prefixes',
  nic: 'network-interfaces',
  virtualNetwork: 'virtual-networks',
  natGateway: 'nat-gateways',
  routeTable: 'route-tables',
  firewall: 'firewalls',
  firewallPolicy: 'firewall-policies',
  firewallRuleGroup: 'firewall-rule-groups',
  ipGroup: 'ip-groups',
  nsg: 'network-security-groups',
  applicationGateway: 'application-gateways',
  virtualHub: 'virtual-hubs',
  hubConnection: 'hub-connections',
  routingIntent: 'routing-intent',
};

const unique = <T>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];

/** The raw (az / ARM) form of every resource the walks read. */
async function writeAzure(reads: Recorder, raw: RawAzure, w: Writer): Promise<void> {
  const vmss = reads.vms.filter((v) => /virtualMachineScaleSets/i.test(v));
  // a VM's NICs are read as its resource group's NIC list
  const vmNics = reads.vms
    .filter((v) => !vmss.includes(v))
    .map((v) => ({ kind: 'nic' as const, scope: resourceGroupId(v) }));
  const lists = unique([...reads.lists, ...vmNics], (l) => `${l.kind} ${idKey(l.scope)}`);
  for (const [i, l] of lists.entries()) {
    const items = await w.attempt(`${l.kind} in ${l.scope}`, () => raw.rawList(l.kind, l.scope));
    if (items?.length) w.write(`azure/${AZURE_FILES[l.kind] ?? l.kind}-${i}.json`, items);
  }
  const vmssNics = [];
  for (const vm of unique(vmss, idKey)) {
    if (raw.rawVmssNics)
      vmssNics.push(...((await w.attempt(`network interfaces of ${vm}`, () => raw.rawVmssNics!(vm))) ?? []));
  }
  if (vmssNics.length) w.write('azure/vmss-network-interfaces.json', vmssNics);
  // single resources; a subnet is written as its virtual network, and what a list holds is not read again
  const gets = reads.gets
    .map((g) => (g.kind === 'subnet' ? { kind: 'virtualNetwork' as const, id: parentId(g.id) } : g))
    .filter((g) => !lists.some((l) => l.kind === g.kind && inScope(g.id, l.scope)));
  const byKind = new Map<AzureKind, unknown[]>();
  for (const g of unique(gets, (x) => `${x.kind} ${idKey(x.id)}`)) {
    const item = await w.attempt(`${g.kind} ${g.id}`, () => raw.rawGet(g.kind, g.id));
    if (item) byKind.set(g.kind, [...(byKind.get(g.kind) ?? []), item]);
  }
  for (const [kind, items] of byKind) w.write(`azure/${AZURE_FILES[kind] ?? kind}.json`, items);
}

/** `effective-routes/<node>.json` for each NIC whose effective routes the walks read (az / ARM REST shape). */
async function writeEffectiveRoutes(reads: Recorder, raw: RawAzure, w: Writer): Promise<void> {
  if (!raw.rawEffectiveRoutes) return;
  for (const { nic, names } of unique(reads.routes, (r) => idKey(r.nic.id))) {
    const got = (await w.attempt(`effective routes of ${nic.name}`, () => raw.rawEffectiveRoutes!(nic.id))) as
      { value?: unknown[] } | undefined;
    if (got?.value) w.write(`effective-routes/${names[0] ?? nic.name}.json`, { value: got.value });
  }
}

/** `azure/metrics/<name>.json` (`az monitor metrics list` shape) per load balancer or NAT gateway SNATing a node. */
async function writeMetrics(inv: Inventory, w: Writer): Promise<void> {
  const metrics = inv.metrics as { rawDoc?: (t: SnatTarget) => Promise<unknown> } | undefined;
  if (!metrics?.rawDoc) return;
  const { readings } = await snatFacts({ inv, trace: new Trace(), specs: [] });
  for (const { target } of readings.filter((r) => /^[\w.-]+$/.test(r.target.name))) {
    const doc = await w.attempt(`SNAT metrics of ${target.name}`, () => metrics.rawDoc!(target));
    if (doc) w.write(`azure/metrics/${target.name}.json`, doc);
  }
}
