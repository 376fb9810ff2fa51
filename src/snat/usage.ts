// SNAT usage from Azure Monitor metrics, in the shape `az monitor metrics list` prints (the snapshot file and what
// the live adapter turns the SDK's answer into), reduced to what the answers say: peak ports used and allocated per
// backend IP, failed connections, dropped packets. Pure: no SDK, no I/O.

/** Where the outbound SNAT happens: a Standard Load Balancer or a NAT gateway. */
export interface SnatTarget {
  kind: 'lb' | 'nat-gateway';
  id: string;
  name: string;
  /** the resource's region (the metrics endpoint is regional) */
  location?: string;
}

/** One metric of `az monitor metrics list` (Azure Monitor REST `Metrics - List`, `value[]`). */
export interface MetricDoc {
  id?: string;
  name: string | { value?: string; localizedValue?: string };
  unit?: string;
  errorCode?: string;
  timeseries?: {
    metadatavalues?: { name?: string | { value?: string; localizedValue?: string }; value?: string }[];
    data?: { timeStamp: string; average?: number; maximum?: number; minimum?: number; total?: number }[];
  }[];
}

/** `az monitor metrics list -o json` output: what a snapshot's `azure/metrics/<name>.json` holds. */
export interface MetricsDoc {
  cost?: number;
  interval?: string;
  namespace?: string;
  resourceregion?: string;
  timespan?: string;
  value: MetricDoc[];
}

export interface BackendUsage {
  /** the backend IP address (a node's private IP) */
  ip: string;
  /** peak of UsedSnatPorts over the window */
  usedPeak?: number;
  /** peak of AllocatedSnatPorts over the window */
  allocatedPeak?: number;
  /** SnatConnectionCount with ConnectionState failed, summed over the window */
  failed?: number;
}

export interface SnatUsage {
  target: SnatTarget;
  /** the window the figures cover, in minutes */
  windowMinutes: number;
  /** load balancer: per backend IP */
  backends: BackendUsage[];
  /** failed SNAT connections over the window (all backends, or the NAT gateway's) */
  failed?: number;
  /** NAT gateway: PacketDropCount over the window */
  droppedPackets?: number;
  /** NAT gateway: peak of TotalConnectionCount (active SNAT connections) over the window */
  connectionsPeak?: number;
}

/** What the answers get: the usage, or why there is none ("not available (…)"). */
export type SnatReading = { target: SnatTarget; usage: SnatUsage } | { target: SnatTarget; unavailable: string };

/** The port every source of metrics implements (live: Azure Monitor; snapshot: `azure/metrics/*.json`). */
export interface SnatMetrics {
  /** undefined: the source has no metrics for it (said as "not available"); failures throw LookupError */
  snatUsage(target: SnatTarget, windowMinutes?: number): Promise<SnatUsage | undefined>;
}

// Metric names and dimensions in the REST API: load balancers
// https://learn.microsoft.com/en-nz/azure/azure-monitor/reference/supported-metrics/microsoft-network-loadbalancers-metrics
export const LB_METRICS = {
  used: 'UsedSnatPorts',
  allocated: 'AllocatedSnatPorts',
  connections: 'SnatConnectionCount',
  backend: 'BackendIPAddress',
  state: 'ConnectionState',
} as const;

// ... and NAT gateways: no per-port metric; SNATConnectionCount by ConnectionState, PacketDropCount,
// TotalConnectionCount
// https://learn.microsoft.com/en-nz/azure/azure-monitor/reference/supported-metrics/microsoft-network-natgateways-metrics
export const NAT_METRICS = {
  connections: 'SNATConnectionCount',
  dropped: 'PacketDropCount',
  total: 'TotalConnectionCount',
  state: 'ConnectionState',
} as const;

/** Names compare without case or spaces: the SDK returns localized names ("Used SNAT Ports"). */
const norm = (s: string | undefined): string => (s ?? '').replace(/\s+/g, '').toLowerCase();
const nameText = (n: MetricDoc['name'] | undefined): string =>
  typeof n === 'string' ? n : (n?.value ?? n?.localizedValue ?? '');

/** A metric by its REST name: the `name.value`, the display name, or the last segment of its ID. */
const metric = (doc: MetricsDoc, name: string): MetricDoc | undefined =>
  doc.value.find(
    (m) =>
      norm(nameText(m.name)) === norm(name) ||
      (typeof m.name === 'object' && norm(m.name.localizedValue) === norm(name)) ||
      norm(m.id?.split('/').pop()) === norm(name),
  );

type Series = NonNullable<MetricDoc['timeseries']>[number];
const dim = (s: Series, name: string): string | undefined =>
  s.metadatavalues?.find((m) => norm(nameText(m.name as MetricDoc['name'])) === norm(name))?.value;

