// Intent from cue words plus the entities found: a pod with "internet/outbound/partner" is egress, two
// workloads are east-west or policy, requests through the router to a workload are inbound; questions about
// other clouds, prices or changes are out of scope.
import { direction } from './direction';
import { formsOf, positionOf } from './entities';
import type { Entity, Intent, NameRef } from './parse';

const OTHER_CLOUDS = /\b(aws|eks|amazon|ec2|gcp|gke|google cloud|cloud run|digitalocean|alibaba cloud|openstack)\b/;
const PRICES = new RegExp(
  String.raw`\b(costs?|price[sd]?|pricing|how much (does|do|is|are)|per month|monthly|each month|a month|` +
    String.raw`(we|i|you|they|us) pay|pay (for|per|each)|paying for|expensive|per gb|invoice|bill(?! of))\b`,
);
const CHANGES =
  /\b(can|could|would) you (please )?(create|add|delete|remove|open|close|change|apply|write|set up|scale)\b/;
const KUBECTL_WRITE = /\bkubectl (delete|rollout|scale|apply|edit|patch|exec|drain|cordon|label|annotate)\b/;

/** Out to the Internet: the far end is outside ("partner", "vendor", "internet sees", "outbound"…). */
const OUT = new RegExp(
  String.raw`\b(outbound|outgoing|egress|go(es)? out|leav(e|es|ing)|snat|nat gateway|allowlist|whitelist|partner|` +
    String.raw`vendor|bank|third[- ]party|external (api|service|server|call)s?|(reach|reaches|call|calls|hit|hits) ` +
    String.raw`the internet|internet (will )?sees?|public ip|` +
    String.raw`(get|gets|talk|talks|reach|reaches|go|goes) (out )?(to )?(the )?(public )?(internet|outside world)|` +
    String.raw`(?<!\b(exposed|open|opened|visible|accessible|reachable) )(to|towards|into|onto) (the )?(public )?` +
    String.raw`(internet|outside world)|internet[- ](traffic|bound|access|calls?)|` +
    // "when it calls out", "public source ip", "seen externally", "what do we show up as"
    String.raw`(calls?|calling|reach(es)?|reaching|connects?|connecting) out|public source (ip|address)|` +
    String.raw`externally|(show|shows|showing) up as)\b`,
);
/** Two parties talking: "reach", "talk to", "connect", "path", "->". */
const PAIR = new RegExp(
  String.raw`(\b(reach|reaches|talk|talks|talking|connect|connects|connecting|call|calls|calling|get to|gets to|path|` +
    String.raw`trace|hit|hits|looks? like to|open (a )?connection|` +
    String.raw`(on )?(its|the) way to|(go|goes|get|gets|route|travel|travels|flow|flows) from|stays? on)\b|->|→)`,
);
const CAN = new RegExp(
  String.raw`\b(can|can't|cant|cannot|may|allowed|blocked|blocking|blocks|reachable|permitted|let|lets|denied|deny|` +
    String.raw`(anything|something) (dropping|rejecting|filtering)|` +
    String.raw`able to|polic(y|ies))\b`,
);
/** Requests that come in through the router / ingress controller: an inbound question about the workload. */
const THROUGH_ROUTER = new RegExp(
  String.raw`\b(requests?|traffic|users?|clients?|people|customers?)\b.{0,40}\b(through|via|from)\s+(the\s+)?` +
    String.raw`((app(lication)? )?gateway( for containers)? |openshift |nginx |agic |agc |[a-z0-9-]+ )?` +
    String.raw`(router|ingress|route|gateway)\b|` +
    String.raw`\brouter\b.{0,30}\brequests?\b`,
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
  // "…when they reach 8.8.8.8" read as egress: the address is where the traffic goes, not a subject
  if (intent.kind === 'egress' && !intent.destination && intent.towards) {
    intent.destination = intent.towards;
    intent.ips = intent.ips.filter((ip) => ip !== intent.towards);
  }
  // read as inbound only now: an address said with it is the client's ("when 198.51.100.7 opens shop.contoso.com")
  if (intent.kind === 'inbound' && !intent.clientIp)
    intent.clientIp = intent.ips.find((ip) => isPublic(ip) && ip !== intent.towards);
  intent.roles = rolesOf(intent);
  // "api service from web, what path": no port said, the target Service's only port is the one used
  const target = (intent.entities ?? []).find((e) => e.text === intent.roles?.target && e.kind === 'service');
  if (intent.port === undefined && target?.ports?.length === 1) intent.port = target.ports[0];
}

