// Azure Front Door (Standard/Premium) in front of the way in: an origin whose host name is the route / ingress
// host, the front Service's public IP or its DNS name makes Front Door the first hop. Front Door ends the
// client's connection at its edge and opens a new one to the origin from its backend addresses (service tag
// AzureFrontDoor.Backend); the client IP travels in X-Forwarded-For and X-Azure-ClientIP. The profiles come from
// the snapshot only (azure/afd-*.json). Pure.
// https://learn.microsoft.com/azure/frontdoor/origin
import type { FrontDoor, FrontDoorOrigin } from '../inventory/front-door';
import type { Hop, PathResult } from '../path/result';
import type { InboundDecision } from './decide';
import type { InboundSubjects } from './resolve';

export interface FrontDoorHit {
  profile: FrontDoor;
  origin: FrontDoorOrigin;
  /** what the origin's host name was matched as */
  by: 'host' | 'public IP' | 'DNS name';
}

/** What an origin may name for this way in: hosts, the entry address and its DNS names. */
interface Name {
  value?: string;
  by: FrontDoorHit['by'];
}

// a LoadBalancer Service's DNS label names its public IP <label>.<region>.cloudapp.azure.com
// https://learn.microsoft.com/azure/aks/static-ip#apply-a-dns-label-to-the-service
const DNS_LABEL = 'service.beta.kubernetes.io/azure-dns-label-name';

function hostsOf(d: InboundDecision, s: InboundSubjects): (string | undefined)[] {
  const hosts = [
    s.host,
    s.route?.spec?.host,
    ...(s.ingress?.spec?.rules ?? []).map((r) => r.host),
    ...(s.httpRoute?.spec?.hostnames ?? []),
  ];
  if ('door' in d) hosts.push(d.door.host);
  if (d.kind === 'app-gateway') hosts.push(d.path.host);
  if (d.kind === 'gateway-api') hosts.push(d.path.host, d.path.address);
  return hosts;
}

function namesOf(d: InboundDecision, s: InboundSubjects): Name[] {
  const out: Name[] = hostsOf(d, s).map((value) => ({ value, by: 'host' }));
  const gw = d.kind === 'app-gateway' ? d.path : undefined;
  out.push({ value: 'entry' in d ? d.entry.ip : gw?.frontendIp, by: 'public IP' });
  const pip = 'lb' in d ? d.lb.hit?.publicIp : gw?.publicIp;
  out.push({ value: pip?.fqdn, by: 'DNS name' });
  const label = 'entry' in d ? d.entry.front.metadata.annotations?.[DNS_LABEL] : undefined;
  if (label && pip?.location) out.push({ value: `${label}.${pip.location}.cloudapp.azure.com`, by: 'DNS name' });
  return out.filter((n) => !!n.value);
}

/** The Front Door origin that points at this way in (an enabled one first), if the data has one. */
export function matchFrontDoor(
  doors: FrontDoor[] | undefined,
  d: InboundDecision,
  s: InboundSubjects,
): FrontDoorHit | undefined {
  if (!doors?.length) return undefined;
  const names = namesOf(d, s);
  const hits = doors.flatMap((profile) =>
    profile.origins.flatMap((origin) => {
      const n = names.find((x) => x.value!.toLowerCase() === origin.hostName.toLowerCase());
      return n ? [{ profile, origin, by: n.by }] : [];
    }),
  );
  return hits.find((h) => h.origin.enabled) ?? hits[0];
}

/** Front Door's backend addresses: what the next hop sees as the source. */
// https://learn.microsoft.com/azure/frontdoor/origin-security
const FRONT_DOOR_SOURCE = 'AzureFrontDoor.Backend';

/** The answer with Front Door as the first hop: the client's connection ends there, a new one reaches the origin. */
export function withFrontDoor(r: PathResult, hit: FrontDoorHit | undefined): PathResult {
  if (!hit || r.hops[0]?.kind !== 'client') return r;
  const { profile, origin } = hit;
  const client = r.hops[0].src ?? 'client';
  const endpoint = profile.endpoints.map((e) => e.hostName ?? e.name).join(', ') || `profile ${profile.name}`;
  const swap = (x?: string) => (x === client ? FRONT_DOOR_SOURCE : x);
  const door: Hop = {
    kind: 'front-door',
    name: `${profile.name} (Azure Front Door)`,
    src: r.hops[0].src,
    dst: origin.hostName,
    note:
      `origin ${origin.group}/${origin.name} → ${origin.hostName} (its ${hit.by})` +
      `${origin.enabled ? '' : ', disabled: Front Door sends it nothing'}; ` +
      // https://learn.microsoft.com/azure/frontdoor/front-door-http-headers-protocol
      `a new connection from Front Door's ${FRONT_DOOR_SOURCE} addresses, the client IP in X-Forwarded-For and ` +
      `X-Azure-ClientIP`,
    nat: { kind: 'proxy', from: client, to: FRONT_DOOR_SOURCE },
  };
  const rest = r.hops.slice(1).map((h) => ({
    ...h,
    src: swap(h.src),
    ...(h.nat ? { nat: { ...h.nat, from: swap(h.nat.from)! } } : {}),
  }));
  return {
    ...r,
    answer:
      `Azure Front Door ${profile.name} (${endpoint}) is the first hop: its origin ${origin.group}/${origin.name} ` +
      `points at ${origin.hostName} (this way in's ${hit.by}), so what follows sees Front Door's ` +
      `${FRONT_DOOR_SOURCE} addresses, not the client. ${r.answer} The client's own IP travels in ` +
      `X-Forwarded-For and X-Azure-ClientIP, set by Front Door.`,
    hops: [{ ...r.hops[0], dst: profile.endpoints[0]?.hostName ?? r.hops[0].dst }, door, ...rest],
    seenAs: r.seenAs?.map((x) => swap(x)!),
    clientIp: 'xff',
    facts: [
      { label: 'Front Door', value: `${profile.name} (${profile.sku ?? 'Standard/Premium'}), endpoint ${endpoint}` },
      { label: 'Origin', value: `${origin.group}/${origin.name} → ${origin.hostName}` },
      ...r.facts,
    ],
    verify: [
      `az afd origin list -g ${profile.resourceGroup ?? '<rg>'} --profile-name ${profile.name} ` +
        `--origin-group-name ${origin.group} -o table`,
      ...r.verify,
    ],
  };
}
