// SNAT port arithmetic of the Azure Standard Load Balancer: 64,000 ports per frontend IP (a prefix counts
// each of its addresses).
// https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections#preallocatedports

const PORTS_PER_FRONTEND_IP = 64000;

/** Default port allocation per backend instance by pool size (allocatedOutboundPorts = 0 or implicit SNAT). */
const DEFAULT_ALLOCATION: [maxPool: number, ports: number][] = [
  [50, 1024],
  [100, 512],
  [200, 256],
  [400, 128],
  [800, 64],
  [1000, 32],
];

/** The table's ports per frontend IP, times the frontend IPs, at most 1,024 per instance ("MIN(table × IPs, 1024)"). */
export function defaultPortsPerInstance(poolSize: number, frontendIps = 1): number {
  const table = DEFAULT_ALLOCATION.find(([max]) => Math.max(poolSize, 1) <= max)?.[1] ?? 32;
  return Math.min(table * Math.max(frontendIps, 1), 1024);
}

/** "1024 ports per instance, the default for a pool of 3" */
export const defaultText = (poolSize: number, frontendIps = 1): string =>
  `${defaultPortsPerInstance(poolSize, frontendIps)} ports per instance, the default for a pool of ${poolSize}`;

export interface SnatCapacity {
  portsPerInstance: number;
  /** true when allocatedOutboundPorts was set on the rule */
  explicit: boolean;
  frontendIps: number;
  maxInstances: number;
  poolSize: number;
  warning?: string;
}

export function snatCapacity(allocatedPorts: number, frontendIps: number, poolSize: number): SnatCapacity {
  const explicit = allocatedPorts > 0;
  const portsPerInstance = explicit ? allocatedPorts : defaultPortsPerInstance(poolSize, frontendIps);
  // default allocation shrinks the ports per instance as the pool grows, up to 1000 instances
  const maxInstances = explicit
    ? Math.floor((Math.max(frontendIps, 1) * PORTS_PER_FRONTEND_IP) / portsPerInstance)
    : DEFAULT_ALLOCATION.at(-1)![0];
  let warning: string | undefined;
  // allocatedOutboundPorts must be a multiple of 8
  // https://learn.microsoft.com/azure/load-balancer/outbound-rules#snatports
  if (explicit && portsPerInstance % 8 !== 0) {
    warning =
      `SNAT: allocatedOutboundPorts ${portsPerInstance} is not a multiple of 8, which Azure requires: ` +
      'check the outbound rule (the figures below assume it as written)';
  } else if (explicit && poolSize >= maxInstances) {
    warning =
      `SNAT: ${poolSize} backend instances but ${frontendIps} frontend ` +
      `IP(s) × 64,000 ports / ${portsPerInstance} ports per instance allows ` +
      `only ${maxInstances}: further nodes get no outbound ports (scale-out fails)`;
  } else if (explicit && poolSize >= Math.ceil(maxInstances * 0.9)) {
    warning =
      `SNAT: ${poolSize} of at most ${maxInstances} backend instances are ` +
      `in use (within 10 % of the limit); add frontend IPs or lower allocatedOutboundPorts before scaling out`;
  }
  return {
    portsPerInstance,
    explicit,
    frontendIps,
    maxInstances,
    poolSize,
    warning,
  };
}

/** How many addresses a CIDR holds ("20.50.60.0/30" → 4). */
export function addressCount(cidr: string): number | undefined {
  const bits = Number(cidr.split('/')[1]);
  return Number.isInteger(bits) && bits >= 0 && bits <= 32 ? 2 ** (32 - bits) : undefined;
}