interface Found {
  entities: Entity[];
  hosts: Entity[];
  workloads: Entity[];
  /** the distinct parties (workloads and Services) */
  both: Entity[];
  /** the distinct sets of pods the workloads stand for */
  workloadSet: Set<string>;
}

function found(intent: Intent): Found {
  const entities = intent.entities ?? [];
  const workloads = entities.filter((e) => WORKLOADS.includes(e.kind));
  return {
    entities,
    hosts: entities.filter((e) => HOSTS.includes(e.kind)),
    workloads,
    both: parties(entities),
    workloadSet: new Set(workloads.map((w) => (w.pods ?? []).join(','))),
  };
}

function kindFor(intent: Intent, t: string): Intent['kind'] {
  const f = found(intent);
  if (THROUGH_ROUTER.test(t) && f.workloads.length && !/\bcan\b/.test(t)) {
    // the router is the way in, not what the question is about
    const about = intent.names.filter((n) => !/^(router|routers|ingress|route)$/.test(n));
    if (about.length) intent.names = about;
    return 'inbound';
  }
  if (goesOut(intent, t, f)) return 'egress';
  if (f.both.length >= 2 && !f.hosts.length && pairable(intent, t)) return CAN.test(t) ? 'policy' : 'east-west';
  if (intent.kind === 'unknown') return byEntity(intent, f.hosts, f.both);
  return bySubjectKind(intent, t, f);
}

/** Cue words read one way, but what was named says another. */
function bySubjectKind(intent: Intent, t: string, f: Found): Intent['kind'] {
  const noPods = !f.workloads.length;
  // "the cluster ip behind server.project1": a Service's name and no pod is what the name resolves to
  const dottedSvc = f.entities.some((e) => e.kind === 'service' && e.text.includes('.'));
  if (intent.kind === 'pod' && noPods && dottedSvc) return 'dns';
  // "which public ip is shop.contoso.com on": a host's public address is the way in
  if (intent.kind === 'egress' && f.hosts.length && noPods) return 'inbound';
  // "what's its external ip?" of a Service: the address it is reached at
  const service = f.both.length === 1 && f.both[0].kind === 'service';
  if (intent.kind === 'egress' && service && noPods && /\bexternal ip\b/.test(t)) return 'inbound';
  if (intent.kind !== 'east-west') return intent.kind;
  // a host is where requests come in, never the client of a pod-to-pod path ("trace a request to https://host/")
  if (f.hosts.length && f.both.length < 2) return 'inbound';
  if (f.both.length === 1 && !intent.ips.length && CLIENT_IN.test(t)) return 'inbound';
  return intent.kind;
}

