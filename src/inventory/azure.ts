// Live Azure Resource Manager through @azure/arm-network: only what a question
// needs, resource-group listings cached (TTL) or kept warm (background refresh,
// stale-while-revalidate) and identical concurrent requests coalesced into one;
// every failure becomes a LookupError that names the missing role and scope, so
// the engine can still render a partial path.
import { AsyncLocalStorage } from 'node:async_hooks';
import { dirname, join } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import type * as Arm from '@azure/arm-network';
import type { NetworkManagementClient, RestError } from '@azure/arm-network';
import { createNetworkManagement, type NetworkManagementClientOptionalParams } from '@azure/arm-network/api';
import { effectiveRoutes, normalize, type AzureKind, type AzureKinds, type Nic } from './azure-model';
import { idKey, nameOf, parentId, parseId, resourceGroupId, sameId, subscriptionOf, type ParsedId } from './ids';
import { LookupError, type Answering, type AzureInventory, type EffectiveRoutes } from './inventory';
import { serviceTags, type ServiceTagsRead } from './service-tags';

export interface ArmOptions {
  credential: TokenCredential;
  /** ARM endpoint (default public cloud); tests point it at a local server */
  endpoint?: string;
  /** extra CA certificates (PEM) to trust, e.g. a test server's */
  ca?: string;
  /** cache lifetime of listings, ms (default 60 s) */
  ttlMs?: number;
  /** time budget per ARM call, ms (default 8 s) */
  timeoutMs?: number;
  /** SDK retries (default 3; 429 honours Retry-After) */
  maxRetries?: number;
  /**
   * keep listings warm: re-read in the background every this many ms, answers never wait for them once read
   * (default 0: read on demand and cached for the TTL)
   */
  refreshMs?: number;
  /** at least this long between two background refresh requests (default 1 s: at most 60 a minute) */
  refreshGapMs?: number;
  /** where Virtual WAN hubs are searched besides the spoke VNet's subscription (subscription or group IDs) */
  hubScopes?: string[];
  /** a hook per HTTP request sent (for request counting) */
  onRequest?: (method: string, url: string) => void;
}

type Paged<T> = AsyncIterable<T>;

/** The operation groups read here: OPS below, scale set NICs, effective routes, service tags. */
const GROUPS = [
  'loadBalancers',
  'publicIPAddresses',
  'publicIPPrefixes',
  'networkInterfaces',
  'subnets',
  'virtualNetworks',
  'natGateways',
  'routeTables',
  'azureFirewalls',
  'firewallPolicies',
  'firewallPolicyRuleCollectionGroups',
  'ipGroups',
  'networkSecurityGroups',
  'applicationGateways',
  'virtualHubs',
  'hubVirtualNetworkConnections',
  'routingIntentOperations',
  'serviceTags',
] as const;
type NetworkClient = Pick<NetworkManagementClient, (typeof GROUPS)[number]>;

/**
 * An ARM network client with only the operation groups read here. The package's NetworkManagementClient builds all
 * of its 160 groups and so loads every group's module (4 MB of source kept in the heap: about 7 MB more heap and
 * 14 MB more RSS); each group here comes from the module that client loads for it (`classic/<group>/index.js`, not
 * in the package's exports map, so loaded by file path). Where that layout changes, the whole client: the same
 * behaviour with more memory.
 */
function networkClient(
  credential: TokenCredential,
  subscription: string,
  options: NetworkManagementClientOptionalParams,
): NetworkClient {
  try {
    const classic = join(dirname(require.resolve('@azure/arm-network')), 'classic');
    const context = createNetworkManagement(credential, subscription, options);
    const client: Partial<Record<keyof NetworkClient, unknown>> = {};
    for (const group of GROUPS) {
      const loaded = require(join(classic, group, 'index.js')) as Record<string, unknown>;
      const make = loaded[`_get${group[0].toUpperCase()}${group.slice(1)}Operations`];
      if (typeof make !== 'function') throw new Error(`@azure/arm-network: no ${group} operations`);
      client[group] = make(context);
    }
    return client as NetworkClient;
  } catch {
    const { NetworkManagementClient: Whole } = require('@azure/arm-network') as typeof Arm;
    return new Whole(credential, subscription, options);
  }
}

// What to call for each kind: get by (rg, name…) and list per resource group / subscription.
const OPS: Record<
  AzureKind,
  {
    get?: (c: NetworkClient, rg: string, names: string[]) => Promise<unknown>;
    list?: (c: NetworkClient, rg?: string, names?: string[]) => Paged<unknown>;
    /** listed per parent resource (a hub's connections): `list` gets the parent's names, never kept per group */
    perParent?: boolean;
  }
