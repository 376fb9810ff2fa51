// Intent from cue words plus the entities found: a pod with "internet/outbound/partner" is egress, two
// workloads are east-west or policy, requests through the router to a workload are inbound; questions about
// other clouds, prices or changes are out of scope.
import { formsOf, positionOf } from './entities';
import type { Entity, Intent } from './parse';

const OTHER_CLOUDS = /\b(aws|eks|amazon|ec2|gcp|gke|google cloud|cloud run|digitalocean|alibaba cloud|openstack)\b/;
const PRICES = /\b(costs?|price[sd]?|pricing|how much (does|do|is|are)|per month|monthly)\b/;
const CHANGES =
  /\b(can|could|would) you (please )?(create|add|delete|remove|open|close|change|apply|write|set up|scale)\b/;
const KUBECTL_WRITE = /\bkubectl (delete|rollout|scale|apply|edit|patch|exec|drain|cordon|label|annotate)\b/;

/** Out to the Internet: the far end is outside ("partner", "vendor", "internet sees", "outbound"…). */
const OUT = new RegExp(
  String.raw`\b(outbound|outgoing|egress|go(es)? out|leav(e|es|ing)|snat|nat gateway|allowlist|whitelist|partner|` +
    String.raw`vendor|bank|third[- ]party|external (api|service|server|call)s?|(reach|reaches|call|calls|hit|hits) ` +
    String.raw`the internet|internet (will )?sees?|public ip)\b`,
);
/** Two parties talking: "reach", "talk to", "connect", "path", "->". */
const PAIR = /(\b(reach|reaches|talk|talks|connect|connects|call|calls|get to|gets to|path|trace|hit|hits)\b|->|→)/;
const CAN = /\b(can|can't|cant|cannot|allowed|blocked|blocking|reachable|permitted|let|lets|denied|deny)\b/;
/** Requests that come in through the router / ingress controller: an inbound question about the workload. */
const THROUGH_ROUTER = new RegExp(
  String.raw`\b(requests?|traffic|users?|clients?)\b.{0,40}\b(through|via|from)\s+(the\s+)?` +
    String.raw`(router|ingress|route|openshift router)\b|\brouter\b.{0,30}\brequests?\b`,
);

const HOSTS: Entity['kind'][] = ['host', 'route', 'ingress'];
const WORKLOADS: Entity['kind'][] = ['pod', 'workload', 'pod-ip'];

/** The distinct parties of a question: workloads and Services, one per set of pods. */
function parties(entities: Entity[]): Entity[] {
  const seen = new Set<string>();
  return entities.filter((e) => {
    if (![...WORKLOADS, 'service'].includes(e.kind)) return false;
    const key = (e.pods ?? [e.matched]).join(',');
    const workloadKey = e.kind === 'service' ? undefined : key;
    if (seen.has(key) || (workloadKey && seen.has(workloadKey))) return false;
    seen.add(key);
    return true;
  });
}

function outOfScope(t: string): boolean {
  return [OTHER_CLOUDS, PRICES, CHANGES, KUBECTL_WRITE].some((re) => re.test(t));
}

/** The intent once the entities are known (the text's cues alone can misread who is asking what). */
export function reconsider(intent: Intent): void {
  const t = intent.text;
  if (outOfScope(t)) {
    intent.outOfScope = true;
    intent.kind = 'unknown';
    return;
  }
  intent.kind = kindFor(intent, t);
  intent.roles = rolesOf(intent);
}

function kindFor(intent: Intent, t: string): Intent['kind'] {
  const entities = intent.entities ?? [];
  const hosts = entities.filter((e) => HOSTS.includes(e.kind));
  const workloads = entities.filter((e) => WORKLOADS.includes(e.kind));
  const both = parties(entities);
  const workloadSet = new Set(workloads.map((w) => (w.pods ?? []).join(',')));
  const movable = ['inbound', 'east-west', 'load-balancers', 'unknown', 'policy'].includes(intent.kind);
  if (THROUGH_ROUTER.test(t) && workloads.length && !/\bcan\b/.test(t)) {
    // the router is the way in, not what the question is about
    const about = intent.names.filter((n) => !/^(router|routers|ingress|route)$/.test(n));
    if (about.length) intent.names = about;
    return 'inbound';
  }
  if (movable && OUT.test(t) && workloadSet.size === 1 && !hosts.length && !intent.ips.some(isPublic)) return 'egress';
  if (both.length >= 2 && !hosts.length && pairable(intent, t)) return CAN.test(t) ? 'policy' : 'east-west';
  if (intent.kind === 'unknown') return byEntity(intent, hosts, both);
  if (intent.kind === 'east-west' && both.length === 1 && !intent.ips.length && CLIENT_IN.test(t)) return 'inbound';
  return intent.kind;
}

/** One workload and the client's address coming in: "does web see the client ip when hit via its LB?" */
const CLIENT_IN = new RegExp(
  String.raw`\b(client('s)? ip|from (the )?(internet|outside)|` +
    String.raw`via (its |the )?(loadbalancer|load balancer|lb|route|ingress|service))\b`,
);

function pairable(intent: Intent, t: string): boolean {
  if (['east-west', 'policy', 'dns', 'what-is'].includes(intent.kind)) return false;
  if (intent.kind === 'unknown') return PAIR.test(t) || CAN.test(t);
  // a pod question never asks what one side sees of the other
  if (intent.kind === 'pod') return /\bsees?\b/.test(t);
  if (intent.kind === 'egress') return /\bbetween\b/.test(t) || (!OUT.test(t.replace(/\bsnat\b/g, '')) && PAIR.test(t));
  return ['inbound', 'load-balancers'].includes(intent.kind);
}

const isPublic = (ip: string): boolean =>
  !/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.)/.test(ip);