/** One workload and a far end outside: "how does api get to the internet", "when 10.244.1.9 calls https://…". */
function goesOut(intent: Intent, t: string, f: Found): boolean {
  if (f.workloadSet.size !== 1 || f.hosts.length) return false;
  const movable = ['inbound', 'east-west', 'load-balancers', 'unknown', 'policy'].includes(intent.kind);
  // a public address in a question about coming in is the client's; with no such cue it may be the egress IP checked
  const client = intent.kind !== 'unknown' && intent.ips.some((ip) => isPublic(ip) && ip !== intent.towards);
  if (movable && (OUT.test(t) || TO_INTERNET.test(t)) && !client) return true;
  if (movable && sourceAtFarEnd(intent, f)) return true;
  // "what source ip will the web pods have when they reach 8.8.8.8": a public address as the far end
  const requestsTo = new RegExp(String.raw`\brequests? (sent )?(to|for|hitting) ${intent.towards}\b`).test(t);
  if (intent.towards && isPublic(intent.towards) && ['east-west', 'unknown'].includes(intent.kind) && !requestsTo)
    return true;
  // "what ip does sqlapi come from when it goes to 52.168.10.4": the address asked for is the pod's way out
  if (intent.towards && isPublic(intent.towards) && ASKS_ADDRESS.test(t) && intent.kind === 'policy') return true;
  // a URL the inventory does not know is a destination outside
  const outside = (intent.urlHosts ?? []).filter((h) => !f.entities.some((e) => e.text === h));
  return outside.length > 0 && ['east-west', 'unknown'].includes(intent.kind);
}

const TO_INTERNET = /(->|→)\s*(the\s+)?internet\b/;

/**
 * "web to 10.100.2.10, what src ip arrives there?": an address no pod has, where the workload goes ("to 10.100.2.10",
 * "at 192.168.10.5", "198.51.100.20 sees"), in a question about the source: the egress to it (the destination).
 */
function sourceAtFarEnd(intent: Intent, f: Found): boolean {
  if (!/\b(src|source)\b/.test(intent.text)) return false;
  const known = new Set(f.entities.map((e) => e.text));
  const far = intent.ips.find((ip) => {
    if (known.has(ip)) return false;
    const at = ip.replace(/\./g, '\\.');
    const goesTo = String.raw`\b(to|at|reach(es)?|towards|calls?|calling|hits?) (on-prem |the )?${at}\b`;
    return new RegExp(String.raw`${goesTo}|\b${at} (sees?|gets?|receives?)\b`).test(intent.text);
  });
  if (far) intent.towards = far;
  return !!far;
}

const ASKS_ADDRESS = /\b(what|which)\b.{0,20}\b(ip|address|source)\b/;

/** One workload and the client's address coming in: "does web see the client ip when hit via its LB?" */
const CLIENT_IN = new RegExp(
  String.raw`\b(client('s)? ip|from (the )?(internet|outside)|` +
    String.raw`via (its |the )?(loadbalancer|load balancer|lb|route|ingress|service))\b`,
);

function pairable(intent: Intent, t: string): boolean {
  if (['east-west', 'policy', 'dns', 'what-is'].includes(intent.kind)) return false;
  // a directed pair ("web to db traffic", "X -n a to Y -n b") is a pair question of itself
  if (intent.kind === 'unknown') return PAIR.test(t) || CAN.test(t) || !!partiesOf(intent).from;
  // a pod question never asks what one side sees of the other
  if (intent.kind === 'pod') return /\bsees?\b/.test(t);
  // "from sqlapi to server on 1433, does the traffic leave the node?": two parties in a direction are a pair
  if (intent.kind === 'egress')
    return (
      /\bbetween\b/.test(t) || (!OUT.test(t.replace(/\bsnat\b/g, '')) && PAIR.test(t)) || !!partiesOf(intent).directed
    );
  return ['inbound', 'load-balancers'].includes(intent.kind);
}

const isPublic = (ip: string): boolean =>
  !/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.)/.test(ip);

/** "what does X do?", "what is X for?": the role of one named thing. */
export const WHAT_DOES = /\bwhat (does|do|is) (the )?([a-z0-9][a-z0-9.-]*[a-z0-9]) (do|for|used for)\b/;

const INBOUND_CUE = new RegExp(
  String.raw`\b(reach|reaches|get to|gets to|get in|requests?|traffic|path|users?|customers?|hits?|load|503s?|502s?|` +
    String.raw`down|in front)\b`,
);

