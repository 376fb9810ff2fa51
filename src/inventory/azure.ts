// Live Azure Resource Manager through @azure/arm-network: only what a question
// needs, resource-group listings cached (TTL) and identical concurrent requests
// coalesced into one; every failure becomes a LookupError that names the
// missing role and scope, so the engine can still render a partial path.
import type { TokenCredential } from '@azure/identity';
import { NetworkManagementClient, RestError } from '@azure/arm-network';
import { effectiveRoutes, normalize, type AzureKind, type AzureKinds, type Nic } from './azure-model';
import { idKey, nameOf, parseId, sameId, subscriptionOf } from './ids';
import { LookupError, type AzureInventory, type EffectiveRoutes } from './inventory';

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
  /** a hook per HTTP request sent (for request counting) */
  onRequest?: (method: string, url: string) => void;
}

type Paged<T> = AsyncIterable<T>;

// What to call for each kind: get by (rg, name…) and list per resource group / subscription.
const OPS: Record<
  AzureKind,
  {
    get?: (c: NetworkManagementClient, rg: string, names: string[]) => Promise<unknown>;
    list?: (c: NetworkManagementClient, rg?: string) => Paged<unknown>;
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
  nsg: {
    get: (c, rg, [n]) => c.networkSecurityGroups.get(rg, n),
    list: (c, rg) => (rg ? c.networkSecurityGroups.list(rg) : c.networkSecurityGroups.listAll()),
  },
  virtualMachine: {},
  applicationGateway: {
    get: (c, rg, [n]) => c.applicationGateways.get(rg, n),
    list: (c, rg) => (rg ? c.applicationGateways.list(rg) : c.applicationGateways.listAll()),
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
  nsg: 'network security groups',
  virtualMachine: 'virtual machines',
  applicationGateway: 'application gateways',
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

export class ArmInventory implements AzureInventory {
  private readonly clients = new Map<string, NetworkManagementClient>();
  private readonly cache = new Map<string, { expires: number; value: Promise<unknown> }>();
  private readonly ttl: number;
  private readonly timeout: number;

  constructor(private readonly o: ArmOptions) {
    this.ttl = o.ttlMs ?? 60_000;
    this.timeout = o.timeoutMs ?? 8_000;
  }

  private client(subscription: string): NetworkManagementClient {
    const key = subscription.toLowerCase();
    let c = this.clients.get(key);
    if (!c) {
      const timeout = this.timeout;
      const onRequest = this.o.onRequest;
      c = new NetworkManagementClient(this.o.credential, subscription, {
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
        ],
      });
      this.clients.set(key, c);
    }
    return c;
  }

  /** Cached for the TTL; concurrent callers share one request; failures are not cached. */
  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.value as Promise<T>;
    const value = load();
    this.cache.set(key, { expires: Date.now() + this.ttl, value });
    // evict a failure (its callers still get the rejection): the next question asks again
    value.catch(() => this.cache.get(key)?.value === value && this.cache.delete(key));
    return value;
  }

  /** The SDK's objects of a kind in a scope (cached for the TTL). */
  rawList(kind: AzureKind, scope: string): Promise<unknown[]> {
    const p = parseId(scope) ?? {
      subscription: subscriptionOf(scope) ?? '',
      resourceGroup: '',
    };
    const op = OPS[kind].list;
    if (!op || !p.subscription) return Promise.resolve([]);
    const where = p.resourceGroup ? `resource group ${p.resourceGroup}` : `subscription ${p.subscription}`;
    return this.cached(`raw|${kind}|${idKey(scope)}`, async () => {
      try {
        const out: unknown[] = [];
        for await (const item of op(this.client(p.subscription), p.resourceGroup || undefined)) out.push(item);
        return out;
      } catch (e) {
        throw armFailure(`${KIND_TEXT[kind]} in ${where}`, scope, e);
      }
    });
  }

  list<K extends AzureKind>(kind: K, scope: string): Promise<AzureKinds[K][]> {
    return this.cached(`list|${kind}|${idKey(scope)}`, async () =>
      (await this.rawList(kind, scope)).map((x) => normalize(kind, x)),
    );
  }

  /** One SDK object by ID (undefined when it does not exist). */
  rawGet(kind: AzureKind, id: string): Promise<unknown | undefined> {
    const p = parseId(id);
    const op = OPS[kind].get;
    if (!p || !op) return Promise.resolve(undefined);
    return this.cached(`rawget|${kind}|${idKey(id)}`, async () => {
      try {
        return await op(this.client(p.subscription), p.resourceGroup, p.names);
      } catch (e) {
        if ((e as RestError).statusCode === 404) return undefined;
        const one = kind === 'subnet' ? 'subnet' : KIND_TEXT[kind].replace(/ies$/, 'y').replace(/s$/, '');
        throw armFailure(`${one} ${nameOf(id)}`, id, e);
      }
    });
  }

  async get<K extends AzureKind>(kind: K, id: string): Promise<AzureKinds[K] | undefined> {
    const p = parseId(id);
    if (!p) return undefined;
    // a listing of the resource group already in the cache answers without a call
    const listed = this.cache.get(
      `list|${kind}|${idKey(`/subscriptions/${p.subscription}/resourceGroups/${p.resourceGroup}`)}`,
    );
    if (listed && listed.expires > Date.now()) {
      // a failed listing was reported to its asker; here the resource is fetched alone (and reports its own failure)
      const items = (await listed.value.catch(() => undefined)) as AzureKinds[K][] | undefined;
      const hit = items?.find((x) => sameId(x.id, id));
      if (hit) return hit;
    }
    const raw = await this.rawGet(kind, id);
    return raw === undefined ? undefined : normalize(kind, raw);
  }

  /** The NICs of one VM scale set instance, as the SDK returns them. */
  rawVmssNics(vmId: string): Promise<unknown[]> {
    const p = parseId(vmId)!;
    const i = p.types.findIndex((t) => t.toLowerCase() === 'virtualmachinescalesets');
    const [vmss, index] = [p.names[i], p.names[i + 1]];
    return this.cached(`vmss|${idKey(vmId)}`, async () => {
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
    });
  }

  /** Subscriptions where reading effective routes was denied, until when, and why (one line for the answer). */
  private readonly routesDenied = new Map<string, { expires: number; why: string }>();

  /** A NIC's effective routes as the SDK returns them: a long-running POST (200, or 202 and polling). */
  rawEffectiveRoutes(nicId: string): Promise<unknown> {
    const p = parseId(nicId)!;
    return this.cached(`routes|${idKey(nicId)}`, () =>
      this.client(p.subscription).networkInterfaces.getEffectiveRouteTable(p.resourceGroup, p.names[0], {
        updateIntervalInMs: 1000,
      }),
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
    if (p.types.some((t) => t.toLowerCase() === 'virtualmachinescalesets'))
      return (await this.rawVmssNics(vmId)).map((n) => normalize('nic', n));
    const nics = await this.list('nic', `/subscriptions/${p.subscription}/resourceGroups/${p.resourceGroup}`);
    return nics.filter((n) => sameId(n.vmId, vmId));
  }
}
