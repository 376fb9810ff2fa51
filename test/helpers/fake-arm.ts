// A local fake of Azure Resource Manager for tests: HTTPS on 127.0.0.1 with a
// self-signed certificate made at start (openssl), GET only, the real ARM REST
// wire format (resources in REST shape, `{"value": [...], "nextLink"}` pages,
// ARM error bodies), and injectable faults, latency and request log.
//
//   const fake = await FakeArm.fromSnapshotDir(DEMO).start();
//   const client = new NetworkManagementClient(testCredential(), SUB, {
//     endpoint: fake.url, tlsOptions: { ca: fake.ca },
//   });
//   ...
//   await fake.stop();
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/core-auth';
import { loadRestResources } from './rest-shape';

export interface ArmFault {
  status: 403 | 404 | 429 | 500 | 503 | 'hang';
  /** Tested against the request path (no query), case-insensitive. */
  match: RegExp;
  /** How many matching requests get the fault; default: all of them. */
  times?: number;
  /** Retry-After header, seconds: 429 (default 1; a negative value sends no
   *  header) and 503 (no header unless set). */
  retryAfterSeconds?: number;
}

export interface ArmRequest {
  method: string;
  /** Path as received (percent-encoded, original case). */
  path: string;
  /** Query string without the '?'. */
  query: string;
  /** Status sent; 0 while unanswered (a 'hang' fault). */
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
  /** Date.now() when its answer was sent; unset while unanswered. */
  answeredAt?: number;
}

export interface FakeArmOptions {
  /** Delay before every answer, ms (default 0). */
  latencyMs?: number;
  /** Items per list page (default 50). */
  pageSize?: number;
  /** Effective routes by NIC or VM name (lower case): the `{ value: [...] }` answered to the POST. */
  effectiveRoutes?: Map<string, unknown>;
  /** The Service Tags discovery API's answer (`az network list-service-tags` output); absent: 404. */
  serviceTags?: unknown;
}

/** The identity named in 403 messages. */
export const FAKE_CLIENT_ID = '0f0e0d0c-0000-4000-8000-00000000fa4e';
const FAKE_TOKEN = 'fake-arm-token';

/** A TokenCredential that always returns the same fake token, valid for a day. */
export function testCredential(): TokenCredential {
  return {
    getToken: async () => ({
      token: FAKE_TOKEN,
      expiresOnTimestamp: Date.now() + 24 * 3600 * 1000,
      tokenType: 'Bearer' as const,
    }),
  };
}