/** No cue word settled it: a host with "reach/requests/traffic" is inbound, a bare FQDN is DNS, a bare IP what-is. */
function byEntity(intent: Intent, hosts: Entity[], parties: Entity[]): Intent['kind'] {
  const t = intent.text;
  if (hosts.length && INBOUND_CUE.test(t)) return 'inbound';
  // "is there an application gateway in front of the web pods?"
  if (parties.length === 1 && /\bin front of\b/.test(t)) return 'inbound';
  const fqdn = intent.names.filter((n) => /\.svc(\.cluster\.local)?$/.test(n));
  if (fqdn.length === 1 && intent.names.length === 1 && !parties.some((p) => p.kind !== 'service')) return 'dns';
  if (intent.ips.length === 1 && !intent.names.length) return 'what-is';
  // "what does aro2-p8bjm-internal do?": a name written as one that is nothing in the cluster is an Azure resource;
  // the load balancer answer says so when it is none of them
  const named = WHAT_DOES.exec(t)?.[3];
  if (named && intent.marked.includes(named) && !parties.length && !hosts.length) return 'load-balancers';
  // "what ip is s-z-c.z?": a Service written with its namespace, asked for its address
  const typedSvc = (p: Entity) => intent.typed.some((x) => x.name === p.text && x.type === 'service');
  const svc = parties.some((p) => p.kind === 'service' && (p.text.includes('.') || typedSvc(p)));
  if (svc && parties.length === 1 && /\b(ip|address)\b/.test(t)) return 'dns';
  return 'unknown';
}

/** The parties in the order said (each once): names ("ns/name" when said with a namespace) and pod IPs as their
 * pods; a directed pair ("X -> Y", "allow X to reach Y") puts its client and target first. */
export function partiesOf(intent: Intent): { parties: string[]; ips: string[]; from?: string; directed?: boolean } {
  const podIps = (intent.entities ?? []).filter((e) => e.kind === 'pod-ip');
  const places = new Set(
    (intent.entities ?? []).filter((e) => e.kind === 'namespace' || e.kind === 'node').map((e) => e.text),
  );
  const named = intent.refs
    .filter((r) => !places.has(r.namespace ? `${r.namespace}/${r.name}` : r.name))
    .map((r) => ({ p: r.namespace ? `${r.namespace}/${r.name}` : r.name, forms: sideForms(r) }));
  const byIp = podIps.map((e) => ({ p: e.matched, forms: [e.text] }));
  const all = [...named, ...byIp].map((x) => ({ ...x, at: positionOf(intent.text, x.forms) }));
  const said = [...new Set(all.sort((a, b) => a.at - b.at).map((x) => x.p))];
  const fromIp = /\b(?:from|when|logs?|logged|logging|sees?|seeing)\s+(\d{1,3}(?:\.\d{1,3}){3})\b/.exec(
    intent.text,
  )?.[1];
  // only what the inventory knows (or a DNS name) takes a side: "x/b cannot talk to x/a" is not from "cannot"
  const known = (p: string) => p.includes('.') || (intent.entities ?? []).some((e) => e.text === p || e.matched === p);
  const pair = direction(
    intent.text,
    all.filter((x) => known(x.p)),
  );
  const parties = pair ? [...new Set([pair.client, pair.target, ...said])] : said;
  const from =
    pair?.client ??
    podIps.find((e) => e.text === fromIp)?.matched ??
    parties.find((p) => p.split('/').pop() === intent.from);
  return { parties, ips: intent.ips.filter((ip) => !podIps.some((e) => e.text === ip)), from, directed: !!pair };
}

/** How a party may be written where it takes a side: a one- or two-letter name ("a") only with its namespace, so
 * the article in "send a request to c" is not pod a. */
function sideForms(r: NameRef): string[] {
  if (r.name.length > 2 || !r.namespace) return formsOf(r);
  const ns = r.namespace;
  return [`${ns}/${r.name}`, `${r.name}.${ns}`, ...['in', 'in namespace', '-n'].map((w) => `${r.name} ${w} ${ns}`)];
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
