// SNAT usage in words, shared by the egress answer (the pod's node) and the SNAT question (every node). Pure.
import { CLOSE_TO_EXHAUSTION, percentUsed, type BackendUsage, type SnatReading, type SnatUsage } from './usage';

export const n = (x: number): string => x.toLocaleString('en-US');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** "the last hour", or the minutes a snapshot's file covers. */
export const windowText = (u: SnatUsage): string =>
  u.windowMinutes === 60 ? 'the last hour' : `the last ${plural(u.windowMinutes, 'minute')}`;

/** A backend's peak use against its allocation (the metric's, else the rules'). */
export interface PortUse {
  used?: number;
  allocated?: number;
  percent?: number;
  failed?: number;
}

export function portUse(b: BackendUsage | undefined, allocatedByRule?: number): PortUse {
  const allocated = b?.allocatedPeak || allocatedByRule;
  return { used: b?.usedPeak, allocated, percent: percentUsed(b?.usedPeak, allocated), failed: b?.failed };
}

const failedText = (failed: number | undefined) =>
  failed === undefined ? 'failed connections not reported' : plural(failed, 'failed connection');

/** "612 of 1,024 ports in use at peak in the last hour (60 %)" */
export const portsText = (p: PortUse, u: SnatUsage): string =>
  p.used === undefined
    ? `no port usage reported in ${windowText(u)}`
    : `${n(p.used)}${p.allocated ? ` of ${n(p.allocated)}` : ''} ports in use at peak in ${windowText(u)}` +
      (p.percent !== undefined ? ` (${p.percent} %)` : '');

/** "612 of 1,024 ports in use at peak in the last hour (60 %); 0 failed connections" */
export const useText = (p: PortUse, u: SnatUsage): string => `${portsText(p, u)}; ${failedText(p.failed)}`;

/** A NAT gateway's figures: failed connections, dropped packets, active connections at peak. */
export function natText(u: SnatUsage, ports?: number): string {
  const conns =
    u.connectionsPeak !== undefined
      ? `; ${n(u.connectionsPeak)} active connections at peak${ports ? ` (${n(ports)} SNAT ports)` : ''}`
      : '';
  const dropped = u.droppedPackets !== undefined ? ` and ${plural(u.droppedPackets, 'dropped packet')}` : '';
  return `${failedText(u.failed)}${dropped} in ${windowText(u)}${conns}`;
}

/** The SNAT usage line of the egress answer for one node, and a warning when it is close to (or at) exhaustion. */
export function nodeUsage(
  r: SnatReading,
  nodeIps: (string | undefined)[],
  node: string,
  allocatedByRule?: number,
  natPorts?: number,
): { text: string; warnings: string[] } {
  if ('unavailable' in r) return { text: `not available (${r.unavailable})`, warnings: [] };
  const u = r.usage;
  // remedies: more public IPs, a shorter idle timeout
  // https://learn.microsoft.com/en-us/azure/virtual-network/nat-gateway/troubleshoot-nat-connectivity
  if (u.target.kind === 'nat-gateway') {
    const failing = (u.failed ?? 0) > 0;
    const warning =
      `SNAT: ${plural(u.failed ?? 0, 'failed connection')} through NAT gateway ${u.target.name} in ${windowText(u)}: ` +
      'it ran out of SNAT ports for some destinations; add public IPs or lower the idle timeout';
    return { text: natText(u, natPorts), warnings: failing ? [warning] : [] };
  }
  const b = u.backends.find((x) => nodeIps.includes(x.ip));
  if (!b) {
    const ips = nodeIps.filter(Boolean).join(', ') || 'unknown';
    return { text: `no figures for node IP ${ips} in ${windowText(u)}`, warnings: [] };
  }
  const p = portUse(b, allocatedByRule);
  // remedies: more ports per instance or more frontend IPs on the outbound rule
  // https://learn.microsoft.com/azure/load-balancer/outbound-rules#snatports
  const warnings: string[] = [];
  if ((p.failed ?? 0) > 0)
    warnings.push(
      `SNAT: ${plural(p.failed!, 'failed connection')} from node ${node} through ${u.target.name} ` +
        `in ${windowText(u)}: the node ran out of SNAT ports; give it more ports ` +
        '(allocatedOutboundPorts, more frontend IPs) or use a NAT gateway',
    );
  else if ((p.percent ?? 0) >= CLOSE_TO_EXHAUSTION)
    warnings.push(
      `SNAT: node ${node} used ${n(p.used!)} of ${n(p.allocated!)} SNAT ports at peak in ${windowText(u)} ` +
        `(${p.percent} %): close to exhaustion`,
    );
  return { text: useText(p, u), warnings };
}