> = {
  loadBalancer: {
    get: (c, rg, [n]) => c.loadBalancers.get(rg, n),
    list: (c, rg) => (rg ? c.loadBalancers.list(rg) : c.loadBalancers.listAll()),
  },
  publicIp: {
    get: (c, rg, [n]) => c.publicIPAddresses.get(rg, n),
    list: (c, rg) => (rg ? c.publicIPAddresses.list(rg) : c.publicIPAddresses.listAll()),
  },
  publicIpPrefix: {
    get: (c, rg, [n]) => c.publicIPPrefixes.get(rg, n),
    list: (c, rg) => (rg ? c.publicIPPrefixes.list(rg) : c.publicIPPrefixes.listAll()),
  },
  nic: {
    get: (c, rg, [n]) => c.networkInterfaces.get(rg, n),
    list: (c, rg) => (rg ? c.networkInterfaces.list(rg) : c.networkInterfaces.listAll()),
  },
  subnet: { get: (c, rg, [v, s]) => c.subnets.get(rg, v, s) },
  virtualNetwork: {
    get: (c, rg, [n]) => c.virtualNetworks.get(rg, n),
    list: (c, rg) => (rg ? c.virtualNetworks.list(rg) : c.virtualNetworks.listAll()),
  },
  natGateway: {
    get: (c, rg, [n]) => c.natGateways.get(rg, n),
    list: (c, rg) => (rg ? c.natGateways.list(rg) : c.natGateways.listAll()),
  },
  routeTable: {
    get: (c, rg, [n]) => c.routeTables.get(rg, n),
    list: (c, rg) => (rg ? c.routeTables.list(rg) : c.routeTables.listAll()),
  },
  firewall: {
    get: (c, rg, [n]) => c.azureFirewalls.get(rg, n),
    list: (c, rg) => (rg ? c.azureFirewalls.list(rg) : c.azureFirewalls.listAll()),
  },
  firewallPolicy: {
    get: (c, rg, [n]) => c.firewallPolicies.get(rg, n),
    list: (c, rg) => (rg ? c.firewallPolicies.list(rg) : c.firewallPolicies.listAll()),
  },
  firewallRuleGroup: { get: (c, rg, [p, g]) => c.firewallPolicyRuleCollectionGroups.get(rg, p, g) },
  ipGroup: { get: (c, rg, [n]) => c.ipGroups.get(rg, n) },
  nsg: {
    get: (c, rg, [n]) => c.networkSecurityGroups.get(rg, n),
    list: (c, rg) => (rg ? c.networkSecurityGroups.list(rg) : c.networkSecurityGroups.listAll()),
  },
  virtualMachine: {},
  applicationGateway: {
    get: (c, rg, [n]) => c.applicationGateways.get(rg, n),
    list: (c, rg) => (rg ? c.applicationGateways.list(rg) : c.applicationGateways.listAll()),
  },
  virtualHub: {
    get: (c, rg, [n]) => c.virtualHubs.get(rg, n),
    list: (c, rg) => (rg ? c.virtualHubs.listByResourceGroup(rg) : c.virtualHubs.list()),
  },
  // a hub's children: listed with the hub's ID as scope
  // https://learn.microsoft.com/rest/api/virtualwan/hub-virtual-network-connections/list
  hubConnection: {
    get: (c, rg, [h, n]) => c.hubVirtualNetworkConnections.get(rg, h, n),
    list: (c, rg, names) => c.hubVirtualNetworkConnections.list(rg!, names![0]),
    perParent: true,
  },
  // https://learn.microsoft.com/rest/api/virtualwan/routing-intent/list
  routingIntent: {
    get: (c, rg, [h, n]) => c.routingIntentOperations.get(rg, h, n),
    list: (c, rg, names) => c.routingIntentOperations.list(rg!, names![0]),
    perParent: true,
  },
};

const KIND_TEXT: Record<AzureKind, string> = {
  loadBalancer: 'load balancers',
  publicIp: 'public IPs',
  publicIpPrefix: 'public IP prefixes',
  nic: 'network interfaces',
  subnet: 'subnet',
  virtualNetwork: 'virtual networks',
  natGateway: 'NAT gateways',
  routeTable: 'route tables',
  firewall: 'Azure firewalls',
  firewallPolicy: 'firewall policies',
  firewallRuleGroup: 'firewall rule collection groups',
  ipGroup: 'IP groups',
  nsg: 'network security groups',
  virtualMachine: 'virtual machines',
  applicationGateway: 'application gateways',
  virtualHub: 'virtual hubs',
  hubConnection: 'hub virtual network connections',
  routingIntent: 'routing intent',
};