let certCache: { key: string; cert: string } | undefined;
/** A self-signed certificate for 127.0.0.1 (made once per process). */
function selfSignedCert(): { key: string; cert: string } {
  if (certCache) return certCache;
  const dir = mkdtempSync(join(tmpdir(), 'fake-arm-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
    certCache = {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
    return certCache;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Entry {
  id: string;
  lower: string;
  resource: any;
}
interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const armError = (code: string, message: string) => ({
  error: { code, message },
});
const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Parts of an ARM path: `/subscriptions/s[/resourceGroups/rg][/providers/ns/type/name/child/name...]`. */
interface ArmPath {
  sub: string;
  rg?: string;
  ns?: string;
  /** Segments after the namespace: type, name, childType, childName, ... */
  rest: string[];
}
function parseArmPath(path: string): ArmPath | undefined {
  const seg = path.split('/').filter(Boolean);
  if (seg[0]?.toLowerCase() !== 'subscriptions' || !seg[1]) return undefined;
  const out: ArmPath = { sub: seg[1], rest: [] };
  let i = 2;
  if (seg[i]?.toLowerCase() === 'resourcegroups') {
    if (!seg[i + 1]) return undefined;
    out.rg = seg[i + 1];
    i += 2;
  }
  if (i === seg.length) return out;
  if (seg[i]?.toLowerCase() !== 'providers' || !seg[i + 1]) return undefined;
  out.ns = seg[i + 1];
  out.rest = seg.slice(i + 2);
  return out;
}

export class FakeArm {
  url = '';
  ca = '';
  requests: ArmRequest[] = [];
  faults: ArmFault[] = [];
  latencyMs: number;
  pageSize: number;
  inFlightMax = 0;
  /** Answer effectiveRouteTable with 202 and a Location to poll (as Azure usually does) instead of 200. */
  effectiveRoutesAsync = false;
  /** Sent as `x-ms-ratelimit-remaining-subscription-reads` on every answer when set (ARM's read budget left). */
  remainingReads?: number;
  readonly effectiveRoutes: Map<string, unknown>;
  serviceTags?: unknown;
  private readonly operations = new Map<string, unknown>();

  private inFlight = 0;
  private server?: https.Server;
  private readonly byId = new Map<string, Entry>();
  private readonly entries: Entry[] = [];
  private readonly subs = new Set<string>();
  private readonly rgs = new Set<string>();
  private readonly faultHits = new WeakMap<ArmFault, number>();
  private readonly hanging = new Set<ServerResponse>();

  constructor(resources: any[], opts: FakeArmOptions = {}) {
    this.latencyMs = opts.latencyMs ?? 0;
    this.pageSize = opts.pageSize ?? 50;
    this.effectiveRoutes = opts.effectiveRoutes ?? new Map();
    this.serviceTags = opts.serviceTags;
    for (const r of resources) this.add(r, true);
    // Child resources embedded in their parent (frontendIPConfigurations,
    // NIC ipConfigurations, ...) are served by ID too; given ones win.
    for (const e of [...this.entries]) this.addChildren(e.resource, e.lower);
  }

  static fromSnapshotDir(dir: string, opts?: FakeArmOptions): FakeArm {
    // effective-routes/<node|vm|nic>.json: the output of `az network nic show-effective-route-table`
    const routesDir = join(dir, 'effective-routes');
    const effectiveRoutes = new Map<string, unknown>();
    if (existsSync(routesDir))
      for (const f of readdirSync(routesDir).filter((x) => x.toLowerCase().endsWith('.json')))
        effectiveRoutes.set(
          f.replace(/\.json$/i, '').toLowerCase(),
          JSON.parse(readFileSync(join(routesDir, f), 'utf8')),
        );
    const tagsFile = join(dir, 'azure', 'service-tags.json');
    const serviceTags = existsSync(tagsFile) ? JSON.parse(readFileSync(tagsFile, 'utf8')) : undefined;
    return new FakeArm(loadRestResources(dir), { effectiveRoutes, serviceTags, ...opts });
  }

  private add(resource: any, given: boolean): void {
    if (!isObject(resource) || typeof resource.id !== 'string') return;
    const id = resource.id.replace(/\/+$/, '');
    const lower = id.toLowerCase();
    if (this.byId.has(lower)) {
      if (given) this.byId.get(lower)!.resource = resource; // later snapshot file wins
      return;
    }
    const entry = { id, lower, resource };
    this.byId.set(lower, entry);
    this.entries.push(entry);
    const p = parseArmPath(id);
    if (p) {
      this.subs.add(p.sub.toLowerCase());
      if (p.rg) this.rgs.add(`${p.sub}/${p.rg}`.toLowerCase());
    }
  }

  private addChildren(node: any, rootLower: string): void {
    if (Array.isArray(node)) {
      for (const v of node) this.addChildren(v, rootLower);
      return;
    }
    if (!isObject(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'tags') continue;
      for (const item of Array.isArray(v) ? v : [v]) {
        if (
          isObject(item) &&
          typeof item.id === 'string' &&
          isObject(item.properties) &&
          item.id.toLowerCase().startsWith(`${rootLower}/`)
        ) {
          this.add(item, false);
        }
      }
      this.addChildren(v, rootLower);
    }
  }

  async start(): Promise<this> {
    const { key, cert } = selfSignedCert();
    this.ca = cert;
    const server = https.createServer({ key, cert }, (req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** Requests whose path matches (case-insensitive). */
  requestsTo(match: RegExp): ArmRequest[] {
    const re = new RegExp(match.source, match.flags.replace(/[gy]/g, '').replace('i', '') + 'i');
    return this.requests.filter((r) => re.test(r.path));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const record: ArmRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      status: 0,
      at: Date.now(),
    };
    this.requests.push(record);
    this.inFlight += 1;
    this.inFlightMax = Math.max(this.inFlightMax, this.inFlight);
    res.on('close', () => {
      this.inFlight -= 1;
    });
    req.resume();

    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    path = path.replace(/\/+$/, '') || '/';

    const reply = this.authorize(req) ?? this.fault(path, record.method);
    if (reply === 'hang') {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    const answer = reply ?? this.route(record.method, path, url);
    if (res.destroyed) return;
    record.status = answer.status;
    const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
    const requestId = randomUUID();
    res.writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-cache',
      'x-ms-request-id': requestId,
      'x-ms-correlation-request-id': requestId,
      ...(this.remainingReads !== undefined
        ? { 'x-ms-ratelimit-remaining-subscription-reads': String(this.remainingReads) }
        : {}),
      ...answer.headers,
    });
    record.answeredAt = Date.now();
    res.end(body);
  }

  private authorize(req: IncomingMessage): Reply | undefined {
    const auth = req.headers.authorization;
    if (!auth) {
      return {
        status: 401,
        headers: {
          'www-authenticate':
            'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."',
        },
        body: armError('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing."),
      };
    }
    if (!/^Bearer\s+\S+/i.test(auth)) {
      return {
        status: 401,
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
        body: armError(
          'AuthenticationFailedInvalidHeader',
          "Authentication failed. The 'Authorization' header is provided in an invalid format.",
        ),
      };
    }
    return undefined;
  }

  private fault(path: string, method = 'GET'): Reply | 'hang' | undefined {
    for (const f of this.faults) {
      const re = new RegExp(f.match.source, f.match.flags.replace(/[gy]/g, '').replace('i', '') + 'i');
      if (!re.test(path)) continue;
      const hits = this.faultHits.get(f) ?? 0;
      if (f.times !== undefined && hits >= f.times) continue;
      this.faultHits.set(f, hits + 1);
      switch (f.status) {
        case 'hang':
          return 'hang';
        case 403:
          return this.forbidden(path, method);
        case 404:
          return this.notFound(path, true);
        case 429: {
          const secs = f.retryAfterSeconds ?? 1;
          const p = parseArmPath(path);
          return {
            status: 429,
            headers: secs >= 0 ? { 'retry-after': String(secs) } : {},
            body: armError(
              'TooManyRequests',
              `Number of 'read' requests for subscription '${p?.sub ?? ''}' actor '${FAKE_CLIENT_ID}' exceeded. Please try again after '${Math.max(secs, 0)}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`,
            ),
          };
        }
        case 500:
          return {
            status: 500,
            body: armError('InternalServerError', 'An error occurred.'),
          };
        case 503:
          return {
            status: 503,
            headers:
              f.retryAfterSeconds !== undefined && f.retryAfterSeconds >= 0
                ? { 'retry-after': String(f.retryAfterSeconds) }
                : {},
            body: armError(
              'ServiceUnavailable',
              'The service is temporarily unavailable. Please retry the request later.',
            ),
          };
      }
    }
    return undefined;
  }

  /** 403 AuthorizationFailed as ARM words it: the action and the scope. */
  private forbidden(path: string, method = 'GET'): Reply {
    const p = parseArmPath(path);
    let action = 'Microsoft.Resources/subscriptions/resourceGroups/read';
    let scope = path;
    if (p?.ns && p.rest.length > 0) {
      const types = p.rest.filter((_, i) => i % 2 === 0);
      // a POST is an action: .../networkInterfaces/effectiveRouteTable/action
      action = `${p.ns}/${types.join('/')}/${method === 'POST' ? 'action' : 'read'}`;
      // A list is authorized on the provider scope, a GET on the resource.
      if (p.rest.length === 1) scope = path.slice(0, path.length - p.rest[0]!.length - 1);
    }
    return {
      status: 403,
      headers: { 'x-ms-failure-cause': 'gateway' },
      body: armError(
        'AuthorizationFailed',
        `The client '${FAKE_CLIENT_ID}' with object id '${FAKE_CLIENT_ID}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      ),
    };
  }

  /** The 404 ARM sends for a path. `injected`: for a fault, whatever is served. */
  private notFound(path: string, injected = false): Reply {
    const p = parseArmPath(path);
    const nf = (code: string, message: string): Reply => ({
      status: 404,
      headers: code === 'NotFound' ? {} : { 'x-ms-failure-cause': 'gateway' },
      body: armError(code, message),
    });
    if (!p) return nf('NotFound', `The fake ARM does not serve '${path}'.`);
    if (!injected && !this.subs.has(p.sub.toLowerCase()))
      return nf('SubscriptionNotFound', `The subscription '${p.sub}' could not be found.`);
    if (!injected && p.rg && !this.rgs.has(`${p.sub}/${p.rg}`.toLowerCase())) {
      return nf('ResourceGroupNotFound', `Resource group '${p.rg}' could not be found.`);
    }
    if (p.ns && p.rest.length >= 2) {
      const top = `${p.ns}/${p.rest[0]}/${p.rest[1]}`;
      const topPath = path.slice(
        0,
        path.toLowerCase().indexOf(`/providers/${top.toLowerCase()}`) + `/providers/${top}`.length,
      );
      if (injected ? p.rest.length === 2 : !this.exists(topPath)) {
        return nf(
          'ResourceNotFound',
          `The Resource '${top}' under resource group '${p.rg ?? ''}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
        );
      }
      return nf('NotFound', `Resource ${path} not found.`);
    }
    return nf('NotFound', `Resource ${path} not found.`);
  }

  /** A resource is there if it is served or something under it is. */
  private exists(path: string): boolean {
    const lower = path.toLowerCase();
    if (this.byId.has(lower)) return true;
    return this.entries.some((e) => e.lower.startsWith(`${lower}/`));
  }

  private route(method: string, path: string, url: URL): Reply {
    const op = this.operations.get(path.toLowerCase());
    if (method === 'GET' && op !== undefined) return { status: 200, body: op };
    if (method === 'POST' && /\/networkinterfaces\/[^/]+\/effectiveroutetable$/i.test(path))
      return this.effectiveRouteTable(path, url);
    if (method !== 'GET') {
      return {
        status: 405,
        body: armError('MethodNotAllowed', `The fake ARM serves GET only, not ${method}.`),
      };
    }
    if (!url.searchParams.get('api-version')) {
      return {
        status: 400,
        body: armError(
          'MissingApiVersionParameter',
          'The api-version query parameter (?api-version=) is required for all requests.',
        ),
      };
    }
    const lower = path.toLowerCase();
    const hit = this.byId.get(lower);
    if (hit) return { status: 200, body: hit.resource };
    // GET /subscriptions/s/providers/Microsoft.Network/locations/{region}/serviceTags: the discovery API
    if (/^\/subscriptions\/[^/]+\/providers\/microsoft\.network\/locations\/[^/]+\/servicetags$/.test(lower))
      return this.serviceTags ? { status: 200, body: this.serviceTags } : this.notFound(path);

    const p = parseArmPath(path);
    if (!p) return this.notFound(path);
    if (!this.subs.has(p.sub.toLowerCase())) return this.notFound(path);
    if (p.rg && !this.rgs.has(`${p.sub}/${p.rg}`.toLowerCase())) return this.notFound(path);

    // GET /subscriptions/s/resourceGroups/rg: the group itself.
    if (p.rg && !p.ns && lower.endsWith(`/resourcegroups/${p.rg.toLowerCase()}`)) {
      const id = `/subscriptions/${p.sub}/resourceGroups/${p.rg}`;
      const location = this.entries.find((e) => e.lower.startsWith(`${id.toLowerCase()}/`) && e.resource.location)
        ?.resource.location;
      return {
        status: 200,
        body: {
          id,
          name: p.rg,
          type: 'Microsoft.Resources/resourceGroups',
          location,
          properties: { provisioningState: 'Succeeded' },
        },
      };
    }
    if (!p.ns || p.rest.length % 2 === 0) return this.notFound(path);

    // A collection: .../providers/ns/type, or .../type/name/childType.
    let items: Entry[];
    const vmss = /\/providers\/microsoft\.compute\/virtualmachinescalesets\/[^/]+\/networkinterfaces$/.test(lower);
    if (vmss) {
      // VMSS NICs of every instance: .../virtualMachineScaleSets/x/virtualMachines/i/networkInterfaces/n
      const base = lower.slice(0, -'/networkinterfaces'.length);
      items = this.entries.filter(
        (e) =>
          e.lower.startsWith(`${base}/virtualmachines/`) &&
          /^\/virtualmachines\/[^/]+\/networkinterfaces\/[^/]+$/.test(e.lower.slice(base.length)),
      );
      if (items.length === 0 && !this.exists(path.slice(0, base.length))) return this.notFound(path);
    } else if (p.rest.length === 1 && !p.rg) {
      // Subscription-wide list of a top-level type, in every resource group.
      const re = new RegExp(
        `^/subscriptions/${escapeRe(p.sub)}/resourcegroups/[^/]+/providers/${escapeRe(p.ns)}/${escapeRe(p.rest[0]!)}/[^/]+$`,
        'i',
      );
      items = this.entries.filter((e) => re.test(e.id));
    } else {
      // Direct children of the path (resource-group list, or child resources).
      items = this.entries.filter(
        (e) => e.lower.startsWith(`${lower}/`) && !e.lower.slice(lower.length + 1).includes('/'),
      );
      if (p.rest.length > 1 && items.length === 0) {
        const parent = path.slice(0, path.lastIndexOf('/'));
        if (!this.exists(parent)) return this.notFound(parent);
      }
    }
    return this.page(
      items.map((e) => e.resource),
      url,
    );
  }

  /** POST .../networkInterfaces/{nic}/effectiveRouteTable: the routes of the NIC (by NIC or VM name), 200 or 202. */
  private effectiveRouteTable(path: string, url: URL): Reply {
    if (!url.searchParams.get('api-version'))
      return {
        status: 400,
        body: armError('MissingApiVersionParameter', 'The api-version query parameter is required.'),
      };
    const nicPath = path.slice(0, -'/effectiveRouteTable'.length);
    const nic = this.byId.get(nicPath.toLowerCase())?.resource;
    if (!nic) return this.notFound(nicPath);
    const vm = String(nic.properties?.virtualMachine?.id ?? '')
      .split('/')
      .pop();
    const file = [nic.name, vm].map((n) => this.effectiveRoutes.get(String(n ?? '').toLowerCase())).find(Boolean);
    const raw = (file ?? { value: [] }) as { value?: unknown[] } | unknown[];
    const body = { value: Array.isArray(raw) ? raw : (raw.value ?? []) };
    if (!this.effectiveRoutesAsync) return { status: 200, body };
    const p = parseArmPath(path)!;
    const opPath = `/subscriptions/${p.sub}/providers/Microsoft.Network/locations/${nic.location}/operationResults/${randomUUID()}`;
    this.operations.set(opPath.toLowerCase(), body);
    return {
      status: 202,
      headers: {
        location: `${this.url}${opPath}?api-version=${url.searchParams.get('api-version')}`,
        'retry-after': '0',
      },
    };
  }

  private page(all: any[], url: URL): Reply {
    const skip = Math.max(0, Number.parseInt(url.searchParams.get('$skiptoken') ?? '0', 10) || 0);
    const value = all.slice(skip, skip + this.pageSize);
    const body: Record<string, unknown> = { value };
    if (skip + this.pageSize < all.length) {
      const query = url.search
        .replace(/^\?/, '')
        .split('&')
        .filter((kv) => kv && !/^(\$|%24)skiptoken=/i.test(kv));
      query.push(`$skiptoken=${skip + this.pageSize}`);
      body.nextLink = `${this.url}${url.pathname}?${query.join('&')}`;
    }
    return { status: 200, body };
  }
}
