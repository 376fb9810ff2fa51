// A folder of plain `kubectl get -o json` and `az … -o json` output:
//   kubernetes/*.json  a List (items carry kind/apiVersion) or one object
//   azure/*.json       az list (array) / az show (object) / ARM REST ({"value": [...]})
//   cluster.json       optional `az aro show` / `az aks show`
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  effectiveRoutes,
  normalizeAny,
  type AzureKind,
  type AzureKinds,
  type EffectiveRoute,
  type Nic,
} from './azure-model';
import { clusterInfoFrom, inferClusterInfo } from './cluster-info';
import { frontDoors, type FrontDoor } from './front-door';
import { serviceTags, type ServiceTags } from './service-tags';
import { idKey, inScope, sameId } from './ids';
import type { AzureInventory, ClusterInfo, Inventory } from './inventory';
import { KUBE_KINDS, type KubeKind, type KubeKinds, type KubeObject } from './k8s-types';
import { SnapshotMetrics } from './metrics';

export class SnapshotError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'SnapshotError';
  }
}

/** The `source` of the bundled demo: answers from it are labelled as the demo's. */
export const DEMO_SOURCE = 'demo snapshot';

/** The bundled demo snapshot: the package's own demo/ folder. */
export function demoDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'demo', 'cluster.json'))) return join(dir, 'demo');
    dir = resolve(dir, '..');
  }
  throw new Error('the bundled demo snapshot (demo/) is missing from this installation');
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SnapshotError(file, `cannot read: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new SnapshotError(
      file,
      `not valid JSON (${(e as Error).message}); expected the output of \`kubectl get … -o json\` or \`az … -o json\``,
    );
  }
}

const jsonFiles = (dir: string): string[] =>
  existsSync(dir) && statSync(dir).isDirectory()
    ? readdirSync(dir)
        .filter((f) => f.toLowerCase().endsWith('.json'))
        .sort()
        .map((f) => join(dir, f))
    : [];

// azure/ files read apart (not lists of network resources); afd-origin-groups.json is accepted and not needed:
// each origin's ID names its group
const SPECIAL = new Set([
  'service-tags.json',
  'afd-profiles.json',
  'afd-endpoints.json',
  'afd-origin-groups.json',
  'afd-origins.json',
]);

// `kubectl get` kind names → our kinds (Endpoints and EndpointSlice differ only by case of plural)
const kubeKindOf = (kind: unknown): KubeKind | undefined =>
  KUBE_KINDS.find((k) => k.toLowerCase() === String(kind ?? '').toLowerCase());

export class SnapshotInventory implements Inventory {
  private readonly kube = new Map<KubeKind, KubeObject[]>();
  private readonly byId = new Map<string, { kind: AzureKind; resource: AzureKinds[AzureKind] }>();
  private readonly routesByName = new Map<string, EffectiveRoute[]>();
  private clusterInfo?: ClusterInfo;
  /** `azure/service-tags.json`: `az network list-service-tags --location <region>` */
  private tags?: ServiceTags;
  /** `azure/afd-*.json`: Front Door profiles, endpoints and origins */
  private afd: FrontDoor[] = [];
  readonly azure: AzureInventory;
  /** `azure/metrics/<lb-or-nat-gateway>.json` (`az monitor metrics list` output), when the folder has them */
  metrics?: SnapshotMetrics;

  private constructor(readonly source: string) {
    this.azure = {
      get: async (kind, id) => this.getAzure(kind, id),
      list: async (kind, scope) => this.listAzure(kind, scope),
      nicsOfVm: async (vmId) => this.nicsOfVm(vmId),
      effectiveRoutes: async (nic, names) =>
        [...names, nic.name].map((n) => this.routesByName.get(n.toLowerCase())).find(Boolean),
      serviceTags: async () =>
        this.tags ?? {
          unavailable:
            'the snapshot has no azure/service-tags.json (`az network list-service-tags --location <region> -o json`)',
        },
      frontDoors: async () => this.afd,
      hubScopes: () => [
        ...new Set(this.listAll('virtualHub').map((h) => `/subscriptions/${h.subscription}`.toLowerCase())),
      ],
    };
  }