/** Per group (a dimension's value, or '' for all): the values at each time summed across series, then reduced. */
function perGroup(
  m: MetricDoc | undefined,
  pick: (p: NonNullable<Series['data']>[number]) => number | undefined,
  groupBy?: string,
  only?: { dim: string; value: string },
): Map<string, number[]> {
  const out = new Map<string, Map<string, number>>();
  for (const s of m?.timeseries ?? []) {
    if (only && norm(dim(s, only.dim)) !== norm(only.value)) continue;
    const key = groupBy ? (dim(s, groupBy) ?? '') : '';
    const at = out.get(key) ?? out.set(key, new Map()).get(key)!;
    for (const p of s.data ?? []) {
      const v = pick(p);
      if (typeof v === 'number') at.set(p.timeStamp, (at.get(p.timeStamp) ?? 0) + v);
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v.values()]]));
}

const peak = (xs: number[] | undefined): number | undefined => (xs?.length ? Math.max(...xs) : undefined);
const sum = (xs: number[] | undefined): number | undefined => (xs ? xs.reduce((a, b) => a + b, 0) : undefined);
const maxOrAvg = (p: { maximum?: number; average?: number }) => p.maximum ?? p.average;
const total = (p: { total?: number }) => p.total;
const FAILED = (d: string) => ({ dim: d, value: 'failed' });

/** The window a document covers, from its `timespan` ("start/end"), in minutes (default: an hour). */
function windowOf(doc: MetricsDoc, fallback = 60): number {
  const [a, b] = (doc.timespan ?? '').split('/').map((t) => Date.parse(t));
  return Number.isFinite(a) && Number.isFinite(b) && b > a ? Math.round((b - a) / 60000) : fallback;
}

/** The figures of a metrics document for a load balancer or a NAT gateway. */
export function usageFromDoc(doc: MetricsDoc, target: SnatTarget, windowMinutes = windowOf(doc)): SnatUsage {
  if (target.kind === 'nat-gateway') {
    const failed = perGroup(metric(doc, NAT_METRICS.connections), total, undefined, FAILED(NAT_METRICS.state));
    const dropped = perGroup(metric(doc, NAT_METRICS.dropped), total);
    const conns = perGroup(metric(doc, NAT_METRICS.total), total);
    return {
      target,
      windowMinutes,
      backends: [],
      failed: metric(doc, NAT_METRICS.connections) ? (sum(failed.get('')) ?? 0) : undefined,
      droppedPackets: sum(dropped.get('')),
      connectionsPeak: peak(conns.get('')),
    };
  }
  const b = LB_METRICS.backend;
  const used = perGroup(metric(doc, LB_METRICS.used), maxOrAvg, b);
  const allocated = perGroup(metric(doc, LB_METRICS.allocated), maxOrAvg, b);
  const conns = metric(doc, LB_METRICS.connections);
  const failed = perGroup(conns, total, b, FAILED(LB_METRICS.state));
  const ips = [...new Set([...used.keys(), ...allocated.keys(), ...failed.keys()])].filter(Boolean).sort();
  const backends = ips.map((ip) => ({
    ip,
    usedPeak: peak(used.get(ip)),
    allocatedPeak: peak(allocated.get(ip)),
    failed: conns ? (sum(failed.get(ip)) ?? 0) : undefined,
  }));
  const failedAll = conns ? [...failed.values()].reduce((n, xs) => n + (sum(xs) ?? 0), 0) : undefined;
  return { target, windowMinutes, backends, failed: failedAll };
}

/** Is this an `az monitor metrics list` document (or several, as a JSON array)? Merged into one. */
export function asMetricsDoc(raw: unknown): MetricsDoc | undefined {
  const docs = Array.isArray(raw) ? raw : [raw];
  if (!docs.every((d) => d && typeof d === 'object' && Array.isArray((d as MetricsDoc).value))) return undefined;
  const all = docs as MetricsDoc[];
  return { ...all[0], value: all.flatMap((d) => d.value) };
}

/** Share of the allocation used at peak, in percent (undefined without both figures). */
export const percentUsed = (used?: number, allocated?: number): number | undefined =>
  used !== undefined && allocated ? Math.round((100 * used) / allocated) : undefined;

// Failed SNAT connections are the evidence of port exhaustion (NAT gateway and load balancer alike):
// https://learn.microsoft.com/en-us/azure/virtual-network/nat-gateway/troubleshoot-nat-connectivity
// Ports used at peak above this share of the allocation is "close to exhaustion" (our alert level, not an Azure limit).
export const CLOSE_TO_EXHAUSTION = 80;
