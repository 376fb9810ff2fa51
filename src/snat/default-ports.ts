// Azure's default SNAT port allocation (allocatedOutboundPorts 0 on an outbound rule, or a load-balancing rule's
// implicit SNAT): the table's ports for the backend pool size, per frontend IP, at most 1,024 per instance. Pure.
// https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections#preallocatedports
import { defaultPortsPerInstance as defaultPorts } from '../path/snat';

/** The table ends at 1,000 instances (32 ports each). */
const DEFAULT_TABLE_MAX_POOL = 1000;

/** The largest pool that still gets `ports` per instance by default (the default shrinks as the pool grows). */
export function largestPoolAt(ports: number, frontendIps = 1): number {
  let pool = 1;
  while (pool < DEFAULT_TABLE_MAX_POOL && defaultPorts(pool + 1, frontendIps) >= ports) pool++;
  return pool;
}

const n = (x: number): string => x.toLocaleString('en-US');

/** How the default changes as the pool grows: "1,024 per instance up to 50 instances, then 512 up to 100, …". */
export function growthText(poolSize: number, frontendIps = 1, unit = 'node'): string {
  const steps: string[] = [];
  let pool = Math.max(poolSize, 1);
  while (pool <= DEFAULT_TABLE_MAX_POOL && steps.length < 3) {
    const ports = defaultPorts(pool, frontendIps);
    const last = largestPoolAt(ports, frontendIps);
    steps.push(`${n(ports)} up to ${n(last)}${steps.length ? '' : ` ${unit}s`}`);
    pool = last + 1;
  }
  const end =
    pool <= DEFAULT_TABLE_MAX_POOL ? `, … ${defaultPorts(DEFAULT_TABLE_MAX_POOL, frontendIps)} up to 1,000` : '';
  return `the default shrinks as the pool grows: ${steps.join(', then ')}${end} (the table's largest pool)`;
}
