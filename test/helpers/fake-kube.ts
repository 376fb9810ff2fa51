// A fake Kubernetes API server for tests. It speaks enough of the real wire
// protocol for the real `kubectl` and the real @kubernetes/client-node:
//   - discovery: /version, /api, /api/v1, /apis, /apis/<g>, /apis/<g>/<v>
//     (legacy discovery only: kubectl asks for aggregated discovery first and,
//     given plain APIVersions/APIGroupList JSON, falls back to the legacy calls)
//   - list (all-namespaces and namespaced), get by name, limit/continue paging,
//     labelSelector, fieldSelector (dotted paths, = == !=)
//   - watch (?watch=1|true, or the old /watch/ path prefix): chunked, one JSON
//     event per line, replaying the events after ?resourceVersion=N, or
//     synthetic ADDED events for everything when it is "" or "0"
//   - server-side printing: `Accept: application/json;as=Table;g=meta.k8s.io;v=v1`
//     returns a meta.k8s.io/v1 Table (pods and services with the real printer
//     columns, NAME/AGE for the rest), for lists, gets and watches
//   - failure Status JSON bodies for 401, 404, 405, 503
//
// Like the real API server, list items carry no kind/apiVersion for built-in
// and aggregated types (pods, routes, …) but do for CRD-backed ones
// (egressips); single GETs and watch events always carry them.
//
// Plain HTTP on 127.0.0.1 only. A request that sends an Authorization header
// must send the kubeconfig's bearer token (else 401); one without is let in,
// because kubectl (client-go) never sends bearer tokens to a plain-http server.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';

export interface FakeKubeOptions {
  objects: any[];
  /** the objects are the server's own from now on: not copied (large benchmark clusters) */
  owned?: boolean;
  /**
   * What the server sends of a stored object (lists, gets, watch events): e.g. the benchmark stores lean pods and
   * sends them with realistic managedFields, annotations and status, built per response so 150,000 of them are
   * never held at once.
   */
  expand?: (obj: any) => any;
}

type Fault = null | 'down' | 'unauthorized' | 'drop-watches' | 'gone';

interface ResourceDef {
  group: string; // '' for core
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** CRD-backed: list items carry kind/apiVersion, as the real server sends them. */
  crd?: boolean;
}

const RESOURCES: ResourceDef[] = [
  {
    group: '',
    version: 'v1',
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    shortNames: ['svc'],
    categories: ['all'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'nodes',
    singular: 'node',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'endpoints',
    singular: 'endpoints',
    kind: 'Endpoints',
    namespaced: true,
    shortNames: ['ep'],
  },
  {
    group: 'discovery.k8s.io',
    version: 'v1',
    plural: 'endpointslices',
    singular: 'endpointslice',
    kind: 'EndpointSlice',
    namespaced: true,
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'ingresses',
    singular: 'ingress',
    kind: 'Ingress',
    namespaced: true,
    shortNames: ['ing'],
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'ingressclasses',
    singular: 'ingressclass',
    kind: 'IngressClass',
    namespaced: false,
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'networkpolicies',
    singular: 'networkpolicy',
    kind: 'NetworkPolicy',
    namespaced: true,
    shortNames: ['netpol'],
  },
  {
    group: 'route.openshift.io',
    version: 'v1',
    plural: 'routes',
    singular: 'route',
    kind: 'Route',
    namespaced: true,
    categories: ['all'],
  },
  {
    group: 'k8s.ovn.org',
    version: 'v1',
    plural: 'egressips',
    singular: 'egressip',
    kind: 'EgressIP',
    namespaced: false,
    shortNames: ['eip'],
    crd: true,
  },
  // served so that `kubectl apply --dry-run=client` can map the deploy/ manifests
  {
    group: '',
    version: 'v1',
    plural: 'serviceaccounts',
    singular: 'serviceaccount',
    kind: 'ServiceAccount',
    namespaced: true,
    shortNames: ['sa'],
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
  },
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    plural: 'clusterroles',
    singular: 'clusterrole',
    kind: 'ClusterRole',
    namespaced: false,
  },
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    plural: 'clusterrolebindings',
    singular: 'clusterrolebinding',
    kind: 'ClusterRoleBinding',
    namespaced: false,
  },
  {
    group: 'policy',
    version: 'v1',
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    shortNames: ['pdb'],
  },
];
/** Groups served only when at least one object of theirs was given or upserted. */
const OPTIONAL_GROUPS = new Set(['route.openshift.io', 'k8s.ovn.org']);
const TOKEN = 'fake-kube-token';

