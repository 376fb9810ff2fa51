// Live Kubernetes through @kubernetes/client-node: one informer (list+watch)
// per kind, so a warm question needs no API call. OpenShift Routes and
// EgressIPs, admin/Cilium policies and the Gateway API are watched only where
// the cluster serves those APIs.
//
// client-node 2.x informers re-watch by themselves after a clean end of the
// stream and re-list after 410 Gone; any other failure (API down, 401…) stops
// them with an 'error' event, so they are restarted here with a back-off.
//
// The list is read in pages (limit/continue) and every object is reduced to
// what the rules read as it arrives (leanObject), so a large cluster is never
// held whole as the API sends it.
import * as k8s from './k8s-sdk';
import { LookupError } from './inventory';
import type { KubeKind, KubeKinds } from './k8s-types';
import { ANNOTATION_PREFIX, DEFAULT_KEPT as CAPTURED_DEFAULT, KEPT as CAPTURED, META, type Shape } from '../secrets';

/** One page of a list, as the API sends it. */
interface Page {
  items: unknown[];
  metadata?: { resourceVersion?: string; continue?: string };
}

interface Source {
  path: string;
  group?: string;
  apiVersion: string;
}

const http = new k8s.IsomorphicFetchHttpLibrary();

/** A GET of the API server, through the SDK's own HTTP library and authentication (as its Watch reads events). */
async function getJson<T>(kc: k8s.KubeConfig, path: string, params: Record<string, string> = {}): Promise<T> {
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new Error('No currently active cluster');
  const url = new URL(server + path);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const ctx = new k8s.RequestContext(url.toString(), k8s.HttpMethod.GET);
  ctx.setHeaderParam('Accept', 'application/json');
  await kc.applySecurityAuthentication(ctx);
  const res = await http.send(ctx).toPromise();
  const text = await res.body.text();
  if (res.httpStatusCode !== 200)
    throw new k8s.ApiException(res.httpStatusCode, 'Unknown API Status Code!', text, res.headers);
  return JSON.parse(text) as T;
}

/**
 * One page of a list: the typed list calls would first build an SDK model object for every field of every object,
 * most of a large sync's time.
 */
const listPage = (kc: k8s.KubeConfig, path: string, limit: number, next?: string): Promise<Page> =>
  getJson<Page>(kc, path, { limit: String(limit), ...(next ? { continue: next } : {}) });

const SOURCES: Record<KubeKind, Source> = {
  Pod: {
    path: '/api/v1/pods',
    apiVersion: 'v1',
  },
  Service: {
    path: '/api/v1/services',
    apiVersion: 'v1',
  },
  Node: {
    path: '/api/v1/nodes',
    apiVersion: 'v1',
  },
  Namespace: {
    path: '/api/v1/namespaces',
    apiVersion: 'v1',
  },
  Endpoints: {
    path: '/api/v1/endpoints',
    apiVersion: 'v1',
  },
  EndpointSlice: {
    path: '/apis/discovery.k8s.io/v1/endpointslices',
    group: 'discovery.k8s.io',
    apiVersion: 'discovery.k8s.io/v1',
  },
  Ingress: {
    path: '/apis/networking.k8s.io/v1/ingresses',
    group: 'networking.k8s.io',
    apiVersion: 'networking.k8s.io/v1',
  },
  NetworkPolicy: {
    path: '/apis/networking.k8s.io/v1/networkpolicies',
    group: 'networking.k8s.io',
    apiVersion: 'networking.k8s.io/v1',
  },
  Route: {
    path: '/apis/route.openshift.io/v1/routes',
    group: 'route.openshift.io',
    apiVersion: 'route.openshift.io/v1',
  },
  EgressIP: {
    path: '/apis/k8s.ovn.org/v1/egressips',
    group: 'k8s.ovn.org',
    apiVersion: 'k8s.ovn.org/v1',
  },
  ...crd('policy.networking.k8s.io', 'v1alpha1', {
    AdminNetworkPolicy: 'adminnetworkpolicies',
    BaselineAdminNetworkPolicy: 'baselineadminnetworkpolicies',
  }),
  ...crd('cilium.io', 'v2', {
    CiliumNetworkPolicy: 'ciliumnetworkpolicies',
    CiliumClusterwideNetworkPolicy: 'ciliumclusterwidenetworkpolicies',
  }),
  ...crd('gateway.networking.k8s.io', 'v1', {
    GatewayClass: 'gatewayclasses',
    Gateway: 'gateways',
    HTTPRoute: 'httproutes',
  }),
};

