// IPv4 arithmetic for route matching and "what is this address".

function ipv4ToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export const isIpv4 = (s: string): boolean => ipv4ToInt(s) !== undefined;

/** Is ip in an inclusive range "first-last" (as Azure Firewall rules write them)? */
export function rangeContains(range: string, ip: string): boolean {
  const [lo, hi, n] = [...range.split('-').map(ipv4ToInt), ipv4ToInt(ip)];
  return lo !== undefined && hi !== undefined && n !== undefined && n >= lo && n <= hi;
}

function parseCidr(cidr: string): { base: number; bits: number } | undefined {
  const [addr, len] = cidr.trim().split('/');
  const base = ipv4ToInt(addr);
  const bits = len === undefined ? 32 : Number(len);
  if (base === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  return { base, bits };
}

export function cidrContains(cidr: string, ip: string): boolean {
  const c = parseCidr(cidr);
  const n = ipv4ToInt(ip);
  if (!c || n === undefined) return false;
  const mask = c.bits === 0 ? 0 : (0xffffffff << (32 - c.bits)) >>> 0;
  return (c.base & mask) >>> 0 === (n & mask) >>> 0;
}

// private address space: RFC 1918 and the RFC 6598 shared space (Azure's "IANA private ranges")
// https://learn.microsoft.com/azure/firewall/snat-private-range
export const PRIVATE_RANGES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];
export const isPrivateIp = (ip: string): boolean => PRIVATE_RANGES.some((r) => cidrContains(r, ip));

/** A private address dialling a public one leaves its own network SNATed to that network's public address: what the
 * far end (load balancer, NSG, pod) sees is not the address said
 * https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections */
export const arrivesSnatted = (client: string | undefined, toPublic: boolean): client is string =>
  toPublic && !!client && isPrivateIp(client);

export const prefixLength = (cidr: string): number => parseCidr(cidr)?.bits ?? -1;

/** The network address of a CIDR ("10.20.0.0/16" → "10.20.0.0"). */
export function cidrFirstAddress(cidr: string): string | undefined {
  const p = parseCidr(cidr);
  if (!p) return undefined;
  const n = p.bits === 0 ? 0 : (p.base >>> 0) & (~0 << (32 - p.bits));
  return [24, 16, 8, 0].map((s) => ((n >>> 0) >>> s) & 255).join('.');
}

/** Does outer hold every address of inner (both CIDRs or addresses)? */
export function cidrCovers(outer: string, inner: string): boolean {
  const [o, i] = [parseCidr(outer), parseCidr(inner)];
  const first = cidrFirstAddress(inner);
  return !!o && !!i && !!first && o.bits <= i.bits && cidrContains(outer, first);
}

/** Do two ranges share an address? */
export const cidrOverlaps = (a: string, b: string): boolean => cidrCovers(a, b) || cidrCovers(b, a);

/** Azure's platform virtual IP: Azure-provided DNS and the source of load balancer health probes. */
// https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16
export const AZURE_PLATFORM_IP = '168.63.129.16';