const groupVersion = (r: ResourceDef): string => (r.group ? `${r.group}/${r.version}` : r.version);
const resKey = (r: ResourceDef): string => `${r.group}/${r.plural}`;
const clone = <T>(v: T): T => structuredClone(v);

interface HistoryEntry {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  res: ResourceDef;
  obj: any;
}

interface Filter {
  namespace?: string;
  name?: string;
  label: (labels: Record<string, string>) => boolean;
  field: (obj: any) => boolean;
}

interface OpenWatch {
  res: ResourceDef;
  filter: Filter;
  out: ServerResponse;
  table: boolean;
  includeObject: string;
  sentColumns: boolean;
  timer?: NodeJS.Timeout;
}

class HttpError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: object,
  ) {
    super(message);
  }
}

export class FakeKube {
  url = '';
  requests: { method: string; path: string; query: string; watch: boolean }[] = [];
  /** called before each list is served (e.g. to inject a fault between the pages of one list) */
  onList?: (path: string, query: URLSearchParams) => void;

  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private readonly store = new Map<string, Map<string, any>>(); // resKey -> "ns/name" -> object
  private readonly history: HistoryEntry[] = [];
  private readonly watches = new Set<OpenWatch>();
  private rv = 1;
  private _fault: Fault = null;
  /** While fault === 'gone': watches from a resourceVersion below this get 410. */
  private goneBelow = 0;
  /** sorted keys per resource, dropped on any change: paging a 150,000-item list must not sort it per page */
  private readonly sortedKeys = new Map<string, string[]>();
  private readonly expand: (obj: any) => any;

  constructor(opts: FakeKubeOptions) {
    this.expand = opts.expand ?? ((o) => o);
    for (const r of RESOURCES) this.store.set(resKey(r), new Map());
    const objs = opts.owned ? (opts.objects ?? []) : (opts.objects ?? []).map((o) => clone(o));
    // The server's resourceVersion starts at the newest one given; objects
    // without one get the next ones.
    for (const o of objs) {
      const n = Number(o?.metadata?.resourceVersion);
      if (Number.isInteger(n) && n > this.rv) this.rv = n;
    }
    for (const o of objs) {
      const res = this.resourceFor(o);
      this.normalise(o, res);
      if (!/^\d+$/.test(String(o.metadata.resourceVersion ?? ''))) o.metadata.resourceVersion = String(++this.rv);
      this.store.get(resKey(res))!.set(this.key(res, o.metadata.namespace, o.metadata.name), o);
    }
  }