/** Custom resources of one API group, watched only where the cluster serves the group. */
function crd<K extends KubeKind>(group: string, version: string, plurals: Record<K, string>): Record<K, Source> {
  const out = {} as Record<K, Source>;
  for (const [kind, plural] of Object.entries(plurals) as [K, string][])
    out[kind] = {
      path: `/apis/${group}/${version}/${plural}`,
      group,
      apiVersion: `${group}/${version}`,
    };
  return out;
}

export interface KubeOptions {
  kubeConfig: k8s.KubeConfig;
  /** objects per list page (default 250: a page is parsed whole, and larger pages leave more freed memory behind) */
  pageSize?: number;
  /** first restart delay after an informer stops on an error, ms (doubles up to 30 s) */
  restartDelayMs?: number;
}

interface Watched {
  informer: k8s.Informer<k8s.KubernetesObject> & k8s.ObjectCache<k8s.KubernetesObject>;
  synced: boolean;
  lastError?: string;
  delay: number;
  /** the cache as a list, built on the first read after a change: questions between changes share one array */
  items?: readonly k8s.KubernetesObject[];
}

/** Loads a kubeconfig: KUBECONFIG / ~/.kube/config (optionally a context), or the in-cluster service account. */
export function loadKubeConfig(context?: string): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromDefault();
  if (context) kc.setCurrentContext(context);
  return kc;
}

/** kind/apiVersion of a kind, for writing objects down (list items from the API carry neither). */
export const apiVersionOf = (kind: KubeKind): string => SOURCES[kind].apiVersion;

const PAGE_SIZE = 250;
const NONE: readonly never[] = Object.freeze([]);

/** A paged list: every page reduced as it arrives; an expired continue token (410) starts the list over. */
async function pagedList(
  page: (next?: string) => Promise<Page>,
  keep: (raw: k8s.KubernetesObject) => k8s.KubernetesObject,
): Promise<{ metadata: { resourceVersion: string }; items: k8s.KubernetesObject[] }> {
  for (let attempt = 0; ; attempt++) {
    const items: k8s.KubernetesObject[] = [];
    let resourceVersion: string | undefined;
    let next: string | undefined;
    try {
      do {
        const p = await page(next);
        for (const raw of p.items) items.push(keep(raw as k8s.KubernetesObject));
        // every page of one list is served from the first page's snapshot
        resourceVersion ??= p.metadata?.resourceVersion;
        next = p.metadata?.continue || undefined;
      } while (next);
      return { metadata: { resourceVersion: resourceVersion ?? '' }, items };
    } catch (e) {
      // https://kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks
      if (!next || attempt >= 3 || !isGone(e)) throw e;
    }
  }
}

const isGone = (e: unknown): boolean => {
  const err = e as { code?: number; statusCode?: number };
  return err?.code === 410 || err?.statusCode === 410;
};

/** The SDK's watch, with every object reduced (leanObject) before the informer caches it. */
class LeanWatch extends k8s.Watch {
  constructor(
    kc: k8s.KubeConfig,
    private readonly kind: KubeKind,
    private readonly podOf?: PodOf,
  ) {
    super(kc);
  }
  override watch(
    path: string,
    params: Parameters<k8s.Watch['watch']>[1],
    callback: Parameters<k8s.Watch['watch']>[2],
    done: Parameters<k8s.Watch['watch']>[3],
  ): Promise<AbortController> {
    return super.watch(
      path,
      params,
      (phase, obj, raw) =>
        callback(phase, phase === 'ERROR' || phase === 'BOOKMARK' ? obj : leanObject(this.kind, obj, this.podOf), raw),
      done,
    );
  }
}