const INBOUND_CUE =
  /\b(reach|reaches|get to|gets to|get in|requests?|traffic|path|users?|customers?|hits?|load|503s?|502s?|down)\b/;

/** No cue word settled it: a host with "reach/requests/traffic" is inbound, a bare FQDN is DNS, a bare IP what-is. */
function byEntity(intent: Intent, hosts: Entity[], parties: Entity[]): Intent['kind'] {
  const t = intent.text;
  if (hosts.length && INBOUND_CUE.test(t)) return 'inbound';
  const fqdn = intent.names.filter((n) => /\.svc(\.cluster\.local)?$/.test(n));
  if (fqdn.length === 1 && intent.names.length === 1 && !parties.some((p) => p.kind !== 'service')) return 'dns';
  if (intent.ips.length === 1 && !intent.names.length) return 'what-is';
  return 'unknown';
}

/** The parties in the order said: names ("ns/name" when said with a namespace) and pod IPs as their pods. */
export function partiesOf(intent: Intent): { parties: string[]; ips: string[]; from?: string } {
  const podIps = (intent.entities ?? []).filter((e) => e.kind === 'pod-ip');
  const places = new Set(
    (intent.entities ?? []).filter((e) => e.kind === 'namespace' || e.kind === 'node').map((e) => e.text),
  );
  const named = intent.refs
    .filter((r) => !places.has(r.namespace ? `${r.namespace}/${r.name}` : r.name))
    .map((r) => ({
      p: r.namespace ? `${r.namespace}/${r.name}` : r.name,
      at: positionOf(intent.text, formsOf(r)),
    }));
  const byIp = podIps.map((e) => ({ p: e.matched, at: intent.text.indexOf(e.text) }));
  const parties = [...named, ...byIp].sort((a, b) => a.at - b.at).map((x) => x.p);
  const fromIp = /\b(?:from|when|logs?|logged|logging|sees?|seeing)\s+(\d{1,3}(?:\.\d{1,3}){3})\b/.exec(
    intent.text,
  )?.[1];
  const from =
    podIps.find((e) => e.text === fromIp)?.matched ?? parties.find((p) => p.split('/').pop() === intent.from);
  return { parties, ips: intent.ips.filter((ip) => !podIps.some((e) => e.text === ip)), from };
}

/** Who is who, as `packet-path parse` shows it: the subject, or the client and target of a pair question. */
function rolesOf(intent: Intent): Intent['roles'] {
  if (intent.kind === 'east-west' || intent.kind === 'policy') {
    const { parties, ips, from } = partiesOf(intent);
    const client = from ?? parties[0];
    return { client, target: parties.find((p) => p !== client) ?? ips[0] };
  }
  const first = (intent.entities ?? []).find((e) => e.kind !== 'namespace');
  return first ? { subject: first.matched } : undefined;
}