  /** Loads dir/kubernetes/*.json: each a List (kind "List" or "<Kind>List") or one object. */
  static fromSnapshotDir(dir: string, opts: Omit<FakeKubeOptions, 'objects'> = {}): FakeKube {
    const kdir = join(dir, 'kubernetes');
    const files = readdirSync(kdir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    if (files.length === 0) throw new Error(`FakeKube: no *.json files in ${kdir}`);
    const objects: any[] = [];
    for (const f of files) {
      const doc = JSON.parse(readFileSync(join(kdir, f), 'utf8'));
      if (Array.isArray(doc?.items)) {
        const itemKind =
          doc.kind && doc.kind !== 'List' && String(doc.kind).endsWith('List')
            ? String(doc.kind).slice(0, -4)
            : undefined;
        for (const it of doc.items)
          objects.push(it?.kind || !itemKind ? it : { kind: itemKind, apiVersion: doc.apiVersion, ...it });
      } else {
        objects.push(doc);
      }
    }
    return new FakeKube({ ...opts, objects, owned: true });
  }

  // ---- fault injection -----------------------------------------------------

  get fault(): Fault {
    return this._fault;
  }
  /**
   * 'down'         → every open connection (watches included) is destroyed at
   *                  once; requests arriving while down get 503 Status JSON.
   * 'unauthorized' → new requests get 401 Status JSON (open watches stay open).
   * 'drop-watches' → open watch streams are ended cleanly (final chunk) at once;
   *                  watches started while it is set get 200 and are ended at once.
   * 'gone'         → the server "compacts" its history: its resourceVersion is
   *                  bumped, open watches get an ERROR event with a 410 Expired
   *                  Status and are ended, and while it is set a watch from a
   *                  resourceVersion older than that point gets the same, and
   *                  so does a list continued with a token issued before.
   * null           → back to normal.
   */
  set fault(f: Fault) {
    this._fault = f;
    if (f === 'down') {
      for (const w of [...this.watches]) this.closeWatch(w, false);
      for (const s of this.sockets) s.destroy();
    } else if (f === 'drop-watches') {
      for (const w of [...this.watches]) this.closeWatch(w);
    } else if (f === 'gone') {
      this.goneBelow = ++this.rv;
      for (const w of [...this.watches]) {
        this.writeLine(w.out, { type: 'ERROR', object: this.expired(0) });
        this.closeWatch(w);
      }
    }
  }

  // ---- lifecycle -------------------------------------------------------------

  async start(): Promise<this> {
    if (this.server) return this;
    const server = createServer((req, res) => this.handle(req, res));
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const w of [...this.watches]) this.closeWatch(w);
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      for (const s of this.sockets) s.destroy();
    });
  }

  kubeconfigYaml(): string {
    if (!this.url) throw new Error('FakeKube: call start() before kubeconfigYaml()');
    return [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: fake',
      '  cluster:',
      `    server: ${this.url}`,
      '    insecure-skip-tls-verify: true',
      'users:',
      '- name: fake',
      '  user:',
      `    token: ${TOKEN}`,
      'contexts:',
      '- name: fake',
      '  context:',
      '    cluster: fake',
      '    user: fake',
      '    namespace: default',
      'current-context: fake',
      'preferences: {}',
      '',
    ].join('\n');
  }

  // ---- mutation ---------------------------------------------------------------

  /** Adds or replaces an object: new resourceVersion, ADDED/MODIFIED to open watches. */
  upsert(obj: any): void {
    const o = clone(obj);
    const res = this.resourceFor(o);
    this.normalise(o, res);
    const m = this.store.get(resKey(res))!;
    const k = this.key(res, o.metadata.namespace, o.metadata.name);
    const old = m.get(k);
    o.metadata.resourceVersion = String(++this.rv);
    o.metadata.uid = o.metadata.uid ?? old?.metadata?.uid ?? randomUUID();
    o.metadata.creationTimestamp =
      o.metadata.creationTimestamp ??
      old?.metadata?.creationTimestamp ??
      new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    m.set(k, o);
    this.emit({
      rv: this.rv,
      type: old ? 'MODIFIED' : 'ADDED',
      res,
      obj: clone(o),
    });
  }

  /** Deletes an object (throws if there is none): DELETED to open watches. */
  remove(kind: string, namespace: string | undefined, name: string): void {
    const res = RESOURCES.find((r) => r.kind === kind);
    if (!res) throw new Error(`FakeKube: unsupported kind ${kind}`);
    const m = this.store.get(resKey(res))!;
    const k = this.key(res, namespace, name);
    const old = m.get(k);
    if (!old) throw new Error(`FakeKube: no ${kind} ${namespace ? `${namespace}/` : ''}${name}`);
    m.delete(k);
    const o = clone(old);
    o.metadata.resourceVersion = String(++this.rv);
    this.emit({ rv: this.rv, type: 'DELETED', res, obj: o });
  }

  // ---- internals: objects ----------------------------------------------------------

  private resourceFor(o: any): ResourceDef {
    const res = RESOURCES.find((r) => r.kind === o?.kind);
    if (!res)
      throw new Error(
        `FakeKube: unsupported kind ${JSON.stringify(o?.kind)} (serves ${RESOURCES.map((r) => r.kind).join(', ')})`,
      );
    if (!o.metadata?.name) throw new Error(`FakeKube: ${o.kind} without metadata.name`);
    return res;
  }

  private normalise(o: any, res: ResourceDef): void {
    o.apiVersion = o.apiVersion ?? groupVersion(res);
    if (res.namespaced) o.metadata.namespace = o.metadata.namespace || 'default';
    else delete o.metadata.namespace;
  }

  private key(res: ResourceDef, ns: string | undefined, name: string): string {
    return res.namespaced ? `${ns ?? ''}/${name}` : name;
  }

  private servedGroups(): Set<string> {
    const groups = new Set<string>();
    for (const r of RESOURCES) {
      if (!r.group) continue;
      if (
        !OPTIONAL_GROUPS.has(r.group) ||
        this.store.get(resKey(r))!.size > 0 ||
        this.history.some((h) => h.res.group === r.group)
      )
        groups.add(r.group);
    }
    return groups;
  }

  private emit(e: HistoryEntry): void {
    this.sortedKeys.delete(resKey(e.res));
    this.history.push(e);
    for (const w of [...this.watches])
      if (w.res === e.res && matches(w.filter, e.obj)) this.sendEvent(w, e.type, e.obj);
  }

  private expired(requested: number): any {
    return status(410, 'Expired', `too old resource version: ${requested} (${this.goneBelow})`);
  }

  // ---- internals: HTTP -------------------------------------------------------------

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const u = new URL(req.url ?? '/', 'http://fake');
    const q = u.searchParams;
    const path = u.pathname;
    const segs = path.split('/').filter(Boolean);
    const legacyWatch = isLegacyWatchPath(segs);
    const watch = legacyWatch || q.get('watch') === 'true' || q.get('watch') === '1';
    this.requests.push({
      method: req.method ?? 'GET',
      path,
      query: u.search.replace(/^\?/, ''),
      watch,
    });
    try {
      if (this._fault === 'down')
        throw new HttpError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
      if (this._fault === 'unauthorized') throw new HttpError(401, 'Unauthorized', 'Unauthorized');
      // kubectl (client-go) withholds bearer tokens from plain-http servers, so
      // no Authorization header is accepted; a wrong one is not.
      const auth = req.headers.authorization;
      if (auth !== undefined && auth !== `Bearer ${TOKEN}`) throw new HttpError(401, 'Unauthorized', 'Unauthorized');
      if (req.method !== 'GET')
        throw new HttpError(
          405,
          'MethodNotAllowed',
          `the server does not allow this method on the requested resource (FakeKube is read-only: ${req.method})`,
        );
      if (legacyWatch) segs.splice(segs[0] === 'api' ? 2 : 3, 1);
      this.route(req, res, segs, q, watch);
    } catch (err) {
      const e =
        err instanceof HttpError ? err : new HttpError(500, 'InternalError', String((err as Error)?.stack ?? err));
      this.sendJson(res, e.code, {
        ...status(e.code, e.reason, e.message),
        ...(e.details ? { details: e.details } : {}),
      });
    }
  }

  private route(req: IncomingMessage, res: ServerResponse, segs: string[], q: URLSearchParams, watch: boolean): void {
    const notFound = (): never => {
      throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');
    };
    const [a, b, c] = segs;
    if (segs.length === 1 && a === 'version') return this.sendJson(res, 200, VERSION);
    if (segs.length === 1 && (a === 'healthz' || a === 'readyz' || a === 'livez')) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('ok');
      return;
    }
    if (a === 'api') {
      if (segs.length === 1) {
        return this.sendJson(res, 200, {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [
            {
              clientCIDR: '0.0.0.0/0',
              serverAddress: this.url.replace(/^http:\/\//, ''),
            },
          ],
        });
      }
      if (b !== 'v1') return notFound();
      if (segs.length === 2) return this.sendJson(res, 200, this.resourceList('', 'v1'));
      return this.serveResource(req, res, '', 'v1', segs.slice(2), q, watch);
    }
    if (a === 'apis') {
      const groups = this.servedGroups();
      if (segs.length === 1)
        return this.sendJson(res, 200, {
          kind: 'APIGroupList',
          apiVersion: 'v1',
          groups: [...groups].map((g) => this.apiGroup(g)),
        });
      if (!b || !groups.has(b)) return notFound();
      if (segs.length === 2)
        return this.sendJson(res, 200, {
          kind: 'APIGroup',
          apiVersion: 'v1',
          ...this.apiGroup(b),
        });
      if (!RESOURCES.some((r) => r.group === b && r.version === c)) return notFound();
      if (segs.length === 3) return this.sendJson(res, 200, this.resourceList(b, c!));
      return this.serveResource(req, res, b, c!, segs.slice(3), q, watch);
    }
    return notFound();
  }

  private apiGroup(g: string): any {
    const versions = [...new Set(RESOURCES.filter((r) => r.group === g).map((r) => r.version))].map((v) => ({
      groupVersion: `${g}/${v}`,
      version: v,
    }));
    return { name: g, versions, preferredVersion: versions[0] };
  }

  private resourceList(group: string, version: string): any {
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: group ? `${group}/${version}` : version,
      resources: RESOURCES.filter((r) => r.group === group && r.version === version).map((r) => ({
        name: r.plural,
        singularName: r.singular,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: ['get', 'list', 'watch'],
        ...(r.shortNames ? { shortNames: r.shortNames } : {}),
        ...(r.categories ? { categories: r.categories } : {}),
      })),
    };
  }

  /** rest: what follows /api/v1 or /apis/g/v. */
  private serveResource(
    req: IncomingMessage,
    res: ServerResponse,
    group: string,
    version: string,
    rest: string[],
    q: URLSearchParams,
    watch: boolean,
  ): void {
    const defs = RESOURCES.filter((r) => r.group === group && r.version === version);
    const find = (plural: string | undefined) => defs.find((r) => r.plural === plural);
    let def: ResourceDef | undefined;
    let ns: string | undefined;
    let name: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      // /namespaces/<ns>/<plural>[/<name>]
      [, ns, , name] = rest;
      def = find(rest[2]);
      if (!def?.namespaced || rest.length > 4) def = undefined;
    } else if (rest.length <= 2) {
      // /<plural>[/<name>]: all namespaces, or a cluster-scoped object
      def = find(rest[0]);
      name = rest[1];
      if (def && def.namespaced && name !== undefined) def = undefined;
    }
    if (!def) throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');

    const wantTable = acceptsTable(req.headers.accept);
    const includeObject = q.get('includeObject') || 'Metadata';
    const filter: Filter = {
      namespace: ns,
      name,
      label: parseLabelSelector(q.get('labelSelector') ?? ''),
      field: parseFieldSelector(q.get('fieldSelector') ?? ''),
    };
    if (watch) return this.startWatch(req, res, def, filter, q, wantTable, includeObject);

    const m = this.store.get(resKey(def))!;
    if (name !== undefined) {
      const o = m.get(this.key(def, ns, name));
      if (!o)
        throw new HttpError(404, 'NotFound', `${def.plural}${def.group ? '.' + def.group : ''} "${name}" not found`, {
          name,
          group: def.group || undefined,
          kind: def.plural,
        });
      const out = this.expand(o);
      if (wantTable) return this.sendJson(res, 200, this.table(def, [out], includeObject, true, {}));
      return this.sendJson(res, 200, out);
    }
    this.onList?.(new URL(req.url ?? '/', 'http://fake').pathname, q);
    const { objs, meta } = this.page(def, filter, q);
    if (wantTable) return this.sendJson(res, 200, this.table(def, objs.map(this.expand), includeObject, true, meta));
    this.sendJson(res, 200, {
      kind: `${def.kind}List`,
      apiVersion: groupVersion(def),
      metadata: meta,
      items: objs.map((o) => {
        const out = this.expand(o);
        if (def!.crd) return out;
        const { kind: _k, apiVersion: _a, ...rest } = out;
        return rest;
      }),
    });
  }

  /** One page of a list: keys in order, after the continue token's key, at most `limit` matching objects. */
  private page(def: ResourceDef, filter: Filter, q: URLSearchParams): { objs: any[]; meta: any } {
    const m = this.store.get(resKey(def))!;
    let keys = this.sortedKeys.get(resKey(def));
    if (!keys) this.sortedKeys.set(resKey(def), (keys = [...m.keys()].sort()));
    let start = 0;
    const cont = q.get('continue');
    if (cont) {
      let token: { after: string; rv: number };
      try {
        token = JSON.parse(Buffer.from(cont, 'base64url').toString('utf8'));
      } catch {
        throw new HttpError(400, 'BadRequest', 'continue key is not valid');
      }
      if (this._fault === 'gone' && token.rv < this.goneBelow)
        throw new HttpError(
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result. ' +
            'You can start a new list without the continue parameter.',
        );
      // first key after the token's (binary search)
      let hi = keys.length;
      while (start < hi) {
        const mid = (start + hi) >> 1;
        if (keys[mid]! <= token.after) start = mid + 1;
        else hi = mid;
      }
    }
    const meta: any = { resourceVersion: String(this.rv) };
    const limit = Number(q.get('limit') ?? 0);
    const max = Number.isInteger(limit) && limit > 0 ? limit : Infinity;
    const objs: any[] = [];
    let i = start;
    for (; i < keys.length && objs.length < max; i++) {
      const o = m.get(keys[i]!);
      if (matches(filter, o)) objs.push(o);
    }
    const everything = filter.namespace === undefined && !q.get('labelSelector') && !q.get('fieldSelector');
    const remaining = everything ? keys.length - i : keys.slice(i).filter((k) => matches(filter, m.get(k))).length;
    if (remaining > 0) {
      meta.continue = Buffer.from(JSON.stringify({ after: keys[i - 1], rv: this.rv })).toString('base64url');
      meta.remainingItemCount = remaining;
    }
    return { objs, meta };
  }

  private startWatch(
    req: IncomingMessage,
    res: ServerResponse,
    def: ResourceDef,
    filter: Filter,
    q: URLSearchParams,
    table: boolean,
    includeObject: string,
  ): void {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    res.flushHeaders();
    const w: OpenWatch = {
      res: def,
      filter,
      out: res,
      table,
      includeObject,
      sentColumns: false,
    };
    if (this._fault === 'drop-watches') {
      res.end();
      return;
    }
    const rvParam = q.get('resourceVersion') ?? '';
    const from = Number(rvParam);
    if (this._fault === 'gone' && rvParam !== '' && rvParam !== '0' && Number.isFinite(from) && from < this.goneBelow) {
      this.writeLine(res, { type: 'ERROR', object: this.expired(from) });
      res.end();
      return;
    }
    this.watches.add(w);
    const forget = () => this.closeWatch(w, false);
    req.on('close', forget);
    res.on('close', forget);
    const timeout = Number(q.get('timeoutSeconds') ?? 0);
    if (timeout > 0) w.timer = setTimeout(() => this.closeWatch(w), timeout * 1000);
    if (rvParam === '' || rvParam === '0' || !Number.isFinite(from)) {
      const m = this.store.get(resKey(def))!;
      for (const [, o] of [...m.entries()].sort(([x], [y]) => (x < y ? -1 : 1)))
        if (matches(filter, o)) this.sendEvent(w, 'ADDED', o);
    } else {
      for (const h of this.history)
        if (h.rv > from && h.res === def && matches(filter, h.obj)) this.sendEvent(w, h.type, h.obj);
    }
  }

  private sendEvent(w: OpenWatch, type: string, obj: any): void {
    let object = this.expand(obj);
    if (w.table) {
      object = this.table(w.res, [object], w.includeObject, !w.sentColumns, {
        resourceVersion: obj.metadata.resourceVersion,
      });
      w.sentColumns = true;
    }
    this.writeLine(w.out, { type, object });
  }

  private writeLine(out: ServerResponse, ev: unknown): void {
    if (!out.writableEnded && !out.destroyed) out.write(JSON.stringify(ev) + '\n');
  }

  private closeWatch(w: OpenWatch, end = true): void {
    if (!this.watches.delete(w)) return;
    if (w.timer) clearTimeout(w.timer);
    if (end && !w.out.writableEnded) w.out.end();
  }

  private sendJson(res: ServerResponse, code: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(code, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  // ---- Table (server-side printing) -------------------------------------------------

  private table(def: ResourceDef, objs: any[], includeObject: string, withColumns: boolean, meta: object): any {
    const printer = PRINTERS[def.kind] ?? GENERIC;
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: meta,
      ...(withColumns
        ? {
            columnDefinitions: printer.columns.map((c) => ({
              format: '',
              priority: 0,
              ...c,
            })),
          }
        : {}),
      rows: objs.map((o) => {
        const row: any = { cells: printer.cells(o, Date.now()) };
        if (includeObject === 'Object')
          row.object = {
            kind: o.kind,
            apiVersion: o.apiVersion ?? groupVersion(def),
            ...o,
          };
        else if (includeObject !== 'None')
          row.object = {
            kind: 'PartialObjectMetadata',
            apiVersion: 'meta.k8s.io/v1',
            metadata: o.metadata,
          };
        return row;
      }),
    };
  }
}