export class KubeInventory {
  private readonly watched = new Map<KubeKind, Watched>();
  private readonly absent = new Set<KubeKind>();
  private stopped = false;
  private discoveryError?: string;
  private readonly timers = new Set<NodeJS.Timeout>();
  private changes = 0;

  constructor(private readonly o: KubeOptions) {}

  /** Grows on every object added, changed or deleted in any cache: what was derived from the caches is stale. */
  get generation(): number {
    return this.changes;
  }

  get server(): string {
    return this.o.kubeConfig.getCurrentCluster()?.server ?? '(no cluster)';
  }

  /** Discover the APIs, start the informers and wait for their first list. */
  async start(delay = this.o.restartDelayMs ?? 1000): Promise<void> {
    let groups: Set<string>;
    try {
      // the API groups served (GET /apis, an APIGroupList)
      const served = await getJson<{ groups?: { name: string }[] }>(this.o.kubeConfig, '/apis');
      groups = new Set((served.groups ?? []).map((x) => x.name));
      this.discoveryError = undefined;
      if (this.stopped) return; // stopped while discovering: start nothing
    } catch (e) {
      this.discoveryError = kubeReason(e, this.server);
      if (!this.stopped) {
        // a failed retry is not lost: start() keeps its reason in discoveryError, which every list() reports
        const t = setTimeout(
          () => (this.timers.delete(t), this.start(Math.min(delay * 2, 30_000)).catch(() => undefined)),
          delay,
        );
        this.timers.add(t);
      }
      throw new LookupError('Kubernetes API discovery', this.discoveryError);
    }
    const kinds = (Object.keys(SOURCES) as KubeKind[]).filter((k) => {
      const g = SOURCES[k].group;
      // Endpoints only where EndpointSlices are not served
      if (k === 'Endpoints') return !groups.has('discovery.k8s.io');
      return !g || groups.has(g);
    });
    for (const k of Object.keys(SOURCES) as KubeKind[]) if (!kinds.includes(k)) this.absent.add(k);
    // EndpointSlices once the pods are cached (or failing): their endpoints then share the pods' strings
    const pods = kinds.includes('Pod') ? this.watch('Pod') : Promise.resolve();
    await Promise.all(
      kinds.map((k) => (k === 'Pod' ? pods : k === 'EndpointSlice' ? pods.then(() => this.watch(k)) : this.watch(k))),
    );
  }

  private async watch(kind: KubeKind): Promise<void> {
    if (this.stopped) return;
    const src = SOURCES[kind];
    const kc = this.o.kubeConfig;
    const pods = kind === 'EndpointSlice' ? this.watched.get('Pod')?.informer : undefined;
    const podOf: PodOf | undefined = pods && ((name, ns) => pods.get(name, ns) as KubeKinds['Pod'] | undefined);
    // a relist (after 410 Gone) hands back the cached object when it is unchanged: one copy, not two
    const keep = (raw: k8s.KubernetesObject): k8s.KubernetesObject => {
      const m = raw.metadata;
      const cached = m?.name ? informer.get(m.name, m.namespace) : undefined;
      return cached && cached.metadata?.resourceVersion === m?.resourceVersion ? cached : leanObject(kind, raw, podOf);
    };
    const limit = this.o.pageSize ?? PAGE_SIZE;
    const list = () => pagedList((next) => listPage(kc, src.path, limit, next), keep);
    const informer = new k8s.ListWatch<k8s.KubernetesObject>(
      src.path,
      new LeanWatch(kc, kind, podOf),
      list as never,
      false,
    );
    const w: Watched = {
      informer,
      synced: false,
      delay: this.o.restartDelayMs ?? 1000,
    };
    this.watched.set(kind, w);
    for (const ev of ['add', 'update', 'delete'] as const)
      informer.on(ev, () => {
        w.items = undefined;
        this.changes++;
      });
    informer.on('connect', () => {
      w.lastError = undefined;
      w.delay = this.o.restartDelayMs ?? 1000;
    });
    const restart = (err: unknown) => {
      if (this.stopped) return; // stop() aborts the watch, which is reported as an error too
      w.lastError = kubeReason(err, this.server);
      const t = setTimeout(() => {
        this.timers.delete(t);
        if (!this.stopped)
          informer.start().then(
            () => (w.synced = true),
            () => undefined,
          );
      }, w.delay);
      this.timers.add(t);
      w.delay = Math.min(w.delay * 2, 30_000);
    };
    informer.on('error', restart);
    try {
      await informer.start();
      w.synced = true;
    } catch (e) {
      restart(e);
    }
  }