/** A failed ARM call as the user should read it. */
function armFailure(lookup: string, scope: string, e: unknown): LookupError {
  const err = e as RestError & { name?: string; code?: string };
  const status = err?.statusCode;
  if (err?.name === 'AbortError' || /aborted|timed? ?out/i.test(err?.message ?? ''))
    return new LookupError(lookup, `Azure did not answer in time (${scope})`, 'timeout');
  if (status === 401)
    return new LookupError(
      lookup,
      `401: the bot's Azure credential was rejected (check its workload identity / managed identity)`,
      'forbidden',
    );
  if (status === 403)
    return new LookupError(
      lookup,
      `403 ${err.code ?? 'AuthorizationFailed'}: the bot's identity needs Reader on ${scope}`,
      'forbidden',
    );
  if (status === 404)
    return new LookupError(lookup, `404: ${scope} does not exist (or is not visible to the bot's identity)`, 'missing');
  if (status === 429)
    return new LookupError(
      lookup,
      `429: Azure Resource Manager is throttling the bot; try again in a minute`,
      'throttled',
    );
  if (status && status >= 500)
    return new LookupError(
      lookup,
      `${status}: Azure Resource Manager failed (${err.code ?? 'server error'}); try again`,
    );
  return new LookupError(lookup, `${err?.message?.split('\n')[0] ?? String(e)}`);
}

/** What one answer read: the oldest Azure data (ms epoch), and whether to re-read each entry first ("refresh"). */
interface Reads {
  refresh: boolean;
  refreshed: Set<string>;
  oldest?: number;
  /** kept data a "refresh" could not re-read (the answer uses it, and says so) */
  notReread: LookupError[];
}
const READS = new AsyncLocalStorage<Reads>();
/** Set while the background refresh reads: its requests (pages too) are paced. */
const BACKGROUND = new AsyncLocalStorage<boolean>();

/** Note the age of data an answer read, once it is there. */
function noted<T>(reads: Reads | undefined, at: () => number, value: Promise<T>): Promise<T> {
  if (!reads) return value;
  return value.then((v) => ((reads.oldest = Math.min(reads.oldest ?? Infinity, at())), v));
}

/** A kept read's failure as the answers report it. */
const asLookupError = (e: unknown, key: string): LookupError =>
  e instanceof LookupError ? e : armFailure('Azure Resource Manager', key.split('|').pop() ?? key, e);

/** Sentinel: no listing covers the resource, read it alone. */
const FETCH = Symbol('fetch');

/** Kinds listed per resource group and kept warm: what the rules read (subnets come with their VNets). */
// (Virtual WAN hubs only where an answer looks for them: the hub scopes, not every group)
const WARM_KINDS = (Object.keys(OPS) as AzureKind[]).filter(
  (k) => OPS[k].list && !OPS[k].perParent && k !== 'virtualHub',
);

/** Kinds the rules list per subscription (an appliance's owner, what an IP is): kept warm per subscription seen. */
// src/path/next-hop.ts, src/what-is/edge.ts
const SUBSCRIPTION_KINDS: AzureKind[] = ['firewall', 'loadBalancer', 'nic', 'natGateway', 'publicIpPrefix', 'publicIp'];

const ignore = (): undefined => undefined;
const settle = (p: Promise<unknown>): Promise<unknown> => p.catch(ignore);