  /** Load a snapshot folder; throws SnapshotError naming the file that is wrong. */
  static load(dir: string, source = `snapshot ${dir}`): SnapshotInventory {
    const inv = new SnapshotInventory(source);
    inv.metrics = SnapshotMetrics.of(dir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new SnapshotError(dir, 'no such snapshot folder');
    const kubeFiles = jsonFiles(join(dir, 'kubernetes'));
    const azureFiles = jsonFiles(join(dir, 'azure'));
    if (kubeFiles.length === 0)
      throw new SnapshotError(join(dir, 'kubernetes'), 'no *.json files (expected `kubectl get … -A -o json` output)');
    for (const f of kubeFiles) inv.addKube(f, readJson(f));
    for (const f of azureFiles) if (!SPECIAL.has(basename(f).toLowerCase())) inv.addAzure(f, readJson(f));
    inv.addSpecial(join(dir, 'azure'));
    // `az network nic show-effective-route-table` output, one file per node (or VM, or NIC) name
    for (const f of jsonFiles(join(dir, 'effective-routes')))
      inv.routesByName.set(
        basename(f)
          .replace(/\.json$/i, '')
          .toLowerCase(),
        effectiveRoutes(readJson(f)),
      );
    const clusterFile = join(dir, 'cluster.json');
    if (existsSync(clusterFile)) {
      inv.clusterInfo = clusterInfoFrom(readJson(clusterFile));
      if (!inv.clusterInfo) throw new SnapshotError(clusterFile, 'not the output of `az aro show` or `az aks show`');
    }
    return inv;
  }

  static demo(): SnapshotInventory {
    return SnapshotInventory.load(demoDir(), DEMO_SOURCE);
  }

  private addKube(file: string, doc: unknown): void {
    const obj = doc as { kind?: string; items?: unknown[] };
    const items = Array.isArray(doc) ? doc : obj && Array.isArray(obj.items) ? obj.items : [doc];
    for (const item of items as KubeObject[]) {
      if (!item || typeof item !== 'object' || !item.metadata?.name) {
        throw new SnapshotError(file, 'an item has no metadata.name: not `kubectl get -o json` output');
      }
      const kind = kubeKindOf(item.kind);
      if (!kind) continue; // kinds the engine does not use (Deployments, ConfigMaps…)
      (this.kube.get(kind) ?? this.kube.set(kind, []).get(kind)!).push(item);
    }
  }

  /** The files that are not lists of network resources: service tags and Front Door. */
  private addSpecial(dir: string): void {
    const read = (name: string) => (existsSync(join(dir, name)) ? readJson(join(dir, name)) : undefined);
    const tags = read('service-tags.json');
    if (tags !== undefined) {
      this.tags = serviceTags(tags);
      if (!this.tags.prefixes.size)
        throw new SnapshotError(
          join(dir, 'service-tags.json'),
          'no `values`: not `az network list-service-tags` output',
        );
    }
    const profiles = read('afd-profiles.json');
    if (profiles !== undefined)
      this.afd = frontDoors(profiles, read('afd-endpoints.json') ?? [], read('afd-origins.json') ?? []);
  }

  private addAzure(file: string, doc: unknown): void {
    const d = doc as { value?: unknown[] };
    const items = Array.isArray(doc) ? doc : d && Array.isArray(d.value) ? d.value : [doc];
    for (const item of items) {
      if (!item || typeof item !== 'object' || typeof (item as { id?: unknown }).id !== 'string') {
        throw new SnapshotError(file, 'an item has no resource `id`: not `az … -o json` / ARM REST output');
      }
      const n = normalizeAny(item);
      if (!n) continue;
      this.byId.set(idKey(n.resource.id), n);
      if (n.kind === 'virtualNetwork') {
        for (const s of (n.resource as AzureKinds['virtualNetwork']).subnets) {
          if (!this.byId.has(idKey(s.id))) this.byId.set(idKey(s.id), { kind: 'subnet', resource: s });
        }
      }
    }
  }

  private clusterFacts?: ClusterInfo;

  async cluster(): Promise<ClusterInfo | undefined> {
    // what `az aro/aks show` did not say is read off the objects (once: a snapshot does not change)
    if (!this.clusterFacts) {
      const inferred = inferClusterInfo(await this.list('Node'), await this.list('Route'));
      const c = this.clusterInfo;
      this.clusterFacts = c
        ? {
            ...c,
            appsDomain: c.appsDomain ?? inferred.appsDomain,
            networkPlugin: c.networkPlugin ?? inferred.networkPlugin,
          }
        : inferred;
    }
    return this.clusterFacts;
  }

  async list<K extends KubeKind>(kind: K): Promise<KubeKinds[K][]> {
    return (this.kube.get(kind) ?? []) as KubeKinds[K][];
  }

  private getAzure<K extends AzureKind>(kind: K, id: string): AzureKinds[K] | undefined {
    const hit = this.byId.get(idKey(id));
    return hit && hit.kind === kind ? (hit.resource as AzureKinds[K]) : undefined;
  }

  /** Listings by kind and scope: the same array every time, so lookups kept per array last (a snapshot is fixed). */
  private readonly listed = new Map<string, AzureKinds[AzureKind][]>();

  private listAzure<K extends AzureKind>(kind: K, scope: string): AzureKinds[K][] {
    const key = `${kind}|${idKey(scope)}`;
    let hit = this.listed.get(key);
    if (!hit) this.listed.set(key, (hit = this.listAll(kind).filter((r) => inScope(r.id, scope))));
    return hit as AzureKinds[K][];
  }

  private nicsOfVm(vmId: string): Nic[] {
    const nics = this.listAll('nic').filter((n) => sameId(n.vmId, vmId));
    if (nics.length) return nics;
    const vm = this.getAzure('virtualMachine', vmId);
    return (vm?.nicIds ?? []).map((id) => this.getAzure('nic', id)).filter((n): n is Nic => !!n);
  }

  private readonly byKind = new Map<AzureKind, AzureKinds[AzureKind][]>();

  private listAll<K extends AzureKind>(kind: K): AzureKinds[K][] {
    let all = this.byKind.get(kind);
    if (!all)
      this.byKind.set(kind, (all = [...this.byId.values()].filter((r) => r.kind === kind).map((r) => r.resource)));
    return all as AzureKinds[K][];
  }

  /** Count of objects loaded, by kind (for `packet-path` diagnostics). */
  counts(): Record<string, number> {
    const c: Record<string, number> = {};
    for (const [k, v] of this.kube) c[k] = v.length;
    for (const r of this.byId.values()) c[r.kind] = (c[r.kind] ?? 0) + 1;
    return c;
  }
}