  /**
   * Wait (at most `ms`) until a kind is synced or known to be failing, so a question asked at start-up gets a reason.
   */
  async settle(kind: KubeKind, ms = 2000): Promise<void> {
    const deadline = Date.now() + ms;
    const settled = () => {
      if (this.absent.has(kind) || (this.discoveryError && !this.watched.size)) return true;
      const w = this.watched.get(kind);
      return !!w && (w.synced || !!w.lastError);
    };
    while (!settled() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  }

  list<K extends KubeKind>(kind: K): KubeKinds[K][] {
    if (this.absent.has(kind)) return NONE as unknown as KubeKinds[K][];
    if (this.discoveryError && !this.watched.size) throw new LookupError(`${kind}s`, this.discoveryError);
    const w = this.watched.get(kind);
    if (!w || !w.synced) {
      throw new LookupError(
        `${kind}s`,
        w?.lastError
          ? `not read yet: ${w.lastError}`
          : 'cache not yet synced with the Kubernetes API; try again in a few seconds',
        'not-synced',
      );
    }
    // the cache's own objects, not copies, in one frozen array until the next change: callers only read them (and
    // may key what they derive from it on the array)
    w.items ??= Object.freeze(w.informer.list());
    return w.items as unknown as KubeKinds[K][];
  }

  /** Kinds not yet synced, with the reason (for /readyz). */
  pending(): string[] {
    if (this.discoveryError && !this.watched.size) return [`Kubernetes API: ${this.discoveryError}`];
    if (!this.watched.size) return ['Kubernetes API: starting'];
    return [...this.watched]
      .filter(([, w]) => !w.synced)
      .map(([k, w]) => `${k}${w.lastError ? `: ${w.lastError}` : ''}`);
  }

  /** Kinds whose watch failed after the first sync (answers may be stale). */
  degraded(): string[] {
    return [...this.watched].filter(([, w]) => w.synced && w.lastError).map(([k, w]) => `${k}: ${w.lastError}`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    // shutting down: a watch that fails to stop has nothing left to report to
    await Promise.all([...this.watched.values()].map((w) => Promise.resolve(w.informer.stop()).catch(() => undefined)));
  }
}

function kubeReason(e: unknown, server: string): string {
  const err = e as {
    code?: number;
    statusCode?: number;
    message?: string;
    body?: unknown;
  };
  const code = err?.code ?? err?.statusCode;
  if (code === 401) return `401: the Kubernetes API at ${server} rejected the bot's credentials`;
  if (code === 403)
    return `403: the bot's service account may not list this (needs the packet-path-reader ClusterRole)`;
  if (typeof code === 'number' && code >= 500) return `${code}: the Kubernetes API at ${server} is failing`;
  const msg = (err?.message ?? String(e)).split('\n')[0];
  return /ECONNREFUSED|ENOTFOUND|terminated|fetch failed|socket/i.test(msg)
    ? `cannot reach the Kubernetes API at ${server} (${msg})`
    : msg;
}

// ---- what the informer caches hold ---------------------------------------------------------------------------
//
// A 150,000-pod cluster is ~1 GB of JSON, mostly managedFields, annotations and status the rules never read. Objects
// are reduced as they enter the caches (list pages and watch events alike) to the fields the rules read — the
// allowlist capture writes (src/secrets.ts KEPT), less what no rule reads (CACHE_KEPT below) — and the strings and
// small structures that repeat across pods (namespaces, node names, labels, containers, owners, conditions) are
// shared. Shared structures are frozen: the caches' objects are read, never written, by the rules.
//
// Kept per kind (besides apiVersion/kind when the API sends them, and annotations under ANNOTATION_PREFIX except on
// pods):
//  - metadata: name, namespace, uid, labels, ownerReferences (apiVersion, kind, name, controller), resourceVersion
//    (the informer compares it); not creationTimestamp (no rule reads it);
//  - Pod: spec.nodeName, hostNetwork, dnsPolicy, dnsConfig, containers (name, image, ports, env as capture keeps
//    them) — KEPT.Pod.spec; status.phase, podIP, hostIP, conditions (type, status);
//    status.podIPs only when it says more than podIP (dual stack); never hostIPs (the node's: no rule reads it);
//  - EndpointSlice: addressType, ports (name, port, protocol), endpoints[].addresses, conditions (ready, serving,
//    terminating), nodeName, targetRef (kind, name, namespace): not hostname, zone, hints (no rule reads them); an
//    endpoint's address and pod name are the cached pod's own strings when the pod is cached;
//  - Node, Route: KEPT; every other kind: spec, status and the top-level fields of DEFAULT_KEPT, whole.
// Every kept object is built with all its fields at once (a literal of one shape per set of fields), so V8 sizes it
// exactly and pods share hidden classes; nothing is ever deleted (which would turn an object into a dictionary).

const NO_TIMESTAMP: Shape = Object.fromEntries(
  Object.entries(META as object).filter(([k]) => k !== 'creationTimestamp'),
);
const TOP: Record<string, Shape> = {
  apiVersion: true,
  kind: true,
  metadata: { ...(NO_TIMESTAMP as object), annotations: true },
};
const CONDITIONS: Shape = [{ type: true, status: true }];
/** Where the caches keep other fields than capture writes (see above). */
const CACHE_KEPT: Record<string, Record<string, Shape>> = {
  Pod: {
    spec: (CAPTURED.Pod as { spec: Shape }).spec,
    status: { phase: true, podIP: true, podIPs: [{ ip: true }], hostIP: true, conditions: CONDITIONS },
  },
  EndpointSlice: {
    addressType: true,
    endpoints: [
      {
        addresses: true,
        conditions: { ready: true, serving: true, terminating: true },
        nodeName: true,
        targetRef: { kind: true, name: true, namespace: true },
      },
    ],
    ports: [{ name: true, port: true, protocol: true }],
  },
};
/** Kept per kind: the fields capture writes (src/secrets.ts KEPT: for a Route, never its inline TLS keys). */
const KEPT: Record<string, Shape> = Object.fromEntries(
  [...new Set([...Object.keys(CAPTURED), ...Object.keys(CACHE_KEPT)])].map((kind) => [
    kind,
    { ...TOP, ...((CAPTURED[kind] ?? CAPTURED_DEFAULT) as object), ...CACHE_KEPT[kind] },
  ]),
);
const DEFAULT_KEPT: Shape = { ...TOP, ...(CAPTURED_DEFAULT as object) };

const KEPT_ANNOTATIONS = ANNOTATION_PREFIX;

/** Fields whose string values repeat across objects (interned); maps whose keys and values do. */
const INTERNED = new Set([
  'namespace',
  'nodeName',
  'hostIP',
  'phase',
  'kind',
  'apiVersion',
  'type',
  'status',
  'protocol',
  'image',
  'zone',
  'addressType',
  'fieldPath',
  'dnsPolicy',
]);
const MAPS = new Set(['labels', 'annotations', 'selector', 'matchLabels', 'nodeSelector']);
/** Structures shared by equal value: pods of one ReplicaSet have the same labels, owner, containers, conditions. */
const SHARED = new Set(['labels', 'ownerReferences', 'containers', 'conditions', 'ports']);

/** Interned strings and shared structures; restarted when large, so churn (new ReplicaSets) cannot grow it forever. */
class Pool {
  private strings = new Map<string, string>();
  /** by a hash of the value (a number: no copy of it as text); a structure whose hash is taken is not shared */
  private shapes = new Map<number, unknown>();
  str(s: string): string {
    const v = this.strings.get(s);
    if (v !== undefined) return v;
    if (this.strings.size >= 200_000) this.strings = new Map();
    this.strings.set(s, s);
    return s;
  }
  shared<T>(v: T): T {
    const key = hash(v, 0x811c9dc5) >>> 1;
    const found = this.shapes.get(key);
    if (found !== undefined) return same(found, v) ? (found as T) : v;
    if (this.shapes.size >= 100_000) this.shapes = new Map();
    this.shapes.set(key, deepFreeze(v));
    return v;
  }
}

/** FNV-1a over a JSON value's keys, strings and numbers. */
function hash(v: unknown, h: number): number {
  if (typeof v === 'string') {
    for (let i = 0; i < v.length; i++) h = Math.imul(h ^ v.charCodeAt(i), 0x01000193);
    return Math.imul(h ^ 0x22, 0x01000193);
  }
  if (v === null || typeof v !== 'object') return hash(String(v), Math.imul(h ^ 0x3a, 0x01000193));
  if (Array.isArray(v)) {
    for (const x of v) h = hash(x, Math.imul(h ^ 0x5b, 0x01000193));
    return h;
  }
  for (const k in v) h = hash((v as Record<string, unknown>)[k], hash(k, Math.imul(h ^ 0x7b, 0x01000193)));
  return h;
}

/** Equal as JSON values, fields in the same order (the kept objects are built in one order). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++)
    if (ka[i] !== kb[i] || !same((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]]))
      return false;
  return true;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

const pool = new Pool();

/**
 * An object of these fields built as one literal: V8 gives it exactly these in-object fields and one hidden class
 * for every object of the same fields (built field by field from `{}`, it would grow a separate property array).
 * One function per set of field names, compiled once; other names (not identifiers, or too many sets) use `{}`.
 */
type Builder = (vals: unknown[]) => Record<string, unknown>;
const builders = new Map<string, Builder>();
const IDENT = /^[A-Za-z_$][\w$]*$/;
function builderOf(keys: string[]): Builder | undefined {
  const sig = keys.join(',');
  let make = builders.get(sig);
  if (!make && builders.size < 1000 && keys.every((k) => IDENT.test(k) && k !== '__proto__')) {
    make = new Function('v', `return {${keys.map((k, i) => `${k}: v[${i}]`).join(', ')}};`) as Builder;
    builders.set(sig, make);
  }
  return make;
}
function build(keys: string[], vals: unknown[], make = builderOf(keys)): Record<string, unknown> {
  if (make) return make(vals);
  const out: Record<string, unknown> = {};
  keys.forEach((k, i) => (out[k] = vals[i]));
  return out;
}

/** A plain deep copy (SDK model instances and Dates become JSON values), with repeated strings interned. */
function plain(v: unknown, key: string): unknown {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return INTERNED.has(key) ? pool.str(v) : v;
  if (typeof v !== 'object') return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => plain(x, key) ?? null);
  const map = MAPS.has(key);
  const keys: string[] = [];
  const vals: unknown[] = [];
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || x === null) continue;
    keys.push(map ? pool.str(k) : k);
    vals.push(map && typeof x === 'string' ? pool.str(x) : plain(x, k));
  }
  const out = build(keys, vals);
  return SHARED.has(key) ? pool.shared(out) : out;
}