// ---- protocol helpers ----------------------------------------------------------------

const VERSION = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.0-fake',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2024-08-13T00:00:00Z',
  goVersion: 'go1.22.5',
  compiler: 'gc',
  platform: 'linux/amd64',
};

function status(code: number, reason: string, message: string): any {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
}

/** /api/v1/watch/... or /apis/g/v/watch/... (deprecated, still served by real servers). */
function isLegacyWatchPath(segs: string[]): boolean {
  return (segs[0] === 'api' && segs[2] === 'watch') || (segs[0] === 'apis' && segs[3] === 'watch');
}

/** True when the Accept header lists application/json;as=Table;g=meta.k8s.io;v=v1. */
function acceptsTable(accept: string | undefined): boolean {
  for (const part of (accept ?? '').split(',')) {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    const p = Object.fromEntries(params.map((kv) => kv.split('=').map((s) => s.trim())));
    if ((type === 'application/json' || type === '*/*') && p.as === 'Table' && p.g === 'meta.k8s.io' && p.v === 'v1')
      return true;
  }
  return false;
}

function matches(f: Filter, o: any): boolean {
  if (f.namespace !== undefined && o.metadata?.namespace !== f.namespace) return false;
  if (f.name !== undefined && o.metadata?.name !== f.name) return false;
  return f.label(o.metadata?.labels ?? {}) && f.field(o);
}

