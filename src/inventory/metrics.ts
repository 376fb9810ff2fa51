// SNAT usage from Azure Monitor metrics: live through @azure/monitor-query-metrics (the regional `metrics:getBatch`
// API), or from a snapshot's `azure/metrics/<name>.json` (`az monitor metrics list` output). The SDK stays here: its
// answer becomes the az document shape, which the pure code in ../snat/usage reduces to figures. Failures become
// LookupErrors naming the missing role, like the ARM adapter's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import type * as Sdk from '@azure/monitor-query-metrics';
import type { MetricsClient, MetricsQueryResult } from '@azure/monitor-query-metrics';
import {
  asMetricsDoc,
  LB_METRICS,
  NAT_METRICS,
  usageFromDoc,
  type MetricDoc,
  type MetricsDoc,
  type SnatMetrics,
  type SnatTarget,
  type SnatUsage,
} from '../snat/usage';
import { LookupError } from './inventory';

export interface MonitorOptions {
  credential: TokenCredential;
  /** metrics endpoint for every region (tests, sovereign clouds); default https://<region>.metrics.monitor.azure.com */
  endpoint?: string;
  /** token audience (default public Azure) */
  audience?: string;
  /** extra CA certificates (PEM) to trust */
  ca?: string;
  /** time budget per call, ms (default 8 s) */
  timeoutMs?: number;
  /** cache lifetime, ms (default 60 s) */
  ttlMs?: number;
  /** SDK retries (default none: usage is an extra, the answer does not wait for retries) */
  maxRetries?: number;
  /** the clock (tests) */
  now?: () => Date;
}

interface Query {
  names: string[];
  aggregation: string;
  filter?: string;
}

// Per backend IP: ports used and allocated (Maximum per minute), failed SNAT connections (Total per minute).
// https://learn.microsoft.com/en-nz/azure/azure-monitor/reference/supported-metrics/microsoft-network-loadbalancers-metrics
const LB_QUERIES: Query[] = [
  { names: [LB_METRICS.used, LB_METRICS.allocated], aggregation: 'Maximum', filter: `${LB_METRICS.backend} eq '*'` },
  {
    names: [LB_METRICS.connections],
    aggregation: 'Total',
    filter: `${LB_METRICS.backend} eq '*' and ${LB_METRICS.state} eq 'failed'`,
  },
];
// NAT gateway: failed SNAT connections, dropped packets, active connections (no per-port metric).
// https://learn.microsoft.com/en-nz/azure/azure-monitor/reference/supported-metrics/microsoft-network-natgateways-metrics
const NAT_QUERIES: Query[] = [
  { names: [NAT_METRICS.connections], aggregation: 'Total', filter: `${NAT_METRICS.state} eq 'failed'` },
  { names: [NAT_METRICS.dropped, NAT_METRICS.total], aggregation: 'Total' },
];

const NAMESPACE = { lb: 'Microsoft.Network/loadBalancers', 'nat-gateway': 'Microsoft.Network/natGateways' } as const;
/** the batch API returns at most `top` series per resource (default 10): one per node is needed */
const TOP = 1000;

/** A failed metrics call as the user should read it. */
function metricsFailure(target: SnatTarget, e: unknown): LookupError {
  const lookup = `SNAT metrics of ${target.name}`;
  const err = e as { statusCode?: number; code?: string; name?: string; message?: string };
  const status = err?.statusCode;
  if (err?.name === 'AbortError' || /aborted|timed? ?out/i.test(err?.message ?? ''))
    return new LookupError(lookup, `Azure Monitor did not answer in time (${target.id})`, 'timeout');
  if (status === 401)
    return new LookupError(lookup, `401: Azure Monitor rejected the bot's Azure credential`, 'forbidden');
  // reading platform metrics needs Microsoft.Insights/metrics/read, e.g. the Monitoring Reader role
  // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/monitor#monitoring-reader
  if (status === 403)
    return new LookupError(
      lookup,
      `403 ${err.code ?? 'AuthorizationFailed'}: the bot's identity needs Monitoring Reader on ${target.id}`,
      'forbidden',
    );
  if (status === 404) return new LookupError(lookup, `404: Azure Monitor knows no ${target.id}`, 'missing');
  if (status === 429)
    return new LookupError(lookup, '429: Azure Monitor is throttling the bot; try again in a minute', 'throttled');
  if (status && status >= 500)
    return new LookupError(lookup, `${status}: Azure Monitor failed (${err.code ?? 'server error'}); try again`);
  return new LookupError(lookup, `${err?.message?.split('\n')[0] ?? String(e)}`);
}