/** ARM's Retry-After (seconds or an HTTP date) or its millisecond variants, in ms. */
function retryAfterMs(header: (name: string) => string | undefined): number | undefined {
  const ms = Number(header('retry-after-ms') ?? header('x-ms-retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const v = header('retry-after');
  if (!v) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** Below this many remaining reads the subscription's background refresh runs at half speed. */
// https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling
const LOW_REMAINING_READS = 200;
/** A per-resource read kept warm is dropped after this long without an answer reading it. */
const IDLE_MS = 3600_000;

interface Kept {
  key: string;
  sub: string;
  load: () => Promise<unknown>;
  has: boolean;
  value?: unknown;
  /** when the value was read from ARM */
  at: number;
  inflight?: Promise<unknown>;
  error?: unknown;
  failures: number;
  /** next background refresh */
  due: number;
  lastRead: number;
}

/** A permission or existence failure: kept until the next refresh, not retried by every answer. */
const lasting = (e: unknown): boolean =>
  (e instanceof LookupError && (e.code === 'forbidden' || e.code === 'missing')) ||
  [401, 403, 404].includes((e as RestError)?.statusCode ?? 0);

/**
 * Stale-while-revalidate: every listing or resource read once is kept and re-read in the background every
 * `refreshMs`, one at a time, its requests (pages too) at least `gapMs` apart, never before a subscription's
 * Retry-After. Answers read the
 * kept value and wait for ARM only for what was never read (or on "refresh").
 */
class Warm {
  private readonly kept = new Map<string, Kept>();
  private readonly groups = new Set<string>();
  private readonly notBefore = new Map<string, number>();
  private readonly slow = new Map<string, boolean>();
  private timer?: NodeJS.Timeout;
  private lastPaced = 0;
  private running = false;
  private stopped = false;

  constructor(private readonly o: { refreshMs: number; gapMs: number }) {}

  get active(): boolean {
    return !this.stopped;
  }

  /** A resource group not seen before (true once per group). */
  learn(group: string): boolean {
    const key = group.toLowerCase();
    if (this.groups.has(key)) return false;
    this.groups.add(key);
    return true;
  }

  read<T>(key: string, sub: string, load: () => Promise<T>, reads: Reads | undefined): Promise<T> {
    let e = this.kept.get(key);
    if (!e) {
      e = { key, sub: sub.toLowerCase(), load, has: false, at: 0, failures: 0, due: Infinity, lastRead: 0 };
      this.kept.set(key, e);
    }
    e.lastRead = Date.now();
    return this.readKept(e, reads) as Promise<T>;
  }

  private async readKept(e: Kept, reads: Reads | undefined): Promise<unknown> {
    const force = !!reads?.refresh && !reads.refreshed.has(e.key);
    if (force) reads!.refreshed.add(e.key);
    // an answer waits only for what was never read (or failed for a passing reason), or when asked to re-read
    if (force || (!e.has && !(e.error && lasting(e.error)))) {
      const at = e.at;
      await this.waitFor(e);
      // asked to re-read, still the old data (throttled, or the read failed for a passing reason): never silently
      if (force && e.has && e.at === at) reads!.notReread.push(asLookupError(e.error ?? this.throttled(e.sub), e.key));
    }
    if (!e.has) throw e.error ?? this.throttled(e.sub);
    if (reads) reads.oldest = Math.min(reads.oldest ?? Infinity, e.at);
    return e.value;
  }

  /** The read in flight, or a new one unless the subscription is throttled. */
  private async waitFor(e: Kept): Promise<void> {
    if (e.inflight) await settle(e.inflight);
    else if ((this.notBefore.get(e.sub) ?? 0) <= Date.now()) await settle(this.reload(e));
    else if (!e.has && !e.error) throw this.throttled(e.sub);
  }

  private throttled(sub: string): LookupError {
    const secs = Math.ceil(((this.notBefore.get(sub) ?? 0) - Date.now()) / 1000);
    return new LookupError(
      `Azure Resource Manager (subscription ${sub})`,
      `429: Azure Resource Manager is throttling the bot; try again in ${Math.max(secs, 1)} s`,
      'throttled',
    );
  }

  private reload(e: Kept): Promise<unknown> {
    if (e.inflight) return e.inflight;
    const p = e.load().then(
      (v) => {
        Object.assign(e, { has: true, value: v, at: Date.now(), error: undefined, failures: 0 });
        e.due = e.at + this.o.refreshMs * (this.slow.get(e.sub) ? 2 : 1);
        return v;
      },
      (err) => {
        e.error = err;
        e.failures += 1;
        // access removed or the resource gone: the answers say so instead of showing what it was
        if (lasting(err)) Object.assign(e, { has: false, value: undefined });
        const backoff = this.o.refreshMs * Math.min(2 ** (e.failures - 1), 4);
        e.due = Math.max(Date.now() + backoff, this.notBefore.get(e.sub) ?? 0);
        throw err;
      },
    );
    e.inflight = p;
    void settle(p).then(() => {
      e.inflight = undefined;
      this.schedule();
    });
    return p;
  }

  /** Wait for the background's next request slot: at most one request per `gapMs`. */
  async pace(): Promise<void> {
    const wait = this.lastPaced + this.o.gapMs - Date.now();
    this.lastPaced = Math.max(Date.now(), this.lastPaced + this.o.gapMs);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait).unref());
  }

  /** ARM's throttling headers of one response in a subscription. */
  observe(sub: string, status: number, header: (name: string) => string | undefined): void {
    if (status === 429 || status === 503) {
      const ms = retryAfterMs(header) ?? (status === 429 ? this.o.refreshMs : 0);
      if (ms) this.notBefore.set(sub, Math.max(this.notBefore.get(sub) ?? 0, Date.now() + ms));
    }
    const remaining = Number(
      header('x-ms-ratelimit-remaining-subscription-reads') ??
        header('x-ms-ratelimit-remaining-subscription-global-reads'),
    );
    if (Number.isFinite(remaining)) this.slow.set(sub, remaining < LOW_REMAINING_READS);
  }

  /** The kept entry to refresh now: due, not being read, its subscription not throttled. */
  private nextDue(now: number): Kept | undefined {
    let best: Kept | undefined;
    for (const e of this.kept.values())
      if (!e.inflight && e.due <= now && (this.notBefore.get(e.sub) ?? 0) <= now && (!best || e.due < best.due))
        best = e;
    return best;
  }

  private schedule(): void {
    if (this.stopped || this.running) return;
    clearTimeout(this.timer);
    let next = Infinity;
    for (const e of this.kept.values())
      if (!e.inflight) next = Math.min(next, Math.max(e.due, this.notBefore.get(e.sub) ?? 0));
    if (next === Infinity) return;
    // outside any answer's context: the background reads are nobody's
    this.timer = READS.exit(() => setTimeout(() => void this.pump(), Math.max(0, next - Date.now())));
    this.timer.unref();
  }

  private async pump(): Promise<void> {
    this.running = true;
    try {
      for (let e = this.nextDue(Date.now()); e && !this.stopped; e = this.nextDue(Date.now())) {
        if (e.key.startsWith('rawget|') && Date.now() - e.lastRead > IDLE_MS) {
          this.kept.delete(e.key);
          continue;
        }
        await BACKGROUND.run(true, () => settle(this.reload(e)));
      }
    } finally {
      this.running = false;
      this.schedule();
    }
  }

  async settled(): Promise<void> {
    for (;;) {
      // a turn of the event loop first: a listing's callers (which learn the groups it points at) run before the check
      await new Promise((r) => setImmediate(r));
      const reading = [...this.kept.values()].flatMap((e) => (e.inflight ? [settle(e.inflight)] : []));
      if (!reading.length) return;
      await Promise.all(reading);
    }
  }

  /** Every kept entry re-read once, one after the other. */
  async round(): Promise<void> {
    for (const e of [...this.kept.values()]) await settle(this.reload(e));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}

export class ArmInventory implements AzureInventory {
  private readonly clients = new Map<string, NetworkClient>();
  private readonly cache = new Map<string, { expires: number; value: Promise<unknown>; at: number }>();
  private readonly ttl: number;
  private readonly timeout: number;
  /** kept warm (refresh > 0): read once, then refreshed in the background */
  private readonly warm?: Warm;

  constructor(private readonly o: ArmOptions) {
    this.ttl = o.ttlMs ?? 60_000;
    this.timeout = o.timeoutMs ?? 8_000;
    if (o.refreshMs) this.warm = new Warm({ refreshMs: o.refreshMs, gapMs: o.refreshGapMs ?? 1000 });
  }

  /** Where Virtual WAN hubs are searched besides the spoke VNet's subscription (configured). */
  hubScopes(): string[] {
    return this.o.hubScopes ?? [];
  }

  /** Background refresh interval, ms (0: listings are read on demand and cached for the TTL, or stopped). */
  get refreshMs(): number {
    return this.warm?.active ? (this.o.refreshMs ?? 0) : 0;
  }

  private client(subscription: string): NetworkClient {
    const key = subscription.toLowerCase();
    let c = this.clients.get(key);
    if (!c) {
      const timeout = this.timeout;
      const onRequest = this.o.onRequest;
      const warm = this.warm;
      c = networkClient(this.o.credential, subscription, {
        ...(this.o.endpoint ? { endpoint: this.o.endpoint } : {}),
        ...(this.o.ca ? { tlsOptions: { ca: this.o.ca } } : {}),
        retryOptions: { maxRetries: this.o.maxRetries ?? 3 },
        additionalPolicies: [
          {
            // every request, including later pages of a listing, gets the time budget
            policy: {
              name: 'packetPathTimeout',
              sendRequest: (req, next) => (
                (req.timeout = req.timeout || timeout),
                onRequest?.(req.method, req.url),
                next(req)
              ),
            },
            position: 'perRetry',
          },
          {
            // ARM's throttling headers pace the background refresh of this subscription
            policy: {
              name: 'packetPathThrottle',
              sendRequest: async (req, next) => {
                if (warm && BACKGROUND.getStore()) await warm.pace();
                const res = await next(req);
                warm?.observe(key, res.status, (h) => res.headers.get(h));
                return res;
              },
            },
            position: 'perRetry',
          },
        ],
      });
      this.clients.set(key, c);
    }
    return c;
  }

  /**
   * Run one answer's reads: notes the oldest Azure data read (dataAge, seconds) and, with `refresh`, re-reads every
   * cached listing or resource before its first use in this answer.
   */
  async answering<T>(fn: () => Promise<T>, o: { refresh?: boolean } = {}): Promise<Answering<T>> {
    const reads: Reads = { refresh: !!o.refresh, refreshed: new Set(), notReread: [] };
    const value = await READS.run(reads, fn);
    const dataAge =
      reads.oldest === undefined ? undefined : Math.max(0, Math.round((Date.now() - reads.oldest) / 1000));
    const notReread = reads.notReread.map((e) => ({
      lookup: e.lookup,
      reason: `not re-read (${e.reason}): this answer uses the data read before`,
      code: e.code,
    }));
    return { value, dataAge, ...(notReread.length ? { notReread } : {}) };
  }

  /** Keep the network resources of these resource groups and VM scale sets warm (no-op without refresh). */
  keepWarm(resourceGroupIds: string[], vmssIds: string[] = []): void {
    if (!this.warm?.active) return;
    for (const rg of resourceGroupIds) this.learn(rg);
    READS.exit(() =>
      vmssIds.forEach((id) => void this.vmssNicList(id).then((nics) => this.follow('nic', nics), ignore)),
    );
  }

  /** Stop the background refresh. */
  stop(): void {
    this.warm?.stop();
  }

  /** Resolves when no background or answer read is in flight (warm-up done). */
  settled(): Promise<void> {
    return this.warm?.settled() ?? Promise.resolve();
  }

  /** Refresh every kept entry once, one after the other (the benchmark counts its requests). */
  refreshRound(): Promise<void> {
    return this.warm?.round() ?? Promise.resolve();
  }

  /** A resource group seen while answering: its listings are read in the background and kept warm. */
  private learn(scope: string): void {
    const p = parseId(scope);
    if (!this.warm || !p || !this.warm.learn(`${p.subscription}/${p.resourceGroup}`)) return;
    const rg = `/subscriptions/${p.subscription}/resourceGroups/${p.resourceGroup}`;
    const sub = `/subscriptions/${p.subscription}`;
    const newSub = this.warm.learn(sub);
    // in the background, outside the asking answer (its "refresh" and data age are its own reads only)
    READS.exit(() => {
      WARM_KINDS.forEach((kind) => void this.keptList(kind, rg).then((items) => this.follow(kind, items), ignore));
      if (newSub) SUBSCRIPTION_KINDS.forEach((kind) => void this.keptList(kind, sub).catch(ignore));
    });
  }

  /**
   * The resource groups the cluster's NICs and VNets point at (the VNet's, route tables', NAT gateways', peered
   * hubs') are kept warm too, before any answer needs them.
   */
  private follow(kind: AzureKind, items: unknown[]): void {
    const ids =
      kind === 'nic'
        ? (items as Nic[]).flatMap((n) => [n.nsgId, ...n.ipConfigs.flatMap((c) => [c.subnetId, c.publicIpId])])
        : kind === 'virtualNetwork'
          ? (items as AzureKinds['virtualNetwork'][]).flatMap((v) => [
              ...v.subnets.flatMap((x) => [x.natGatewayId, x.routeTableId, x.nsgId]),
              ...v.peerings.map((x) => x.remoteVnetId),
            ])
          : [];
    for (const id of ids) if (id) this.learn(resourceGroupId(id));
  }

  /** Cached for the TTL (or kept warm); concurrent callers share one request; failures are not cached. */
  private cached<T>(key: string, load: () => Promise<T>, subscription = ''): Promise<T> {
    if (this.warm) return this.warm.read(key, subscription, load, READS.getStore());
    const reads = READS.getStore();
    if (reads?.refresh && !reads.refreshed.has(key)) {
      reads.refreshed.add(key);
      this.cache.delete(key);
    }
    const hit = this.cache.get(key);
    if (hit && hit.expires > Date.now()) return noted(reads, () => hit.at, hit.value as Promise<T>);
    const value = load();
    const entry = { expires: Date.now() + this.ttl, value, at: Date.now() };
    this.cache.set(key, entry);
    // evict a failure (its callers still get the rejection): the next question asks again
    value.then(
      () => (entry.at = Date.now()),
      () => this.cache.get(key)?.value === value && this.cache.delete(key),
    );
    return noted(reads, () => entry.at, value);
  }

  /** The SDK's objects of a kind in a scope, read from ARM (each listed item, pages followed). */
  private listed(kind: AzureKind, scope: string, each: (item: unknown) => unknown): [string, () => Promise<unknown[]>] {
    const p = parseId(scope) ?? {
      subscription: subscriptionOf(scope) ?? '',
      resourceGroup: '',
    };
    const op = OPS[kind].list;
    const names = 'names' in p ? p.names : [];
    // a child kind is listed under its parent only (a hub's connections), never per group or subscription
    if (!op || !p.subscription || (OPS[kind].perParent && !names.length)) return ['', async () => []];
    const where = names.length
      ? `virtual hub ${nameOf(scope)}`
      : p.resourceGroup
        ? `resource group ${p.resourceGroup}`
        : `subscription ${p.subscription}`;
    return [
      p.subscription,
      async () => {
        try {
          const out: unknown[] = [];
          const items = op(this.client(p.subscription), p.resourceGroup || undefined, names);
          for await (const item of items) out.push(each(item));
          return out;
        } catch (e) {
          throw armFailure(`${KIND_TEXT[kind]} in ${where}`, scope, e);
        }
      },
    ];
  }

  /** The SDK's objects of a kind in a scope (cached for the TTL): what capture writes. */
  rawList(kind: AzureKind, scope: string): Promise<unknown[]> {
    const [sub, load] = this.listed(kind, scope, (x) => x);
    return sub ? this.cached(`raw|${kind}|${idKey(scope)}`, load, sub) : load();
  }

  /**
   * Kept warm: a listing normalized as each item arrives, the SDK's objects not kept (kept beside the normalized
   * items, they cost 6 MB of heap at 5,000 scale set NICs).
   */
  private keptList<K extends AzureKind>(kind: K, scope: string): Promise<AzureKinds[K][]> {
    const [sub, load] = this.listed(kind, scope, (x) => normalize(kind, x));
    return (sub ? this.cached(`listed|${kind}|${idKey(scope)}`, load, sub) : load()) as Promise<AzureKinds[K][]>;
  }

  list<K extends AzureKind>(kind: K, scope: string): Promise<AzureKinds[K][]> {
    if (this.warm) {
      if (parseId(scope)) this.learn(scope);
      return this.keptList(kind, scope);
    }
    return this.cached(`list|${kind}|${idKey(scope)}`, async () =>
      (await this.rawList(kind, scope)).map((x) => normalize(kind, x)),
    );
  }

  /** One SDK object by ID (undefined when it does not exist). */
  rawGet(kind: AzureKind, id: string): Promise<unknown | undefined> {
    const p = parseId(id);
    const op = OPS[kind].get;
    if (!p || !op) return Promise.resolve(undefined);
    return this.cached(
      `rawget|${kind}|${idKey(id)}`,
      async () => {
        try {
          return await op(this.client(p.subscription), p.resourceGroup, p.names);
        } catch (e) {
          if ((e as RestError).statusCode === 404) return undefined;
          const one = kind === 'subnet' ? 'subnet' : KIND_TEXT[kind].replace(/ies$/, 'y').replace(/s$/, '');
          throw armFailure(`${one} ${nameOf(id)}`, id, e);
        }
      },
      p.subscription,
    );
  }

  async get<K extends AzureKind>(kind: K, id: string): Promise<AzureKinds[K] | undefined> {
    const p = parseId(id);
    if (!p) return undefined;
    if (this.warm) {
      const listed = await this.fromListing(kind, id, p);
      if (listed !== FETCH) return listed as AzureKinds[K] | undefined;
    } else {
      // a listing of the resource group already in the cache answers without a call (unless not re-read on "refresh")
      const key = `list|${kind}|${idKey(`/subscriptions/${p.subscription}/resourceGroups/${p.resourceGroup}`)}`;
      const listed = this.cache.get(key);
      const reads = READS.getStore();
      if (listed && listed.expires > Date.now() && (!reads?.refresh || reads.refreshed.has(key))) {
        // a failed listing was reported to its asker; here the resource is fetched alone (and reports its own failure)
        const items = (await listed.value.catch(() => undefined)) as AzureKinds[K][] | undefined;
        const hit = items?.find((x) => sameId(x.id, id));
        if (hit) return noted(reads, () => listed.at, Promise.resolve(hit));
      }
    }
    const raw = await this.rawGet(kind, id);
    return raw === undefined ? undefined : normalize(kind, raw);
  }

  /**
   * Kept warm: a resource from the listing that covers it (a subnet from its VNet's, a VM scale set NIC from the
   * scale set's); FETCH when no listing covers it or the listing failed (the resource is then read alone).
   */
  private async fromListing(kind: AzureKind, id: string, p: ParsedId): Promise<unknown> {
    const rg = `/subscriptions/${p.subscription}/resourceGroups/${p.resourceGroup}`;
    const vmss = p.types[0]?.toLowerCase() === 'virtualmachinescalesets';
    this.learn(rg);
    try {
      if (kind === 'nic' && vmss && p.types.length === 3) {
        const nics = await this.vmssNicList(parentId(id, 2));
        return nics.find((n) => sameId(n.id, id));
      }
      if (kind === 'subnet' && p.types.length === 2) {
        const vnet = (await this.keptList('virtualNetwork', rg)).find((v) => sameId(v.id, parentId(id)));
        return vnet?.subnets.find((s) => sameId(s.id, id));
      }
      if (!OPS[kind].list || OPS[kind].perParent || p.types.length !== 1 || vmss) return FETCH;
      return (await this.keptList(kind, rg)).find((x) => sameId(x.id, id));
    } catch {
      // the listing's failure was reported to its asker; the resource alone reports its own
      return FETCH;
    }
  }

  /** Every NIC of a VM scale set (all instances), normalized: one listing instead of one call per instance. */
  private vmssNicList(vmssId: string): Promise<Nic[]> {
    const p = parseId(vmssId)!;
    return this.cached(
      `vmssall|${idKey(vmssId)}`,
      async () => {
        try {
          const out: Nic[] = [];
          const c = this.client(p.subscription);
          for await (const n of c.networkInterfaces.listVirtualMachineScaleSetNetworkInterfaces(
            p.resourceGroup,
            p.names[0],
          ))
            out.push(normalize('nic', n));
          return out;
        } catch (e) {
          throw armFailure(`network interfaces of VM scale set ${p.names[0]}`, vmssId, e);
        }
      },
      p.subscription,
    );
  }

  /** The NICs of one VM scale set instance, as the SDK returns them. */
  rawVmssNics(vmId: string): Promise<unknown[]> {
    const p = parseId(vmId)!;
    const i = p.types.findIndex((t) => t.toLowerCase() === 'virtualmachinescalesets');
    const [vmss, index] = [p.names[i], p.names[i + 1]];
    return this.cached(
      `vmss|${idKey(vmId)}`,
      async () => {
        try {
          const out: unknown[] = [];
          for await (const n of this.client(
            p.subscription,
          ).networkInterfaces.listVirtualMachineScaleSetVMNetworkInterfaces(p.resourceGroup, vmss, index))
            out.push(n);
          return out;
        } catch (e) {
          throw armFailure(`network interfaces of VM ${vmss}/${index}`, vmId, e);
        }
      },
      p.subscription,
    );
  }

  /** Subscriptions where reading effective routes was denied, until when, and why (one line for the answer). */
  private readonly routesDenied = new Map<string, { expires: number; why: string }>();

  /** A NIC's effective routes as the SDK returns them: a long-running POST (200, or 202 and polling). */
  rawEffectiveRoutes(nicId: string): Promise<unknown> {
    const p = parseId(nicId)!;
    return this.cached(
      `routes|${idKey(nicId)}`,
      () =>
        this.client(p.subscription).networkInterfaces.getEffectiveRouteTable(p.resourceGroup, p.names[0], {
          updateIntervalInMs: 1000,
        }),
      p.subscription,
    );
  }

  /**
   * Effective routes of a standalone NIC. VM scale set instance NICs have no such operation in the SDK: undefined.
   * A 403 (the action is not in Reader) is remembered per subscription for the TTL and said once, not as an error.
   */
  // https://learn.microsoft.com/rest/api/virtualnetwork/network-interfaces/get-effective-route-table
  async effectiveRoutes(nic: Nic): Promise<EffectiveRoutes | undefined> {
    const p = parseId(nic.id);
    if (!p || p.types.some((t) => t.toLowerCase() === 'virtualmachinescalesets')) return undefined;
    const sub = p.subscription.toLowerCase();
    const denied = this.routesDenied.get(sub);
    if (denied && denied.expires > Date.now()) return { unavailable: denied.why };
    const lookup = `effective routes of ${nic.name}`;
    let timer: NodeJS.Timeout | undefined;
    // the whole operation gets the time budget; the read goes on in the cache for the next question
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new LookupError(lookup, `Azure did not compute them in time (${nic.id})`, 'timeout')),
        this.timeout,
      );
    });
    try {
      return effectiveRoutes(await Promise.race([this.rawEffectiveRoutes(nic.id), late]));
    } catch (e) {
      if (e instanceof LookupError) throw e;
      if ((e as RestError).statusCode !== 403) throw armFailure(lookup, nic.id, e);
      const why =
        `403: the bot's identity may not read effective routes in subscription ${p.subscription} ` +
        `(needs Microsoft.Network/networkInterfaces/effectiveRouteTable/action, e.g. Network Contributor)`;
      this.routesDenied.set(sub, { expires: Date.now() + this.ttl, why });
      return { unavailable: why };
    } finally {
      clearTimeout(timer);
    }
  }

  async nicsOfVm(vmId: string): Promise<Nic[]> {
    const p = parseId(vmId);
    if (!p) return [];
    const vmss = p.types.findIndex((t) => t.toLowerCase() === 'virtualmachinescalesets');
    if (vmss >= 0 && this.warm) {
      // kept warm: the scale set's NICs of every instance in one listing
      const all = await this.vmssNicList(parentId(vmId, p.types.length - vmss - 1));
      return all.filter((n) => sameId(n.vmId, vmId));
    }
    if (vmss >= 0) return (await this.rawVmssNics(vmId)).map((n) => normalize('nic', n));
    const nics = await this.list('nic', `/subscriptions/${p.subscription}/resourceGroups/${p.resourceGroup}`);
    return nics.filter((n) => sameId(n.vmId, vmId));
  }
  /** The Service Tags discovery API's list, as the SDK returns it (one list per cloud; cached with the rest). */
  // https://learn.microsoft.com/powershell/module/az.network/get-aznetworkservicetag
  rawServiceTags(subscription: string, location: string): Promise<unknown> {
    const sub = subscription.toLowerCase();
    return this.cached(`tags|${sub}`, () => this.client(subscription).serviceTags.list(location), sub);
  }

  /** Service tags for NSG rules; a 403 is said in the answer, not raised. */
  async serviceTags(subscription: string, location: string): Promise<ServiceTagsRead> {
    if (!/^[a-z0-9]{1,40}$/i.test(location)) return { unavailable: `"${location}" is not an Azure region name` };
    try {
      return serviceTags(await this.rawServiceTags(subscription, location));
    } catch (e) {
      if ((e as RestError).statusCode === 403)
        return { unavailable: `403: the bot's identity may not list service tags in subscription ${subscription}` };
      throw armFailure('service tags (discovery API)', `/subscriptions/${subscription}`, e);
    }
  }
}