function pick(v: unknown, shape: Shape, key: string): unknown {
  if (shape === true) return plain(v, key);
  if (v === undefined || v === null || typeof v !== 'object') return undefined;
  if (Array.isArray(shape)) {
    if (!Array.isArray(v)) return undefined;
    const arr = v.map((x) => pick(x, shape[0], key) ?? null);
    return SHARED.has(key) ? pool.shared(arr) : arr;
  }
  if (Array.isArray(v)) return undefined;
  const fields = fieldsOf(shape);
  const vals: unknown[] = [];
  let present = 0;
  for (let i = 0; i < fields.length; i++) {
    const x = pick((v as Record<string, unknown>)[fields[i][0]], fields[i][1], fields[i][0]);
    if (x === undefined) continue;
    present |= 1 << i;
    vals.push(x);
  }
  let make = fields.builders.get(present);
  const keys = make ? [] : fields.flatMap(([k], i) => (present & (1 << i) ? [k] : []));
  if (!make && (make = builderOf(keys))) fields.builders.set(present, make);
  const out = build(keys, vals, make);
  return SHARED.has(key) ? pool.shared(out) : out;
}

/** A shape's fields, and the builder of each set of them present (by bit mask), found once per shape. */
type Fields = [string, Shape][] & { builders: Map<number, Builder> };
const fieldsByShape = new Map<object, Fields>();
function fieldsOf(shape: { [field: string]: Shape }): Fields {
  let f = fieldsByShape.get(shape);
  if (!f) {
    const entries = Object.entries(shape);
    // which fields are present is a 31-bit mask
    if (entries.length > 30) throw new Error('a kept shape has more than 30 fields');
    f = Object.assign(entries, { builders: new Map<number, Builder>() });
    fieldsByShape.set(shape, f);
  }
  return f;
}