/** Label selectors: k=v, k==v, k!=v, k, !k, k in (a,b), k notin (a,b); comma = AND. */
function parseLabelSelector(sel: string): (labels: Record<string, string>) => boolean {
  const reqs: ((l: Record<string, string>) => boolean)[] = [];
  for (const raw of sel
    .split(/,(?![^(]*\))/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    let m: RegExpMatchArray | null;
    if ((m = raw.match(/^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      const [, k, op, vs] = m;
      const set = new Set(vs!.split(',').map((s) => s.trim()));
      reqs.push(
        op === 'in' ? (l) => l[k!] !== undefined && set.has(l[k!]!) : (l) => l[k!] === undefined || !set.has(l[k!]!),
      );
    } else if ((m = raw.match(/^([^=!]+?)\s*(==|=|!=)\s*(.*)$/))) {
      const [, k, op, v] = m;
      reqs.push(op === '!=' ? (l) => l[k!] !== v : (l) => l[k!] === v);
    } else if (raw.startsWith('!')) {
      const k = raw.slice(1).trim();
      reqs.push((l) => l[k] === undefined);
    } else {
      reqs.push((l) => l[raw] !== undefined);
    }
  }
  return (l) => reqs.every((r) => r(l));
}

/** Field selectors on any dotted path (metadata.name=x, spec.nodeName=n, status.phase!=Running). */
function parseFieldSelector(sel: string): (obj: any) => boolean {
  const reqs = sel
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((raw) => {
      const m = raw.match(/^([^=!]+?)\s*(==|=|!=)\s*(.*)$/);
      if (!m) throw new HttpError(400, 'BadRequest', `invalid field selector: ${raw}`);
      const [, path, op, v] = m;
      const get = (o: any) => String(path!.split('.').reduce((x, k) => (x == null ? undefined : x[k]), o) ?? '');
      return op === '!=' ? (o: any) => get(o) !== v : (o: any) => get(o) === v;
    });
  return (o) => reqs.every((r) => r(o));
}

// ---- printers (after kubernetes/pkg/printers/internalversion/printers.go) ---------------

interface Printer {
  columns: {
    name: string;
    type: string;
    format?: string;
    priority?: number;
    description: string;
  }[];
  cells: (o: any, now: number) => unknown[];
}

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration */
function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8)
    return hours % 24 === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

function age(ts: string | undefined, now: number): string {
  const t = ts ? Date.parse(ts) : NaN;
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
}

const NAME_COL = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
};
const AGE_COL = {
  name: 'Age',
  type: 'string',
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
};

const GENERIC: Printer = {
  columns: [NAME_COL, AGE_COL],
  cells: (o, now) => [o.metadata.name, age(o.metadata.creationTimestamp, now)],
};

function podStatus(pod: any): string {
  const st = pod.status ?? {};
  let reason: string = st.reason || st.phase || '';
  const initStatuses: any[] = st.initContainerStatuses ?? [];
  const nInit = (pod.spec?.initContainers ?? []).length;
  let initializing = false;
  initStatuses.forEach((c, i) => {
    if (initializing) return;
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && term.exitCode === 0) return;
    initializing = true;
    if (term) reason = 'Init:' + (term.reason || (term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`));
    else if (wait?.reason && wait.reason !== 'PodInitializing') reason = 'Init:' + wait.reason;
    else reason = `Init:${i}/${nInit}`;
  });
  if (!initializing) {
    let hasRunning = false;
    for (const c of [...(st.containerStatuses ?? [])].reverse()) {
      const wait = c.state?.waiting;
      const term = c.state?.terminated;
      if (wait?.reason) reason = wait.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = (st.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp) reason = st.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

const POD: Printer = {
  columns: [
    NAME_COL,
    {
      name: 'Ready',
      type: 'string',
      description: 'The aggregate readiness state of this pod for accepting traffic.',
    },
    {
      name: 'Status',
      type: 'string',
      description: 'The aggregate status of the containers in this pod.',
    },
    {
      name: 'Restarts',
      type: 'string',
      description:
        'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    },
    AGE_COL,
    {
      name: 'IP',
      type: 'string',
      priority: 1,
      description: 'podIP address allocated to the pod.',
    },
    {
      name: 'Node',
      type: 'string',
      priority: 1,
      description: 'NodeName indicates in which node this pod is scheduled.',
    },
    {
      name: 'Nominated Node',
      type: 'string',
      priority: 1,
      description: 'nominatedNodeName is set only when this pod preempts other pods on the node.',
    },
    {
      name: 'Readiness Gates',
      type: 'string',
      priority: 1,
      description: 'If specified, all readiness gates will be evaluated for pod readiness.',
    },
  ],
  cells: (pod, now) => {
    const statuses: any[] = pod.status?.containerStatuses ?? [];
    const total = (pod.spec?.containers ?? []).length;
    const ready = statuses.filter((c) => c.ready && c.state?.running).length;
    const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0);
    const lastFinish = Math.max(
      ...statuses.map((c) => Date.parse(c.lastState?.terminated?.finishedAt ?? '')).filter((t) => !Number.isNaN(t)),
      -Infinity,
    );
    const restartStr =
      restarts > 0 && Number.isFinite(lastFinish)
        ? `${restarts} (${humanDuration(now - lastFinish)} ago)`
        : String(restarts);
    const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
    const gates: any[] = pod.spec?.readinessGates ?? [];
    const gatesStr =
      gates.length === 0
        ? '<none>'
        : `${gates.filter((g) => (pod.status?.conditions ?? []).some((c: any) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`;
    return [
      pod.metadata.name,
      `${ready}/${total}`,
      podStatus(pod),
      restartStr,
      age(pod.metadata.creationTimestamp, now),
      ip,
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      gatesStr,
    ];
  },
};

const SERVICE: Printer = {
  columns: [
    NAME_COL,
    {
      name: 'Type',
      type: 'string',
      description: 'type determines how the Service is exposed.',
    },
    {
      name: 'Cluster-IP',
      type: 'string',
      description: 'clusterIP is the IP address of the service.',
    },
    {
      name: 'External-IP',
      type: 'string',
      description:
        'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.',
    },
    {
      name: 'Port(s)',
      type: 'string',
      description: 'The list of ports that are exposed by this service.',
    },
    AGE_COL,
    {
      name: 'Selector',
      type: 'string',
      priority: 1,
      description: 'Route service traffic to pods with label keys and values matching this selector.',
    },
  ],
  cells: (svc, now) => {
    const spec = svc.spec ?? {};
    const type = spec.type || 'ClusterIP';
    const externalIPs: string[] = spec.externalIPs ?? [];
    let external: string;
    if (type === 'ExternalName') external = spec.externalName ?? '<none>';
    else if (type === 'LoadBalancer') {
      const lb = (svc.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip || i.hostname).filter(Boolean);
      const all = [...lb, ...externalIPs];
      external = all.length ? all.join(',') : '<pending>';
    } else external = externalIPs.length ? externalIPs.join(',') : '<none>';
    const ports =
      (spec.ports ?? [])
        .map((p: any) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
        .join(',') || '<none>';
    const sel = spec.selector
      ? Object.keys(spec.selector)
          .sort()
          .map((k) => `${k}=${spec.selector[k]}`)
          .join(',')
      : '';
    return [
      svc.metadata.name,
      type,
      spec.clusterIP || '<none>',
      external,
      ports,
      age(svc.metadata.creationTimestamp, now),
      sel || '<none>',
    ];
  },
};

const PRINTERS: Record<string, Printer> = { Pod: POD, Service: SERVICE };