/** The SDK's metrics as `az monitor metrics list` prints them (REST names, ISO timestamps). */
function docOf(results: MetricsQueryResult[], target: SnatTarget, start: Date, end: Date): MetricsDoc {
  const r = results[0];
  const value: MetricDoc[] = results.flatMap((x) =>
    x.metrics.map((m) => ({
      id: m.id,
      name: { value: m.id?.split('/').pop() || m.name, localizedValue: m.name },
      unit: m.unit,
      errorCode: m.errorCode,
      timeseries: m.timeseries.map((t) => ({
        metadatavalues: t.metadatavalues?.map((d) => ({ name: { value: d.name }, value: d.value })),
        data: t.data?.map((p) => JSON.parse(JSON.stringify({ ...p, timeStamp: new Date(p.timeStamp).toISOString() }))),
      })),
    })),
  );
  return {
    interval: r?.granularity ?? 'PT1M',
    namespace: r?.namespace ?? NAMESPACE[target.kind],
    resourceregion: r?.resourceRegion ?? target.location,
    timespan: `${start.toISOString()}/${end.toISOString()}`,
    value,
  };
}

export class MonitorMetrics implements SnatMetrics {
  private readonly clients = new Map<string, MetricsClient>();
  private readonly cache = new Map<string, { expires: number; value: Promise<MetricsDoc> }>();

  constructor(private readonly o: MonitorOptions) {}

  private client(target: SnatTarget): MetricsClient {
    const endpoint =
      this.o.endpoint ?? (target.location ? `https://${target.location}.metrics.monitor.azure.com` : undefined);
    if (!endpoint)
      throw new LookupError(`SNAT metrics of ${target.name}`, `the region of ${target.id} is not known`, 'missing');
    let c = this.clients.get(endpoint);
    if (!c) {
      const timeout = this.o.timeoutMs ?? 8000;
      // loaded on the first SNAT question only: tens of MB of RSS a process without one never needs
      const { MetricsClient } = require('@azure/monitor-query-metrics') as typeof Sdk;
      c = new MetricsClient(endpoint, this.o.credential, {
        ...(this.o.audience ? { audience: this.o.audience } : {}),
        ...(this.o.ca ? { tlsOptions: { ca: this.o.ca } } : {}),
        retryOptions: { maxRetries: this.o.maxRetries ?? 0 },
        additionalPolicies: [
          {
            policy: { name: 'packetPathTimeout', sendRequest: (req, next) => ((req.timeout ||= timeout), next(req)) },
            position: 'perRetry',
          },
        ],
      });
      this.clients.set(endpoint, c);
    }
    return c;
  }

  /**
   * The metrics document of a load balancer or NAT gateway over the window, cached for the TTL — failures too, so a
   * missing role or an unreachable Monitor endpoint costs one round trip a minute, not one per answer.
   */
  rawDoc(target: SnatTarget, windowMinutes = 60): Promise<MetricsDoc> {
    const key = `${target.id.toLowerCase()}|${windowMinutes}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const value = this.load(target, windowMinutes);
    this.cache.set(key, { expires: Date.now() + (this.o.ttlMs ?? 60_000), value });
    value.catch(() => undefined);
    return value;
  }

  private async load(target: SnatTarget, windowMinutes: number): Promise<MetricsDoc> {
    const end = this.o.now?.() ?? new Date();
    const start = new Date(end.getTime() - windowMinutes * 60_000);
    try {
      const client = this.client(target);
      const queries = target.kind === 'lb' ? LB_QUERIES : NAT_QUERIES;
      const answers = await Promise.all(
        queries.map((q) =>
          client.queryResources([target.id], q.names, NAMESPACE[target.kind], {
            startTime: start,
            endTime: end,
            interval: 'PT1M',
            aggregation: q.aggregation,
            ...(q.filter ? { filter: q.filter, top: TOP } : {}),
          }),
        ),
      );
      return docOf(answers.flat(), target, start, end);
    } catch (e) {
      throw e instanceof LookupError ? e : metricsFailure(target, e);
    }
  }

  async snatUsage(target: SnatTarget, windowMinutes = 60): Promise<SnatUsage> {
    return usageFromDoc(await this.rawDoc(target, windowMinutes), target, windowMinutes);
  }
}

/** A snapshot's `azure/metrics/<name>.json` files (read when asked; a missing file: no metrics for it). */
export class SnapshotMetrics implements SnatMetrics {
  constructor(readonly dir: string) {}

  /** The folder's reader, when the snapshot has one. */
  static of(snapshotDir: string): SnapshotMetrics | undefined {
    const dir = join(snapshotDir, 'azure', 'metrics');
    return existsSync(dir) ? new SnapshotMetrics(dir) : undefined;
  }

  async snatUsage(target: SnatTarget): Promise<SnatUsage | undefined> {
    const file = join(this.dir, `${target.name}.json`);
    // names come from the snapshot's own resources; nothing outside the folder is read
    if (!/^[\w.-]+$/.test(target.name) || !existsSync(file)) return undefined;
    let doc: MetricsDoc | undefined;
    try {
      doc = asMetricsDoc(JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')));
    } catch (e) {
      throw new LookupError(`SNAT metrics of ${target.name}`, `${file}: ${(e as Error).message}`, 'unavailable');
    }
    if (!doc)
      throw new LookupError(
        `SNAT metrics of ${target.name}`,
        `${file}: not the output of \`az monitor metrics list -o json\` (no "value" array)`,
        'unavailable',
      );
    return usageFromDoc(doc, target);
  }
}