/** A cached pod, to share an endpoint's strings with (see leanObject). */
export type PodOf = (name: string, namespace?: string) => KubeKinds['Pod'] | undefined;

/** What a cache keeps of an object of a kind (see KEPT, CACHE_KEPT and KEPT_ANNOTATIONS). */
export function leanObject<T extends { metadata?: object }>(kind: KubeKind, o: T, podOf?: PodOf): T {
  const meta = o.metadata as { annotations?: Record<string, string> } | undefined;
  const ann = meta?.annotations;
  const kept = kind === 'Pod' || !ann ? undefined : Object.entries(ann).filter(([k]) => KEPT_ANNOTATIONS.test(k));
  const status = (o as { status?: PodIps }).status;
  const src = {
    ...o,
    metadata: { ...meta, annotations: kept?.length ? Object.fromEntries(kept) : undefined },
    // podIPs when it says no more than podIP (single stack, nearly every pod): the rules read podIP first
    ...(kind === 'Pod' && repeatsPodIp(status) ? { status: { ...status, podIPs: undefined } } : {}),
  };
  const out = pick(src, KEPT[kind] ?? DEFAULT_KEPT, '') as T;
  if (kind === 'EndpointSlice' && podOf) sharePodStrings(out as KubeKinds['EndpointSlice'], podOf);
  return out;
}

interface PodIps {
  podIP?: string;
  podIPs?: { ip?: string }[];
}

const repeatsPodIp = (s: PodIps | undefined): boolean =>
  !!s?.podIP && s.podIPs?.length === 1 && s.podIPs[0]?.ip === s.podIP;

/**
 * An endpoint's address and pod name as the cached pod's own strings: at 150,000 pods, 300,000 strings fewer, with
 * no lookup table of its own (the pod cache is one).
 */
function sharePodStrings(slice: KubeKinds['EndpointSlice'], podOf: PodOf): void {
  for (const e of slice.endpoints ?? []) {
    const ref = e.targetRef;
    if (ref?.kind !== 'Pod' || !ref.name) continue;
    const pod = podOf(ref.name, ref.namespace ?? slice.metadata?.namespace);
    if (!pod) continue;
    ref.name = pod.metadata.name;
    const ip = pod.status?.podIP;
    if (ip && e.addresses?.length === 1 && e.addresses[0] === ip) e.addresses[0] = ip;
  }
}
