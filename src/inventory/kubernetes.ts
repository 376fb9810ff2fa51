// Live Kubernetes through @kubernetes/client-node: one informer (list+watch)
// per kind, so a warm question needs no API call. OpenShift Routes and
// EgressIPs, admin/Cilium policies and the Gateway API are watched only where
// the cluster serves those APIs.
//
// client-node 2.x informers re-watch by themselves after a clean end of the
// stream and re-list after 410 Gone; any other failure (API down, 401…) stops
// them with an 'error' event, so they are restarted here with a back-off.
import * as k8s from '@kubernetes/client-node';
import { LookupError } from './inventory';
import type { KubeKind, KubeKinds } from './k8s-types';
import { withoutRouteTlsKeys } from '../secrets';

interface Source {
  path: string;
  group?: string;
  list: (kc: k8s.KubeConfig) => Promise<{ items: unknown[] }>;
  apiVersion: string;
}

const core = (kc: k8s.KubeConfig) => kc.makeApiClient(k8s.CoreV1Api);
const custom = (group: string, version: string, plural: string) => (kc: k8s.KubeConfig) =>
  kc.makeApiClient(k8s.CustomObjectsApi).listClusterCustomObject({ group, version, plural }) as Promise<{
    items: unknown[];
  }>;

const SOURCES: Record<KubeKind, Source> = {
  Pod: {
    path: '/api/v1/pods',
    apiVersion: 'v1',
    list: (kc) => core(kc).listPodForAllNamespaces(),
  },
  Service: {
    path: '/api/v1/services',
    apiVersion: 'v1',
    list: (kc) => core(kc).listServiceForAllNamespaces(),
  },
  Node: {
    path: '/api/v1/nodes',
    apiVersion: 'v1',
    list: (kc) => core(kc).listNode(),
  },
  Namespace: {
    path: '/api/v1/namespaces',
    apiVersion: 'v1',
    list: (kc) => core(kc).listNamespace(),
  },
  Endpoints: {
    path: '/api/v1/endpoints',
    apiVersion: 'v1',
    list: (kc) => core(kc).listEndpointsForAllNamespaces(),
  },
  EndpointSlice: {
    path: '/apis/discovery.k8s.io/v1/endpointslices',
    group: 'discovery.k8s.io',
    apiVersion: 'discovery.k8s.io/v1',
    list: (kc) => kc.makeApiClient(k8s.DiscoveryV1Api).listEndpointSliceForAllNamespaces(),
  },
  Ingress: {
    path: '/apis/networking.k8s.io/v1/ingresses',
    group: 'networking.k8s.io',
    apiVersion: 'networking.k8s.io/v1',
    list: (kc) => kc.makeApiClient(k8s.NetworkingV1Api).listIngressForAllNamespaces(),
  },
  NetworkPolicy: {
    path: '/apis/networking.k8s.io/v1/networkpolicies',
    group: 'networking.k8s.io',
    apiVersion: 'networking.k8s.io/v1',
    list: (kc) => kc.makeApiClient(k8s.NetworkingV1Api).listNetworkPolicyForAllNamespaces(),
  },
  Route: {
    path: '/apis/route.openshift.io/v1/routes',
    group: 'route.openshift.io',
    apiVersion: 'route.openshift.io/v1',
    list: custom('route.openshift.io', 'v1', 'routes'),
  },
  EgressIP: {
    path: '/apis/k8s.ovn.org/v1/egressips',
    group: 'k8s.ovn.org',
    apiVersion: 'k8s.ovn.org/v1',
    list: custom('k8s.ovn.org', 'v1', 'egressips'),
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
      list: custom(group, version, plural),
    };
  return out;
}

export interface KubeOptions {
  kubeConfig: k8s.KubeConfig;
  /** first restart delay after an informer stops on an error, ms (doubles up to 30 s) */
  restartDelayMs?: number;
}

interface Watched {
  informer: k8s.Informer<k8s.KubernetesObject> & k8s.ObjectCache<k8s.KubernetesObject>;
  synced: boolean;
  lastError?: string;
  delay: number;
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

export class KubeInventory {
  private readonly watched = new Map<KubeKind, Watched>();
  private readonly absent = new Set<KubeKind>();
  private stopped = false;
  private discoveryError?: string;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly o: KubeOptions) {}

  get server(): string {
    return this.o.kubeConfig.getCurrentCluster()?.server ?? '(no cluster)';
  }

  /** Discover the APIs, start the informers and wait for their first list. */
  async start(delay = this.o.restartDelayMs ?? 1000): Promise<void> {
    let groups: Set<string>;
    try {
      groups = new Set((await this.o.kubeConfig.makeApiClient(k8s.ApisApi).getAPIVersions()).groups.map((x) => x.name));
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
    await Promise.all(kinds.map((k) => this.watch(k)));
  }

  private async watch(kind: KubeKind): Promise<void> {
    if (this.stopped) return;
    const src = SOURCES[kind];
    const informer = k8s.makeInformer(this.o.kubeConfig, src.path, () => src.list(this.o.kubeConfig) as never);
    const w: Watched = {
      informer,
      synced: false,
      delay: this.o.restartDelayMs ?? 1000,
    };
    this.watched.set(kind, w);
    // the cache holds the objects handed to these callbacks: a Route's TLS keys are dropped as it arrives
    if (kind === 'Route') for (const ev of ['add', 'update'] as const) informer.on(ev, withoutRouteTlsKeys as never);
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
    if (this.absent.has(kind)) return [];
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
    // the cache's own objects, not copies: callers only read them
    return w.informer.list() as unknown as KubeKinds[K][];
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
