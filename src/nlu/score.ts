// Which family a question is, scored from the evidence: each family's cue words (the weighted triggers of its spec)
// plus what the names matched in the inventory — entity types, their roles, the direction said — from the one table
// below. The top family is taken only when it clearly wins; when the top two are close the reply offers the
// plausible questions as buttons. `packet-path parse` shows the scores and the evidence that counted.
import type * as Registry from '../families';
import type { IntentKind } from '../families';
import type { Trigger } from '../family';
import { isPrivateIp } from '../path/ip';
import { SNAT_QUESTION } from '../snat/question';
import type { Entity, Intent } from './parse';
import { askedWhetherReaches, saidToOpen } from './outside-client';
import {
  ASIDE_WORDS,
  FLOW_WORKS_ASKED,
  MACHINE_WORDS,
  WORKS_ASKED_END,
  PODS_HOSTED,
  PODS_POINTED_BACK,
  podsOfNodeSaid,
  READ_VERBS,
  SITE_MACHINE_WORDS,
  IP_PATTERN,
} from './patterns';
import { escapeRe } from '../regex';

/**
 * The registry, loaded when a question is scored: family modules import the parser, so loading the registry with
 * this module would build it while one of them is still half loaded (an undefined entry).
 */
const families = (): typeof Registry.FAMILIES => (require('../families') as typeof Registry).FAMILIES;

export type Scores = Partial<Record<IntentKind, number>>;

/** Cue words: every family's triggers (its spec) that match, summed with their weights. */
export function cueScores(t: string): Scores {
  const scores: Scores = {};
  for (const { spec } of families()) {
    const score = (spec.triggers as readonly Trigger[]).reduce(
      (s, tr) => (tr instanceof RegExp ? s + (tr.test(t) ? 1 : 0) : s + (tr[0].test(t) ? tr[1] : 0)),
      0,
    );
    if (score > 0) scores[spec.kind] = score;
  }
  return scores;
}

/** The family with the highest score (ties: the registry's order), or unknown when nothing scored. */
export function topKind(scores: Scores): IntentKind | 'unknown' {
  let best: { kind: IntentKind; score: number } | undefined;
  for (const {
    spec: { kind },
  } of families()) {
    const score = scores[kind] ?? 0;
    if (score > 0 && (!best || score > best.score)) best = { kind, score };
  }
  return best?.kind ?? 'unknown';
}

/** Out to the Internet: the far end is outside ("partner", "vendor", "internet sees", "outbound"…). */
const OUT = new RegExp(
  String.raw`\b(outbound|outgoing|egress|go(es)? out|leav(e|es|ing)|snat|nat gateway|allowlist|whitelist|partner|` +
    String.raw`vendor|providers?|bank|(payment|card) processors?|third[- ]party|external (api|service|server|call)s?|` +
    String.raw`(reach|reaches|call|calls|hit|hits) ` +
    String.raw`the internet|internet (will )?sees?|public ip|` +
    String.raw`(get|gets|talk|talks|reach|reaches|go|goes) (out )?(to )?(the )?(public )?(internet|outside world)|` +
    String.raw`(?<!\b(exposed|open|opened|visible|accessible|reachable) )(to|towards?|into|onto) (the )?(public )?` +
    String.raw`(internet|outside world)|internet[- ](traffic|bound|access|calls?)|` +
    // "when it calls out", "public source ip", "seen externally", "what do we show up as"
    String.raw`(calls?|calling|reach(es)?|reaching|connects?|connecting) out|public source (ip|address)|` +
    String.raw`externally|(show|shows|showing) up as|` +
    // symptoms: "calls an external payment API", "can't download packages", "how is it supposed to get out?"
    String.raw`external [a-z-]+ (api|service|server|endpoint)s?|download(s|ing)? (packages|updates|images|files)|` +
    String.raw`(get|gets|getting) out|on-?prem(ises)? (side|server|host|network|end)|` +
    // "calls a payments API", "hits their endpoint", "our IP is not on their list"
    String.raw`(calls?|calling|hits?|hitting|uses?|using) (an?|their|some) ([a-z-]+ )?` +
    String.raw`(api|endpoint|service|server|webhook|callback)s?|` +
    String.raw`(on|to|in|from) their (allow ?|white ?)?list|` +
    // "why no internet from web?", "no outbound from the api pods"
    String.raw`no (internet|outbound|egress)( access| connectivity)? (from|in|on|for))\b`,
);
/** Two parties talking: "reach", "talk to", "connect", "path", "->". */
const PAIR = new RegExp(
  String.raw`(\b(reach|reaches|talk|talks|talking|connect|connects|connecting|call|calls|calling|get to|gets to|path|` +
    String.raw`gets? through to|` +
    // "its conn to server on 1433": a connection said short
    String.raw`trace|hit|hits|looks? like to|open (a )?connection|opens|towards?|(conn|connection)s? (to|from)|` +
    String.raw`(on )?(its|the) way to|(go|goes|get|gets|route|travel|travels|flow|flows) from|stays? on)\b|->|→)`,
);
const CAN = new RegExp(
  String.raw`\b(can|can't|cant|cannot|may|allowed|blocked|blocking|blocks|reachable|permitted|let|lets|denied|deny|` +
    String.raw`accept|accepts|accepting|accepted|yes\/no|yes or no|` +
    String.raw`(anything|something) (dropping|rejecting|filtering)|` +
    // (an Azure Firewall or WAF policy is a resource on the way, not a verdict asked: "before we add the firewall
    // policy, is the firewall in that path?" https://learn.microsoft.com/azure/firewall/policy-rule-sets; nor is a
    // Service's traffic policy https://kubernetes.io/docs/reference/networking/virtual-ips/#traffic-policies)
    String.raw`able to|(?<!\bhow\b[^?.!]{0,30})(manage[sd]?|managing) to |` +
    String.raw`(?<!\b(?:firewall|fw|waf|traffic) )polic(y|ies)|open (for|from|to)|verdicts?|possible|` +
    // ("get refused?" asks whether; a "connection refused" said is the symptom seen)
    String.raw`refus(e|es|ing)|(?<!connection )refused|reject(s|ed|ing)?|` +
    // NetworkPolicy isolation ("or is ingress isolated?", "what isolates it?") is the verdict's question
    // https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation
    String.raw`drop(s|ped|ping)?|isolat(e|es|ed|ing|ion)|` +
    // "are the web pods kept out of db-0?": whether one is let into the other
    // ("are web pods kept away from the postgres pod?": the same, said with "away from")
    String.raw`(kept|keeps|keep|keeping|locked|shut) (out of|away from)|` +
    // ("would the web pods be stopped if they tried db-0?", "which rule kills it?": stopped or killed is not let
    // through; never a symptom, "it stopped working")
    String.raw`stop(s|ped|ping)?(?! (working|responding|answering|serving|running|listening))|prevent(s|ed|ing)?|` +
    String.raw`kill(s|ed|ing)? (it|them|that|this|the (traffic|connection|flow|packets?|session))|` +
    // "does api get through to db-0?", a ticket's "access check: X to Y": whether it is let through
    // "does y/c get into x/a on 81?" between two pods: whether the connection is let in
    // ("how does sqlapi get through to the database": how it gets there is the path, not whether)
    String.raw`(?<!\bhow )(do|does|did|will|would) [\w./-]+ get (through|into|in to)|` +
    String.raw`access (check|test|verification)|` +
    // "does pod b in namespace y get to pod a in x on port 80?": a yes/no question of a flow, asking nothing of the
    // way it goes (no "directly or through …", "across nodes", "which …" then or after), asks whether it is let through
    // https://kubernetes.io/docs/concepts/services-networking/network-policies/
    String.raw`(?<=(?:^|[.?!:;,—–])\s*)(do|does|did|will|would) (?!(?:you|u|i|we)\b)([\w./-]+ ){1,6}?` +
    String.raw`(get to|gets to|reach|get through to|connect to)\s+` +
    String.raw`(?![^]*\b(directly|through|thru|via|across|path|hops?|which|what|how|where|or (?!not\b)))` +
    String.raw`[^?.!]*(?=\s*(\?|$))|` +
    // "x/b → x/a:81 approved?", "is api → db-0 permitted or not": whether the flow is approved is its verdict
    // (https://kubernetes.io/docs/concepts/services-networking/network-policies/)
    String.raw`(approved|authori[sz]ed|whitelisted|allowlisted)(?=\s*(\?|or not\b))|` +
    // "would anything block it?", "does the deny on app-nsg affect web → db-0?": whether something stops the flow
    // (never an address block: "the 10.0.0.0/16 block")
    String.raw`(?<!\b(address|cidr|ip|subnet|\/\d{1,2}) )block(?! of\b)|affect(s|ed|ing)?|` +
    // a change approval's "confirm z/b reaches x/b on 80": the flow confirmed is the verdict asked
    String.raw`confirm (that |whether |if )?(?!how|what|which|where|why)[\w./-]+ ` +
    String.raw`(reaches|talks to|connects to|gets to)|` +
    String.raw`check access|` +
    // an audit's "api to db-0 tcp 5432 should pass, web to db-0 should fail": the outcome expected of a flow is its
    // verdict checked https://kubernetes.io/docs/concepts/services-networking/network-policies/
    String.raw`(?<!\bhow )(should|must|is supposed to|are supposed to|ought to|expected to) (still )?` +
    String.raw`(pass|fail|succeed|be (let through|let in|refused|rejected|accepted))|` +
    // "does y/c have permission to connect to x/a?": whether it may is the verdict
    String.raw`permissions? (to|for) (connect\w*|reach\w*|access\w*|talk\w*|call\w*|open\w*|hit\w*)|` +
    // ("do any of the nginx pods have a way into the postgres pod?": a way in or access held is whether it may
    // https://kubernetes.io/docs/concepts/services-networking/network-policies/)
    String.raw`(have|has|had|get|gets|got|gain|gains) (a |any |some |direct |network )?(way|access) ` +
    String.raw`(in|into|in to|through to|to)\b|\b(any|no) (way|access) (in|into|in to)\b|` +
    // "api to db-0 5432 with the ASG rules?": a flow held against the security rules is their verdict asked
    String.raw`(with|under|given|per|against) (the |our |its |their )?((nsg|asg|security) rules?|nsgs|asgs)|` +
    // a network engineer's "ACL hits for A → B", "asg rule check: api to db-0": the rules' verdict on the flow
    String.raw`(acls?|nsgs?|asgs?|firewall|security)( rules?)? (check|checks|hits?|verdicts?|lookup|match(es)?)|` +
    // ("ASG rules: does api get to db-0 on tcp/5432?": the rules said as the heading of a flow asked are its judge)
    String.raw`\b(acls?|nsgs?|asgs?|(acl|nsg|asg|security|firewall) rules?)\s*:\s*(do|does|can|will|would|is|are) |` +
    // "web on 8080 from api — does that work?": whether the flow said works is its verdict (not "how does this work")
    // (never where a question word asks what it goes through: "which nodes does it go through?" asks for the path)
    // ("and api → db-0 on 5432, does that one pass?": the flow pointed back at, passing, is its verdict)
    String.raw`(?<!\bhow )(?<!\b(which|what)( [\w./-]+){0,2} )(does|do|will|would) (that|it|this)( one| flow)? ` +
    String.raw`(work|go through|pass)` +
    String.raw`(?! like)(?=\W*($|\?|or\b))|` +
    // "x/c → x/a vs y/c → x/a — which one passes?": of flows set side by side, the one let through is each's verdict
    String.raw`\bwhich( (one|flow|connection|of (them|the two|those|these|both)))?( of them)? ` +
    String.raw`(pass(es)?|fails?|gets? (through|in)|goes through|` +
    String.raw`is (allowed|blocked|denied|let (through|in)))(?=\W*$))\b`,
);
/** Requests that come in through the router / ingress controller: an inbound question about the workload. */
const THROUGH_ROUTER = new RegExp(
  String.raw`\b(requests?|traffic|users?|clients?|people|customers?|partners?|vendors?|calls?)\b.{0,40}` +
    String.raw`\b(through|via|from)\s+(the\s+)?` +
    String.raw`((app(lication)? )?gateway( for containers)? |openshift |nginx |agic |agc |` +
    // (a VPN, NAT or virtual network gateway carries traffic to on-premises or out, never in to our pods
    // https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpngateways)
    String.raw`(?!(vpn|nat|network|vnet|expressroute|er|local|virtual)\b)[a-z0-9-]+ )?` +
    // ("customers in Brazil go through Front Door to sqlapi": Azure's edge is a way in too
    // https://learn.microsoft.com/azure/frontdoor/front-door-overview)
    String.raw`(router|ingress|route|gateway|(azure )?front ?door)\b|` +
    String.raw`\brouter\b.{0,30}\brequests?\b|` +
    // requests (not traffic, which may be going out) through the load balancer
    String.raw`\b(requests?|users?|clients?|customers?|visitors?)\b.{0,40}\b(through|via) ` +
    String.raw`(the |its )?(load ?balancer|lb)\b`,
);

const HOSTS: Entity['kind'][] = ['host', 'route', 'ingress'];
const WORKLOADS: Entity['kind'][] = ['pod', 'workload', 'pod-ip'];

/** The distinct parties of a question: workloads and Services, one per set of pods. */
function partiesFound(entities: Entity[]): Entity[] {
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

/** What a question shows, read once: its text, the reading of its cue words, what its names matched, its pair. */
export interface Seen {
  intent: Intent;
  t: string;
  /** the family the cue words alone chose (or the conversation's last one, for a follow-up) */
  cue: IntentKind | 'unknown';
  entities: Entity[];
  hosts: Entity[];
  workloads: Entity[];
  /** the distinct parties (workloads and Services) */
  both: Entity[];
  /** the distinct sets of pods the workloads stand for */
  workloadSet: Set<string>;
  /** a pair said with a direction ("X -> Y", "from X to Y", "Y from X"), and the client said with "from" */
  directed: boolean;
  from?: string;
  /** the pod family won only on words for an address kind ("pod ip or node ip?"): it names no pod question */
  weakPod: boolean;
}

/** Words that name a kind of address, not a question about where a pod runs. */
// "the pod subnet address": the address from the pod subnet (Azure CNI), a pod's own
const ADDRESS_KINDS = /\b(pods?|nodes?|private|internal|cluster)( subnet)? (ips?|address(es)?)\b/g;
const weakPodCue = (cue: string, t: string): boolean =>
  cue === 'pod' && t.replace(ADDRESS_KINDS, ' ') !== t && !cueScores(t.replace(ADDRESS_KINDS, ' ')).pod;

/**
 * "the DB in hub 10.100.2.10 sees the pod ip from web": a word said as the label of an address no pod has is that far
 * end (a VM, an on-prem host), not our workload of that name: it is no party of the question.
 */
export function labelsAnAddress(e: Entity, intent: Intent): boolean {
  const short = e.text.split('/').pop()!;
  // only a workload's word labels a far end: "sqlapilb at 10.0.2.10" is a Service said with its own address
  if (!['pod', 'workload'].includes(e.kind) || !/^[a-z0-9-]+$/.test(short)) return false;
  const known = new Set((intent.entities ?? []).filter((x) => x.kind === 'pod-ip').map((x) => x.text));
  return intent.ips.some(
    (ip) =>
      !known.has(ip) &&
      // "the API server frontend at 10.0.0.4": what of it sits there may come between
      new RegExp(
        // ("our own router address 20.67.170.10": the address a workload's word labels is the party said)
        // (never a pasted "lookup db on 10.0.0.10:53": the name looked up, on the resolver it asked
        // https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/)
        String.raw`(?<!\blookup )\b${short}( (frontend|endpoint|vip|vm|host|box|instance|appliance|address|ip))?` +
          String.raw`( (in|at|on|behind)( the)?` +
          // (never a prefix: "web abcde 0.0.0.0/0 goes to the NVA" is a route of the pod's)
          String.raw`( [a-z-]+){0,2})? ${ip.replace(/\./g, '\\.')}\b(?!/\d)|` +
          // "10.50.1.5 in the other spoke (the dome projector controller)": the label in brackets after the address
          String.raw`${ip.replace(/\./g, '\\.')}\b(?!/\d)( (in|at|on|behind) (the )?([a-z-]+ ){0,3})?` +
          // (never where a command ran, "mtr 172.30.138.47 (run inside sqlapi)": that pod is the source, as in
          // kubectl exec https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/)
          String.raw`\s*\((?!(run|ran|running|executed|from|inside|within)\b)(the |our |a |an )?` +
          String.raw`([a-z-]+ ){0,3}${short}( [a-z-]+){0,2}\)`,
      ).test(intent.text),
  );
}

export function seen(intent: Intent, pair: { directed?: boolean; from?: string }): Seen {
  const entities = (intent.entities ?? []).filter((e) => !labelsAnAddress(e, intent));
  const workloads = entities.filter((e) => WORKLOADS.includes(e.kind));
  return {
    intent,
    t: intent.text,
    cue: intent.kind,
    entities,
    hosts: entities.filter((e) => HOSTS.includes(e.kind)),
    workloads,
    both: partiesFound(entities),
    workloadSet: new Set(workloads.map((w) => (w.pods ?? []).join(','))),
    directed: !!pair.directed,
    from: pair.from,
    weakPod: weakPodCue(intent.kind, intent.text),
  };
}

/**
 * Coming in, said with its direction: the outside is the one that reaches ("how the internet traffic reaches my pods",
 * "users hit our web app"), where words for going out may also be said ("internet traffic" is either way).
 */
const COMES_IN = new RegExp(
  String.raw`(?<!\b(to|towards?|into|onto|from) (the )?)` +
    String.raw`\b(internet|outside( world)?|public|external|users?|clients?|customers?|visitors?|browsers?|partners?|` +
    // ("for someone opening shop.contoso.com": a person unnamed is someone outside)
    String.raw`vendors?|people|someone|somebody|anyone|anybody)` +
    String.raw`( (traffic|requests?|users?|clients?|calls?|connections?))? ` +
    // ("someone on the internet hits …", "the internet client is arriving to …": where they are, and the verb said
    // as going on)
    String.raw`((on|from|in) (the )?(public )?internet )?((is|are) )?` +
    // ("outside clients still get in", "when a customer connects": a word between, or the client's own verb; "customers
    // from internet not can open web", "users can't reach": whether they can, or cannot)
    String.raw`((still|also|even|actually|then|not|never|can|cannot|can't|cant|could|couldn't|do|don't|does|doesn't) ` +
    String.raw`){0,2}` +
    // ("people coming into the web service": said as going on)
    // ("how does internet traffic get through the ELB to the web pods": getting past the way in to the pods)
    String.raw`(reach(es)?|hits?|gets? (in|to|into|through)|(coming|getting) (in|into|to|through)|reaching|hitting|` +
    String.raw`entering|` +
    // ("users on the internet can't load web": a site loaded)
    String.raw`connects?|connecting|calls?|` +
    String.raw`(use to )?(opens?|opening|visits?|visiting|browses?|browsing|loads?|loading)|` +
    String.raw`comes? (in|into|to)|arriv(es?|ing) (at|on|in|into|to)|lands? on|enters?|flows? (in|into|to))` +
    // ("when a customer connects, …": the verb may end the clause)
    String.raw`(?: |(?=[,.?!;:]|$))(?!(the )?(public )?(internet|outside)\b)`,
);
/** Asked who takes a connection: "which pod ends up with it", "who answers", "where does it land". */
const WHO_GETS_IT = new RegExp(
  String.raw`\b(which|what) (pods?|backends?|workloads?|containers?)\b|` +
    String.raw`\bwho (gets|answers|serves|receives|handles|listens|takes)\b|\b(ends? up|lands?|landing)\b|` +
    // ("trace how that reaches a pod": the pod it gets to)
    String.raw`\bhow (that|it|this|the \w+) (reaches|gets to|gets into) (a|the|our|which) pods?\b`,
);
/** A node's address on a Service's node port, asked who gets it or where it goes ("someone in the vnet hits
 * 10.224.0.6:31380 — where does that go, given there's no web pod on that node?"): a party said only after the
 * address is where it may land, never the one who dials it
 * https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport */
// (and "51.104.20.30:8443 is open for them, where would that go?": where a port of an address sends what comes in is
// its destination NAT https://learn.microsoft.com/azure/firewall/tutorial-firewall-dnat; "where does that go after the
// LB": where a flow said before goes on to)
const WHERE_IT_GOES = new RegExp(
  String.raw`\bwhere (would|does|do|will|did|could|might) (that|it|this|they|those|these|the \w+|` +
    String.raw`traffic|packets?|requests?|connections?|flows?)` +
    String.raw`( \w+)? (go|goes|land|lead|end up|arrive|get (sent|forwarded)|be (sent|forwarded))\b|` +
    String.raw`\bwhere (is|are) (that|it|this|they) (going|forwarded|sent|landing|leading)\b`,
);
function nodePortReached(s: Seen): boolean {
  if (!s.intent.nodePortHit || s.both.length > 1) return false;
  const asked = s.intent.asking ?? s.t;
  if (!WHO_GETS_IT.test(asked) && !WHERE_IT_GOES.test(asked)) return false;
  const at = Math.min(...s.intent.ips.map((ip) => s.t.indexOf(ip)).filter((i) => i >= 0));
  return s.both.every((p) => s.t.indexOf(p.text.split('/').pop()!) > at);
}
/** A host name with a public-looking domain ("shop-admin.contoso.com"), never a cluster name ("db.shop.svc…") */
const outsideHost = (n: string): boolean => /\.[a-z]{2,}$/.test(n) && !/\.svc(\.|$)|\.local$|\.internal$/.test(n);
/** Going out, said with its direction: the workload is the one that reaches out. */
const GOES_OUT_SAID = new RegExp(
  String.raw`\b(reach(es)?|call(s)?|hits?|gets? to|goes? (out )?to|talks? to|connects? to|leaves? (to|for)) ` +
    String.raw`(the )?(public )?(internet|outside world)\b|\b(leaves?|leaving|goes out|calls? out|egress(es)?)\b|` +
    // "our api calling their webhook": a webhook is the receiver's endpoint, so ours is the one going out
    // (https://learn.microsoft.com/azure/aks/concepts-network-outbound)
    String.raw`\b(calls?|calling|hits?|hitting|posts? to|posting to) (their|a|the customer'?s|the partner'?s) ` +
    String.raw`([a-z-]+ )?(webhooks?|callbacks?)\b`,
);
/** "how is it reachable from outside", "expose sqlapi to the partner": the workload is what the outside reaches */
const REACHED_FROM_OUTSIDE = new RegExp(
  String.raw`\b(reachable|accessible|reached|exposed|published) (from|by|for) (the |any )?(public|outside|internet|` +
    String.raw`partners?|customers?|users?|clients?)\b|` +
    // "is port 80 on 20.31.46.20 open to the internet?": a port open to the Internet lets the Internet in (an NSG's
    // inbound rule from the Internet service tag https://learn.microsoft.com/azure/virtual-network/service-tags-overview)
    String.raw`\b(open|opened) (to|for|from) (the |any )?(public|outside|internet|world)\b|` +
    // ("how do outside readers reach it?", "can external subscribers get to web-internal?": people said outside,
    // whatever they are called, reaching ours come in https://learn.microsoft.com/azure/aks/concepts-network-ingress)
    String.raw`\b(outside|external|public|internet|remote|off-?site) ([a-z]+(ers|ors|ants|ents|ees)|users|people|` +
    String.raw`customers|visitors|partners|folks)\b.{0,20}\b(reach|reaches|get (to|at|into)|access|connect to|call|` +
    String.raw`hit|open|browse|use|see)\b|` +
    // "people on the internet say shop-agw.contoso.com times out": who is on the Internet is a client coming in
    String.raw`\b(people|users?|customers?|clients?|visitors?|someone|anyone) (on|from) (the )?(public )?internet\b|` +
    String.raw`\bexpos(e|es|ed|ing) [\w./-]+ (to|for) (the )?(public|outside|` +
    String.raw`internet|partners?|customers?|users?|clients?)\b|` +
    // "the partner will call our public web endpoint", "their requests take into the cluster": ours is called
    String.raw`\b(partners?|customers?|users?|clients?|vendors?)\b.{0,30}\b(call|calls|hit|hits|reach|reaches|open|` +
    String.raw`opens|use|uses|connect to|connects to) (our|the) (public )?([\w-]+ )?(endpoint|site|url|app|api|` +
    String.raw`service|` +
    String.raw`address)\b|\b(take|takes|taking|follow|follows) (in)?to (the |our )?cluster\b|` +
    // "a request from the on-prem network reach the internal LB service": one of our other networks (or the
    // Internet) is where it starts, the Service is reached
    String.raw`\b(requests?|traffic|connections?|calls?|packets?) from (the |our |an? )?(on-?prem\w*|office|branch|` +
    String.raw`hub|partner'?s?|internet|outside|data ?cent(?:er|re))( [\w-]+)?\b.{0,30}` +
    String.raw`\b(reach(es)?|gets? (to|into)|hits?|arriv\w*|comes? (in|into|to))\b|` +
    // "client → lb → nginx → web": a path drawn from the outside in
    String.raw`\b(internet|clients?|users?|customers?|browsers?)\s*(->|→)\s*(the )?` +
    String.raw`(lb|load ?balancer|appgw|agw|front ?door|waf|ingress|router)\b`,
);
/** "which way does it come in": plain English for arriving (not "… is coming in the sqlapi log") */
const COMES_IN_SAID = /\b(come|comes|coming) in(to)?\b(?! (the |our )?[\w'-]+ logs?\b)/;
const comesIn = (t: string): boolean =>
  (COMES_IN.test(t) || REACHED_FROM_OUTSIDE.test(t) || COMES_IN_SAID.test(t) || DRAWN_FROM_OUTSIDE.test(t)) &&
  !GOES_OUT_SAID.test(t.replace(EGRESS_SETUP, ' '));
/** "from the internet to web", "internet -> web": the flow drawn from outside to ours */
const DRAWN_FROM_OUTSIDE =
  /\bfrom (the )?(public )?(internet|outside( world)?)\s*(to|into|->|→)\s|\binternet\s*(->|→)\s*\w/;
/** "path from the internet to web when the cluster egress is through the NVA": how the cluster's way out is set up,
 * said as a condition, is context of the flow asked, never that flow (an outbound type routes replies and calls out,
 * not who opens the connection https://learn.microsoft.com/azure/aks/egress-outboundtype) */
const EGRESS_SETUP = new RegExp(
  String.raw`\b(when|while|if|given( that)?|now that|since|with|as|where) (the |our |its )?(cluster('s)? |aks |` +
    String.raw`nodes?'? )?(egress|outbound)( traffic)? (is |are |goes |going |gets |being |forced |routed |sent )*` +
    String.raw`(through|via|over|to|forced)\b[^.?!,;]*`,
  'g',
);

/** "blood bank auditor: explain address …", "partner-bank support team: …": a label that opens the message naming who
 * asks (a role, a team) says who they are, never where the traffic goes */
const WHO_ASKS = new RegExp(
  String.raw`^[a-z][\w -]{0,40}\b(auditors?|team|ops|desk|engineers?|managers?|leads?|testers?|admins?|owners?|` +
    String.raw`analysts?|sre|devs?|developers?|architects?|support|on-?call|staff|officers?|clerks?)\s*:\s`,
);
/** Words for going out (or an address the pod goes to, said with the source) where the cue words chose another
 * family that one workload and a far end can overrule. */
/** "can api get out to 52.239.140.10 on 443?": permission asked of a flow to a public address on a port is the policy
 * verdict on the way out (egress NetworkPolicy, NSGs, a firewall on the route), as "can api reach 8.8.8.8 on 443?"
 * https://learn.microsoft.com/azure/aks/outbound-rules-control-egress */
const permissionToFarEnd = (s: Seen): boolean =>
  s.cue === 'policy' &&
  s.intent.port !== undefined &&
  !!s.intent.towards &&
  isPublic(s.intent.towards) &&
  !SOURCE_OF_ONE.test(s.t) &&
  !ASKS_ADDRESS.test(s.t);
function movableOut(s: Seen): boolean {
  const { intent, t } = s;
  const movable =
    ['inbound', 'east-west', 'load-balancers', 'unknown', 'policy'].includes(s.cue) ||
    s.weakPod ||
    SOURCE_OF_ONE.test(t);
  if (!movable || permissionToFarEnd(s)) return false;
  // a public address in a question about coming in is the client's; with no such cue it may be the egress IP checked
  const client =
    s.cue !== 'unknown' && intent.ips.some((ip) => isPublic(ip) && ip !== intent.towards && !farLabel(t, ip));
  // ("… to internet users": people on the Internet come in, no way out)
  const out = t.replace(USERS_OUTSIDE, ' ').replace(WHO_ASKS, ' ');
  return (
    ((OUT.test(out) || TO_INTERNET.test(out)) && !client && !snatElsewhere(s)) || sourceAtFarEnd(s) || farEndOut(s)
  );
}

/** "web → 10.20.1.5 on 443 just hangs": an address no pod, node or Service of the cluster has, where the one workload
 * goes, is a far end outside the cluster: the way out to it (the route Azure picks for it, its SNAT)
 * https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview */
function farEndOut(s: Seen): boolean {
  const far = farEndGoneTo(s);
  // (or the pod family on words for an address kind alone: "src = node or pod ip?")
  // (or "what source ip does api use toward 198.51.100.20 - is it SNATed?": the workload's own source asked, whatever
  // the words after the address say)
  if (!far || (!['east-west', 'unknown', 'policy'].includes(s.cue) && !s.weakPod && !SOURCE_OF_ONE.test(s.t)))
    return false;
  // "can api reach 8.8.8.8 on 443?": permission asked to a public address is the policy verdict on the way out (the
  // pod's egress NetworkPolicy, the NSGs, a firewall on the route), not the way out alone
  if (s.cue === 'policy' && isPublic(far) && !SOURCE_OF_ONE.test(s.t) && !ASKS_ADDRESS.test(s.t)) return false;
  s.intent.towards = far;
  return true;
}
const SOURCE_OF_ONE = /\b(what|which) (source|src)( ip| address)? (does|do|will|would) [\w-]+ (use|get|have|show)\b/;

/** "partner 198.51.100.20 tells us…", "the vendor at 1.2.3.4": an address said as the far end's, never a client. */
const farLabel = (t: string, ip: string): boolean =>
  new RegExp(
    String.raw`\b(partners?|vendors?|providers?|banks?|third[- ]part(y|ies)|upstream|remote( end| side)?)( \w+)?` +
      String.raw`( at| on| ip| is)? ${ip.replace(/\./g, '\\.')}\b`,
  ).test(t);

/** The parties the sentence that asks names, in a message of several ("… the database team says … Where does
 * sqlapi's outbound traffic go?"): the others are context. */
const askedParties = (s: Seen): Entity[] =>
  s.intent.asking ? s.both.filter((p) => s.intent.asking!.includes(p.text.split('/').pop()!)) : s.both;

/** The asking sentence names one workload and a word for going out: the rest of the message is context. */
const asksOneOut = (s: Seen): boolean => {
  const asked = askedParties(s);
  return (
    !!s.intent.asking &&
    asked.length === 1 &&
    !flowBetween(s) &&
    WORKLOADS.includes(asked[0].kind) &&
    // (people on the Internet come in: "which one serves web to internet users?")
    OUT.test(
      s.intent.asking
        .replace(LEAVES_A_HOP, ' ')
        .replace(/\b(snat|egress ?ips?)\b/g, ' ')
        .replace(USERS_OUTSIDE, ' '),
    )
  );
};

/** One workload, or one Service standing for its pods ("my api service can't call the payment provider"). */
const onePartyWithPods = (s: Seen): boolean =>
  s.workloadSet.size === 1 || (!s.workloadSet.size && s.both.length === 1 && !!s.both[0].pods?.length);

/** One workload and a far end outside: "how does api get to the internet", "when 10.244.1.9 calls https://…". */
/** "players in Korea connect to 20.31.46.20:80 — do the web pods see their real IPs?": a caller none of ours reaching
 * one of our load balancer frontends comes in; only a workload of ours calling it (a hairpin) goes out
 * https://learn.microsoft.com/azure/aks/load-balancer-standard */
function outsiderToOurFrontend(s: Seen): boolean {
  // (the frontend said as what it is, "the internal LB 10.0.2.10", is no address gone to: the one said is the one)
  const said = s.intent.frontendIps?.filter((ip) => s.intent.ips.includes(ip)) ?? [];
  const to = s.intent.towards ?? (said.length === 1 ? said[0] : undefined);
  if (!to || !s.intent.frontendIps?.includes(to)) return false;
  const verb = String.raw`(?:connects?|connecting|hits?|hitting|opens?|opening|calls?|calling|reach(?:es)?|reaching)`;
  const m = new RegExp(
    // ("… call the internal LB 10.0.2.10:8080": the frontend may be said as what it is, then its address)
    String.raw`(?:^|[.?!;:,—–]\s|\s-+\s)([^.?!;:,—–]{1,80}?)\s${verb}\s+(?:to\s+)?` +
      String.raw`(?:the\s+(?:[a-z0-9-]+\s+)?(?:internal\s+)?(?:lb|load balancer)\s+)?${esc(to)}\b`,
  ).exec(s.t);
  if (!m) return false;
  return !s.entities.some((e) => new RegExp(String.raw`\b${escapeRe(e.text.split('/').pop()!)}\b`).test(m[1]));
}

const SITE_MACHINES = String.raw`(${SITE_MACHINE_WORDS}|vms)`;
const ON_THE_SITE = String.raw`(inside|in|on|within) (the |our )?(vnet|virtual network|lan|office|hub|on-?prem(ises)?)`;
const MACHINES_CALL = new RegExp(
  String.raw`\b${SITE_MACHINES}\b[^.?!]{0,40}\b${ON_THE_SITE}\b[^.?!]{0,20}\b` +
    String.raw`(talk to|talks to|connect to|call|calls|open|opens|hit|reach|use|query|pull from)\b`,
);
function siteMachinesCallOurService(s: Seen): boolean {
  const services = new Set(s.entities.filter((e) => e.kind === 'service').map((e) => e.matched));
  return services.size === 1 && s.both.length === 1 && MACHINES_CALL.test(s.t);
}

/** "can our office 198.51.100.7 reach web's LB?", "from the office range, 198.51.100.7, can we browse to the web
 * LB?": an address none of ours reaching a Service's load balancer comes in through it
 * https://learn.microsoft.com/azure/aks/load-balancer-standard */
function outsideAddressReachesOurLb(s: Seen): boolean {
  const outside = s.intent.ips.filter((ip) => s.intent.elsewhereIps?.includes(ip));
  if (outside.length !== 1 || s.intent.ips.length !== 1 || !s.entities.some((e) => e.kind === 'service')) return false;
  const at = esc(outside[0]);
  return new RegExp(
    // ("pool turnstiles (198.51.100.7) cannot reach the web LB": the clients said with their address in brackets)
    String.raw`(?:\b${at}\)?\s+|\bfrom\b[^.?!]{0,30}\b${at}\b[^.?!]{0,30}?\s)` +
      String.raw`(?:(?:can|could|cannot|can't|still|we|i|they)\s+)*` +
      String.raw`(?:reach|hit|open|connect to|get to|browse to|access)\s+` +
      String.raw`(?:the\s+)?[a-z0-9-]+(?:'s)?\s+(?:public\s+)?(?:lb|load ?balancer)\b`,
  ).test(s.t);
}

/** "can 203.0.113.50 reach 51.104.20.30 on 8443?": a client outside, said at its address, asked whether it reaches a
 * public address that no pod of ours has (a load balancer frontend, a firewall's DNAT address) comes in through it,
 * never a pod's policy verdict https://learn.microsoft.com/azure/firewall/tutorial-firewall-dnat; so does a logged
 * packet from the Internet to one of our frontends ("SRC=198.51.100.20 DST=20.31.46.20 DPT=80 … does that make it
 * to the web pods?"); a packet logged going out from an address of ours ("SRC=51.104.20.30 DST=203.0.113.44") never
 * does */
function outsideAddressReachesPublic(s: Seen): boolean {
  const client = s.intent.clientIp ?? loggedToOurs(s);
  // ("… does that make it to the web pods?": the pods it lands on may be said)
  if (!client || !s.intent.elsewhereIps?.includes(client) || s.both.length > 1 || s.hosts.length) return false;
  const to = s.intent.ips.filter((ip) => ip !== client);
  if (to.length !== 1 || !isPublic(to[0])) return false;
  // ("203.0.113.40:51514 -> 51.104.20.30:443 … where does it end up?": a flow drawn in, asked where it lands)
  // ("TCP request from 203.0.113.50:50122 to 51.104.20.30:443 was DNAT'ed …": a firewall log's flow, from one to
  // the other)
  const drawnIn = (arrowFrom(s.t, client) || loggedFromTo(s.t, client, to[0])) && WHO_GETS_IT.test(s.t);
  return (
    !!s.intent.frontendIps?.includes(to[0]) ||
    (s.intent.elsewhereIps.includes(to[0]) && (askedWhetherReaches(s.t) === client || drawnIn))
  );
}
/** A logged packet's public source whose destination is one of our frontends (iptables LOG's SRC= and DST= fields
 * https://www.netfilter.org/documentation/HOWTO/packet-filtering-HOWTO-7.html) */
function loggedToOurs(s: Seen): string | undefined {
  const m = /\bsrc\s*[=:]\s*(\d{1,3}(?:\.\d{1,3}){3})\b[^.\n]{0,40}?\bdst\s*[=:]\s*(\d{1,3}(?:\.\d{1,3}){3})\b/.exec(
    s.t,
  );
  return m && isPublic(m[1]) && s.intent.frontendIps?.includes(m[2]) ? m[1] : undefined;
}

/** "will the hub firewall let api out to 8.8.8.8 on 443?", "would Azure Firewall block api to 1.1.1.1 on 443?": a
 * filter on the way out (a firewall, an NSG, a NetworkPolicy) asked whether it lets one workload out to an address on
 * a port is the policy verdict, whose layers include the firewall's rules, not the way out alone
 * https://learn.microsoft.com/azure/firewall/rule-processing */
// ("past the NVAs, or do the appliances decide that?": a network virtual appliance on the route filters as a firewall
// https://learn.microsoft.com/azure/architecture/networking/guide/network-virtual-appliance-high-availability)
// ("will afw-vhub-weu pass it?": a name carrying a filter's type abbreviation, afw for Azure Firewall, names it
// https://learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/resource-abbreviations)
const FILTER_SAID = new RegExp(
  String.raw`\b(firewall|fw|azfw|afwp?|nsgs?|network security groups?|network ?polic(y|ies)|netpols?|nvas?|` +
    String.raw`(virtual )?appliances?)\b`,
);
const VERDICT_VERB = new RegExp(
  String.raw`\b(let|lets|letting|allows?|allowed|permits?|permitted|block|blocks|blocked|blocking|deny|denies|` +
    String.raw`denied|drops?|dropped|stops?|rejects?|can|cannot|can't|` +
    // ("is there a firewall rule allowing that?": a rule asked for as what allows the flow decides it)
    String.raw`allowing|permitting|denying|dropping|stopping|rejecting|` +
    // ("would the firewall pass it?", "which firewall rule decides that?": the rule that matches first decides
    // https://learn.microsoft.com/azure/firewall/rule-processing)
    // ("which rule kills it?": a rule that kills the flow drops it)
    String.raw`pass|passes|passed|decides?|deciding|kills?|killed|killing|` +
    // ("which rule on hub-fw would web hit when it calls out …": the rule a flow hits or matches is the one that
    // decides it, rules being read in order https://learn.microsoft.com/azure/firewall/rule-processing)
    // ("api → 198.51.100.20 on 1433: which firewall rule applies?": the rule that applies to the flow, the same)
    String.raw`rules?\b[^.?!]{0,40}\b(hit|hits|hitting|match|matches|matching|matched|` +
    String.raw`appl(y|ies|ied|ying)|governs?))\b`,
);
const filterLetsOut = (s: Seen): boolean =>
  onePartyWithPods(s) &&
  s.intent.port !== undefined &&
  FILTER_SAID.test(s.t) &&
  VERDICT_VERB.test(s.t) &&
  filteredFarEnd(s) &&
  !s.hosts.length &&
  !ASKS_ADDRESS.test(s.t) &&
  !SOURCE_OF_ONE.test(s.t) &&
  // (our frontend reached from the Internet is the way in, its NSG verdicts on it
  // https://learn.microsoft.com/azure/aks/load-balancer-standard#restrict-inbound-traffic-to-specific-ip-ranges)
  !frontendReached(s);
/** The far end a filter is asked about: the address said as where the workload goes ("to 8.8.8.8", "api -> 8.8.8.8")
 * ("is web allowed out to 10.130.1.5 tcp 443 through the hub firewall?": or a private address outside the cluster,
 * another spoke behind the hub's firewall https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke) */
function filteredFarEnd(s: Seen): boolean {
  const far = s.intent.towards ?? farEndGoneTo(s);
  if (!far || !(isPublic(far) || !!s.intent.elsewhereIps?.includes(far))) return false;
  s.intent.towards = far;
  return true;
}

/** "is web's outbound to Azure Storage blocked somewhere?": a verdict asked of one workload's way out, with no filter
 * said, is the policy verdict over every layer on the way (NetworkPolicy egress, NSG outbound rules, firewall)
 * https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview */
const VERDICT_SAID = String.raw`(blocked|allowed|denied|dropped|permitted|filtered|let (out|through))\b`;
const OUT_VERDICT = new RegExp(
  String.raw`^\W*(is|are|was|were|will|would)\b[^.?!]{0,30}\b(outbound|egress|outgoing)\b` +
    String.raw`[^.?!]{0,50}\b${VERDICT_SAID}|` +
    String.raw`\b(outbound|egress|outgoing)\b[^.?!]{0,50}\b(is|are|gets?|getting|being)( it| they)? ${VERDICT_SAID}`,
);
// (or the port the parser found, with whether it works asked last: "api needs 443 to 1.1.1.1 … is that going to work?")
const flowWorksAsked = (s: Seen): boolean =>
  new RegExp(FLOW_WORKS_ASKED).test(s.t) || (s.intent.port !== undefined && new RegExp(WORKS_ASKED_END).test(s.t));
const outVerdict = (s: Seen): boolean =>
  onePartyWithPods(s) &&
  (OUT_VERDICT.test(s.t) || (flowWorksAsked(s) && filteredFarEnd(s))) &&
  !s.hosts.length &&
  !ASKS_ADDRESS.test(s.t) &&
  !SOURCE_OF_ONE.test(s.t);

/** "does any NSG stop web pushing to x.blob.core.windows.net?", "is an NSG outbound rule to Storage in the way?": a
 * filter asked whether it stops one workload's way out to a service outside (a host, an Azure service) is the policy
 * verdict; NSG outbound rules name such services by service tag
 * https://learn.microsoft.com/azure/virtual-network/service-tags-overview */
const FILTER_IN_WAY = new RegExp(
  FILTER_SAID.source +
    String.raw`[^.?!]{0,40}\b(stops?|stopping|blocks?|blocking|drops?|dropping|denies|denying|rejects?|rejecting|` +
    String.raw`kills?|killing|in the way|allows?|allowing|lets?|letting|permits?|permitting)\b`,
);
const SERVICE_FAR = new RegExp(
  String.raw`\b(to|towards|into|reach\w*|push\w*|upload\w*)\s+(the\s+)?(azure\s+)?(blob\s+|file\s+)?` +
    String.raw`(storage|key ?vault|sql( database)?|service bus|event ?hubs?|container registry|acr)\b`,
);
const filterOnWayOut = (s: Seen): boolean =>
  onePartyWithPods(s) &&
  FILTER_IN_WAY.test(s.t) &&
  (outsideHostNamed(s) || SERVICE_FAR.test(s.t)) &&
  !comesIn(s.t) &&
  !ASKS_ADDRESS.test(s.t) &&
  !SOURCE_OF_ONE.test(s.t);

// ("can db-0 get out to 151.101.1.69 on 443 at all?": permission asked of a flow to a public address, not the way out)
const neverOut = (s: Seen): boolean =>
  staysIn(s) ||
  filterLetsOut(s) ||
  outVerdict(s) ||
  filterOnWayOut(s) ||
  permissionToFarEnd(s) ||
  machineOpensToOurs(s);

/** "traceroute 10.20.1.5 from web-… / 1 10.224.0.4 / 2 * * * / why does it die right after the node?": a trace from
 * one workload of ours to an address outside the cluster follows its way out (the node's routes, then what they send
 * it to: https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview) */
const TRACED_TO = /\b(traceroute|tracert|tracepath|mtr)\s+(-\S+\s+)*(\d{1,3}(?:\.\d{1,3}){3})\b/;
const tracedOut = (s: Seen): boolean => {
  const to = TRACED_TO.exec(s.t)?.[3];
  return !!to && to === s.intent.towards && !!s.intent.elsewhereIps?.includes(to) && ['unknown', 'pod'].includes(s.cue);
};

/** The way out said: with its source asked, or traced */
const outSaid = (s: Seen): boolean => outWithItsSource(s) || tracedOut(s);

/** "a VM at 10.0.3.15 inside the VNet calls the sqlapilb service": a machine said at its address to open a
 * connection to one workload of ours is its client, the way in (https://kubernetes.io/docs/tutorials/services/source-ip/) */
const machineOpensToOurs = (s: Seen): boolean =>
  onePartyWithPods(s) &&
  [s.intent.clientIp, ...(s.intent.elsewhereIps ?? [])].some((ip) => !!ip && saidToOpen(s.intent.text, ip));

function goesOut(s: Seen): boolean {
  const { intent, t } = s;
  if (neverOut(s)) return false;
  if (asksOneOut(s) && !s.hosts.length && !comesIn(s.intent.asking!)) return true;
  if (!onePartyWithPods(s) || s.hosts.length || comesIn(t) || flowBetween(s)) return false;
  if (outSaid(s)) return true;
  // "what source ip will the web pods have when they reach 8.8.8.8": a public address as the far end
  const requestsTo = new RegExp(String.raw`\brequests? (sent )?(to|for|hitting) ${intent.towards}\b`).test(t);
  if (intent.towards && isPublic(intent.towards) && ['east-west', 'unknown'].includes(s.cue) && !requestsTo)
    return true;
  // "what ip does sqlapi come from when it goes to 52.168.10.4": the address asked for is the pod's way out
  if (intent.towards && isPublic(intent.towards) && ASKS_ADDRESS.test(t) && s.cue === 'policy') return true;
  return (outsideHostNamed(s) || farPartySeesSource(s)) && ['east-west', 'unknown'].includes(s.cue);
}

/** "web calling 10.100.2.10 in the hub - pod IP or node IP on the wire?": the source one workload shows to an address
 * outside the cluster is its way out (an overlay's pod IPs are SNATed to the node's leaving it
 * https://learn.microsoft.com/azure/aks/azure-cni-overlay) */
const POD_OR_NODE_IP =
  /\bpod (ip|address)\b.{0,20}\bnode (ip|address)\b|\bnode (ip|address)\b.{0,20}\bpod (ip|address)\b/;
const outWithItsSource = (s: Seen): boolean => movableOut(s) || sourceOnTheWire(s);
const sourceOnTheWire = (s: Seen): boolean => POD_OR_NODE_IP.test(s.t) && !!farEndGoneTo(s) && !comesIn(s.t);

/** "how does api reach api.stripe.com?": the one workload dialing a public host none of ours is its way out. */
function dialsOutside({ intent, entities, t }: Seen): boolean {
  // (or a public address that is nothing of ours: "how does web reach 8.8.8.8?" is its way out, never the way in)
  // https://learn.microsoft.com/azure/aks/egress-outboundtype
  const ours = (ip: string) => intent.frontendIps?.includes(ip) || intent.clientIp === ip;
  // (a port said asks whether that flow gets through: the verdict's, not the way out)
  const outside = intent.port ? [] : (intent.elsewhereIps ?? []).filter((ip) => isPublic(ip) && !ours(ip));
  const hosts = [...outsideHosts(intent), ...outside];
  const workloads = entities.filter((e) => WORKLOADS.includes(e.kind));
  return hosts.some((h) =>
    workloads.some((w) =>
      new RegExp(
        String.raw`\b${escapeRe(w.text)}( pods?)? (\w+ ){0,2}(reach|call|connect|hit|talk|send|post|push)\w*\b` +
          String.raw`[^.?!]{0,40}${escapeRe(h)}`,
      ).test(t),
    ),
  );
}

/** "which route do packets from db-0 to 10.20.1.5 take?": the route asked of a flow drawn from one workload to an
 * address that is no pod's, node's or Service's is its way out by the node's routes, however private the address
 * (a path asked is the pair's) https://learn.microsoft.com/azure/aks/egress-outboundtype */
// ("what happens to db-0's traffic to 10.20.1.5?": the fate of a flow asked is where it goes)
const ROUTE_ASKED = /\b(routes?|routing|route table|udr|next ?hop|(which|what) way|what happens to)\b/;
function toAddressOutside(s: Seen): boolean {
  // ("api → on-prem vault 192.168.40.12": the one address said, labelled, is where the flow goes)
  const far = s.intent.towards ?? (s.intent.ips.length === 1 ? s.intent.ips[0] : undefined);
  if (!far || !s.intent.elsewhereIps?.includes(far) || s.hosts.length || s.intent.clientIp) return false;
  if (!ROUTE_ASKED.test(s.t)) return false;
  if (!onePartyWithPods(s) || s.both.length !== 1 || comesIn(s.t)) return false;
  const name = escapeRe(s.both[0].text.split('/').pop()!);
  // (what labels the far end may come before its address: "to the on-prem stamp vault 10.20.1.5")
  const to = String.raw`(the |our |an? )?([a-z][\w-]* ){0,4}${esc(far)}\b`;
  const drawn =
    String.raw`\bfrom (the )?${name}( pods?)? (to|towards) ${to}|\b${name}( pods?)?\s*(->|→)\s*${to}|` +
    // ("db-0's traffic to 10.20.1.5": the workload's own flow, said as its traffic)
    String.raw`\b${name}( pods?)?('s)? (traffic|packets|connections|calls|requests|flows?) (to|towards) ${to}`;
  return new RegExp(drawn).test(s.t);
}

/** a URL or a public domain name the inventory does not know is a destination outside ("to api.stripe.com") */
const outsideHostNamed = ({ intent, entities }: Seen): boolean =>
  [...(intent.urlHosts ?? []), ...intent.names.filter(isPublicDomain)].some(
    (h) => !entities.some((e) => e.text === h) && !intent.frontendIps?.includes(h),
  );

/** "the api pod calls APNs — from which source address?", "siteminder sees which source IP when the web pods push":
 * a party said by a name none of ours, that the one workload calls or that sees its calls, is outside: the source
 * it sees is the workload's way out (https://learn.microsoft.com/azure/aks/egress-outboundtype) */
const ASKS_SOURCE = new RegExp(
  String.raw`\b(which|what) (source|src)( ip| address)?\b|\bfrom (which|what) (source )?(ip|address)\b|` +
    String.raw`\bsees? as our\b|` +
    // ("… — what is the source address there?": the source asked after the flow is said)
    String.raw`\bwhat('s| is| will be| would be) (the |our )?(source|src)( ip| address)?\b|` +
    // ("which address does the registry see it coming from?": the address it is seen coming from is its source)
    String.raw`\b(which|what) (ip|address|ip address)\b[^?.!]{0,50}\bsees?\b[^?.!]{0,20}\b(coming|come|connecting)` +
    String.raw` (in )?from\b`,
);
function farPartySeesSource(s: Seen): boolean {
  if (!ASKS_SOURCE.test(s.t)) return false;
  const outside = (n: string | undefined) =>
    !!n && !NOT_A_PARTY.test(n) && !s.entities.some((e) => e.text === n || e.text.split('/').pop() === n);
  const called = /\b(calls?|calling|push(?:es)? to|sends? to|posts? to|connects? to|talks? to) (?:the )?([a-z][\w.-]*)/;
  const sees = /\b([a-z][\w.-]*)\)? (?:sees?|logs?|gets?|receives?) (?:which|what)\b/;
  return (
    outside(called.exec(s.t)?.[2]) ||
    outside(sees.exec(s.t)?.[1]) ||
    outside(SEES_OURS.exec(s.t)?.[1]) ||
    outside(SEES_FROM.exec(s.t)?.[1]) ||
    oneAddressOutside(s)
  );
}
/** "10.130.1.5 in the shared spoke — which source does it see from api?", "sqlapi opens a connection to 10.0.0.4
 * inside the vnet - what is the source address there?": the one address said is outside the cluster (a peered
 * spoke, a VM of the VNet), never said as the client: the source it sees is the workload's way out, which its
 * routes decide https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview */
const oneAddressOutside = (s: Seen): boolean =>
  s.intent.ips.length === 1 && s.intent.elsewhereIps?.[0] === s.intent.ips[0] && !clientOutside(s);
// "what source address will the hat maker's payment gateway see from 10.129.2.7?": a party none of ours that sees
// the calls from one of ours is outside, and what it sees is our way out
const SEES_FROM = new RegExp(
  String.raw`\b(?:does|do|will|would|did)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?([a-z][\w.-]*)\s+` +
    String.raw`(?:see|log|record|receive)s?\s+from\b`,
);
// "what does the supplier see as our IP", "what does google see as our source": the one that sees "our" address is
// not ours, so the address is our way out (https://learn.microsoft.com/azure/aks/egress-outboundtype)
const SEES_OURS = new RegExp(
  String.raw`\b(?:does|do|will|would|did) (?:the )?([a-z][\w.-]*)(?:['’]s [\w-]+)? (?:see|log|record|get)s? as ` +
    String.raw`our (?:cluster['’]s )?(?:public |egress |outbound |source |src )?(?:ip|address|source|src)(?:es|s)?\b`,
);
const NOT_A_PARTY = new RegExp(
  String.raw`^(it|them|out|back|our|its|their|in|into|to|from|who|which|what|that|this|me|us|you|pod|pods|` +
    String.raw`service|api|app|he|she|they|someone|one|side|end)$`,
);

const TO_INTERNET = /(->|→)\s*(the\s+)?internet\b/;

/** The one address outside the cluster a workload goes to ("web → 10.20.1.5", "api to 10.50.1.4:1433"), said with
 * no other address of ours and never as a prefix */
function farEndGoneTo(s: Seen): string | undefined {
  const far = s.intent.elsewhereIps ?? [];
  if (far.length !== 1 || s.intent.ips.some((ip) => !far.includes(ip) && !ourSource(s, ip, far[0]))) return undefined;
  if (s.both.length !== 1) return undefined;
  const [ip] = far;
  // "db-0 → on prem 192.168.40.12", "api → storage private endpoint 10.100.3.7": what is there may be said first;
  // never a route's next hop ("0/0 → 10.100.0.4": a prefix, then where it is sent)
  // https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview
  if (nextHop(s.t, ip)) return undefined;
  const to = new RegExp(
    // ("web calling 10.100.2.10 in the hub": the verb in any form)
    // ("the api pod needs 52.239.140.10:443": what a workload needs is where it goes)
    String.raw`(->|→|\bto|\btowards?|\breach(es|ing)?|\bcall(s|ing)?|\bhit(s|ting)?|\bdial(s|ing)?|\bneeds)` +
      // ("api->198.51.100.20": an arrow needs no space)
      String.raw`((?<=->|→)\s*|\s+)(the\s+)?` +
      String.raw`((on[- ]?prem(ises)?|hub|spoke|storage|private|endpoint|vm|server|database|db|firewall)\s+){0,3}` +
      // ("calls the vm at 10.0.0.4": where the thing is said to be)
      String.raw`(at\s+)?${esc(ip)}\b(?!/\d)`,
  );
  return to.test(s.t) ? ip : undefined;
}

/** A private address logged or drawn as the flow's source ("TCP request from 10.224.0.6:40112 to 8.8.8.8:25") is our
 * end of it, the client, never a second far end (https://learn.microsoft.com/azure/firewall/monitor-firewall-reference) */
const ourSource = (s: Seen, ip: string, far: string): boolean =>
  !isPublic(ip) &&
  (loggedFromTo(s.t, ip, far) || new RegExp(String.raw`\b${esc(ip)}(?::\d{1,5})?\s*(->|→)\s*${esc(far)}\b`).test(s.t));

/** "0/0 → 10.100.0.4", "0.0.0.0/0 -> 10.100.0.4": a route's prefix, then the next hop it sends to: the address is
 * on the way, never the far end (https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview) */
const nextHop = (t: string, ip: string): boolean =>
  new RegExp(String.raw`\d/\d{1,2}\s*(->|→|=>|via|to)\s*${esc(ip)}\b`).test(t);

/** A logged flow "from <ip>:<port> to <ip>:<port>" (Azure Firewall's log lines
 * https://learn.microsoft.com/azure/firewall/monitor-firewall-reference) */
const loggedFromTo = (t: string, from: string, to: string): boolean =>
  new RegExp(String.raw`\bfrom ${esc(from)}(?::\d{1,5})? to ${esc(to)}\b`).test(t);
const arrowFrom = (t: string, ip: string): boolean =>
  new RegExp(String.raw`\b${esc(ip)}(?::\d{1,5})?\s*(->|→)`).test(t);

/** Never out: a DNS or policy reading, or our load balancer's frontend called from outside (the way in, whatever words
 * for a partner are said) */
const staysIn = (s: Seen): boolean =>
  notOut(s) || frontendReached(s) || comesFromAddress(s) || outsiderToOurFrontend(s) || podCallsOurFrontend(s);

/** "… get traffic from an on-prem server 10.100.8.20?": the address outside said after "from" is the client coming in,
 * never the far end the workload goes out to */
const comesFromAddress = (s: Seen): boolean => !!clientOutside(s);

/** The client address outside the cluster, said as the client: after "from" ("from an on-prem server 10.100.8.20",
 * never "from db-0 to the backup host 192.168.4.20"), or as the one that opens or calls ("198.51.100.77 hits …"). */
function clientOutside(s: Seen): string | undefined {
  const ip = s.intent.clientIp;
  if (!ip || !s.intent.elsewhereIps?.includes(ip)) return undefined;
  const from = new RegExp(String.raw`\bfrom (?:(?!(?:to|towards?|into|onto)\b)[\w'-]+ ){0,4}\(?${esc(ip)}\b`);
  return from.test(s.t) || ACTS(ip).test(s.t) ? ip : undefined;
}
// ("the jumpbox in the hub (10.100.4.9) needs to call …": or said as what it has to do; a VM in a peered hub is a
// client outside the cluster https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke)
/** "queries sqlapilb", "pulls data from sqlapilb": a client asking a server of ours for something */
const QUERIES_OR_READS = String.raw`quer(y|ies)|${READ_VERBS}( [a-z]+)? from`;
const ACTS = (ip: string) =>
  new RegExp(
    String.raw`\b${esc(ip)}\)? ((needs?|has|have|wants?|tries|try) to |(must|will|would|should) )?` +
      // ("the reporting VM at 10.100.7.21 pulls data from sqlapilb:8080": it reads from ours, so it calls in)
      String.raw`(calls?|connects?|hits?|opens?|curls?|reach(es)?|sends?|posts?|pushes?|${QUERIES_OR_READS})\b`,
  );

/** "resolv.conf ndots 5 + search list, so vendor.example gets 3 lookups first?": a pod's resolver settings asked
 * about in a DNS question: the name outside is looked up, the pod does not go out to it
 * https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config */
const notOut = (s: Seen): boolean => policyDirection(s.t) || resolverSettings(s);
const resolverSettings = (s: Seen): boolean =>
  s.cue === 'dns' && /\b(resolv\.conf|ndots|search (list|domains?|path)|dnsconfig|dnspolicy)\b/.test(s.t);

/** "netpol api-deny-all, does it also kill egress from api?": with a NetworkPolicy named, egress and ingress are the
 * directions a policy isolates, not the way out to the Internet (which it would name)
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation */
const policyDirection = (t: string): boolean =>
  /\b(net ?pols?|network ?polic(y|ies)|networkpolic(y|ies))\b/.test(t) &&
  !/\b(internet|public|outside world|partners?|vendors?|snat|nat gateway)\b/.test(t);

/** "from api to the web service, is there SNAT?": two parties said in a direction are the flow, whatever words for
 * going out ("snat", "leave the node") are said about it, unless the Internet is named as the far end. */
const flowBetween = (s: Seen): boolean =>
  s.both.length >= 2 && (s.directed || !!s.from) && !/\b(internet|outside world)\b/.test(s.t);

/** "the traffic from the router pod xlkxx to the sqlapi pod": the router named by name as the client of a pair is
 * a party of the flow, not the way in of requests from outside (an address after "from" is a client outside) */
const routerIsClient = (s: Seen): boolean =>
  s.both.length >= 2 &&
  ((!!s.intent.from && !/^\d/.test(s.intent.from)) ||
    // "traffic from the ingress controller to web": the way in said as the one that sends, to a workload
    /\bfrom (the )?(ingress|nginx|router|gateway)( controller)?( pods?)? (to|->|→) /.test(s.t) ||
    s.both.some((p) => p.kind === 'pod' && WAY_IN_POD.test(p.matched)));
/** A pod of the router or an ingress controller named by its pod name ("from the ingress controller x2k4p to web"),
 * not the word "router" standing for the way in. */
const WAY_IN_POD = /(^|\/)(router|[a-z0-9-]*ingress[a-z0-9-]*)[/-]/;

const LEAVES_NODE = /\b(leav(e|es|ing)|cross(es|ing)?) (the |its |this |that )?nodes?\b/;
/** Leaving a node, a host or the cluster network is a hop of the path, not going out to the Internet. */
const LEAVES_A_HOP = /\b(leav(e|es|ing)|cross(es|ing)?) (the |its |this |that )?(node|host|vm|subnet|namespace)s?\b/g;

/** "snat port exhaustion? seeing EADDRNOTAVAIL from the web pods": the question asks about SNAT and names no
 * workload; the workload is in the report around it: the outbound load balancers' SNAT, not one pod's way out. */
function snatElsewhere(s: Seen): boolean {
  const named = (text: string) => s.workloads.some((w) => text.includes(w.text.split('/').pop()!));
  const snatOnly = (text: string) => /\bsnat\b/.test(text) && !OUT.test(text.replace(/\bsnat\b/g, ' '));
  // the sentence that asks, when the message has several (a quoted "> …" line is someone else's question)
  const said = s.intent.asking;
  if (said && snatOnly(said) && !named(said)) return true;
  // "any snat failures on the lb for the api pods?": SNAT usage asked of the load balancer is its own (its ports per
  // backend), whatever workload it is asked for
  // https://learn.microsoft.com/azure/load-balancer/load-balancer-outbound-connections
  if (SNAT_QUESTION.test(s.t) && snatOnly(s.t) && /\b(lbs?|load ?balancers?)\b/.test(s.t)) return true;
  if (!snatOnly(s.t)) return false;
  const sentences = s.t.split(/(?<=[.?!])\s+/);
  const asking = sentences.find((x) => /\?\s*$/.test(x) && /\bsnat\b/.test(x));
  return sentences.length > 1 && !!asking && !named(asking);
}

/** A name under a public top-level domain ("api.stripe.com"), never a Service's name.ns or cluster.local name. */
/** Host names under a public top-level domain that nothing of ours matched: far ends outside the cluster. */
export const outsideHosts = (intent: Intent): string[] =>
  intent.names.filter((n) => isPublicDomain(n) && !(intent.entities ?? []).some((e) => e.text === n));

/** A domain name under a public top-level domain, never a cluster name. */
export const isPublicDomain = (n: string): boolean =>
  /\.(com|net|org|io|dev|app|cloud|co|ai|biz|info|eu|uk|de|fr|nl|ie|us)$/.test(n) && !/\.svc(\.|$)/.test(n);

/**
 * "web to 10.100.2.10, what src ip arrives there?": an address no pod has, where the workload goes ("to 10.100.2.10",
 * "at 192.168.10.5", "198.51.100.20 sees"), in a question about the source: the egress to it (the destination).
 */
function sourceAtFarEnd(s: Seen): boolean {
  const { intent } = s;
  // "what source…", "what will they log", "what does the far side see"
  if (!/\b(src|source|sender|logs?|logged|sees?|seen)\b/.test(intent.text)) return false;
  // "a customer at 198.51.100.23 connects to 20.31.46.20": the addresses are the client's and our way in
  if (CLIENT_ACTS.test(intent.text)) return false;
  // "what source does the pod see", "does sqlapi see the client ip": our side receives, the flow comes in
  if (oursSees(s)) return false;
  // a pod's or a Service's address is inside the cluster ("web → 10.0.201.17:8080, the api ClusterIP")
  const known = new Set([
    ...s.entities.map((e) => e.text),
    ...(intent.clusterIps ?? []),
    ...(intent.frontendIps ?? []),
  ]);
  const far = intent.ips.find((ip) => {
    if (known.has(ip) || nextHop(intent.text, ip)) return false;
    const at = ip.replace(/\./g, '\\.');
    // "our branch vm 198.51.100.77 hits that ip": the address that opens or calls is the client, not the far end
    if (ACTS(ip).test(intent.text)) return false;
    const goesTo =
      String.raw`(\b(to|at|reach(es)?|towards|calls?|calling|hits?|opens?|connects to|talks to)|->|→) ` +
      String.raw`(on-prem |the )?${at}\b`;
    // "the DB team in the hub (10.100.2.10) says …", "the database in hub 10.100.2.10": an address said as a place
    // of ours outside the cluster
    // and "the hub DB at 10.100.2.10", "hub network 10.100.2.10": the place, what is there, then its address
    const place =
      String.raw`\b(hub|on-?prem(ises)?|data ?cent(?:er|re)|branch|office|spoke|peered vnet)( [a-z-]+){0,2}\)?` +
      String.raw`\s*((at|in|on) )?\(?${at}\b`;
    // ("our studio encoder is 192.168.10.5 on-prem": or the address, then the place)
    const placeAfter = String.raw`\b${at}\)? (on-?prem(ises)?|on prem|in the hub)\b`;
    return new RegExp(String.raw`${goesTo}|\b${at} (sees?|gets?|receives?)\b|${place}|${placeAfter}`).test(intent.text);
  });
  if (far) intent.towards = far;
  return !!far;
}

const CLIENT_ACTS = new RegExp(
  String.raw`\b(customers?|clients?|users?|visitors?|browsers?)\b.{0,30}` +
    String.raw`(\b(connects?|hits?|opens?|reach(es)?|sends?)\b|` +
    // "client 203.0.113.9 -> 20.31.46.20:80", "client -> 10.224.0.5:31380": the client's flow drawn as an arrow
    String.raw`(->|→))|` +
    // "from on-prem 192.168.10.20 we hit 10.0.2.10:8080": a client in our other networks comes in
    // ("from the DBA bastion at 10.100.6.21 (hub side) we open sqlapilb:8080": or from a machine there, by its kind)
    String.raw`\bfrom (the |our |a )?([\w-]+ ){0,2}(on-?prem(ises)?|office|branch|data ?cent(?:er|re)|peered vnet|` +
    String.raw`${MACHINE_WORDS})\b.{0,40}` +
    String.raw`\b(hit|hits|connect|connects|reach|reaches|call|calls|open|opens)\b`,
);

// ("how does sqlapi get there": getting somewhere is going, never receiving)
const SEES = String.raw`\s+(sees?|gets?(?! (there|to|through|into|out)\b)|receives?)\b`;
/** The pod or a workload of the question is the one that sees the address: it receives the flow. */
const oursSees = (s: Seen): boolean =>
  new RegExp(String.raw`\b(pods?|containers?|backends?)${SEES}`).test(s.intent.text) ||
  s.workloads.some((w) => new RegExp(String.raw`\b${escapeRe(w.text.split('/').pop()!)}${SEES}`).test(s.intent.text));

const ASKS_ADDRESS = /\b(what|which)\b.{0,20}\b(ip|address|source)\b/;

/** One workload and the client's address coming in: "does web see the client ip when hit via its LB?" */
const CLIENT_IN = new RegExp(
  String.raw`\b(client('s)? ip|from (the )?(internet|outside)|` +
    String.raw`via (its |the )?(loadbalancer|load balancer|lb|route|ingress|service))\b`,
);

/** The bot addressed (second person, or "the bot") about what it does or how it is used, nothing else named. */
// ("does this thing understand Front Door?": the bot said as a thing)
// ("does it understand CNI overlay?", "can it explain egress IPs at all?": "it" that understands or explains is the
// bot; a pod or a load balancer neither understands nor explains)
// ("can it tell me anything about EgressIPs?": what it can tell of a topic, nothing in particular asked)
const IT_KNOWS =
  String.raw`\b(can|could|does|do|will|would) it ` +
  String.raw`(explain|understand|tell (me|us) (anything|something|much))\b`;
// ("how do I write the terse form for a path?": the bot's terse commands are its own, how to write them its use)
const TERSE_FORM = String.raw`\b(terse|short)( command)? (forms?|syntax|notation)\b`;
const TO_THE_BOT = new RegExp(
  String.raw`\b(you|your|yours|u|ur|yourself)\b|\b(bot|assistant|packet-path)\b|\b(this|the) (tool|thing)\b|` +
    `${IT_KNOWS}|${TERSE_FORM}`,
);
/** "can the bot explain NSG verdicts?", "can you tell me whether an NSG or a network policy blocks a flow?": whether
 * the bot judges a kind of thing, said in general (no "the", "our", "why", "it": never one flow of ours) */
const ITS_VERDICTS =
  String.raw`\b(can|could|does|do|will) (you|u|it|the bot|this bot|the tool|this tool) ` +
  String.raw`(explain|evaluate|assess|judge|tell (me|us) (whether|if)) ` +
  String.raw`(?!(the|my|our|your|this|that|these|those|why|how|where|what|who|when|which|it|its|anything|something)\b)`;
/** "is Azure Front Door something you can trace?", "are NAT gateways a thing the bot understands?", "ASGs inside NSG
 * rules — are those understood by you?", "is SNAT capacity among the things you report on?": a kind of thing asked
 * whether the bot covers it (the topic it names cues a family: it is the topic asked about, not a question of it) */
const THING_THE_BOT_COVERS =
  String.raw`\b(something|a thing|anything|stuff|(among|one of) the (things|topics|areas)) (that )?` +
  String.raw`(you|u|it|the bot|this bot|the tool|this tool|packet-path) ` +
  // ("custom DNS servers on the VNet — is that something you look at?": looked at, looked into, inspected)
  String.raw`((can|could|do|does) )?((follow|trace|handle|see|check|read|cover|support|understand|explain)s?|` +
  String.raw`looks? (at|into)|inspects?|considers?|takes? into account|reports? on|answers?)\b|` +
  String.raw`\b(are|is) (those|these|they|that|this|it) (understood|covered|handled|supported) by ` +
  String.raw`(you|u|the bot|this bot|the tool|this tool|packet-path)\b`;
/** "does the bot warn when a scale-out would leave a rule without ports?", "can you check whether a cluster relies on
 * …?", "will you tell me when a pod's traffic is pinned …?": whether the bot watches for a case, said of a kind of
 * thing ("a", "an", "any": none of ours), asks what it covers, whatever networking words the case carries */
/** The bot, as it is spoken to or of */
const THE_BOT = String.raw`(you|u|it|the bot|this bot|the tool|this tool|packet-path)`;
const BOT_WATCHES =
  String.raw`\b(can|could|does|do|will|would) ${THE_BOT} ` +
  String.raw`(also |even )?` +
  String.raw`(warn|alert|flag|notify|tell|detect|notice|spot|catch|check|report|let)s?( (me|us|you|know|it|that))*`;
// (the case first: "if a scale-out eats every port, would the bot alert me?")
const WATCHES_FOR =
  String.raw`${BOT_WATCHES},? (when|whether|if|once|as soon as) (a|an|any)\b|` +
  String.raw`^\W*(when|whether|if|once) (a|an|any)\b[^?]{0,120}${BOT_WATCHES}\s*[?!.]*\s*$`;
/** "what checks can you run?", "what exactly can you check?", "can the bot follow a UDR …?": what the bot can check,
 * or a kind of thing ("a", "an", "any": none of ours named) it can follow, asked of the bot itself */
const ITS_CHECKS =
  String.raw`\bwhat (exactly |else )?(checks|lookups|tests|traces) (can|could|do|will) (you|u|it|the bot|this bot) ` +
  String.raw`(run|do|make|perform)\b|\bwhat (exactly |else )?(can|could) (you|u|it|the bot|this bot) ` +
  String.raw`(check|see|trace|look at|read)\b|\b(can|could|does|do) (you|u|it|the bot|this bot|the tool|this tool) ` +
  String.raw`(follow|trace|handle|see|check|read|walk) ` +
  // ("can you trace traffic through a hub firewall that lives in another subscription?": the flow through a kind of
  // thing, said in general)
  String.raw`((traffic|flows?|packets?|paths?|connections?) (through|via|across|behind|over) )?(a|an|any)\b|` +
  // ("can you see DNAT rules on the hub firewall?", "can you work out SNAT ports per node?": a kind of thing said
  // bare and plural, none of ours, asked whether the bot gets at it)
  String.raw`\b(can|could|does|do) (you|u|it|the bot|this bot|the tool|this tool) (also |even )?(see|read|` +
  // (never a polite request: "can you show SNAT ports?", "can you check NSGs?" ask for them)
  String.raw`follow|work out|figure out|calculate|compute|report) ([a-z0-9-]+ ){0,2}[a-z0-9-]+s` +
  String.raw`(?=[?!.,]|$| (on|in|for|of|per|behind|across|when|too|as well)\b)|` +
  // ("can you check network policies even on a cluster that doesn't enforce them?": a kind of thing, on a kind of
  // cluster, asked whether the bot gets at it — a request names ours)
  String.raw`\b(can|could|does|do) ${THE_BOT} (also |even )?(check|see|read|judge|evaluate|handle) ` +
  String.raw`([a-z0-9-]+ ){0,2}[a-z0-9-]+s,? (even |also |still )?(on|in|for|with|behind) (a|an|any)\b|` +
  String.raw`${ITS_VERDICTS}|` +
  // ("is Azure Front Door something you can trace?", "are NAT gateways a thing the bot understands?": a kind of
  // thing asked whether the bot covers it)
  `${THING_THE_BOT_COVERS}|` +
  // ("what do I get from you for DNS questions?": what the bot gives back for a kind of question, asked of it)
  String.raw`\bwhat (do|does|will|would|can|could) (i|we|one|people) (get|receive|see) (back )?from ` +
  String.raw`(you|u|the bot|this bot|the tool|this tool|packet-path)\b|${WATCHES_FOR}`;
/** "…, or is that out of its league?": a topic asked whether it lies beyond what the bot does */
const BEYOND_IT = String.raw`(out of|beyond|outside) (your|its|the bot(?:'?s)?) (league|scope|depth|remit|reach)`;
/** "is the bot aware of NAT gateways?", "does the bot understand AGC?": a topic asked of what the bot knows */
const BOT_AWARE =
  // ("do you also know about health probes?": the same, a topic beside the ones asked before)
  String.raw`\b(do|does|is|are) (you|u|it|the bot|this bot|the tool|this tool|packet-path)( also| even| too)? ` +
  String.raw`(know|understand|aware)\b|${IT_KNOWS}|${TERSE_FORM}`;
const ITS_USE = new RegExp(
  // ("what information can you show me … is anything you show modifiable?": what it shows and whether it changes)
  String.raw`\b(commands?|questions?|ask|asking|answers?|use|using|usage|help|helps|know|knows|doing|do|does|` +
    String.raw`understands?|` +
    String.raw`show|shows|information|info|modif\w*|read[- ]only|examples?|` +
    String.raw`capabilit(y|ies)|able|features?|scope|league|remit|supports?|supported|work|works|covers?|provides?|` +
    String.raw`offers?|faq|` +
    // "kindly inform the functions of this bot": what it is for
    String.raw`functions?|functionality|purpose)\b|` +
    // "can you change anything in the cluster?": whether the bot writes at all, nothing of ours named (read-only)
    String.raw`\b(can|could|do|will|would) (you|u|it|the bot) (change|edit|delete|remove|fix|restart|write|touch|` +
    String.raw`break) (anything|something|things|stuff)\b|` +
    // "can you check IPv6 paths?": whether the bot checks a kind of path, said in general (no article: never "can you
    // check the network for me")
    String.raw`\b(can|could|do) (you|u) (check|trace|handle|follow|see|do) [a-z0-9-]+ (paths|flows|routes|traffic)\b|` +
    // ("can you check vWAN routing intent?": a kind of routing said in one or two words, no article, the whole ask)
    String.raw`\b(can|could|do) (you|u) (check|trace|handle|follow|see) ([a-z0-9-]+ ){1,2}` +
    String.raw`routing( intent)?\s*[?!.]*\s*$|` +
    // "what you can check regarding NSGs": what the bot looks at, said of itself
    String.raw`\bwhat (you|u) (can|could) (check|see|trace|look at|read|tell)\b|` +
    // "can you tell me about DNS too?": a family asked about as a topic, never a thing of ours
    String.raw`\btell me about (dns|egress|inbound|ingress|policy|network ?policy|load ?balancers?|pods?)\b|` +
    String.raw`${ITS_CHECKS}|${BOT_AWARE}`,
);
/** A message that opens with the bot's scope as a word alone ("capabilities? egress, policy, lb?", "FAQ: …"): the
 * families listed after it are what may be asked, not a question about one of them */
// ("examples?": the bot's sample questions asked for; "quick command list?", "full usage syntax?": the bot's commands)
const SCOPE_OPENS = new RegExp(
  String.raw`^\W*((short|quick|full|basic|bot|cli) )?(capabilit(y|ies)|features?|scope|faq|commands?|usage|examples?)` +
    String.raw`( request| question| syntax| list| reference| format)?\s*(\?|:|-|—)`,
);
/** "what can the packet-path bot tell us": the bot named, asked what it tells (never "can you tell me the weather") */
const BOT_TELLS = /\b(bot|packet-path|assistant)\b.{0,20}\b(tell|explain|show)s?\b/;
const namesIn = (s: Seen, text: string): boolean => s.entities.some((e) => text.includes(e.text.split('/').pop()!));
const COVERS =
  // ("what kinds of questions does it answer? egress, dns?": the families listed are what may be asked)
  new RegExp(
    String.raw`\b(cover|covers|support|supports|supported|handle|handles|capabilit(y|ies)|features?|scope|syntax|` +
      String.raw`docs|documentation|(kinds?|types?|sorts?) of (questions|queries)|` +
      // "do you do DNS questions too or only egress?": a family said as a kind of question the bot takes
      String.raw`(dns|egress|inbound|ingress|policy|network ?policy|lb|load ?balancer|pod|east-west|what-is) ` +
      // "do you do NetworkPolicy checks?": a family said as a kind of check the bot runs
      String.raw`(questions|queries|checks?|lookups?|traces?|verdicts?|paths)|` +
      // "do you answer questions about load balancers and SNAT ports?": the topics the bot's questions are about
      String.raw`(questions|queries) (about|on|regarding|around)|` +
      // ("which questions can I ask on egress?": the questions one may put to the bot, a family named their kind)
      String.raw`(which|what) (questions|queries) (can|could|may|should) (i|we) |` +
      // "what you can check regarding load balancers and SNAT": the topics the bot's checks cover, asked of it
      String.raw`what (you|u) (can|could) (check|see|trace|look at|read|tell|answer) ` +
      String.raw`(regarding|about|around|concerning|on|for)|` +
      // "can you tell me about DNS or only IPs?", "… DNS paths too or just egress?": one topic weighed against
      // another, asked of the bot's reach
      String.raw`or (only|just)|` +
      // "…, or is that not something you know?", "are you able to check …", "what else can you do": whether the bot
      // can, asked of the bot itself (a topic named is then an example of what it might do)
      String.raw`(is|isn'?t) (that|this|it) (not )?(something|anything) (you|u) ` +
      String.raw`(know|can|do|see|cover|answer|look at|look into|inspect)|` +
      String.raw`^\W*(are|r) (you|u) able to|what else (can|could|do) (you|u)|` +
      // "could you kindly describe the services you offer?": the bot's own services, asked of it
      String.raw`services? (you|u) (offer|provide|render)|what (can|could) (it|this bot) answer|` +
      // "what info can your bot give us about the network side?": what the bot can tell, asked of the bot
      String.raw`(info|information|details) (can|could|does|will|would) (you|u|your bot|the bot|this bot|this tool) ` +
      String.raw`(give|provide|show|tell|offer)|` +
      // "does the bot know about OpenShift EgressIPs?", "do you know about NSGs?": a topic asked of the bot's knowledge
      String.raw`(do|does) (you|u|the bot|this bot|the tool|this tool|packet-path) (know|understand) (about|of)|` +
      `${BEYOND_IT})\\b|` +
      String.raw`${ITS_CHECKS}|${BOT_AWARE}`,
  );
/** "can you tell me DNS paths too or just egress?": one topic weighed against another, asked of what the bot does */
// ("can you explain traffic coming in …, or only outbound?": what the bot can do, weighed against another topic)
const TOO_OR_JUST =
  /\b(too|also|as well)\b.{0,20}\bor (only|just)\b|\b(can|could|do) (you|u)\b.{0,80}\bor (only|just)\b/;
/** "did you mean the pod or the service in your last answer?": a question about what the bot said before is about
 * that answer, never about what the bot can do */
const EARLIER_ANSWER = new RegExp(
  String.raw`\b(your|the|that) (last|previous|earlier) (answer|reply|response|message)\b|\bdid you mean\b|` +
    String.raw`\byou (just )?(said|answered)\b`,
);
/** The topics named are what the bot is asked to cover: listed, alone, or a kind of thing asked whether it covers */
const scopeAsked = (t: string): boolean =>
  COVERS_OR_EXAMPLES.test(t) ||
  TOPIC_ALONE.test(t) ||
  QUESTIONS_TAKEN.test(t) ||
  new RegExp(`${THING_THE_BOT_COVERS}|${WATCHES_FOR}`).test(t);
/** A thing of ours said in a message to the bot: never the platform said in general ("Kubernetes stuff"), nor a
 * namespace's word said as plain English, never written as a name ("… without default outbound access") */
const namesOurs = (s: Seen, e: Entity, t: string): boolean =>
  (!PLATFORM_SAID.test(t) || e.text !== 'kubernetes') && (e.kind !== 'namespace' || s.intent.marked.includes(e.text));
function aboutTheBot(s: Seen): boolean {
  // "> @bot what is 10.244.1.9?\nsaw someone ask that. what else can you answer?": a quoted line is someone else's
  // question, context; the sentence that asks is about the bot
  const asking = s.intent.asking?.toLowerCase();
  if (asking && /(^|\n)\s*>/.test(s.intent.text) && !/^\s*>/.test(asking))
    return (
      TO_THE_BOT.test(asking) && ITS_USE.test(asking) && !/\d{1,3}(\.\d{1,3}){3}/.test(asking) && !namesIn(s, asking)
    );
  const others = Object.keys(s.intent.cues ?? {}).filter((k) => k !== 'help');
  const t = s.t.replace(/\bthank(s| you)\b.*?(?=[.?!]|$)/g, ' ');
  // "what does this tool cover? egress, NSGs, DNS?": the families listed are the topics asked about, not questions
  const scope = scopeAsked(t);
  return (
    (!others.length || scope) &&
    !s.entities.some((e) => namesOurs(s, e, t)) &&
    !s.intent.ips.length &&
    ((TO_THE_BOT.test(t) && (ITS_USE.test(t) || TOO_OR_JUST.test(t))) ||
      SCOPE_OPENS.test(t) ||
      BOT_TELLS.test(t) ||
      QUESTIONS_ASKED.test(t) ||
      TOPIC_ALONE.test(t))
  );
}

/** "do you handle DNS questions?", "will the bot take SNAT port queries?": a kind of question the bot takes */
const TAKES = String.raw`(also |even )?(handle|take|answer|cover|support|do|accept|field|deal with)`;
const QUESTIONS_TAKEN = new RegExp(
  String.raw`\b(can|could|do|does|will|would) ${THE_BOT} ${TAKES}s? ([\w/&,'-]+ ){0,8}(questions|queries)\b|` +
    // ("backend pool and probe questions — does the bot answer those?": the kind said first, pointed back at)
    String.raw`\b(questions|queries)\W+(can|could|do|does|will|would) (you|u|the bot|this bot|the tool|this tool) ` +
    String.raw`${TAKES} (those|these|them|such)\b`,
);
/** The bot asked what it knows or checks, or one topic weighed against another (nothing of ours named) */
const BOT_SCOPE = new RegExp(String.raw`${ITS_CHECKS}|${BOT_AWARE}|\bor (only|just)\b|\b${BEYOND_IT}\b`);
const botScopeAsked = (s: Seen): boolean => !EARLIER_ANSWER.test(s.t) && BOT_SCOPE.test(s.t) && aboutTheBot(s);

// "or only Kubernetes stuff?": Kubernetes said with a word for things in general is the platform, not the Service or
// load balancer that AKS names "kubernetes" (https://learn.microsoft.com/azure/aks/load-balancer-standard)
const PLATFORM_SAID = /\bkubernetes (stuff|things|side|objects|resources|bits|level|layer|networking)\b/;

/** "can you check network policies?", "do you handle DNS?": a family's topic alone is what the bot is asked to take on,
 * never a question about one of ours (nothing else said) */
const TOPIC_ALONE = new RegExp(
  String.raw`^\W*(can|could|do) (you|u) (check|handle|do|read|explain|look at|see|trace) (the )?` +
    String.raw`(network ?polic(y|ies)|netpols?|nsgs?|nsg rules|dns|egress|load ?balancers?|lbs?|udrs?|route tables?)` +
    // ("can you check load balancer things like health probes?": the topic's kind of thing, examples of it after)
    String.raw`( (things|stuff|bits|features|questions)` +
    String.raw`(,? (like|such as|e\.?g\.?|including|for example) [\w ,/&-]{1,50})?)?` +
    // ("can you check NSGs on an application gateway subnet?": said of any one thing, none of ours named)
    String.raw`( (on|in|for|of|behind) (an?|any) [\w -]{1,40})?` +
    String.raw`\s*[?!.]*\s*$|` +
    // "can you tell if a network policy blocks something?": "something" names no party, so the bot's reach is asked
    String.raw`^\W*(can|could|do) (you|u) (tell|check|see|say|find out|know) (if|whether) (a |an |any |the )?` +
    String.raw`[\w -]{0,30}\b(blocks?|allows?|drops?|denies|stops?) (something|anything)\s*[?!.]*\s*$|` +
    // "can you tell me if an IP is ours?", "is it true you can tell me what an attacker on the internet could reach?":
    // a party said with "a" or "an" is any one, none named, so what the bot can tell is asked
    // ("can the bot tell me which NSG rule wins for an inbound connection?": the one asked of may come after)
    String.raw`^\W*(is it true (that )?(you|u) can|(can|could) (you|u|the bot|this bot|it)) (tell|show|say|find out)` +
    String.raw`( me| us)? (if|whether|what|which|who) ([\w-]+ ){0,5}?(a|an) [a-z-]+\b[^?.!]*[?!.]*\s*$`,
);
/** "show me an example egress question", "sample policy commands?": questions to ask the bot, asked for as examples
 * (a family named is the kind of example wanted; never "sample DNS queries", which DNS itself answers) */
const EXAMPLES_ASKED = /\b(examples?|samples?)( of)?( an?| some)?( [\w-]+){0,2} (questions?|commands?)\b/;
/** "what? how? which questions?": question words alone, ending on which questions there are, ask what to ask */
const WHICH_QUESTIONS = /^\W*((what|how|which|where|who|why|huh)\W+)*(which|what) (questions|commands)\s*[?!.]*\s*$/;
/** Questions to ask asked for: which there are, or examples of them */
const QUESTIONS_ASKED = new RegExp(`${WHICH_QUESTIONS.source}|${EXAMPLES_ASKED.source}`);
/** What the bot covers asked, or examples of its questions (a family then named is the kind wanted) */
const COVERS_OR_EXAMPLES = new RegExp(`${COVERS.source}|${EXAMPLES_ASKED.source}`);

/** One party the inventory knows and one written "ns/name" that a namespace of ours does not have, linked as a pair. */
const oneMissing = (s: Seen): boolean =>
  s.intent.missing?.length === 1 && s.both.length === 1 && !s.hosts.length && (PAIR.test(s.t) || s.directed);

/** Fewer than two parties, a host, or one party said in the sentence that asks about coming in or going out. */
const notAPair = (s: Seen): boolean =>
  s.both.length < 2 ||
  !!s.hosts.length ||
  requestsComeIn(s) ||
  asksOneOut(s) ||
  clientDrawnIn(s) ||
  onlyListed(s) ||
  namesOnly(s) ||
  s.intent.names.some((n) => AZURE_WAY_IN.test(n));

/** "api db", "20.31.46.20 api": names and addresses said alone, with no word of what is wanted of them */
const ADDRESS_OF_X =
  /^(?:(?:what'?s|what is|whats) )?(?:the )?(?:(?:ip|address|ip address) (?:of|for) x|x(?: ?'?s)? (?:ip|address))$/;
/** "what's web's IP?", "ip of api": a workload has several addresses (its pods', its Service's, its way out), and
 * which is not said: the reply offers them */
function addressOfUnsaid(s: Seen): boolean {
  // (a pod said by its own name has the one address: "ip of legacy-0")
  if (s.cue !== 'unknown' || s.entities.length !== 1 || s.entities[0].kind !== 'workload') return false;
  const rest = s.t.split(s.entities[0].text).join(' x ').replace(/[?!.]/g, ' ').replace(/\s+/g, ' ').trim();
  return ADDRESS_OF_X.test(rest);
}

function namesOnly(s: Seen): boolean {
  if (s.cue !== 'unknown' || s.entities.length + s.intent.ips.length < 2) return false;
  const said = [...s.entities.map((e) => e.text), ...s.intent.ips].sort((a, b) => b.length - a.length);
  let rest = s.t;
  for (const x of said) rest = rest.split(x).join(' ');
  return !/[a-z0-9]/.test(rest.replace(/\b(and|&|\+|,|pls|please|hmm|pod|pods|svc|service)\b/g, ' '));
}

/** An Azure front end's host name (Application Gateway for Containers, Front Door): a way in, so the question is about
 * coming in, even where the inventory does not list the host
 * https://learn.microsoft.com/azure/application-gateway/for-containers/application-gateway-for-containers-components
 * https://learn.microsoft.com/azure/frontdoor/endpoint */
const OUTSIDER_CALLS = new RegExp(
  // ("our modem at 198.51.100.61 must reach …": a device of theirs said at its address, and what it must do)
  String.raw`\b(partner|vendor|customer|client|user|(pen ?)?tester|auditor|scanner|modem|device|probe|sensor|` +
    String.raw`appliance|terminal|kiosk)s?\s+(at|on|from)\s+` +
    String.raw`\d{1,3}(\.\d{1,3}){3}\s+((will|would|must|should|needs? to|has to|have to)\s+)?` +
    String.raw`(calls?|connects?|hits?|opens?|curls?|reach(es)?|sends?|browses?|visits?|requests?|scans?)\b`,
);
const PODS_BEHIND_IP = new RegExp(
  String.raw`\b(which|what) (pods?|backends?)\b.{0,20}\bbehind (the )?(ip )?\d{1,3}(\.\d{1,3}){3}\b|` +
    // "who is behind 20.31.46.20", "who's behind 10.0.2.10, which backends": who answers at an address
    String.raw`\bwho('s| is| are| sits?)? (sitting |really )?behind (the )?(ip )?\d{1,3}(\.\d{1,3}){3}\b`,
);
/** "what is <name>", "what's <name>?": the name asked about, nothing else said */
// ("what exactly is …": an adverb that stresses the ask asks the same)
const ONLY_WHAT_IS =
  /^\W*(what|who)(?:'s| (?:exactly |actually |really )?is)\s+(?:the\s+|this\s+)?[a-z0-9][\w.-]*\s*[?!.]*\s*$/;
/** "… see <endpoint>.z01.azurefd.net in their browser console — what exactly is that host?": the host said before,
 * then asked what it is (its resource), not the way in through it */
const WHAT_IS_THAT_HOST = new RegExp(
  String.raw`(^|[.?!:—–-]\s)\W*(what|who)(?:'s| (?:exactly |actually |really )?is) (that|this) ` +
    // ("<endpoint>.z01.azurefd.net - what is this one?": the host pointed back at as one of several)
    String.raw`(host|hostname|name|endpoint|domain|fqdn|url|thing|one)( exactly)?\s*[?!.]*\s*$`,
);
const AZURE_WAY_IN = /\.(alb\.azure\.com|azurefd\.net)$/;
/** "… where does it point?": where a Front Door endpoint's host points is its origins, which its answer names
 * https://learn.microsoft.com/azure/frontdoor/origin */
const AFD_HOST_POINTS =
  /\bwhere (does|do|did) (it|this|that|[\w.-]+\.azurefd\.net) (point|lead|go|send \w+)( to| at)?\s*[?!.]*\s*$/;

/** "<pasted kubectl get svc> how does a request to web's external ip get in?": the rows of a pasted table are
 * context; the parties are the ones the sentence that asks names */
const onlyListed = (s: Seen): boolean => !!s.intent.pastedServices && askedParties(s).length < 2;

/** "client 203.0.113.9 -> 20.31.46.88:443, then to which nginx pod, then web?": a public client's flow drawn to a
 * public address is the way in; the pods named are its hops, not a pair inside the cluster */
const clientDrawnIn = (s: Seen): boolean => {
  const m =
    /\b(?:client|user|customer|browser)\s+(\d{1,3}(?:\.\d{1,3}){3})\s*(?:->|→)\s*(\d{1,3}(?:\.\d{1,3}){3})\b/.exec(s.t);
  return !!m && isPublic(m[1]) && isPublic(m[2]) && !!s.entities.length;
};

const clientDrawnToHost = (s: Seen): boolean => {
  const to =
    /\b(?:client|user|customer|browser|internet)s?\s*(?:->|→)\s*(?:https?:\/\/)?([a-z0-9][a-z0-9.-]*[a-z0-9])/.exec(
      s.t,
    )?.[1];
  return !!to && s.hosts.some((h) => h.text === to);
};

/** Someone outside the cluster, said as the one who opens, curls or visits ("from home", "our jumpbox", "people"). */
// and "the partner's server 198.51.100.61 calls …", "a VM in the hub (10.100.4.9) calls …": a machine of a partner or
// in another network of ours
const OUTSIDE_CLIENT = new RegExp(
  String.raw`\b(people|customers?|users?|visitors?|browsers?|clients?|callers?|jump ?box|jump ?host|bastion|laptop|` +
    String.raw`(partner|vendor|customer)'?s? (server|vm|machine|host|system|backend)|` +
    String.raw`(vm|server|machine|host|box) (in|on|at) (the |our )?(hub|office|on-?prem\w*|data ?cent(?:er|re)|` +
    String.raw`branch|spoke|peered vnet)|` +
    // ("from our branch office", "from the main site": a site of ours outside the cluster)
    String.raw`from (home|(the|our)( branch| head| main| remote| regional)? (office|site|campus|hq|store)|outside|` +
    // ("from the open internet": the Internet with a word for how wide it is)
    String.raw`the (open |public |wide |whole |big |entire )?internet|on-?prem\w*)|(see|sees|log|logs) me|` +
    // ("does http://20.31.46.20 still work for the public?": the public it works for)
    String.raw`for (the )?(public|everyone|everybody|anyone( outside)?)|` +
    // ("someone on the internet", "anyone from the internet": a person said by where they are)
    String.raw`(someone|somebody|anyone|anybody) (on|from) the internet|` +
    // ("zones: INTERNET -> 20.31.46.88:443": the Internet (a firewall's untrust zone) drawn as where the arrow starts
    // https://learn.microsoft.com/azure/virtual-network/service-tags-overview)
    String.raw`(internet|untrust(ed)?( zone)?)(?=\s*(->|→))|` +
    // ("the edge router forwards 80 to 20.31.46.20": a device at the edge of another network passes outside traffic
    // on to our public frontend https://learn.microsoft.com/azure/load-balancer/components#frontend-ip-configurations)
    String.raw`(edge|border|perimeter) (routers?|firewalls?))\b`,
);
/** "… for the public", "for internet users", "for everyone outside": those outside, the ones it should work for */
const FOR_OUTSIDERS =
  String.raw`(works?|working|reachable|accessible|available|loads?|up|open|ok)\b[^.?!]{0,10}\bfor (the )?` +
  String.raw`(public|internet|everyone|everybody|anyone|outside( world)?|(external|outside|internet|public) \w+)\b`;
/** A Service's frontend address said, reached from outside (a client address or someone outside said), one party. */
const frontendReached = (s: Seen): boolean => {
  const opened = (s.intent.frontendIps ?? []).some((ip) =>
    new RegExp(
      // ("someone on the internet hits 20.31.46.20": hitting an address is opening it)
      String.raw`\b(opens?|opened|opening|curl(ed|ing)?( -[a-z]+)*|visit\w*|brows\w*|to|trying|request\w* to|calls?|` +
        String.raw`calling|hits?|hitting)` +
        String.raw`\s+(host\s+)?${esc(ip)}\b|` +
        // "user at home → 20.31.46.20 → ???": an arrow drawn from someone outside to the address
        String.raw`(->|→)\s*${esc(ip)}\b|` +
        // ("and 20.31.46.88 port 80 from the internet?", "… port 80 from home — blocked??": our address said with
        // where its callers are is reached)
        String.raw`\b${esc(ip)}\b[^.?!]{0,40}\bfrom ((the )?(public )?(internet|outside)|home)\b|` +
        // ("does http://20.31.46.20 still work for the public?": whether it works for those outside is whether they
        // reach it https://learn.microsoft.com/azure/load-balancer/components#frontend-ip-configurations)
        String.raw`\b${esc(ip)}\b[^.?!]{0,40}\b${FOR_OUTSIDERS}|` +
        // ("port 80 of 20.31.46.88: can anyone on the internet get through?": who is on the Internet, said after it)
        String.raw`\b${esc(ip)}\b[^.?!]{0,40}\b(anyone|anybody|someone|somebody|people|users?|clients?) on ` +
        String.raw`(the )?(public )?internet\b|` +
        // "can open the web service directly with the IP 20.31.46.20": what is opened, then its address
        String.raw`\b(open|opens|opening|curl\w*|brows\w*|visit\w*|reach\w*|access\w*|connect\w*)\b[^.?!]{0,50}` +
        String.raw`\b${esc(ip)}\b|` +
        // "the LB address 20.31.46.20 a customer connects to": the address, then who opens it (a relative clause)
        String.raw`\b${esc(ip)}\s+(?:that\s+|which\s+)?(?:a|the|our|their|any|some)\s+[a-z]+\s+` +
        String.raw`(?:connects?|hits?|opens?|calls?|reach(?:es)?|uses?|sees?)\b`,
    ).test(s.t),
  );
  const ours = s.intent.frontendIps ?? [];
  const client = OUTSIDE_CLIENT.test(s.t) || (!!s.intent.clientIp && !ours.includes(s.intent.clientIp));
  // the load balancer's own settings, or what the address is, are asked by other words
  return (
    opened && client && s.both.length <= 1 && !GOES_OUT_SAID.test(s.t) && !['load-balancers', 'what-is'].includes(s.cue)
  );
};

const FROM_A_WAY_IN = new RegExp(
  String.raw`\bfrom (the )?(azure )?(afd|front ?door|app(lication)? ?gateway( for containers)?|appgw|agw|agc|waf|` +
    String.raw`(openshift )?router|ingress controller)\b.{0,20}(\b(to|into)|->|→) (the |our |a |each )?([\w-]+ )?` +
    String.raw`(pods?|routes?|services?|backends?)\b`,
);

function frontendReachesPods(s: Seen): boolean {
  if (['load-balancers', 'what-is'].includes(s.cue) || s.both.length > 1) return false;
  return (s.intent.frontendIps ?? []).some((ip) =>
    new RegExp(
      String.raw`\bhow (does|do|would|will|can) (the )?(traffic |requests? )?((to|for|on|at) )?${esc(ip)}(:\d{1,5})? ` +
        String.raw`(reach|get (to|into)|end up (at|on|in)|land on|find)\b`,
    ).test(s.t),
  );
}

// (open to the world or the Internet; a filter stopping or letting traffic through, said either way round)
// https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works
const FRONTEND_VERDICT = new RegExp(
  String.raw`\b(open|opened|exposed|reachable|accessible) (to|for|from) (the )?(whole |public |entire )?` +
    String.raw`(world|internet|public|everyone|everybody|anyone|outside)\b|` +
    String.raw`\b(nsgs?|[\w-]+-nsg|network security groups?|security rules?|waf)\b[^.?!]{0,20}?` +
    String.raw`\b(stop|block|drop|deny|denie|reject|filter|allow|let|permit)s?\b|` +
    String.raw`\b(stopped|blocked|dropped|denied|rejected|filtered|allowed|let through|permitted) by ` +
    String.raw`((the|an?|any|our) )?((new|old|updated|current|existing|same) )?(subnet |nic )?` +
    String.raw`(nsgs?|[\w-]+-nsg|waf)\b|` +
    // ("which NSG rule matches first for tcp/80 … to 20.31.50.10?", "the NSG rules in evaluation order for inbound
    // tcp/80 to …": a filter's rules asked in the order they judge what comes in, by priority)
    String.raw`\b(nsg|[\w-]+-nsg|security) rules?\b[^.?!]{0,30}?\b(match(es|ing)?|evaluat\w*|order|first|priorit\w*|` +
    String.raw`appl(y|ies))\b`,
);
const FROM_OUTSIDE = /\b(from (the )?(outside|internet|anywhere)|internet (clients?|users?|sources?)|outsiders?)\b/;
/** A frontend of ours, and no party or host, asked whether it is open or what a filter does to what comes to it */
// (or a host of ours said from outside: "plain http on 80 to shop.contoso.com from outside, blocked by the NSG now?")
const frontendFiltered = (s: Seen): boolean =>
  (s.intent.frontendIps?.length ? !s.hosts.length : s.hosts.length === 1 && FROM_OUTSIDE.test(s.t)) &&
  !s.both.length &&
  !s.intent.clientIp &&
  // (what the address is, or the load balancer's settings, asked by other words: "what is 20.31.46.88 and is it open…")
  !['load-balancers', 'what-is'].includes(s.cue) &&
  FRONTEND_VERDICT.test(s.t) &&
  !GOES_OUT_SAID.test(s.t);

/** A public address outside the cluster (a firewall's, a NAT device's), no party of ours said, asked what its
 * destination NAT or port forwarding sends in: that is a way in (DNAT rewrites where a packet coming in goes) */
const DNAT_ASKED = /\b(dnat\w*|destination nat|port[- ]?forward\w*)\b/;
const dnatOfAnAddress = (s: Seen): boolean =>
  s.intent.ips.length === 1 &&
  !!s.intent.elsewhereIps?.includes(s.intent.ips[0]) &&
  isPublic(s.intent.ips[0]) &&
  !s.both.length &&
  !s.hosts.length &&
  (DNAT_ASKED.test(s.t) || (s.intent.port !== undefined && WHERE_IT_GOES.test(s.t))) &&
  // ("which DNAT rules sit on that address?": the rules themselves, listed by what the address is)
  !/\b(which|what|list|show)\b[^.?!]{0,20}\b(dnat|nat|port[- ]?forward\w*) rules?\b/.test(s.t) &&
  !GOES_OUT_SAID.test(s.t);

/** The client address (said after "from", or as a machine that opens) is outside the cluster and reaches the one
 * party named. */
function outsideAddressReaches(s: Seen): boolean {
  if (!clientOutside(s) || s.both.length !== 1 || s.hosts.length) return false;
  if (['dns', 'what-is', 'policy'].includes(s.cue) || GOES_OUT_SAID.test(s.t)) return false;
  return REACHES_IN.test(s.t);
}

// ("how does it flow", "which way does it come in", "… posts to it": a flow or a request said in plain words)
const REACHES_IN = new RegExp(
  String.raw`\b(reach\w*|get (to|in)|access\w*|opens?|connect\w*|calls?|hits?|curl\w*|arriv\w*|path|packets?|` +
    String.raw`traffic|flows?|come in|posts?|${QUERIES_OR_READS})\b|` +
    // ("from the office 198.51.100.7 to the web LB, which rules let it in?": the client let in)
    String.raw`\blet(s|ting)? (it|them|that|this|us|him|her|the \w+) in\b`,
);

/** Words of a way in written into a name ("gateway-01", "shop-agw", "appgw-prod"): never a workload's own. */
const WAY_IN_NAME =
  /(^|-|\s)(gateway|gw|agw|appgw|agc|alb|afd|frontdoor|front door|fd|waf|ingress|router|lb|ilb)(-|\d|$)/;
function wayInDrawn(s: Seen): boolean {
  if (!s.both.length || s.hosts.length || !['east-west', 'unknown', 'inbound'].includes(s.cue)) return false;
  const known = new Set(s.entities.map((e) => e.text.split('/').pop()!));
  // (the party it is drawn to is ours; another one said after, "does kube-proxy get involved", is a hop asked about)
  // ("the path AFD → ARO router → pod": the platform's word may come before the one drawn to)
  const drawnTo = (n: string) =>
    new RegExp(String.raw`(^|\s)${escapeRe(n)}\s*(->|→)\s*(the\s+|aro\s+|openshift\s+)*([a-z0-9][\w.-]*)`).exec(
      s.t,
    )?.[4] ?? '';
  // ("Front Door → router → sqlapi": a way in said by its kind, in words, drawn the same way)
  const kinds = [...s.t.matchAll(WAY_IN_KIND_DRAWN)].map((m) => m[1]);
  return [...s.intent.names, ...kinds].some((n) => !known.has(n) && WAY_IN_NAME.test(n) && known.has(drawnTo(n)));
}
const WAY_IN_KIND_DRAWN = /\b(front ?door|app(?:lication)? ?gateway)(?=\s*(?:->|→))/g;

/** Two parties named in a question that may be about the pair. */
function pairable(s: Seen): boolean {
  const { t } = s;
  const cue = s.weakPod ? 'unknown' : s.cue;
  if (notAPair(s)) return false;
  if (['east-west', 'policy', 'dns', 'what-is'].includes(cue)) return false;
  // a directed pair ("web to db traffic", "X -n a to Y -n b") is a pair question of itself
  if (cue === 'unknown') return PAIR.test(t) || CAN.test(t) || !!s.from;
  if (cue === 'changes') return verdictOverChange(s);
  // a pod question never asks what one side sees of the other
  // ("that peer connecting to db-0 - which nodes is that connection passing through?": the nodes a connection
  // crosses are its path, a client said)
  // ("api calling web service on 80, where's the dnat and which pod ip?": the DNAT of a flow between the two is a hop
  // of it, the pod asked the one it picks https://kubernetes.io/docs/reference/networking/virtual-ips/)
  if (cue === 'pod')
    return (
      /\bd-?nat(s|ed|'?d|ing)?\b/.test(t) ||
      ((/\b(sees?|seen)\b/.test(t) || s.directed || (!!s.from && NODES_CROSSED.test(t))) &&
        !/\b(which|what) pod\b/.test(t))
    );
  // "from sqlapi to server on 1433, does the traffic leave the node?": two parties in a direction are a pair
  if (cue === 'egress') return egressWordsPair(s);
  // two parties and a word for coming in or load balancers: a pair only when something links them
  return (
    ['inbound', 'load-balancers'].includes(cue) &&
    !routeSaid(s, cue) &&
    (PAIR.test(t) || CAN.test(t) || s.directed || !!s.from)
  );
}

const NODES_CROSSED = new RegExp(
  String.raw`\b(which|what) nodes?\b[^.?!]{0,40}\b(pass(es|ing)?|go(es|ing)?|cross(es|ing)?|travel(s|ling)?) ` +
    String.raw`(through|via|over)\b`,
);

/** "from sqlapi to server on 1433, does the traffic leave the node?": words for going out said of a directed pair */
const egressWordsPair = ({ t, directed }: Seen): boolean =>
  /\bbetween\b/.test(t) ||
  (!OUT.test(t.replace(/\bsnat\b/g, '').replace(LEAVES_A_HOP, ' ')) && PAIR.test(t)) ||
  directed;

/** "is api still allowed to reach db-0, or did that change anything?": the sentence that asks wants the verdict on
 * the pair now; the change family answers what changed, asked as such */
function verdictOverChange(s: Seen): boolean {
  const asking = s.intent.asking ?? s.t;
  return asksCan(asking) && !/\bwhat('s| has| have)? changed\b/.test(asking);
}

/** "the inbound traffic for route sqlapilb (LB → router → pod)": a name said as a route is the way in, no party. */
const routeSaid = (s: Seen, cue: string): boolean =>
  cue === 'inbound' && s.intent.typed.some((x) => x.type === 'route' || x.type === 'ingress');

export const isPublic = (ip: string): boolean => !isPrivateIp(ip);

/** "what does X do?", "what is X for?": the role of one named thing. */
export const WHAT_DOES = /\bwhat (does|do|is) (the )?([a-z0-9][a-z0-9.-]*[a-z0-9]) (do|for|used for)\b/;
/** "aro2-p8bjm-internal: what is behind it?", "what's behind kubernetes-internal": what a resource fronts */
const WHAT_IS_BEHIND = new RegExp(
  String.raw`^\W*(the )?([a-z0-9][a-z0-9.-]*[a-z0-9])\s*[:,—–-]+\s*what('s| is) ` +
    String.raw`(behind|attached to|in front of) (it|that)\b|` +
    // "what sits behind aro2-p8bjm-internal, which service?": what it fronts, said by any verb, the kind asked after
    String.raw`\bwhat('s| is| sits| lies| stands| runs)? (behind|attached to) (the )?([a-z0-9][a-z0-9.-]*[a-z0-9])` +
    String.raw`\s*([?!.]*\s*$|,\s*(which|what) [a-z -]{1,30}\?*\s*$)`,
);

const INBOUND_CUE = new RegExp(
  String.raw`\b(reach|reaches|get to|gets to|get in|requests?|traffic|path|users?|customers?|hits?|load|503s?|502s?|` +
    String.raw`down|in front|routed|arrives?|lands?)\b`,
);

const ROUTE_OF_CALLED = new RegExp(
  String.raw`\b(calls?|calling|hits?|hitting|opens?|opening) (the |its |their )?(route|ingress|public (url|host)) ` +
    String.raw`(of|for) [\w-]+`,
);
const noPods = (s: Seen) => !s.workloads.length;
/** "sqlapi.project1 where", "where is api.shop running": where the Service's pods run, not what the name gives */
const WHERE_RUNS = /\bwhere\b(?!.{0,30}\b(point|resolv|go(es)?|forward|sen[dt]|look)\w*)/;
/** a cue word of the pod family counted, whichever family the cue words chose */
const podCued = (s: Seen) => s.cue === 'pod' || !!s.intent.cues?.pod;
const CLIENT_OPENS = new RegExp(
  String.raw`\b(customers?|clients?|users?|visitors?|browsers?|people)\b.{0,30}\b(opens?|browses?|visits?|hits?|` +
    String.raw`loads?|goes to|requests?)\b|\breal client\b|\bx-forwarded-for\b|\bxff\b|` +
    // "the partner's server calls that host from 198.51.100.23": a machine outside calling our host
    String.raw`\b(partner|vendor|customer)'?s? (server|vm|machine|host|system|backend)\b.{0,30}` +
    String.raw`\b(calls?|opens?|hits?|requests?|curls?)\b`,
);
const TO_SERVICE = /\b(traffic|requests?|dnat\w*|lands?|arrives?|ingress|inbound)\b/;
const LBS_OF = /\b(load ?balancers?|lbs?)\b.{0,30}\b(in front of|sits? (in front|before)|for|behind|serv(e|es|ing))\b/;
const GOING_OUT = /\b(egress|outbound|outgoing|snat|go(es)? out|leav(e|es|ing)|internet)\b/;
/** a Service named with its namespace or its type ("server.project1", "service web") */
const namedService = (s: Seen, p: Entity) =>
  p.kind === 'service' &&
  (p.text.includes('.') || s.intent.typed.some((x) => x.name === p.text && x.type === 'service'));

const LB_NAMED = new RegExp(
  String.raw`\b(load ?balancer|lb)\s+(?!(for|of|the|in|on|that|which|and|do|does|is|are|we|have|has|rules?|` +
    String.raw`service|svc|frontends?|handles?|serves?|ip|ips|or|and|vs|versus|nor)\b)[a-z0-9][a-z0-9.-]*[a-z0-9]\b`,
);

/** A pod's resolver asked about: its DNS settings, nameserver, the cluster DNS's upstream, how its names resolve. */
const RESOLVER_ASKED = new RegExp(
  String.raw`\b(dns ?policy|dns ?config|resolv\.conf|ndots|name ?servers?|(dns|name) resolution|` +
    String.raw`(dns|name) (quer(y|ies)|lookups?) (go|goes|are sent|end up)|quer(y|ies) for [a-z ]{0,20}names|` +
    // ("do DNS queries from api to the internet go out through the NAT gateway?")
    String.raw`dns (quer(y|ies)|lookups?) from [\w./-]+ [^?]{0,30}\b(go|goes|leave|leaves|exit|exits) out|` +
    String.raw`(coredns|kube-dns|dns-default|node-local-?dns) (upstream|forward\w*|send\w*|relay\w*))\b`,
);
/** "where are its lookups actually going?", "does sqlapi's DNS still end up at 168.63.129.16?": where a pod's own DNS
 * goes is its resolver path https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy */
const DNS_GOES = new RegExp(
  String.raw`\b(dns|(its|their|the pods?['’]?s?) (dns )?(lookups|quer(y|ies)))( traffic| requests?)? ` +
    // ("the DNS of sqlapi is actually going …": its owner and a tense may come between)
    String.raw`((of|for|from) (the )?[\w-]+( pods?)? )?(is |are |was |were )?` +
    String.raw`(still |actually |really |now |then |ever )?(go|goes|going|end up|ends up|ending up|lands?|landing)\b`,
);
/** "coredns upstream for web-… — where does google.com get sent?": the cluster DNS's way out said names the
 * question's family, whatever the words of the question after it */
const CLUSTER_DNS_UPSTREAM = /\b(coredns|kube-dns|dns-default|node-local-?dns) (upstream|forward\w*)\b/;
/** "how do pods look up names", "db-0 asks CoreDNS at 10.0.0.10 and CoreDNS goes to …", "udp/53 going to 10.0.0.10":
 * the way a pod's names are looked up, said in plain words or by DNS's port 53
 * (https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/) */
const LOOKUP_WAY = new RegExp(
  String.raw`\b((look(s|ed|ing)? ?up|resolv(e|es|ing)) (host ?|dns |domain )?names|` +
    String.raw`look(s|ed|ing)? (host ?|dns |domain )?names up|` +
    String.raw`asks? (coredns|kube-dns|dns-default)|` +
    String.raw`(coredns|kube-dns|dns-default) (goes|go|asks|sends) to|(udp|tcp)\/53\b.{0,40}\b(going|goes|sent|to)\b)`,
);
// ("GPS ingest can't resolve names - where is coredns 7hj4m": the names that fail are what was reported; where a pod
// runs is asked after it, https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/)
const POD_PLACE = /^\W*(where (is|are|does|do|did)|(on )?(which|what) nodes? (is|are|does|do|did))\b/;
const podPlaceAsked = (s: Seen): boolean =>
  !!s.intent.asking && POD_PLACE.test(s.intent.asking) && !LOOKUP_WAY.test(s.intent.asking);
const DNS_CUE = new RegExp(
  String.raw`\b(resolv\w*|point(s|ing)? (to|at)|(give|gives|gave|hand|hands|send|sends)( \w+)? back|` +
    String.raw`(should|would|does|will|do) (it |that |[a-z0-9-]+\.[a-z0-9.-]+ )?return|` +
    String.raw`look(s|ed|ing)? ?(it |that |them )?up|lookups?|` +
    String.raw`name resolution|nslookup|dig|a records?)\b`,
);
/** A DNS record of a name ("A record", "dns entry"), never "keep a record of". */
const HOST_RECORD = new RegExp(
  String.raw`(?<!\b(keep|kept|keeps|make|made|take|took|no|any) )\b(a|aaaa|cname|alias|dns|txt) ` +
    String.raw`(records?|entry|entries)\b`,
);
// ("when sqlapi looks up just 'server'": the one looking up said before, the name quoted or said as just that)
const LOOKED_UP = new RegExp(
  String.raw`\b(look(?:s|ed|ing)? ?up|lookups? (of|for)|resolv(e|ing)|nslookup|dig|name resolution (of|for))\s+` +
    String.raw`(the\s+|just\s+|only\s+|like,?\s+)*['"‘“\x60]?([a-z0-9][a-z0-9.-]*)`,
);
/** "give which ip", "is giving what address", "-> ?": what a name gives back */
const NAME_GIVES = new RegExp(
  String.raw`\b(gives?|giving|returns?|returning|maps? to|is)( \w+)? (which|what) (ip|address)\b|` +
    String.raw`\b(which|what) (ip|address)\b.{0,20}\b(gives?|giving|returns?|back)\b|(->|→)\s*\?|` +
    // ("web.shop.svc.cluster.local returns what?": what it gives asked after the verb)
    String.raw`\b(gives?|giving|returns?|returning|resolves? to|comes? back( as| with)?)( back)? (what|which)\b`,
);
const ARROW_ASKS = /(->|→)\s*\?+\s*$/;
/** A Service said by its DNS name ("api.shop", "api.shop.svc.cluster.local"). */
const dnsNamed = (p: Entity) => p.kind === 'service' && p.text.includes('.');
const SEEN = /\b(logs?|logged|sees?|seen|shows? up|ends? up|lands?|arrives?)\b/;
/** The kinds of thing a request comes in through */
const PROXY_KIND =
  String.raw`(router|ingress( controller)?|load ?balancer|lb|app(lication)? gateway|app ?gw|agw|agic|` +
  // ("via AGC, which address does web see as the client?": Application Gateway for Containers is a way in
  // https://learn.microsoft.com/azure/application-gateway/for-containers/overview)
  String.raw`agc|front ?door|afd|route)`;
const WAY_IN = new RegExp(
  // "the client ip in sqlapi's logs is always the router": the source seen is the way in itself
  String.raw`\b(through|via|behind|from|(is|are|shows?) (always |just |only |still )?) ?(the |our |its )?` +
    String.raw`(openshift |nginx |azure |public )?` +
    // "via aks-agw": a gateway said by its Azure resource name, the kind at its end
    String.raw`([a-z0-9]+-)?${PROXY_KIND}\b|` +
    // ("when the app gateway forwards to the web pods, what source shows up in their logs?": a proxy passing requests
    // on opens its own connection to the backends
    // https://learn.microsoft.com/azure/application-gateway/how-application-gateway-works)
    String.raw`\b${PROXY_KIND} (forwards?|proxies|relays?|passes (it |them |requests |traffic )?on|` +
    String.raw`hands (it |them )?(off|over))\b`,
);
/** "via gateway-01, which source address does web see?": a way in said by a name with its kind written into it (an
 * AGC Gateway, an Application Gateway) and no workload of ours is the way in, as its kind said would be
 * https://learn.microsoft.com/azure/application-gateway/for-containers/overview */
const VIA_NAMED = /\b(through|via|behind|from) (the |our |its )?([a-z0-9]+(?:-[a-z0-9]+)+)\b/g;
// (a Gateway API Gateway, never a NAT, VPN or ExpressRoute gateway, which no request comes in through
// https://gateway-api.sigs.k8s.io/api-types/gateway/)
const NOT_A_WAY_IN = /\b(nat|vpn|er|expressroute|vnet|local)-?(gateway|gw)\b/;
function viaWayInNamed(s: Seen): boolean {
  const known = new Set(s.entities.map((e) => e.text.split('/').pop()!));
  return [...s.t.matchAll(VIA_NAMED)].some(
    (m) => WAY_IN_NAME.test(m[3]) && !NOT_A_WAY_IN.test(m[3]) && !known.has(m[3]),
  );
}
/** "via gateway-01, which pods answer?", "gateway-01 sends to which backends?": a gateway said by a name with its
 * kind written into it, nothing of ours named, asked which pods it sends to, is that way in (a load balancer's
 * backends are its own question) https://learn.microsoft.com/azure/application-gateway/for-containers/overview */
const wayInNamedServes = (s: Seen): boolean =>
  !s.entities.length &&
  !s.intent.ips.length &&
  s.intent.names.some((n) => WAY_IN_NAME.test(n) && !/(^|-)(i?lb|alb)(-|\d|$)/.test(n) && !NOT_A_WAY_IN.test(n)) &&
  WHO_GETS_IT.test(s.t);
const isWhat = (t: string, ip: string): boolean => {
  const at = ip.replace(/\./g, '\\.');
  return new RegExp(
    String.raw`\b(is|are) (this |that |the )?(ip |address )?${at}(:\d+)? (a|an|one of|ours)\b|` +
      // "is that what 10.0.0.10 is here?", "tell me what 10.244.2.6 really is": what the address is, inside the ask
      String.raw`\bwhat (the )?(ip |address )?${at} (really |actually )?is( here| in this cluster)?\s*[?!.]*\s*$`,
  ).test(t);
};
const SOURCE_ASKED_AT_END = /\b(what|who)('s| is) (the )?(source|src)( ip| address)?( here| there)?\s*[?!.]*\s*$/;
const sourceOfOurFlowAsked = (s: Seen): boolean => SOURCE_ASKED_AT_END.test(s.t) && !!farEndGoneTo(s);
const ASKS_WHAT_AT_END = new RegExp(
  String.raw`\b((what|who)('s| is) (the )?(source|src|destination|dst|client|sender)( ip| address)?` +
    // "… SRC=10.10.2.10 DST=… who is SRC here?": the field of the pasted line asked about
    String.raw`( here| there| in (this|that|the) (line|log|entry))?|` +
    String.raw`(who|what)('s| is) (that|this|it)( ip| address)?|` +
    // "… from 10.10.1.10. is that my api or something else?": whether an address is one of ours
    String.raw`is (that|this|it) (really |actually )?((my|our) [a-z0-9-]+( pod| service| app| node| vm)?` +
    String.raw`( or (something|someone|anything) else| or not)?|(the )?[a-z0-9-]+( pod| service| app| node| vm)?` +
    String.raw` or (something|someone|anything) else)|` +
    // "… which of our resources is it?"
    // "… which of our resources is it?", "… — which pod and owner is that?"
    // ("… denied to 52.239.141.7 — which azure service is that?": a service of Azure's own, by its address
    // https://learn.microsoft.com/azure/virtual-network/service-tags-overview)
    String.raw`(which|what) (one )?(of our )?((azure|microsoft) )?` +
    String.raw`(resources?|objects?|things?|pod|node|vm|machine|host|workload|services?)` +
    String.raw`( and (its )?(owner|node|namespace|ns))? (is|owns) (it|that|this)( ip| address)?|` +
    // "10.225.0.40 in the dns logs, which workload?": the kind of thing asked for alone, after the address
    String.raw`[,:;] (which|what|whose) (pod|workload|resource|object|vm|machine|app)|` +
    // "… appears in the DNS server logs. would you be able to identify it for me?", "… what it is attached to?"
    String.raw`identify (it|that|this|the (ip|address))( for (me|us))?|` +
    String.raw`what (it|that|this) (ip |address )?is (attached|assigned|associated|bound|connected) to)` +
    String.raw`\s*[?!.]*\s*$`,
);
// ("what's 20.31.45.117 here?", "what is 10.244.0.7 then?": the address asked of in this cluster, after the words
// before; https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning)
const HERE = String.raw`(?: (?:here|then|now|in (?:this|the|our) cluster|in azure|on our side))?`;
const ASKS_WHAT_IP = new RegExp(
  String.raw`^\W*(what|who)('s| is| owns) (the )?(ip |address )?\d{1,3}(\.\d{1,3}){3}${HERE}\s*[?!.]*\s*$`,
);
/** The nameserver of a pasted lookup: Go's "lookup x on 10.0.0.10:53: …", dig's "error to 10.0.0.10#53", "@10.0.0.10",
 * nslookup's "Server: 10.0.0.10" https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/ */
const LOOKUP_NAMESERVER = new RegExp(
  String.raw`\blookup [\w.-]+ on (${IP_PATTERN}):53\b|\b(?:error|timed out|connect(?:ion)?) to (${IP_PATTERN})#53\b|` +
    String.raw`\bdig\b[^\n?]{0,80}@(${IP_PATTERN})\b|\bserver:\s+(${IP_PATTERN})\b`,
);
/** A lookup pasted from a pod of ours (run in it, or said to come from it), with its nameserver asked about: what the
 * pod's resolver path is (who answers it, and why it timed out) */
function podsLookupPasted(s: Seen): boolean {
  const m = LOOKUP_NAMESERVER.exec(s.t);
  const server = m?.slice(1).find(Boolean);
  if (!server || !(s.intent.asking ?? s.t).includes(server)) return false;
  return s.entities.some((e) => ['pod', 'workload'].includes(e.kind) && e.text !== server);
}
/** "can you tell me what 10.244.2.6 is?", "who owns 10.0.0.4?": the sentence that asks ends on what one address is */
const WHAT_AN_IP_IS = new RegExp(
  String.raw`\b(what|who)('s| is| owns)? (the )?(ip |address )?\d{1,3}(\.\d{1,3}){3}( is| belongs to)?${HERE}` +
    String.raw`\s*[?!.]*\s*$`,
);
const SIDE = String.raw`(inside|outside|internal(ly)?|external(ly)?|in the cluster|from the internet|on-?prem)`;
const SAME_ANSWER_BOTH_SIDES = new RegExp(
  String.raw`\b(same|different|other) (ip|address|answer|record|result)s?\b.{0,40}\b${SIDE}\b|` +
    String.raw`\b${SIDE}\b.{0,60}\b(same|different) (ip|address|answer|record|result)s?\b|` +
    // ("does the api pod get 20.31.46.88 for shop.contoso.com, same as people outside?": the address a name gives,
    // weighed against what another side gets)
    String.raw`\b(get|gets|receive|receives|see|sees) \d{1,3}(\.\d{1,3}){3} (back )?for [\w-]+(\.[\w-]+)+\b` +
    String.raw`.{0,40}\b(same|different|other) (as|than|from)\b.{0,30}\b(${SIDE}|people|users|clients)\b`,
);
const LB_PART = /\b(lbs?|load ?balancers?)('s)? (rules?|frontends?|pools?|backend pools?)\b/;
// ("which workers are in rotation?": OpenShift's worker nodes, https://learn.microsoft.com/azure/openshift/concepts-networking)
const BACKENDS = String.raw`\b(which|what) (worker )?(nodes?|workers?|vms?|instances?)\b`;
const NODES_IN_ROTATION = new RegExp(
  String.raw`${BACKENDS}.{0,40}\b(pass(es)?|fail(s)?|in rotation|out of rotation|healthy|unhealthy|probes?|green)\b`,
);
const ETP = String.raw`\bexternal ?traffic ?policy\b`;
const EXPECTED_WITH_LOCAL = new RegExp(
  String.raw`\b(expected|normal|by design)\b.{0,30}${ETP}|${ETP}.{0,30}\b(expected|normal)\b`,
);
const NODES_SENT_TO = new RegExp(
  String.raw`${BACKENDS}.{0,40}\b(sends?|forwards?|balances?|gets? (the )?traffic|receives?|behind)\b`,
);
const OUTSIDE_FIRST =
  /(^|[\s:(])((?:the )?(?:internet|(?:ext(?:ernal)? )?clients?|users?|customers?|browsers?|outside|world))\s*(->|→)/;
const GOES_OUT = /\b(egress|outbound|outgoing|snat|go(es|ing)? out|leav(e|es|ing))\b/;
// ("… wants to know what this host is before they allow it": the same asked within the sentence, a reason after)
const WHAT_HOST = new RegExp(
  String.raw`\bwhat(?:'s| is) (this|that|the) (host ?(name)?|fqdn|domain( name)?|endpoint|name)\s*[?!.]*\s*$|` +
    String.raw`\b(knows?|tell|says?|asks?|wonders?|find out|explain)( me| us| them)? what (this|that|the) ` +
    String.raw`(host ?(name)?|fqdn|domain( name)?|endpoint|name) (is|belongs to)\b`,
);
const WHAT_IP_THEN_ASIDE =
  /^\W*(what|who)('s| is| owns) (the )?(ip |address )?\d{1,3}(\.\d{1,3}){3}\s*(\(|[—–-]\s|:\s)/;
/** the aside asks about traffic between parties: then the address is one end of a path, not the question */
const FLOW_ASKED = /\b(reach(es|able)?|connect(s|ion)?|talks?|route[sd]?|goes through|gets? to|leaves?|egress)\b/;
const PODS_ON = new RegExp(
  String.raw`\b(which|what|any|list( the)?|all( the)?) pods?\b.{0,40}\b(on|in)\b|` +
    // "what's on node …", "what is running on vmss000001"
    String.raw`\bwhat(?:'s| is| runs)?(?: running| scheduled| living)? on\b|` +
    // ("the pod on aks-dbpool-…-vmss000000 — what is it?": a pod said by its node alone, no name of its own)
    String.raw`\b(?:the|a|that) pods? (?:running |scheduled )?on\b|` +
    // "pods on 10.224.0.5?", "handover list: pods on vmss000002": the pods of a node, said as the whole ask
    String.raw`(?:^|[:;—–]\s*)\W*pods (?:running |scheduled )?on\b|` +
    // "we pay for a 4th node (vmss000003) — what actually runs on it?": a word on how much may come before the verb
    String.raw`\bwhat (?:actually |really |even |else )?(?:runs|is running|is scheduled|lives) on\b|` +
    // "going to cordon vmss000001 - what's running there?": the node said before, pointed back at
    // (https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/)
    String.raw`\bwhat(?:'s| is)? (?:still |actually )?(?:running|scheduled|living|runs|lives) there\b|` +
    // ("draining vmss000001 tonight, what pods live there?": the pods asked of the node said before)
    String.raw`\b(?:which|what|any) (?:of (?:our|the|my) )?pods? (?:still |actually )?` +
    String.raw`(?:live|run|sit|reside|are|are running|are scheduled|is running) there\b|` +
    // ("… tonight: list the pods living there": the pods asked of the node said before)
    String.raw`${PODS_POINTED_BACK}|` +
    // "vmss000002 goes into maintenance. which of our pods get evicted?": a node drained evicts the pods it runs
    // (https://kubernetes.io/docs/concepts/scheduling-eviction/api-eviction/) ("which pods will have to move?": so)
    String.raw`\b(?:which|what) (?:of (?:our|the|its|my) )?pods?\b.{0,30}` +
    String.raw`\b(?:evicted|drained|rescheduled|disrupted|move|moved|moving|relocated?)\b|` +
    PODS_HOSTED,
);
/** "is kube-proxy on the new node vmss000003?": a node said as the place something is on */
const onTheNode = (s: Seen): boolean =>
  s.entities.some(
    (e) =>
      e.kind === 'node' &&
      new RegExp(
        String.raw`\b(is|are|runs?|running|scheduled|lives?)\b.{0,40}\bon (the )?([\w-]+ )?(node )?${e.text}\b`,
      ).test(s.t),
  );
// ("what's running on 10.0.2.5?": a node said only by its address, no pods said, is what the address is: its node and
// the pods on it https://kubernetes.io/docs/concepts/architecture/nodes/#addresses)
const nodeByAddressOnly = (s: Seen): boolean =>
  s.entities.every((e) => e.kind !== 'node' || /^\d{1,3}(\.\d{1,3}){3}$/.test(e.text)) &&
  !/\b(pods?|containers?|workloads?)\b/.test(s.intent.asking ?? s.t);
const nodeTexts = (s: Seen): string[] => s.entities.filter((e) => e.kind === 'node').map((e) => e.text);
const podsOnANode = (s: Seen): boolean =>
  s.entities.some((e) => e.kind === 'node') &&
  !nodeByAddressOnly(s) &&
  (PODS_ON.test(s.intent.asking ?? s.t) || onTheNode(s) || podsOfNodeSaid(s.t, nodeTexts(s))) &&
  !PAIR.test(s.t) &&
  !asksCan(s.t) &&
  !OUT.test(s.t);
// ("just the node name for web-…", "node ip of db-0": the node's name or address asked for a pod too)
const NODE_OF = /\bnodes?(?: names?| ips?| addresses)? (?:of|for) (?:the )?(?:pods? )?([\w./-]+)/;
/** "sqlapi-… — is it on the node that holds the EgressIP?": whether one pod runs on a node described, not named, is
 * answered by the node it runs on */
const ON_NODE_DESCRIBED = new RegExp(
  String.raw`\b(?:is|are) (?:it|they|(?:the )?[\w./-]+(?: pods?)?) (?:still |really |actually )?` +
    String.raw`(?:running |scheduled |placed )?on the (?:same )?(?:node|worker|box|host|vm|machine) ` +
    String.raw`(?:that|which|where|with|holding|hosting|running|carrying)\b|` +
    // ("does server run on the same worker that carries the EgressIP?": said with its own verb of running or sitting)
    String.raw`\b(?:does|do|did) (?:it|they|(?:the )?[\w./-]+(?: pods?)?) (?:still |really |actually )?` +
    String.raw`(?:run|sit|live|land|reside|get scheduled) (?:on|in) the ` +
    String.raw`(?:same )?(?:node|worker|box|host|vm|machine) ` +
    String.raw`(?:that|which|where|with|holding|hosting|running|carrying)\b|` +
    // ("sqlapi's worker - same box as the one with the egress IP on it?": its node held against a node described)
    String.raw`\b(?:nodes?|workers?|box|host|vm|machine)\b[^.?!]{0,30}\bsame ` +
    String.raw`(?:node |worker |box |host |vm |machine )?as the (?:one|node|worker|box|host|vm|machine) ` +
    String.raw`(?:that|which|where|with|holding|hosting|running|carrying)\b|` +
    // ("server-1-ppl25 — same node as the egress ip holder?", "… same worker as whatever holds the EgressIP?": the node
    // described by what it holds, said as its holder)
    String.raw`\bsame (?:node|worker|box|host|vm|machine) as (?:the )?(?:(?:[\w-]+ ){1,3}(?:holder|owner)\b|` +
    String.raw`(?:one|whatever|whichever)(?: node| worker)? (?:that )?(?:holds|has|carries|hosts|owns)\b)`,
);
/** the node two pods run on, held against each other: the same one, others, or spread over several */
const SAME_NODE = new RegExp(
  String.raw`\b(same|different|separate|one|other) (node|host|vm|machine|worker|box)s?\b|` +
    String.raw`\bshare (a|the|one) (node|host|vm|machine|worker|box)\b|\bspread (out|across|over)\b|\bco-?located\b`,
);
// (never where their traffic, an address or a filter is what is asked: "same node — does it cross the NSG?")
const placedTogether = (s: Seen): boolean =>
  s.workloadSet.size >= 2 &&
  SAME_NODE.test(s.intent.asking ?? s.t) &&
  !PAIR.test(s.t) &&
  !FLOW_ASKED.test(s.t) &&
  !/\b(traffic|packets?|nsgs?|firewalls?|polic(y|ies)|dns|ips?|address(es)?|through|via)\b/.test(s.t) &&
  !s.intent.ips.length;
// ("sqlapi — is its node the one carrying the EgressIP?", "the node with the egress IP: is it api's node?"): the
// pod's own node held against a node described by what it carries, in either order
// https://docs.openshift.com/container-platform/4.14/networking/ovn_kubernetes_network_provider/configuring-egress-ips-ovn.html
const NODE_DESCRIBED = new RegExp(
  String.raw`\b(?:the|that) (?:one|node|worker|box|host|vm|machine) ` +
    String.raw`(?:that|which|where|with|holding|hosting|carrying|having|has)\b`,
);
const OWN_NODE = [
  /\b(its|their|[\w.-]+) (?:node|worker|box|host|vm|machine)\b(?! ?(ips?|address(es)?)\b)/g,
  /\b(?:node|worker) of (it|them|[\w.-]+)/g,
];
const ownOrNamed = (said: string, pods: string[]): boolean => /^(its|their|it|them)$/.test(said) || pods.includes(said);
const ownNodeDescribed = (s: Seen, pods: string[]): boolean =>
  NODE_DESCRIBED.test(s.t) && OWN_NODE.some((re) => [...s.t.matchAll(re)].some((m) => ownOrNamed(m[1], pods)));
function nodeOfAPod(s: Seen): boolean {
  const said = NODE_OF.exec(s.t)?.[1];
  const pods = s.entities.filter((e) => e.kind === 'pod' || e.kind === 'workload');
  const podNames = pods.map((e) => e.text);
  const described = ON_NODE_DESCRIBED.test(s.t) || ownNodeDescribed(s, podNames);
  if (described && s.workloadSet.size === 1 && !PAIR.test(s.t)) return true;
  return !!said && pods.some((e) => e.text === said || e.text.split('/').pop() === said) && !PAIR.test(s.t);
}
/** "can you show me how…" asks for something, not whether it can happen. */
const POLITE = /\b(can|could|would) (you|u) (please )?(show|tell|explain|describe|give|help|check|trace|walk|draw)\b/g;
/** "whether web can reach api, and through what?": the way it goes is asked with the verdict: the path answers both */
const THROUGH_WHAT = /\b(through|via|over|by) (what|which)\b/;
// "does the forced tunnelling affect this flow?": routing or address translation changes the way a flow goes (its
// path), never whether a rule lets it through https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview
const ROUTING_AFFECTS = new RegExp(
  String.raw`\b(forced[ -]tunnel\w*|tunnel\w*|udrs?|route ?tables?|routes?|routing|vpn( gateway)?|bgp|` +
    String.raw`(s|d)?nat( gateway)?)( [\w-]+){0,2} (affect(s|ed|ing)?|change(s|d)?)\b`,
  'g',
);
const asksCan = (t: string): boolean =>
  CAN.test(t.replace(POLITE, ' ').replace(ROUTING_AFFECTS, ' ')) && !THROUGH_WHAT.test(t);

/** "the relay (web) posts positions to api on 8080 — does that detour via the NVA?": two parties of ours, a port, no
 * host, no address outside and no word of going out: a flow inside the cluster */
const pairOnAPort = (s: Seen): boolean =>
  s.intent.port !== undefined &&
  s.both.length === 2 &&
  !s.hosts.length &&
  !s.intent.elsewhereIps?.length &&
  !OUT.test(s.t) &&
  !/\b(internet|public|external(ly)?|egress|outbound)\b/.test(s.t);

/** The message without its quoted "> …" lines: a verdict quoted from an earlier answer ("> Yes: x can reach y") is
 * what was said before, not what is asked now */
/** "does that one pass?", "would that flow go through?": a flow pointed back at, asked whether it passes */
const PASSES = /\b(does|do|will|would) (that|it|this)( one| flow)? (pass|go through|get through)\W*$/;
const ownWords = (s: Seen): string =>
  s.t
    .split(/(?<=[.?!])\s+/)
    .filter((x) => !x.startsWith('>'))
    .join(' ') || s.t;

/** "> No: web cannot reach db-0 … drops it. / right, and api to db-0 on the same port?": under a quoted verdict (the
 * bot's answer opens with yes or no), a reply that goes on with "and …" asks the same question of another pair */
// (or that asks whether the verdict is the same: "router → sqlapi on 8080 - same answer?")
const verdictGoesOn = (s: Seen): boolean =>
  /^>\s*(yes|no)\b/m.test(s.t) &&
  (new RegExp(String.raw`^\W*(${ASIDE_WORDS}\W+)?(and|what about|how about)\b`).test(ownWords(s)) ||
    /\bsame (verdict|answer|result|outcome)\W*$/.test(ownWords(s)));

/** Words of a flow between two parties (not of a name looked up). */
// (a record said beside a flow is context: "shop.contoso.com has an A record to 20.31.46.88, why can't we reach it?")
const hostRecordAsked = (s: Seen): boolean =>
  !!s.hosts.length && HOST_RECORD.test(s.intent.asking ?? s.t) && !RECORD_BESIDE_FLOW.test(s.t);
const RECORD_BESIDE_FLOW =
  /\b(reach\w*|requests?|traffic|src|source|sees?|seen|blocked|allowed|can(no|['’])?t|fail\w*|tim(es|ed) out|hops?)\b/;
const FLOW_SAID = new RegExp(
  String.raw`->|→|\b(src|source|sees?|seen|ports?|path|hops?|reach\w*|blocked|allowed|can|snat|route\w*|` +
    String.raw`go(es)?|egress|outbound|calls?)\b`,
);

/** An outbound rule or its settings: ports per instance, idle timeout, how many nodes its ports can serve. */
const OUTBOUND_RULE_SETTINGS = new RegExp(
  // a rule's name may hold the words ("aksOutboundRule"); its idle timeout is one of its settings
  String.raw`\b[a-z0-9-]*outbound ?rules?\b|\bidle ?timeouts?\b|` +
    String.raw`\b(allocated |snat |outbound )?ports? per (instance|node|vm|backend)\b|` +
    String.raw`\b(max(imum)?|how many) (nodes?|instances?|vms?)( count)?\b.{0,40}\b(snat|outbound)\b|` +
    String.raw`\b(snat|outbound)\b.{0,40}\b(max(imum)?|how many) (nodes?|instances?|vms?)\b`,
);

/** Which rule (of an NSG, a firewall, a policy) decides, matches or wins. */
const RULE_ASKED = new RegExp(
  String.raw`\b(which|what) (nsg |asg |security |firewall |network ?policy |deny |allow )?rules? ` +
    // ("which rule kills it?", "which rule is dropping it?": the rule that ends the flow is the deciding one
    // https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works)
    String.raw`((is|was) )?(matches|match|applies|apply|wins|win|hits?|decides?|blocks?|allows?|drops?|stops?|` +
    String.raw`denies|rejects?|kills?|killed|killing|dropping|blocking|denying|rejecting|stopping|` +
    // ("which NSG rule is eating it?", "which rule swallows the packets?": other verbs for the rule that ends it)
    String.raw`eats?|eating|swallows?|swallowing|refuses|refusing|filters|filtering|catches|catching|cuts|cutting|` +
    String.raw`responsible)\b|` +
    String.raw`\b(nsg|security) rules?\b.{0,30}\b(match(es)?|applies|wins|first|priority)\b|` +
    // "DENY a → b — which rule is that?": the rule behind a verdict shown (NSG rules are evaluated by priority
    // https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works)
    String.raw`\b(which|what) (nsg |asg |security |firewall |network ?policy |deny |allow )?rules? ` +
    String.raw`(is|was) (that|this|it)\b|` +
    // "dropped? by which rule": the rule a verdict was given by
    String.raw`\b(by|from|under) (which|what) (nsg |asg |security |firewall |network ?policy |deny |allow )?` +
    String.raw`(rule|policy|polic(y|ies))\b`,
);

/** "which load balancer is in front of the web service": the load balancers asked for, not the way in */
// ("behind which public load balancer IP": the kind of load balancer may be said before it)
const WHICH_LB = /\b(which|what) ((public|internal|private|external|standard) )?(load ?balancers?|lbs?)\b/;

const KINDS =
  String.raw`(pod|node|service|svc|cluster|lb|load ?balancer|frontend|public|private|nat ?gw|nat gateway|` +
  String.raw`firewall|afw|gateway|vip|` +
  // (the cluster's API server has a public address of its own https://learn.microsoft.com/azure/aks/api-server-vnet-integration)
  String.raw`azfw|vm|nic|nva|ilb|internal|control ?plane|api ?server|kube-?apiserver)`;
/** What may stand between the kind and "or": "node primary ip", "node nic", "nva trust interface" */
const KIND_TAIL =
  String.raw`( (primary|secondary|trust|untrust|public|private))?` +
  // "NAT gw prefix or firewall pip?": a public IP prefix is a kind of address an Azure resource holds
  // https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-address-prefix
  // ("20.93.10.2 — firewall pip?": a resource's public IP, said as Azure names the resource
  // https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses)
  String.raw`( ips?| address| frontend| nic| interface| data plane| vip| pip| (public )?(ip )?prefix)?`;
/** The kind of one address asked: "10.129.2.4 -- pod IP or node IP?", "whose public IP is that", "which frontend
 * is 10.0.0.4", "<ip> — LB frontend?" */
const ADDRESS_KIND = new RegExp(
  String.raw`\b${KINDS}('s)?${KIND_TAIL}('s)? or (an? |the )?${KINDS}\b|\bwhose\b|` +
    // (never "which node is 10.244.2.6 on?": the node a pod's address is on asks where it runs)
    String.raw`\b(which|what) ${KINDS}( ips?)? (is|was) \d{1,3}(\.\d{1,3}){3}\b` +
    String.raw`(?!\s+(running |scheduled |placed )?on\b)|` +
    // "10.10.2.4 which machine is?": the address, then what it is, in any word order
    String.raw`^\s*\d{1,3}(\.\d{1,3}){3}\s*[-—–:,]*\s*(which|what|whose) ` +
    String.raw`(machine|vm|host|node|device|box|server|resource|thing)` +
    String.raw`( is( it| that| this)?)?\s*\?|^\s*\d{1,3}(\.\d{1,3}){3}\s*[-—–:,]+\s*(an? |the )?` +
    String.raw`${KINDS}${KIND_TAIL}\s*\?|\basset[- ]?lookup\b`,
);
/** "a flow log shows 10.224.0.6 talking a lot — which VM is that?": the one address said, then which machine it is,
 * pointed back at, whatever it was seen doing (a flow log names only addresses:
 * https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview) */
// (never "10.129.2.7 — which node is it on?": the node a pod's address is on asks where it runs)
const WHICH_MACHINE_THAT =
  /\b(which|what) (machine|vm|host|node|device|box|server)( is| was) (that|it|this)\b(?!\s+(running |scheduled )?on\b)/;
/** "is that the ingress or the web LB?", "is it a node or a pod?": which of two things an address is */
// (or the address itself, then a thing: "is 20.67.170.10 the Front Door or the router LB?", never "is 10.0.0.4
// reachable from web or not?")
const THIS_OR_THAT = new RegExp(
  String.raw`\b(is|was) ((that|it|this) (the |an? |our )?|\d{1,3}(\.\d{1,3}){3} (the|an?|our) )[\w -]{1,30} or ` +
    String.raw`(the |an? |our )?[\w -]{1,30}\?`,
);
// ("20.105.84.12 — control plane address or our egress?": our way out weighed as one kind the address may be)
const KIND_OR_WAY_OUT = new RegExp(
  String.raw`\b${KINDS}${KIND_TAIL} or (our |the |an? )?(egress|outbound|snat)( ips?| address)?\s*([?!.]|$)|` +
    String.raw`\b(egress|outbound|snat)( ips?| address)? or (an? |the |our )?${KINDS}${KIND_TAIL}\s*([?!.]|$)`,
);
const ITS_WAY_OUT = /\b(egress|outbound|outgoing|snat|go(es|ing)? out|leav(e|es|ing)|internet|calls?|reach(es)?)\b/;
const esc = (ip: string): string => ip.replace(/\./g, '\\.');

/** A workload that opens, calls or reaches a host we serve, no client outside said: it is the client (the path stays
 * in the cluster or hairpins through our own load balancer) */
const OPENS_HOST =
  String.raw`( pods?)? (opens?|opening|reach(es)?|calls?|curls?|hits?|dials?|` +
  String.raw`(connects?|talks?|goes|posts?) to) `;
/** "when it calls", "posts to", "hairpins to": a call said a few words after the workload */
const CALLS = String.raw`(calls?|calling|hairpins?|hairpinning|reach(es|ing)?|hits?|hitting|connects?|connecting|`;
const CALLS_ON = String.raw`${CALLS}opens?|opening|posts?|posting|dials?|dialling|curls?|fetch(es|ing)?)\b`;
function podOpensOurHost(s: Seen): boolean {
  if (!s.hosts.length || s.workloadSet.size !== 1 || s.intent.clientIp) return false;
  const names = s.workloads.map((w) => esc(w.text.split('/').pop()!)).join('|');
  const hosts = s.hosts.map((h) => esc(h.text)).join('|');
  // ("api → shop.contoso.com from inside the cluster: does it hairpin out?": or drawn from the pod to the host)
  return (
    new RegExp(
      // ("sqlapi calls its own public route host sqlapilb-…": the host said as its own, with a few words for it)
      String.raw`\b(${names})(${OPENS_HOST}(the |its |our )?(own )?([\w-]+ ){0,3}|` +
        String.raw`( pods?)?\s*(->|→)\s*)(${hosts})\b`,
    ).test(s.t) ||
    // ("which source does sqlapi show when it calls its own host …": the call said a few words on, never with another
    // one calling in between: "what does web see when a customer opens shop.contoso.com?"), no verdict nor way out
    // asked ("is web allowed to call …", "which public ip does web use to call …": the family's resolver decides)
    (!VERDICT_OR_WAY_OUT.test(s.t.replace(WHETHER_IT_LEAVES, ' ')) &&
      new RegExp(String.raw`\b(${names})\b${NO_OTHER_CALLER}{0,40}?\b${CALLS_ON}[^.?!]{0,40}?\b(${hosts})\b`).test(s.t))
  );
}
const VERDICT_OR_WAY_OUT = new RegExp(
  `${CAN.source}|${OUT.source}|${GOES_OUT_SAID.source}|\\b(public|egress|outbound|snat)( source)? (ip|address)`,
);
// ("does that actually leave the cluster?": whether a hairpin goes out is asked of the path, not of the way out)
const WHETHER_IT_LEAVES = new RegExp(
  String.raw`\b(does|do|will|would|is|are) (that|it|this|they|the (traffic|packets?|calls?|requests?))` +
    String.raw`( (really|actually|even|ever))? (leav(e|ing)|go(ing)? out|exit(ing)?)( (of )?the cluster)?\b`,
  'g',
);
/** "sqlapi calls our own public frontend 20.67.170.10 – source ip on arrival?": a workload of ours calling one of our
 * load balancer frontends is taken by the service proxy on its own node (the packet never goes out to the load
 * balancer, so no outbound SNAT applies) and lands on the Service's pods: a path inside the cluster, unless the way
 * out is what is asked ("what source does it leave with?")
 * https://kubernetes.io/docs/reference/networking/virtual-ips/#load-balancer-ip-mode */
// ("… sqlapi have when it calls 20.67.170.10?": "it" is the workload itself)
const NO_OTHER_CALLER =
  String.raw`(?:(?!\b(?:(?:when|whenever|if|while|once|after)\s+(?!(?:it|they)\b)|(?:someone|somebody|anyone|` +
  String.raw`customers?|users?|clients?|people|visitors?|consumers?|callers?|partners?|buyers?|shoppers?)\b))[^.?!])`;
function podCallsOurFrontend(s: Seen): boolean {
  const ips = s.intent.frontendIps?.filter((ip) => s.intent.ips.includes(ip)) ?? [];
  if (ips.length !== 1 || s.intent.ips.length !== 1 || s.workloadSet.size !== 1 || s.both.length !== 1) return false;
  // (a load balancer that proxies, ipMode Proxy, is reached by going out to it)
  if (s.intent.proxiedIps?.includes(ips[0])) return false;
  const t = s.t.replace(WHETHER_IT_LEAVES, ' ');
  // (the frontend opened is never the client: "sqlapi opens 20.67.170.10")
  const client = s.intent.clientIp !== undefined && s.intent.clientIp !== ips[0];
  if (s.hosts.length || client || OUT.test(t) || GOES_OUT_SAID.test(t)) return false;
  const names = s.workloads.map((w) => esc(w.text.split('/').pop()!)).join('|');
  return (
    new RegExp(
      String.raw`\b(${names})(${OPENS_HOST}(the |our |its )?(own )?([\w-]+ ){0,3}|( pods?)?\s*(->|→)\s*)` +
        String.raw`${esc(ips[0])}\b`,
    ).test(s.t) ||
    // ("what source ip does sqlapi have when it calls 20.67.170.10?", "sqlapi hairpins to our own router address …":
    // the call said a few words on, or as a hairpin)
    // (never with another one calling in between: "what does web see when a customer opens 20.31.46.20?")
    new RegExp(
      String.raw`\b(${names})\b${NO_OTHER_CALLER}{0,40}?\b${CALLS}opens?|opening)\b[^.?!]{0,40}?\b${esc(ips[0])}\b`,
    ).test(s.t)
  );
}
/** One address and nothing else of ours, asked what kind of thing it is, with no flow said around it. */
function addressKindAsked(s: Seen): boolean {
  // "next hop 10.224.0.4 for 10.244.0.0/24": a prefix is no address asked about
  const all = new Set(s.intent.ips.filter((x) => !new RegExp(String.raw`\b${esc(x)}/\d{1,2}\b`).test(s.t)));
  // "<pasted log line with two addresses>. 172.30.138.47 svc or pod?": the sentence that asks names one of them; the
  // pasted line is context
  const asked = s.intent.asking ? [...all].filter((x) => s.intent.asking!.includes(x)) : [];
  const alone = all.size > 1 && asked.length === 1 && !!s.intent.asking;
  const ips = alone ? new Set(asked) : all;
  const t = alone ? s.intent.asking! : s.t;
  const [ip] = [...ips];
  // a name said only around the question ("seeing it as src on the DB side") is context, unless the address is where
  // it goes ("… when api-… opens 10.100.7.7. pod ip or node ip?": the address it shows there)
  const flowTo =
    ip &&
    new RegExp(
      String.raw`\b(to|at|opens?|reach(es|ing)?|call(s|ing)?|hit(s|ting)?|dial(s|ing)?)\s+${esc(ip)}\b|` +
        String.raw`(->|→)\s*${esc(ip)}\b`,
    ).test(t);
  const said = flowTo ? t : (s.intent.asking ?? s.t);
  // "10.0.118.42 as dst in the web pods' conntrack": the workload whose records show the address is where it was
  // seen, not a party asked about
  // (and "shows up as source at the archive server": the machine it showed up at)
  const seenIn = (name: string) =>
    new RegExp(
      String.raw`\bin (the |our )?${escapeRe(name)}( pods?| containers?| nodes?)?('s?)? ` +
        String.raw`(conntrack|logs?|tcpdump|captures?|traces?|netstat|ss output|access logs?)\b|` +
        String.raw`\b(shows? up|showed up|seen|logged|appears?)\b[^.?!]{0,30}\bat (the |our |their )?([\w-]+ ){0,3}` +
        String.raw`${escapeRe(name)}\b`,
    ).test(said);
  const others = s.entities.filter((e) => {
    const name = e.text.split('/').pop()!;
    return !(e.kind === 'pod-ip' && e.text === ip) && said.includes(name) && !seenIn(name);
  });
  return (
    ips.size === 1 &&
    !others.length &&
    (WHICH_MACHINE_THAT.test(t) ||
      // (the way out said only in a sentence around the one that asks is context: "20.93.10.1 — firewall pip? we
      // never see it on outbound traffic")
      (((ADDRESS_KIND.test(t) && !ITS_WAY_OUT.test(s.intent.asking ?? t)) ||
        ADDRESS_IS_A.test(t) ||
        KIND_OR_WAY_OUT.test(t)) &&
        !PAIR.test(t.replace(/\btcp\b/g, ' '))))
  );
}
/** "10.0.2.100 — that the egress IP?", "is 20.31.45.117 one of our outbound IPs?": whether the one address is a kind
 * of address (an egress IP too) asks what it is */
// ("10.0.2.100 shows up at the vendor - is that the egressip?": the address, what was seen of it, then the question;
// an OpenShift EgressIP is an address,
// https://docs.openshift.com/container-platform/latest/networking/ovn_kubernetes_network_provider/configuring-egress-ips-ovn.html)
const ADDRESS_IS_A = new RegExp(
  String.raw`^\s*\d{1,3}(\.\d{1,3}){3}\s*[-—–:,]+\s*(is )?(that|this|it)( is)? (the|our|an?|one of (our|the)) ` +
    String.raw`[\w -]{0,20}\b(ips?|address(es)?)\s*\?|\bis \d{1,3}(\.\d{1,3}){3} (the|our|an?|one of (our|the)) ` +
    String.raw`[\w -]{0,20}\b(ips?|address(es)?)\s*\?|` +
    String.raw`^\s*\d{1,3}(\.\d{1,3}){3}\b[^?]{0,80}\s[-—–]\s+is (that|this|it) (the|our|an?|one of (our|the)) ` +
    String.raw`([\w -]{0,20}\b|egress)(ips?|address(es)?)\s*\?`,
);

const ADDRESSES_COMPARED = new RegExp(
  String.raw`\d{1,3}(\.\d{1,3}){3}\s+(vs\.?|versus|or|and)\s+\d{1,3}(\.\d{1,3}){3}\b.*` +
    String.raw`\bwhich (one |of (them|the two|these|those|both) )?(is|are)\b`,
);

/** "20.31.46.88 — nginx or the load balancer itself?", "is 20.31.46.88 the lb or nginx?": the ways in weighed as
 * what one address is (an LB frontend address may front an ingress controller's Service: which one it is asks what
 * the address is) https://learn.microsoft.com/azure/load-balancer/components#frontend-ip-configurations */
function addressAmongWays(s: Seen): boolean {
  if (s.intent.ips.length !== 1 || s.hosts.length) return false;
  const ip = esc(s.intent.ips[0]);
  const ways = String.raw`(an? |the |our |its )?([\w-]+ ){0,2}${WAYS}( pods?| itself| controller)?`;
  const alternatives = String.raw`${ways}\s*(or|vs\.?|versus)\s*${ways}`;
  return new RegExp(
    String.raw`(^|[.?!]\s)\s*${ip}\s*([-—–:,]+\s*|\s)((is|was) (it|that|this) |(it|that|this) )?` +
      String.raw`${alternatives}\s*\??\s*$|\b(is|was) ${ip} ${alternatives}\s*\??\s*$|` +
      String.raw`^\s*${alternatives}\s*[-—–:,]+\s*which( one)? (is|was) ${ip}\s*\??\s*$`,
  ).test(s.t);
}
/** "lb or appgw?", "via the router or the app gateway": the ways in of one workload weighed against each other */
const WAYS =
  String.raw`(lb|load ?balancer|app ?gw|appgw|agw|app(lication)? gateway|agic|agc|ingress|router|front ?door|afd|` +
  String.raw`nginx|route|nodeport)`;
const WAYS_IN_OR = new RegExp(String.raw`\b${WAYS}\s*(or|vs\.?|versus)\s*(an? |the |via (the )?)?${WAYS}\b`);

/** One party besides the ingress controller weighed as a way in, itself no load balancer ("web LB vs the nginx LB"). */
const oneBehindWaysIn = (s: Seen): boolean => {
  const behind = s.both.filter((e) => !WAY_IN_POD.test(e.matched));
  const name = behind[0]?.text.split('/').pop() ?? '';
  return behind.length === 1 && !new RegExp(String.raw`\b${escapeRe(name)} (lb|load ?balancer)\b`).test(s.t);
};

/** A filter's verdict asked a few words on, of what was said before it ("… does the node NSG allow them?") */
const FILTER_VERDICT_ON =
  String.raw`[^?!]{0,80}\b(allow|allows|let|lets|permit|permits|admit|admits|block|blocks|` + String.raw`drop|drops) `;
/** People on the Internet: they come in ("which one fronts web for internet users?") */
export const INTERNET_LET_IN = new RegExp(
  String.raw`\b(let|lets|letting|allow|allows|allowing|permit|permits|admit|admits) (the |traffic from the )?` +
    String.raw`(public )?internet( traffic| clients)? in\b|` +
    // "is 443 to the ingress controller open from the internet?": the Internet as the client, said after the verdict
    String.raw`\b(open|opened|allowed|permitted|blocked) from (the )?(public )?internet\b|` +
    // "does shop-agw.contoso.com work from the internet …, or does an NSG stop them?": whether it works for the
    // Internet is whether the Internet gets in
    String.raw`\b(works?|working|reachable|accessible|loads?|up) from (the )?(public )?internet\b|` +
    // "internet clients on 443 to the ingress controller: does the node NSG allow them?": the clients outside said
    // first, then a verdict asked with them as its object
    String.raw`\b(internet|public|external|outside) (users?|clients?|customers?|visitors?|browsers?|callers?)\b` +
    String.raw`${FILTER_VERDICT_ON}(them|those)\b|` +
    // ("ingress-nginx on 443 from anywhere on the internet — does the subnet nsg allow it?": the flow from the
    // Internet said first, then a filter asked whether it lets that in)
    String.raw`\bfrom (anywhere |any ?where |any host |anyone )?(on |in |from )?(the )?(public )?internet\b` +
    String.raw`${FILTER_VERDICT_ON}(it|that|this|them|those)\b`,
);
const USERS_OUTSIDE =
  /\b(internet|public|external|outside) (users?|clients?|customers?|visitors?|browsers?|callers?)\b/g;

/** "internet clients on port 80 to the app gateway": the Internet's clients said going to a way in by its kind */
const CLIENTS_TO_A_WAY_IN = new RegExp(
  String.raw`\b(internet|public|external|outside) (users?|clients?|customers?|visitors?|browsers?|callers?)\b` +
    String.raw`[^.?!]{0,30}\b(to|into|through|via|hitting|reaching) (the |our )?${WAYS}\b`,
);

/** A public client address (none of our frontends) going to the one party said by name with a way-in kind after it
 * ("to the web LB", "hitting web's load balancer") */
// (the client said as such, or the one public address said before it: "is 198.51.100.7 allowed into the web lb?")
function outsideAddressToNamedWayIn(s: Seen): boolean {
  const ours = s.intent.frontendIps ?? [];
  const ip = s.intent.clientIp ?? s.intent.ips.find((a) => isPublic(a) && !ours.includes(a));
  if (!ip || !isPublic(ip) || ours.includes(ip) || s.both.length !== 1 || s.hosts.length) return false;
  const name = escapeRe(s.both[0].text.split('/').pop()!);
  const toWayIn = String.raw`\b(to|into|reach\w*|hit\w*|open\w*|access\w*|get\w* (in)?to) (the |our )?`;
  const m = new RegExp(String.raw`${toWayIn}${name}('s)? ${WAYS}\b`).exec(s.t);
  return !!m && s.t.indexOf(ip) < m.index && !GOES_OUT_SAID.test(s.t);
}

/** "how do requests get to web?", "how is the request supposed to reach the pod?": requests are what comes in */
const REQUESTS_REACH = new RegExp(
  // the words between may name a host ("the request for shop.contoso.com is arriving to the web pods")
  // ("what does a listener's request look like by the time it reaches a web pod": what it is like when it arrives)
  String.raw`\b(requests?|customers?|users?|visitors?|browsers?|http calls?)\b( [\w.-]+){0,3}( looks? like)?` +
    String.raw`( (?:by the time|when|once|as soon as) (?:it|they))? ` +
    String.raw`(get|gets|getting|reach|reaches|reaching|come in|comes in|coming in|arrive|arrives|arriving|` +
    String.raw`land|lands|landing|end up|ends up|` +
    // ("what path does a customer request take to sqlapi?": the way it takes to the workload)
    String.raw`(take|takes|taking|travel|travels|travelling|traveling) (to|into))\b`,
);
function requestsComeIn(s: Seen): boolean {
  // the clause that asks ("why is the client 10.244.0.7 and not the customer, how do requests get to web?")
  const said = (s.intent.asking ?? s.t).split(/[,;:]\s|\s-+\s/).find((c) => REQUESTS_REACH.test(c)) ?? '';
  if (!REQUESTS_REACH.test(said) || /\bfrom\b/.test(said) || GOING_OUT.test(said)) return false;
  // "where do db-0's dns requests end up?": DNS requests are the pod's own, to its resolver
  if (/\b(dns|name) (requests?|quer(y|ies)|lookups?)\b/.test(said)) return false;
  const inAsking = s.both.filter((p) => said.includes(p.text.split('/').pop()!));
  return inAsking.length <= 1 && (inAsking.length === 1 || s.both.length <= 1) && s.entities.length > 0;
}

const VAGUE_TROUBLE = new RegExp(
  String.raw`\b(something|things?|stuff|it)( \w+)? (feels?|seems?|looks?|is|are) (a bit |kind of |really )?` +
    String.raw`(off|wrong|weird|strange|odd|broken)\b|\b(take|have) a look at\b|` +
    // "something with the network is not ok since today", "customer says the platform feels slow": trouble said of
    // something too wide to trace, with no question on it
    String.raw`\b(something|things?|stuff)( with| in)?( the| our)? (network|platform|system|cluster)? ?` +
    String.raw`(is|are) not (ok|okay|right|working|good)\b|` +
    String.raw`\b(network|platform|system|cluster|everything|app|site|portal)( \w+)? (feels?|seems?|is|are|got|gets) ` +
    String.raw`(a bit |kind of |really |very |so )?(slow|sluggish|laggy|flaky|weird|off)\b|` +
    // "is api ok?", "is everything fine?": health asked of one thing, with no word on which of its questions
    String.raw`^\s*(is|are) (the )?[\w./-]+( (pods?|app|service|svc|deployment))? ` +
    String.raw`(ok|okay|fine|healthy|alright|all right|good|working)\s*[?!.]*\s*$`,
);

/** One piece of evidence and the families it speaks for. */
interface Row {
  id: string;
  says: Scores;
  when: (s: Seen) => boolean;
}

/** A leaning row's weight: below one cue word. */
const LEAN = 0.5;

const IPV4 = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
const ADDRESS_CLAIMED = new RegExp(
  String.raw`^\W*(?:true or false|true\/false|t\/f|quiz|fact check|trivia)\b[^a-z0-9]*(?:the\s+)?` +
    String.raw`(?:ip\s+|address\s+)?${IPV4}\s+(?:is|=)\s`,
);
const ADDRESS_OURS = new RegExp(
  String.raw`\b(?:is (?:that|this|it)|are (?:these|they|those)|` +
    String.raw`(?:any|one|some) of (?:these|them|those)(?: are| is)?)` +
    // ("is that really us?", "is it even ours": said with a doubt, the same question of ownership)
    String.raw`(?:\s+(?:really|actually|even|truly|definitely|indeed))?\s+` +
    String.raw`(?:in (?:our|the cluster's|the vnet's) (?:ranges?|address space|space|networks?|vnet|prefix(?:es)?)|` +
    String.raw`ours|one of ours|us)\b|\b(?:does|do) (?:that|this|it|they) (?:really |actually )?belong to us\b`,
);
// "20.67.170.10 is billed every month. what does it actually do for us?": what the one address said serves, asked
const ADDRESS_DOES =
  /\bwhat (?:does|do) (?:it|this|that|this ip|that ip)(?: \w+ly| even| really)? do(?: for us)?\s*[?!.]*$/;
const THIS_ADDRESS_FOR = new RegExp(
  String.raw`\bwhat(?: is|'s) (?:this|that) (?:ip|address)(?: used for| for)?\b|` +
    String.raw`\bwhat(?: is|'s) (?:this|that|it) used for\b|` +
    // ("… on the Azure invoice … what do we use it for?": what we use the one address for is what it is)
    String.raw`\bwhat (?:do|does|did) (?:we|they|you|the \w+) (?:even |actually |really )?use (?:it|this|that)` +
    String.raw`(?: ip| address)? for\b|${IPV4}\s*[—–-]+\s*what(?: is|'s) (?:that|this|it)\b|` +
    // "10.100.2.5 — dns server of what?": the address said, then what it serves asked
    String.raw`^\W*${IPV4}\s*[—–:-]+\s*[\w -]{0,30}\b(?:of|for) what\s*\?`,
);
function addressFramed(t: string, ips: string[]): boolean {
  if (!ips.length) return false;
  if (ADDRESS_CLAIMED.test(t) || ADDRESS_OURS.test(t)) return true;
  return new Set(ips).size === 1 && THIS_ADDRESS_FOR.test(t);
}

// Weights: cue words give 1–3 per matching trigger. Evidence that settles the family on its own weighs more than any
// sum of cues (≥ 15; the highest wins when two fire); what was named with no cue word at all weighs 3; what each
// family needs named weighs half a point (LEAN), added only where a cue word already points: it breaks ties.
export const EVIDENCE: readonly Row[] = [
  // requests through the router / ingress to a workload: coming in, the router is the way in
  {
    id: 'requests-through-router',
    says: { inbound: 20 },
    // (never our own pod hairpinning through it: "sqlapi calls 20.67.170.10 (hairpin through the ingress LB)")
    when: (s) =>
      THROUGH_ROUTER.test(s.t) &&
      !!s.workloads.length &&
      !/\bcan\b/.test(s.t) &&
      !routerIsClient(s) &&
      !podCallsOurFrontend(s),
  },
  // "legacy-0 has dnsPolicy None, which nameserver does it hit?", "coredns upstream for web", "how name resolution
  // works for the web pod": a pod's resolver (its DNS settings, the cluster DNS's upstream) asked about with the pod
  // named is that pod's DNS path, whatever else is named
  // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
  {
    id: 'pod-resolver-asked',
    says: { dns: 17 },
    when: (s) =>
      (((s.intent.cues?.dns ?? 0) >= 2 && RESOLVER_ASKED.test(s.intent.asking ?? s.t)) ||
        CLUSTER_DNS_UPSTREAM.test(s.t) ||
        DNS_GOES.test(s.intent.asking ?? s.t)) &&
      s.entities.some((e) => ['pod', 'workload', 'pod-ip'].includes(e.kind)),
  },
  // "how do pods on this cluster look up names? e.g. web", "tcpdump on web shows udp/53 going to 10.0.0.10. who
  // answers that for web?": how a named pod looks names up is its DNS path
  {
    id: 'pod-lookup-way',
    says: { dns: 20 },
    when: (s) =>
      LOOKUP_WAY.test(s.t) &&
      s.entities.some((e) => ['pod', 'workload', 'pod-ip'].includes(e.kind)) &&
      !PAIR.test(s.t) &&
      !podPlaceAsked(s),
  },
  // "<pasted cat /etc/resolv.conf of a pod> who answers on 10.0.0.10 for api, and where does it forward?": a pod's
  // resolver settings pasted and asked about are that pod's DNS path
  // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config
  {
    id: 'pasted-resolver-asked',
    says: { dns: 17 },
    when: (s) => {
      const server = /\bnameserver (\d{1,3}(?:\.\d{1,3}){3})\b/.exec(s.t)?.[1];
      const asking = s.intent.asking ?? '';
      return (
        !!server &&
        s.entities.some((e) => WORKLOADS.includes(e.kind)) &&
        (asking.includes(server) || /\b(answers?|forward\w*|upstream|resolv\w*|lookups?|quer(y|ies))\b/.test(asking))
      );
    },
  },
  // "shop.contoso.com from inside web — same address as from outside?": a host name's answer weighed inside against
  // outside is split-horizon DNS https://learn.microsoft.com/azure/dns/private-dns-scenarios#scenario-split-horizon-functionality
  {
    id: 'same-answer-inside-and-out',
    says: { dns: 19 },
    // ("would shop.contoso.com come back as the ingress address … split-horizon question": the view named)
    when: (s) => !!s.hosts.length && (SAME_ANSWER_BOTH_SIDES.test(s.t) || /\bsplit[- ]horizon\b/.test(s.t)),
  },
  // "what A record should shop.contoso.com have — the ingress controller's public IP?": the DNS record a host of ours
  // has or should have is its name resolution, whatever address is offered for it
  // https://learn.microsoft.com/azure/dns/dns-zones-records#record-types
  { id: 'host-record-asked', says: { dns: 19 }, when: hostRecordAsked },
  // a Service's DNS name with "resolve / point to / give back / lookup", from a pod or not: what the name resolves to
  {
    id: 'service-name-resolution',
    says: { dns: 22 },
    when: (s) => DNS_CUE.test(s.t) && s.entities.some(dnsNamed),
  },
  // "api.shop.svc.cluster.local -> ? from db-0", "x.y.svc give which ip": a Service's cluster DNS name asked for the
  // address it gives, not a flow to it (no source, no port said)
  {
    id: 'service-name-gives-address',
    says: { dns: 19 },
    when: (s) =>
      s.entities.some((e) => dnsNamed(e) && /\.svc(\.|$)/.test(e.text)) &&
      NAME_GIVES.test(s.t) &&
      !/\b(src|source|sees?|seen|port|path|hops?|reach\w*|blocked|allowed|can)\b/.test(s.t),
  },
  // "lookup api from web", "nslookup web": the name right after a word that can only mean DNS is looked up
  {
    id: 'name-looked-up',
    says: { dns: 21 },
    when: (s) => {
      const looked = LOOKED_UP.exec(s.t)?.[6];
      return !!looked && s.entities.some((e) => e.kind !== 'pod-ip' && e.text.split('/').pop() === looked);
    },
  },
  // "the source ip in the sqlapi access logs for requests through the router": coming in, seen from the workload
  {
    id: 'seen-behind-the-way-in',
    says: { inbound: 20 },
    when: (s) =>
      !!s.workloads.length &&
      SEEN.test(s.t) &&
      (WAY_IN.test(s.t) || viaWayInNamed(s)) &&
      !CAN.test(s.t) &&
      !routerIsClient(s) &&
      // (never where the workload itself calls our host or frontend: "sqlapi posts to its own hostname …, which
      // source …?")
      !podOpensOurHost(s) &&
      !podCallsOurFrontend(s),
  },
  // "true or false: 51.104.20.30 is the web service's public IP", "quiz: 20.31.46.88 is a) … b) …", "IOC list …
  // tell me if any of these are ours: 20.50.61.11", "sees connections from 20.31.44.2. is that in our range?", "… what
  // is this IP used for?", "the DNS server 10.100.2.4 — what is that?": what an address is, asked as a claim to check,
  // a question of ownership or of the one address said; the answers offered are no cue
  // (and "… what does it actually do for us?", the one address said with nothing of ours named)
  {
    id: 'address-framed',
    says: { 'what-is': 24 },
    when: (s) =>
      addressFramed(s.t, s.intent.ips) ||
      (new Set(s.intent.ips).size === 1 && !s.entities.length && ADDRESS_DOES.test(s.intent.asking ?? s.t)),
  },
  // "is 10.0.2.10 a load balancer or a pod?": what an address is
  { id: 'address-is-what', says: { 'what-is': 19 }, when: (s) => s.intent.ips.some((ip) => isWhat(s.t, ip)) },
  // "… 10.244.2.15:43122 -> 52.1.2.3:443. what is the source?", "… from 10.244.0.7, who is that?": the question
  // at the end asks what an address of the message is, whatever the rest says
  {
    id: 'which-address-is-what',
    says: { 'what-is': 21 },
    // (never the source asked of a flow from one of ours to the address: "sqlapi opens a connection to 10.0.0.4 - what
    // is the source address there?" asks its way out, the address being where it goes)
    // (nor the pod a flow lands on: "<AZFWNatRule line> where does that go after the internal LB, which pod?" asks the
    // way in from that DNAT https://learn.microsoft.com/azure/firewall/tutorial-firewall-dnat)
    when: (s) =>
      !!s.intent.ips.length &&
      ASKS_WHAT_AT_END.test(s.t) &&
      !sourceOfOurFlowAsked(s) &&
      !WHERE_IT_GOES.test(s.intent.asking ?? s.t),
  },
  // "$ kubectl exec -n shop web-… -- dig +short api.shop… / ;; communications error to 10.0.0.10#53: timed out / who
  // is 10.0.0.10?": a lookup pasted from a pod of ours, its nameserver asked, is that pod's DNS path
  { id: 'pods-lookup-pasted', says: { dns: 25 }, when: podsLookupPasted },
  // "dial tcp: lookup api.shop on 10.0.0.10:53: … i/o timeout\nwhat is 10.0.0.10?": the sentence that asks is only
  // what one address is; the pasted lines (a name looked up) are context
  {
    id: 'asking-what-an-address-is',
    says: { 'what-is': 23 },
    when: (s) => {
      if (podsLookupPasted(s)) return false;
      const sentences = s.t.split(/(?<=[.?!])\s+|\n/).filter((x) => x.trim());
      // or the sentence that asks, with what is said around it after ("what 10.244.2.6 is? it keeps showing up …")
      const asking = s.intent.asking ?? '';
      return (
        (sentences.length > 1 && ASKS_WHAT_IP.test(sentences[sentences.length - 1])) ||
        (sentences.length > 1 && WHAT_AN_IP_IS.test(asking))
      );
    },
  },
  // "what is 10.100.2.4 (it's in the vnet DNS servers)", "what's 10.244.1.50 — found it in an access log": the
  // message opens by asking what one address is; the aside after a dash or in brackets says where it was seen
  {
    id: 'what-an-address-is-then-aside',
    says: { 'what-is': 21 },
    when: (s) => s.intent.ips.length === 1 && WHAT_IP_THEN_ASIDE.test(s.t) && !FLOW_ASKED.test(s.t),
  },
  // "path in: internet -> ingress-nginx -> web", "AGC path: browser -> … -> web": a chain drawn from outside the
  // cluster (the Internet, a user's browser) into a workload is the way in
  {
    id: 'chain-from-outside',
    says: { inbound: 19 },
    when: (s) => {
      const first = OUTSIDE_FIRST.exec(s.t)?.[2];
      return !!first && !!s.both.length && !s.entities.some((e) => e.text === first) && !GOES_OUT.test(s.t);
    },
  },
  // "health probe on the web LB rule - which nodes are in rotation?", "the web LB frontend and which nodes pass its
  // probe": a load balancer's rule or frontend and the nodes its health probe keeps in its backend pool, no client
  // coming in asked https://learn.microsoft.com/azure/load-balancer/load-balancer-custom-probe-overview
  {
    id: 'nodes-in-rotation',
    says: { 'load-balancers': 19 },
    // (and "> 20.31.46.20 is the external IP of … ok so which nodes does that frontend send to?")
    when: (s) =>
      // ("the LB for ingress-nginx — which nodes are healthy in its pool": the pool said as the LB's)
      (LB_PART.test(s.t) ||
        /\bfrontend\b/.test(s.t) ||
        // ("behind 20.31.46.20 - which VMs does the health probe mark as up?": a frontend of ours said by its address)
        !!s.intent.frontendIps?.length ||
        (LB_SAID.test(s.t) && /\b(its|their) (backend )?pools?\b/.test(s.t)) ||
        // ("ingress-nginx LB vs web LB: … which nodes pass the web probe?": the probe of a load balancer said)
        (LB_SAID.test(s.t) && /\bnodes?\b.{0,20}\b(pass(es)?|fail(s)?)\b.{0,20}\bprobes?\b/.test(s.t))) &&
      (NODES_IN_ROTATION.test(s.t) || NODES_SENT_TO.test(s.t)) &&
      !/\bhow (does|do|is|are|would|will|can)\b/.test(s.t) &&
      // (the frontend's own address said is no client: "80/443 on 20.67.170.10 flapping — which nodes pass the probe")
      !(s.intent.clientIp && !s.intent.frontendIps?.includes(s.intent.clientIp)) &&
      // ("… unhealthy. expected with externalTrafficPolicy Local? which nodes pass?": whether the Service's way in
      // fails nodes without a local pod by design is asked, not the pool's members
      // https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip)
      !EXPECTED_WITH_LOCAL.test(s.t) &&
      !comesIn(s.t),
  },
  // "sqlapi-ep-….z01.azurefd.net — what is this hostname?": what a Front Door endpoint is, asked of the name itself
  // (not the way in through it) https://learn.microsoft.com/azure/frontdoor/endpoint
  {
    id: 'what-a-front-door-host-is',
    says: { 'what-is': 21 },
    when: (s) =>
      [...(s.intent.urlHosts ?? []), ...s.intent.names].some((h) => /\.azurefd\.net\.?$/.test(h)) &&
      // ("… whether to allow <endpoint>.z01.azurefd.net in their proxy. what is it?": the host pointed back at)
      (WHAT_HOST.test(s.intent.asking ?? s.t) ||
        /\bwhat(?:'s| is) (it|this|that)( one| thing)?\s*[?!.]*\s*$/.test(s.t) ||
        AFD_HOST_POINTS.test(s.intent.asking ?? s.t)),
  },
  // "the VIP 20.31.46.88 - is that the ingress or the web LB?": one address, asked which of two things it is
  {
    id: 'address-this-or-that',
    says: { 'what-is': 20 },
    when: (s) =>
      addressAmongWays(s) ||
      (s.intent.ips.length === 1 &&
        THIS_OR_THAT.test(s.intent.asking ?? s.t) &&
        !PAIR.test(s.t.replace(/\btcp\b/g, ' ')) &&
        !ITS_WAY_OUT.test(s.t)),
  },
  // "a partner at 198.51.100.7 calling shop.contoso.com is seen by web …": a client outside, said at its address,
  // calling a host of ours comes in (https://learn.microsoft.com/azure/aks/concepts-network-ingress)
  {
    id: 'outsider-calls-our-host',
    says: { inbound: 19 },
    // (or at one workload of ours, said at the client's address to be opened by it)
    when: (s) => ((!!s.intent.clientIp && s.hosts.length > 0) || machineOpensToOurs(s)) && !GOES_OUT.test(s.t),
  },
  { id: 'outsider-to-our-frontend', says: { inbound: 19 }, when: outsiderToOurFrontend },
  { id: 'outside-address-reaches-our-lb', says: { inbound: 19 }, when: outsideAddressReachesOurLb },
  { id: 'outside-address-reaches-public', says: { inbound: 19 }, when: outsideAddressReachesPublic },
  // one workload and a far end outside the cluster
  { id: 'filter-lets-one-out', says: { policy: 19 }, when: filterLetsOut },
  { id: 'filter-on-way-out', says: { policy: 19 }, when: filterOnWayOut },
  { id: 'verdict-on-the-way-out', says: { policy: 19 }, when: outVerdict },
  { id: 'one-workload-to-outside', says: { egress: 19 }, when: goesOut },
  { id: 'workload-dials-outside-host', says: { egress: 19 }, when: dialsOutside },
  // (and a flow drawn from one workload to an address outside: combine.ts keeps its way out over a pair reading)
  { id: 'workload-to-address-outside', says: { egress: 17 }, when: toAddressOutside },
  // "which pods are on vmss000000?", "what's on node aro2-…-qt8l7?": the pods a node runs, a node being named
  { id: 'pods-on-a-node', says: { pod: 19 }, when: podsOnANode },
  // "node of db-0", "pod ip + node of web-…": the node a pod runs on
  { id: 'node-of-a-pod', says: { pod: 19 }, when: nodeOfAPod },
  // "sqlapi + server - same VM or spread out?", "do web and api share a node?": two workloads' pods compared by the
  // node they run on (https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/)
  { id: 'pods-placed-together', says: { pod: 19 }, when: placedTogether },
  // "10.129.2.4 -- pod IP or node IP?", "20.93.20.5, whose public IP is that?": what kind of thing one address is
  { id: 'address-kind-asked', says: { 'what-is': 20 }, when: addressKindAsked },
  // "20.31.46.20 vs 20.31.45.117 — which one is inbound and which is outbound?": two addresses set against each other,
  // asked which is which, ask what each is
  {
    id: 'addresses-compared',
    says: { 'what-is': 21 },
    when: (s) => ADDRESSES_COMPARED.test(s.t) && s.entities.every((e) => e.kind === 'pod-ip'),
  },
  // "ingress for web? lb or appgw": which way in a workload is reached by
  {
    id: 'ways-in-weighed',
    says: { inbound: 17 },
    // ("… for internet users?": users on the Internet come in, they are no way out)
    // ("nginx or the LB - which one serves web?": the ingress controller weighed is a way in, not a party)
    when: (s) =>
      (s.both.length === 1 || oneBehindWaysIn(s)) &&
      !s.hosts.length &&
      WAYS_IN_OR.test(s.t) &&
      !addressAmongWays(s) &&
      !GOING_OUT.test(s.t.replace(USERS_OUTSIDE, ' ')),
  },
  // "does the subnet nsg let the internet in on 443 to the ingress controller?": the Internet let in to one workload
  // of ours comes in (the inbound answer gives each NSG's verdict on the way in)
  // https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview
  {
    id: 'internet-let-in',
    says: { inbound: 19 },
    // (or to one host of ours, the way in to it)
    when: (s) =>
      (s.both.length === 1 || (!s.both.length && s.hosts.length === 1)) &&
      INTERNET_LET_IN.test(s.t) &&
      !GOES_OUT_SAID.test(s.t),
  },
  // "for internet clients on port 80 to the app gateway, which rule on the gateway subnet's NSG decides?": the
  // Internet's clients going to a way in said by its kind come in (the inbound answer gives each NSG's verdict)
  // https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#network-security-groups
  {
    id: 'outside-clients-to-a-way-in',
    says: { inbound: 19 },
    when: (s) => s.both.length <= 1 && !s.hosts.length && CLIENTS_TO_A_WAY_IN.test(s.t) && !GOES_OUT_SAID.test(s.t),
  },
  // "from 198.51.100.7 to the web LB on 80, allowed?": a public client address going to one of our Services said as
  // a way in ("web LB") comes in; the inbound answer judges that client against each NSG on the way in
  // https://learn.microsoft.com/azure/aks/load-balancer-standard#restrict-inbound-traffic-to-specific-ip-ranges
  { id: 'outside-address-to-a-named-way-in', says: { inbound: 19 }, when: outsideAddressToNamedWayIn },
  // "… that's web's access log. how do requests get to web?": requests reaching the one party the asking sentence
  // names come in, whatever address a pasted line shows
  { id: 'requests-come-in', says: { inbound: 19 }, when: requestsComeIn },
  // "the gate box talks straight to 10.224.0.4:31380 — which pod ends up with that connection?": a Service's node port
  // on a node's address, asked who gets the connection, is that Service's way in, not what the node is
  // https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport
  {
    id: 'node-port-reached',
    says: { inbound: 19 },
    when: nodePortReached,
  },
  // "198.51.100.7 -> 10.224.0.4:31380": an outside address dialling a node's address on a Service's node port is
  // that Service's way in, not a pair of our pods (same page)
  {
    id: 'outside-dials-node-port',
    says: { inbound: 19 },
    when: (s) => !!s.intent.nodePortHit && !!s.intent.elsewhereIps?.length && !s.both.length,
  },
  // "how the internet traffic reaches my pods on 20.31.46.20": the outside reaches in, whatever else is said
  {
    id: 'outside-comes-in',
    says: { inbound: 19 },
    // ("path for users reaching shop-admin.contoso.com?": a host the inventory lacks is still the way in asked about)
    when: (s) =>
      comesIn(s.t) &&
      s.both.length <= 1 &&
      !s.entities.some((e) => e.kind === 'pod-ip') &&
      (s.entities.length > 0 || s.intent.names.some(outsideHost)),
  },
  // "198.51.100.40 -> web on 80", "partner 198.51.100.40 → shop web": an address outside the cluster drawn as the
  // start of an arrow to one of ours is a client coming in (the way out is drawn from our side: "api -> 198.51.100.40")
  {
    id: 'outside-address-arrow-in',
    says: { inbound: 19 },
    when: (s) => {
      const far = s.intent.elsewhereIps ?? [];
      return far.length === 1 && s.intent.ips.length === 1 && s.both.length === 1 && arrowFrom(s.t, far[0]);
    },
  },
  // "path from internet to the service 'storefront'", "how does internet traffic reach the checkout service?": the
  // outside coming in to a Service, route or ingress said as such is the way in even when no such name exists (then
  // answered "not found", never a guess) https://learn.microsoft.com/azure/aks/concepts-network-ingress
  { id: 'outside-to-a-way-in-named', says: { inbound: 17 }, when: outsideToAWayInNamed },
  // "people open http://20.31.46.20/", "curl from home to 20.31.46.88": a LoadBalancer Service's frontend reached by
  // someone outside the cluster is the way in to that Service, whatever the pods are asked to see
  // https://learn.microsoft.com/azure/aks/load-balancer-standard
  { id: 'frontend-reached-from-outside', says: { inbound: 19 }, when: frontendReached },
  // "how does 20.31.46.88 reach the ingress pods?", "how does traffic to 20.31.46.20 reach web?": a frontend of ours
  // said as what reaches our pods is the way in through it https://learn.microsoft.com/azure/load-balancer/components
  { id: 'frontend-reaches-pods', says: { inbound: 19 }, when: frontendReachesPods },
  // "is 20.31.46.88:443 open to the world, or does aks-subnet-nsg stop it?", "does appgw-nsg block anything for
  // 20.31.50.10 on port 80?": a frontend of ours asked whether it is open, or whether a filter stops what comes to it,
  // is the way in's verdict (each NSG's on the way in) https://learn.microsoft.com/azure/load-balancer/components
  { id: 'frontend-filtered', says: { inbound: 19 }, when: frontendFiltered },
  // "51.104.20.30:8443 filtered. is there any DNAT behind it?": what a public address forwards in, asked by its DNAT
  // https://learn.microsoft.com/azure/firewall/tutorial-firewall-dnat
  { id: 'dnat-of-an-address', says: { inbound: 19 }, when: dnatOfAnAddress },
  // "the path from AFD to the pods", "from the app gateway to the pods here": from a way in to what it sends to is the
  // way in https://learn.microsoft.com/azure/frontdoor/front-door-overview
  {
    id: 'from-a-way-in-to-pods',
    says: { inbound: 17 },
    when: (s) => s.both.length <= 1 && !['load-balancers', 'what-is'].includes(s.cue) && FROM_A_WAY_IN.test(s.t),
  },
  // "which pods does the LB send traffic to for 20.31.46.20": the load balancer asked about its frontend; its answer
  // names the pods behind a Service's frontend (its ready endpoints)
  // https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/
  {
    id: 'pods-behind-the-lb',
    says: { 'load-balancers': 17 },
    when: (s) => podsBehindFrontend(s) && BACKENDS_SAID.test(s.t),
  },
  { id: 'behind-our-frontend', says: { 'load-balancers': 17 }, when: behindOurFrontend },
  { id: 'way-in-backends', says: { 'load-balancers': 17 }, when: wayInBackends },
  // "a partner at 198.51.100.30 calls shop-agc.contoso.com", "pen tester at 192.0.2.50 will hit web's public IP":
  // someone outside, said at an address, calling in is the way in, whatever is said of the public IP
  // https://learn.microsoft.com/azure/aks/load-balancer-standard
  {
    id: 'outsider-at-address-calls',
    says: { inbound: 19 },
    when: (s) => !!s.intent.clientIp && OUTSIDER_CALLS.test(s.t),
  },
  // "the bottling-line PCs inside the VNet talk to the sqlapilb service on 8080": machines of the site, none of the
  // cluster's, calling one Service of ours come in through its load balancer
  // https://learn.microsoft.com/azure/aks/internal-lb
  { id: 'site-machines-call-our-service', says: { inbound: 19 }, when: siteMachinesCallOurService },
  // "which pods sit behind 20.31.77.5", "which pods answer behind …": what is behind an address is its load
  // balancer's backends, as "who is behind 20.31.46.88" is, unless a client is said coming in
  // https://learn.microsoft.com/azure/load-balancer/backend-pool-management
  {
    id: 'pods-behind-an-address',
    says: { 'load-balancers': 18 },
    when: (s) => PODS_BEHIND_IP.test(s.t) && !s.both.length && !comesIn(s.t),
  },
  // "which pods get 20.31.46.20 when a customer connects": with no load balancer said, the end of the way in
  // (https://learn.microsoft.com/azure/aks/load-balancer-standard)
  {
    id: 'pods-behind-a-frontend',
    says: { inbound: 17 },
    when: (s) => podsBehindFrontend(s) && !BACKENDS_SAID.test(s.t),
  },
  // "which pods get 20.31.46.20 when a customer connects": a client outside said reaching it makes it the way in
  {
    id: 'pods-behind-a-frontend-reached',
    says: { inbound: 19 },
    when: (s) => podsBehindFrontend(s) && !BACKENDS_SAID.test(s.t) && comesIn(s.t),
  },
  // "how to reach sqlapilb from the hub VM 10.100.4.9?": a client address outside the cluster (a VM of ours in another
  // network, a partner) reaching one workload or Service is the way in, whatever is said of the load balancer
  // https://learn.microsoft.com/azure/aks/internal-lb
  { id: 'outside-address-reaches-one', says: { inbound: 17 }, when: outsideAddressReaches },
  // "from the office 198.51.100.7 to the app gateway on port 80", "a SYN from 198.51.100.7 to the web LB frontend": a
  // client address outside going to one of our ways in, said by what it is, is the way in
  // https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview
  {
    id: 'outside-address-to-a-way-in',
    says: { inbound: 17 },
    when: (s) => !!clientOutside(s) && s.both.length <= 1 && TO_A_WAY_IN.test(s.t) && !GOES_OUT_SAID.test(s.t),
  },
  // "gateway-01 → web: hops?": a way in said by its name (a Gateway, an Application Gateway, the router) drawn to one
  // workload is the way in to it, even where the inventory does not list it as a workload
  // https://learn.microsoft.com/azure/application-gateway/for-containers/overview
  { id: 'way-in-drawn-to-one', says: { inbound: 17 }, when: wayInDrawn },
  { id: 'way-in-named-serves', says: { inbound: 17 }, when: wayInNamedServes },
  // "what are your commands", "how to use this bot": said to the bot about itself, with nothing else named
  { id: 'client-drawn-in', says: { inbound: 19 }, when: clientDrawnIn },
  // "our smartphone app is calling the route of sqlapi: which way to the pod?": the route of the one workload named,
  // called by no pod of ours, is the way in to it
  // https://docs.openshift.com/container-platform/4.14/networking/routes/route-configuration.html
  { id: 'route-of-one-called', says: { inbound: 16 }, when: (s) => s.both.length === 1 && ROUTE_OF_CALLED.test(s.t) },
  // "ext client -> sqlapilb-project1.apps…: which router pod, which node?": a client drawn to one of our hosts comes in
  // by it; the router pods and nodes asked are hops of that way in
  // https://docs.openshift.com/container-platform/latest/networking/ingress-operator.html
  { id: 'client-drawn-to-host', says: { inbound: 19 }, when: clientDrawnToHost },
  { id: 'about-the-bot', says: { help: 15 }, when: (s) => !EARLIER_ANSWER.test(s.t) && aboutTheBot(s) },
  // "do you handle health probe / backend pool questions for load balancers?": a kind of question asked whether the
  // bot takes it — the topics named are that kind, no question of them (nothing of ours named): it outranks what
  // evidence those topics' own words give
  {
    id: 'kind-of-question-taken',
    says: { help: 30 },
    when: (s) => QUESTIONS_TAKEN.test(s.t) && !EARLIER_ANSWER.test(s.t) && aboutTheBot(s),
  },
  // "is the bot aware of NAT gateways, or only outbound rules?": topics weighed as what the bot covers outrank the
  // evidence those topics' own words give
  // evidence those topics' own words give (combine.ts: the help card, whatever the model reads)
  { id: 'bot-scope-asked', says: { help: 3 }, when: botScopeAsked },
  // two workloads or Services, no host: a pair question; "can/allowed/blocked" asks for the verdict
  // "how does x/q reach y/b on 80?" where namespace x has no q: the pair question all the same, answered "not found"
  { id: 'pair-one-missing-can', says: { policy: 18 }, when: (s) => oneMissing(s) && asksCan(ownWords(s)) },
  { id: 'pair-one-missing', says: { 'east-west': 18 }, when: (s) => oneMissing(s) && !asksCan(ownWords(s)) },
  { id: 'pair-can', says: { policy: 18 }, when: (s) => pairable(s) && (asksCan(ownWords(s)) || verdictGoesOn(s)) },
  { id: 'pair', says: { 'east-west': 18 }, when: (s) => pairable(s) && !asksCan(ownWords(s)) && !verdictGoesOn(s) },
  // (and a pair of ours said with its port, no word of going out: combine.ts keeps it over a way-out reading)
  { id: 'pair-on-a-port', says: {}, when: pairOnAPort },
  // "> No: server cannot reach sqlapi … / hm, what about router → sqlapi - same answer?": another pair drawn under a
  // quoted verdict asks the verdict again, whatever its own words cue
  // https://kubernetes.io/docs/concepts/services-networking/network-policies/
  {
    id: 'quoted-verdict-pair',
    says: { policy: 18 },
    when: (s) => s.directed && s.both.length >= 2 && !s.hosts.length && verdictGoesOn(s),
  },
  // "ok thx. and what about api → db-0 on 5432, does that one pass?": a pair drawn with its direction and its verdict
  // asked is the policy question, whatever pleasantry opens it
  // https://kubernetes.io/docs/concepts/services-networking/network-policies/
  {
    id: 'drawn-pair-verdict',
    says: { policy: 18 },
    when: (s) => s.cue === 'policy' && s.directed && s.both.length === 2 && !s.hosts.length && PASSES.test(ownWords(s)),
  },
  // "the cluster ip behind server.project1": a Service's name and no pod is what the name resolves to
  {
    id: 'service-name-no-pod',
    says: { dns: 17 },
    when: (s) =>
      s.cue === 'pod' &&
      noPods(s) &&
      s.entities.some((e) => e.kind === 'service' && e.text.includes('.')) &&
      !WHERE_RUNS.test(s.intent.asking ?? s.t),
  },
  // "when a customer opens http://shop-agw.contoso.com, what source ip does our web pod get": a host the client opens
  // and a workload behind it is the way in, not where the pod runs
  {
    id: 'host-opened-by-client',
    says: { inbound: 17 },
    // said with inbound cue words too ("customer on 198.51.100.7 opens shop.contoso.com; src addr at web after NAT?")
    when: (s) =>
      (podCued(s) || ['inbound', 'unknown'].includes(s.cue)) &&
      !!s.hosts.length &&
      !!s.workloads.length &&
      (CLIENT_OPENS.test(s.t) || !!clientOutside(s)),
  },
  // "the web LoadBalancer service … which nodes get traffic on 20.31.46.20": traffic coming to a Service, not a pod
  {
    id: 'traffic-to-service',
    says: { inbound: 17 },
    when: (s) =>
      podCued(s) &&
      noPods(s) &&
      s.both.length === 1 &&
      s.both[0].kind === 'service' &&
      TO_SERVICE.test(s.t.replace(ADDRESS_KINDS, ' ')),
  },
  // "what load balancers sit in front of the shop web service, and which public ips are on them": the load balancers
  // of a Service, their frontends' public addresses (not the pods' way out)
  {
    id: 'load-balancers-of-service',
    says: { 'load-balancers': 16 },
    when: (s) =>
      (['egress', 'load-balancers'].includes(s.cue) || (s.cue === 'inbound' && WHICH_LB.test(s.t))) &&
      s.both.some((p) => p.kind === 'service') &&
      LBS_OF.test(s.t) &&
      !GOING_OUT.test(s.t),
  },
  // "which load balancer serves the web site's public IP": "which <kind>" asks for a thing of that kind; a load
  // balancer said serving or in front of a workload is one of the load balancers, not the workload's way out
  {
    id: 'which-lb-serves',
    says: { 'load-balancers': 21 },
    when: (s) => WHICH_LB.test(s.intent.asking ?? s.t) && LBS_OF.test(s.t) && !GOING_OUT.test(s.t),
  },
  // "which load balancers does the cluster use, and which are reachable from the internet?": the question asks for
  // load balancers and names nothing else; what is said of them after is about them
  {
    id: 'load-balancers-asked',
    says: { 'load-balancers': 16 },
    when: (s) =>
      !s.both.length &&
      !s.hosts.length &&
      !s.intent.ips.length &&
      // "which load balancer gives the public IP the workers go out with": one asked for by what it does
      // "for the cost review, could you list the load balancers …": a purpose and a polite ask may come first
      new RegExp(
        // ("the public IP our nodes go out with — which LB owns it?": or the topic before a dash)
        String.raw`^\W*([^.?!,]{0,40},\s*|[^.?!—–]{0,80}\s[—–-]{1,2}\s+)?((can|could|would) (you|u) (please )?)?` +
          String.raw`(which|what|list|show( me)?) ` +
          String.raw`(all |the |our )?(azure )?(load ?balancers?|lbs?)\b`,
      ).test(s.intent.asking ?? s.t),
  },
  // "the control-plane VMs go out to the internet through which LB?": the load balancer asked for as the one the
  // traffic of no workload of ours (nodes, VMs) goes through https://learn.microsoft.com/azure/load-balancer/components
  {
    id: 'load-balancer-gone-through',
    says: { 'load-balancers': 16 },
    when: (s) => !s.both.length && !s.hosts.length && !s.intent.ips.length && LB_GONE_THROUGH.test(s.t),
  },
  // "what health check does Azure run against the router frontend?": the health probe asked of a frontend or a load
  // balancer is the load balancer's (never a pod's readiness or liveness probe, the kubelet's)
  // https://learn.microsoft.com/azure/load-balancer/load-balancer-custom-probe-overview
  {
    id: 'lb-probe-asked',
    says: { 'load-balancers': 16 },
    when: (s) => LB_PROBE_ASKED.test(s.t) && (FRONTEND_OR_LB.test(s.t) || !!s.intent.frontendIps?.length),
  },
  // "idle timeout and ports per instance on the outbound rule", "max node count the outbound SNAT config supports":
  // an outbound rule's settings are the load balancer's, whichever workload uses them
  // https://learn.microsoft.com/azure/load-balancer/outbound-rules#scale
  {
    id: 'outbound-rule-settings',
    says: { 'load-balancers': 16 },
    when: (s) => !s.workloads.length && !s.intent.ips.length && OUTBOUND_RULE_SETTINGS.test(s.t),
  },
  // "which NSG rule matches first, the 150 or the 200?" of a pair: the rule that decides is the verdict's question,
  // over the pair itself
  // https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works
  { id: 'deciding-rule-asked', says: { policy: 19 }, when: (s) => s.both.length >= 2 && RULE_ASKED.test(s.t) },
  // "db.shop from the api pod, what IP?": a Service's DNS name and the pod it is looked up from, asked for the
  // address it gives, nothing said of a flow: the name's resolution from that pod
  // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
  {
    id: 'service-name-address-from-pod',
    says: { dns: 19 },
    when: (s) =>
      s.both.length === 2 &&
      s.both.some(dnsNamed) &&
      // "api.shop from legacy-0 → ?": an arrow to a question mark asks what the name gives
      ((/\b(what|which) (ip|address)\b/.test(s.t) && !FLOW_SAID.test(s.t)) ||
        (ARROW_ASKS.test(s.t) && !FLOW_SAID.test(s.t.replace(ARROW_ASKS, ' ')))),
  },
  // "which public ip is shop.contoso.com on": a host's public address is the way in
  { id: 'host-address', says: { inbound: 17 }, when: (s) => s.cue === 'egress' && !!s.hosts.length && noPods(s) },
  // "what's its external ip?" of a Service: the address it is reached at
  {
    id: 'service-external-ip',
    says: { inbound: 17 },
    when: (s) =>
      s.cue === 'egress' &&
      s.both.length === 1 &&
      s.both[0].kind === 'service' &&
      noPods(s) &&
      /\bexternal ip\b/.test(s.t),
  },
  // a host is where requests come in, never the client of a pod-to-pod path ("trace a request to https://host/")
  {
    id: 'host-in-path',
    says: { inbound: 17 },
    when: (s) => s.cue === 'east-west' && !!s.hosts.length && s.both.length < 2 && !podOpensOurHost(s),
  },
  // "when the sqlapi pod opens sqlapilb-….aroapp.io": our pod the client of a host we serve goes pod to pod
  { id: 'our-pod-opens-our-host', says: { 'east-west': 19 }, when: podOpensOurHost },
  { id: 'our-pod-calls-our-frontend', says: { 'east-west': 19 }, when: podCallsOurFrontend },
  // "<endpoint>.z01.azurefd.net → pod, what path": an Azure front end's host drawn to the pods is the way in, even
  // where the inventory does not list the host
  {
    id: 'azure-front-end-in-path',
    says: { inbound: 17 },
    when: (s) =>
      ['east-west', 'unknown'].includes(s.cue) &&
      s.both.length < 2 &&
      s.intent.names.some((n) => AZURE_WAY_IN.test(n)) &&
      !ONLY_WHAT_IS.test(s.t) &&
      !WHAT_IS_THAT_HOST.test(s.t),
  },
  // "Front Door endpoint <endpoint>.z01.azurefd.net → what happens next until the sqlapi pod answers?": the Azure
  // front end said before the workload is where requests start, not a place the workload calls out to
  // https://learn.microsoft.com/azure/frontdoor/front-door-overview
  {
    id: 'azure-front-end-first',
    says: { inbound: 20 },
    when: (s) => {
      const host = s.intent.names.find((n) => AZURE_WAY_IN.test(n));
      const at = host ? s.t.indexOf(host) : -1;
      // (a workload's name inside the host's is no mention of it)
      const rest = host ? s.t.split(host).join(' '.repeat(host.length)) : s.t;
      const pods = s.both
        .filter((w) => !AZURE_WAY_IN.test(w.text))
        .map((w) => rest.indexOf(w.text.split('/').pop()!))
        .filter((i) => i >= 0);
      return at >= 0 && pods.length > 0 && pods.every((i) => i > at) && !ONLY_WHAT_IS.test(s.t);
    },
  },
  // "what is <endpoint>.z01.azurefd.net", said alone: what the host is (the Front Door endpoint), not a path through it
  // https://learn.microsoft.com/azure/frontdoor/endpoint
  {
    id: 'azure-front-end-named',
    says: { 'what-is': 17 },
    when: (s) => s.intent.names.some((n) => AZURE_WAY_IN.test(n)) && ONLY_WHAT_IS.test(s.t),
  },
  {
    id: 'one-party-client-in',
    says: { inbound: 17 },
    when: (s) => s.cue === 'east-west' && s.both.length === 1 && !s.intent.ips.length && CLIENT_IN.test(s.t),
  },
  // "web-… → 10.0.201.17:8080, which node does the DNAT": a flow from a workload to an address is named, so the words
  // for a node may be about the hop, not where the pod runs: the flow named outweighs the one word for a node
  {
    id: 'flow-to-address',
    says: { 'east-west': 3 },
    // and "10.10.1.11 -> 10.0.40.11:8080, does it leave the node?": leaving the node is a hop of it, not going out
    when: (s) =>
      (!!s.intent.cues?.pod || (!!s.intent.cues?.egress && LEAVES_NODE.test(s.t))) &&
      s.workloadSet.size === 1 &&
      s.intent.ips.some(
        (ip) => !isPublic(ip) && new RegExp(String.raw`(->|→|\bto) ${ip.replace(/\./g, '\\.')}\b`).test(s.t),
      ),
  },
  // no cue word: what was named says it
  // "psql: connection to 10.0.40.12 failed. that's from web-…": a Service's ClusterIP is inside the cluster, so a
  // workload and one is a pair, never a way out (https://kubernetes.io/docs/concepts/services-networking/service/)
  {
    id: 'workload-and-cluster-ip',
    says: { 'east-west': 3 },
    // and "ECONNREFUSED 10.0.201.17:8080 … that's from web. how does web get to that address?": a pod said as the
    // client of a ClusterIP; words for getting to it are the way inside the cluster, not the way in from outside
    when: (s) =>
      (s.cue === 'unknown' || (s.cue === 'inbound' && !!s.from && !s.hosts.length)) &&
      s.workloadSet.size === 1 &&
      !!s.intent.clusterIps?.length &&
      !s.intent.ips.some((ip) => isPublic(ip)),
  },
  // "inbound path shop.contoso.com:443 -> nginx -> web": the word that starts the terse form (`inbound <host>`) with a
  // host: the arrows after it draw the way in, not a pair
  { id: 'inbound-said-first', says: { inbound: 17 }, when: (s) => /^inbound\b/.test(s.t) && !!s.hosts.length },
  {
    id: 'host-requests',
    says: { inbound: 3 },
    when: (s) => s.cue === 'unknown' && !!s.hosts.length && INBOUND_CUE.test(s.t),
  },
  // "is there an application gateway in front of the web pods?"
  {
    id: 'in-front-of-one',
    says: { inbound: 3 },
    when: (s) => s.cue === 'unknown' && !s.hosts.length && s.both.length === 1 && /\bin front of\b/.test(s.t),
  },
  {
    id: 'bare-service-fqdn',
    says: { dns: 3 },
    when: (s) => {
      // one Service, said by its cluster DNS name (once or in two forms: "x.ns.svc" pasted, "x.ns.svc.cluster.local")
      const fqdn = s.intent.names.filter((n) => /\.svc(\.cluster\.local)?$/.test(n));
      const services = new Set(s.both.map((p) => p.matched));
      return (
        s.cue === 'unknown' &&
        fqdn.length >= 1 &&
        fqdn.length === s.intent.names.length &&
        services.size <= 1 &&
        s.both.every((p) => p.kind === 'service')
      );
    },
  },
  {
    id: 'bare-ip',
    says: { 'what-is': 3 },
    when: (s) => s.cue === 'unknown' && s.intent.ips.length === 1 && !s.intent.names.length,
  },
  // "PTR / owner of 172.30.0.10?": the pod family's words with one address no pod has and nothing else named ask
  // what the address is (where a pod runs needs a pod)
  {
    id: 'no-pod-address',
    says: { 'what-is': 3 },
    when: (s) => s.cue === 'pod' && !s.entities.length && s.intent.ips.length === 1 && !s.intent.names.length,
  },
  // "explain api-deny-all to me", "what does api-deny-all do?": a NetworkPolicy of ours named, no other party, is that
  // policy described https://kubernetes.io/docs/concepts/services-networking/network-policies/
  {
    id: 'network-policy-named',
    says: { policy: 19 },
    // (asked about, never a change ordered: "CHG-4471 removes db-allow-api, please do it for us")
    when: (s) =>
      !!s.intent.policiesNamed?.length &&
      POLICY_ASKED.test(s.t) &&
      !s.both.length &&
      !s.hosts.length &&
      !s.intent.ips.length,
  },
  // "what does aro2-p8bjm-internal do?": a name written as one that is nothing in the cluster is an Azure resource
  {
    id: 'unknown-resource-role',
    says: { 'load-balancers': 3 },
    when: (s) => {
      const behind = WHAT_IS_BEHIND.exec(s.t);
      const named = WHAT_DOES.exec(s.t)?.[3] ?? behind?.[2] ?? behind?.[9];
      const ours = s.intent.policiesNamed?.includes(named ?? '');
      return (
        s.cue === 'unknown' && !!named && s.intent.marked.includes(named) && !s.both.length && !s.hosts.length && !ours
      );
    },
  },
  // "what ip is s-z-c.z?": a Service written with its namespace, asked for its address
  {
    id: 'service-address',
    says: { dns: 3 },
    when: (s) =>
      (['unknown', 'pod', 'dns'].includes(s.cue) || (s.cue === 'east-west' && s.both[0]?.text.includes('.'))) &&
      noPods(s) &&
      s.both.length === 1 &&
      namedService(s, s.both[0]) &&
      !OUT.test(s.t) &&
      /\b(ip|address)\b/.test(s.t),
  },
  // what each family needs named: half a point to the families the entities fit, only where a cue word already
  // points (it breaks a tie of cue words, never makes a family of itself)
  { id: 'two-parties', says: { 'east-west': 0.5, policy: 0.5 }, when: (s) => s.both.length >= 2 && !s.hosts.length },
  // "the source address presented to db-0 by api", "on db-0, what address will web show up as": two pods of ours,
  // one seeing the other's address, is the source IP between them, whatever the words for going out say
  // https://learn.microsoft.com/en-us/azure/aks/concepts-network (pod to pod keeps the pod IP)
  {
    id: 'source-seen-by-a-pod',
    says: { 'east-west': 3 },
    when: (s) =>
      s.both.length === 2 &&
      s.both.every((p) => p.kind === 'pod' || p.kind === 'workload') &&
      s.workloadSet.size === 2 &&
      viewerOf(
        s.t,
        s.both.map((p) => p.text),
      ).length === 1,
  },
  { id: 'one-of-ours-sees-source', says: { 'east-west': 3 }, when: oneOfOursSeesSource },
  // one workload, or one Service standing for its pods ("when the sqlapi service calls it")
  {
    id: 'one-workload',
    says: { egress: 0.5, pod: 0.5 },
    when: (s) => s.both.length === 1 && (s.workloadSet.size === 1 || !!s.both[0].pods?.length),
  },
  {
    id: 'host-or-service',
    says: { inbound: 0.5, dns: 0.5 },
    when: (s) => (!!s.hosts.length || s.both.some((p) => p.kind === 'service')) && !s.workloads.length,
  },
  { id: 'address-only', says: { 'what-is': 0.5 }, when: (s) => !!s.intent.ips.length && !s.entities.length },
  // "describe lb kubernetes": a name said as a load balancer's (Azure's, not the cluster's Service of that name)
  { id: 'load-balancer-named', says: { 'load-balancers': 0.5 }, when: (s) => LB_NAMED.test(s.t) },
  // "something feels off with web", "can you take a look at api?": trouble reported, no question asked; the model
  // alone does not pick a family for it (combine.ts): the reply offers the questions about what was named
  // and so are two names or addresses said alone ("api db", "20.31.46.20 api"): which of their questions is meant
  // is not said, so the reply offers them
  {
    id: 'trouble-without-a-question',
    says: {},
    when: (s) => (s.cue === 'unknown' && VAGUE_TROUBLE.test(s.t)) || namesOnly(s) || addressOfUnsaid(s),
  },
  {
    id: 'nothing-named',
    says: { 'load-balancers': 0.5 },
    when: (s) => !s.entities.length && !s.intent.ips.length,
  },
];

const SOURCE_ASKED = new RegExp(
  String.raw`\b(source|src|client|address|ip)\b.{0,80}` +
    String.raw`\b(sees?|seen|presented|shown|shows? up|appears?|logs?|logged)\b|` +
    // ("db-0's logs: which address do api's connections arrive from?": the log said first, the address asked after)
    String.raw`\b(sees?|presented|shown|shows? up|appears?|logs?)\b.{0,80}\b(source|src|address|ip)\b|` +
    // ("which address do api's connections arrive at db-0 from?": where what comes is said to come from)
    String.raw`\b(which|what) (source |src |client )?(ip|address)\b.{0,60}\b(arrives?|arriving|comes?|coming) ` +
    String.raw`([\w-]+ ){0,3}from\b`,
  'i',
);

// (never "web sends logs to api", "api and its logs": a verb, a joining word or a determiner is no kind of log)
const NOT_LOG_KIND =
  String.raw`(?:sends?|writes?|ships?|pushes?|forwards?|streams?|gets?|has|have|reads?|to|from|` +
  String.raw`and|or|the|its|their|our|with|in|on|of)\b`;
/** The party said as the one that sees (or logs) the address of the other. */
function seesSource(text: string, p: string): boolean {
  const n = escapeRe(p.split('/').pop()!);
  return new RegExp(
    String.raw`\b(?:does|do|will|would|did) (?:the )?${n}(?: pods?| server| database| db| box| vm| machine)? ` +
      String.raw`(?:sees?|logs?|records?)\b|` +
      // ("db-0 sees api's connections coming from which ip?": said as a statement, the one that sees it first)
      // ("the mssql box (server-1-ppl25) logs every connection": or its name in brackets after its kind)
      String.raw`(?:^|[\s(])(?:the )?${n}\)?(?: pods?)? (?:sees?|saw|records?|logs) ` +
      String.raw`(?!(?:it|no|nothing|in|on|into)\b)|` +
      String.raw`\b(?:presented|shown|visible) to (?:the )?${n}(?![\w-])|` +
      String.raw`\bon (?:the )?(?:[\w-]+ ){0,3}\(?${n}\)?(?![\w-])[^.?!]{0,40}\b(?:shows? up|appears?|logs?)\b|` +
      // ("db-0's logs", "in the db-0 access log": the parser drops the possessive; kubectl's "logs db-0" stays apart)
      // (never "when api logs in": signing in is no log)
      String.raw`\b${n}(?:['’]s)? (?:access |connection |request )?logs?\b(?! (?:in|on|into)\b)|` +
      // ("server-1-ppl25's MSSQL error log": the log its own, said with what writes it; the parser drops the "'s")
      String.raw`\b${n}(?:['’]s)? (?:(?!${NOT_LOG_KIND})[a-z][\w-]* ){1,2}logs?\b(?! (?:in|on|into)\b)|` +
      // ("which address do api's connections arrive at db-0 from?": where the connections arrive sees their source)
      String.raw`\b(?:arrives?|arriving|lands?|landing|shows? up|comes? in) (?:at|on|in) (?:the )?${n}(?![\w-])`,
    'i',
  ).test(text);
}

/** A party's words: its name, and any word taken as it ('"sql" taken as server (project1)', entities.ts). */
export const wordsFor = (intent: Intent, party: string): string[] => {
  const name = party.split('/').pop()!;
  const taken = (intent.notes ?? []).map((n) => /^"([^"]+)" taken as (?:Service )?(?:[\w-]+\/)?([\w-]+)/.exec(n));
  return [name, ...taken.filter((m) => m?.[2] === name).map((m) => m![1])];
};

/** "what does the SQL box see as source address for the API calls": the one workload of ours (by its name or a word
 * taken as it) sees the source, with no word for where the calls come from: a caller inside the cluster, never the
 * workload's own way out (the bot asks who calls it) */
function oneOfOursSeesSource(s: Seen): boolean {
  if (s.cue !== 'unknown' || s.both.length !== 1 || s.intent.ips.length || s.hosts.length) return false;
  return viewerOf(s.t, wordsFor(s.intent, s.both[0].text)).length > 0;
}

/** Of the parties said, the ones said as seeing (or logging) the source address of the other
 * ("presented to db-0 by api", "what source IP does web see"). */
export const viewerOf = (t: string, parties: string[]): string[] =>
  SOURCE_ASKED.test(t) ? parties.filter((p) => seesSource(t, p)) : [];

/** Every family's score: its cue words, plus the evidence that fired (listed by id). */
export function scoreFamilies(s: Seen): { scores: Scores; evidence: string[] } {
  const scores: Scores = { ...(s.intent.cues ?? {}) };
  // the reading before the entities may differ from the cue words: a follow-up ("and for server?") carries the last
  // question's family, a client address and a host said in a path are inbound (parse.ts)
  if (s.cue !== 'unknown' && topKind(scores) !== s.cue) scores[s.cue] = Math.max(0, ...Object.values(scores)) + 1;
  const evidence: string[] = [];
  const cued = new Set(Object.keys(scores));
  // settling rows do not add up: two readings of the same fact are one piece of evidence, the strongest counts
  const settled: Scores = {};
  for (const row of EVIDENCE) {
    if (!row.when(s)) continue;
    evidence.push(row.id);
    for (const [kind, w] of Object.entries(row.says) as [IntentKind, number][]) {
      if (w >= SETTLES) settled[kind] = Math.max(settled[kind] ?? 0, w);
      else if (w > LEAN || cued.has(kind)) scores[kind] = (scores[kind] ?? 0) + w;
    }
  }
  for (const [kind, w] of Object.entries(settled) as [IntentKind, number][]) scores[kind] = (scores[kind] ?? 0) + w;
  return { scores, evidence };
}

const TO_A_WAY_IN = new RegExp(
  String.raw`\b(to|into|through|via|at|hits?|reach(es)?) (the |our )?([\w-]+ )?(app(lication)? ?gateway|appgw|agw|` +
    String.raw`front ?door|ingress controller|(lb|load ?balancer) (frontend|vip|ip)|frontend|router)\b`,
);
/** "from (the) internet to …": where the traffic starts is outside, where it goes is ours */
const FROM_OUTSIDE_TO = /\bfrom (the )?(public )?(internet|outside( world)?)\s*(to|into|->|→)\s/;
const WAY_IN_TYPES = new Set(['service', 'svc', 'route', 'ingress']);
function outsideToAWayInNamed(s: Seen): boolean {
  const typed = s.intent.typed.filter((t) => WAY_IN_TYPES.has(t.type));
  const unmatched = typed.filter((t) => !s.entities.some((e) => e.text === t.name || e.text.endsWith(`/${t.name}`)));
  return (
    typed.length === 1 &&
    unmatched.length === 1 &&
    !s.both.length &&
    !s.hosts.length &&
    (comesIn(s.t) || FROM_OUTSIDE_TO.test(s.t))
  );
}

/** Evidence at or above this settles the family on its own. */
const SETTLES = 15;
/** Whether a row of evidence that settles the family on its own fired. */
export const settles = (evidence: string[]): boolean =>
  EVIDENCE.some((r) => evidence.includes(r.id) && Object.values(r.says).some((w) => w >= SETTLES));

/** The top family must lead the next by this much, unless evidence settled it. */
const MARGIN = LEAN;

/** Which pods a LoadBalancer Service's frontend (said by its address) sends to. */
const LB_SAID = /\b(lbs?|load ?balancers?)\b/;
const POLICY_ASKED = /\?|\b(explain|describe|what|which|how|show|tell|walk|why|summari[sz]e|details?)\b/;
/** "20.67.170.10 frontend → which pods behind it?": a load balancer, or its frontend, or what stands behind the
 * address, asks for the backends the rule sends to https://learn.microsoft.com/azure/load-balancer/components */
const BACKENDS_SAID = /\b(lbs?|load ?balancers?|frontends?)\b|\bbehind (it|that|this|them)\b/;

function podsBehindFrontend(s: Seen): boolean {
  return !!s.intent.frontendIps?.length && /\b(which|what) pods?\b/.test(s.t) && !s.both.length;
}
// ("10.0.2.10 — what's behind that frontend?": what stands behind a frontend is its backend pool
// https://learn.microsoft.com/azure/load-balancer/components)
// ("behind the nginx frontend 20.31.46.88": what the frontend is may be said before its address)
const FRONTEND_WORDS = String.raw`(the |our |that |this )?([\w-]+ ){0,2}?`;
const BEHIND_FRONTEND = new RegExp(
  // ("what's sitting behind 20.31.46.88, down to the pods?": any verb of standing between the question and the
  // frontend, or its pods asked after; never "what's behind 20.31.46.20" alone, which asks what the address is)
  // ("10.110.0.68 — which boxes are behind that frontend?": which ones, said of a frontend of ours, are its backends)
  String.raw`\b(what|who|which)('s| is| are|s)?( [\w']+){0,3} behind (that|this|the|its|our) ([\w-]+ ){0,2}?` +
    String.raw`(frontend|vip|(ip|frontend) address)\b|` +
    String.raw`\b(what|who)('s| is| are|s)?( (?!is\b|are\b)[\w']+){1,3} behind ${FRONTEND_WORDS}` +
    String.raw`\d{1,3}(\.\d{1,3}){3}\b(?!/)|` +
    String.raw`\b(what|who)('s| is| are|s)? behind ${FRONTEND_WORDS}\d{1,3}(\.\d{1,3}){3}\b(?!/)[^.?!]{0,40}` +
    String.raw`\b(pods?|backends?|nodes?)\b|` +
    // ("behind 20.31.46.88 there is what exactly? pods pls": the address said first, what is behind it asked after)
    String.raw`\bbehind ${FRONTEND_WORDS}\d{1,3}(\.\d{1,3}){3}\b(?!/)[^.?!]{0,30}\b(what|who|which)\b`,
);
// ("what's sitting in the backend of 20.31.46.88", "20.31.46.20 frontend: which backends are ready?": the backends
// asked of a frontend are its backend pool https://learn.microsoft.com/azure/load-balancer/backend-pool-management)
const BACKENDS_ASKED = /\b(what|which|who|list|show)\b[^.?!,;:]{0,30}\bback[ -]?ends?( pools?)?\b/;
// (never of traffic followed in: "traffic to 10.0.2.10:8080 — which backend pod, is it DNATed?" asks the way in)
const FLOW_FOLLOWED = /\b(traffic|dnat\w*|snat\w*|source|src|preserved|path|hops?|requests?)\b/;
function behindOurFrontend(s: Seen): boolean {
  const asked = BEHIND_FRONTEND.test(s.t) || (BACKENDS_ASKED.test(s.t) && !FLOW_FOLLOWED.test(s.t));
  // (or an address the message itself calls a frontend: an Azure load balancer's outside the cluster, an NVA's ILB
  // https://learn.microsoft.com/azure/load-balancer/components#frontend-ip-configurations)
  const frontend = lbFrontendSaid(s) || (s.intent.ips.length === 1 && /\bfrontend\b/.test(s.t));
  return frontend && asked && !s.both.length && !comesIn(s.t);
}
/** A LoadBalancer Service's frontend said: an address of ours, never an Ingress's (an Application Gateway's under AGIC
 * is outside the cluster's load balancer) https://learn.microsoft.com/azure/aks/load-balancer-standard */
const lbFrontendSaid = (s: Seen): boolean => !!s.intent.frontendIps?.some((ip) => !s.intent.elsewhereIps?.includes(ip));

/** "app gateway aks-agw - backend pods?", "the ingress LB: its backends?": the backends asked of a way in said by its
 * kind or by a name with its kind in it are its backend pool, when no flow through it is followed
 * https://learn.microsoft.com/azure/application-gateway/application-gateway-components#backend-pools */
const WAY_IN_KIND = /\b(lbs?|load ?balancers?|app(lication)? ?gateways?|app ?gws?|agic|agc)\b/;
const BACKENDS_OF = /\bback[ -]?ends?( pods?| pools?| members?| targets?| servers?)?\b/;
// ("the application gateway — which pods is it sending traffic to?", "which pods sit behind the app gateway?": the
// pods it sends to, said in words, are its backends)
const PODS_IT_FEEDS = new RegExp(
  // ("which backend pods does it spread requests over?": the pods said as its backends)
  String.raw`\b(which|what) (back[ -]?end )?pods?\b[^.?!]{0,40}\b(send(s|ing)?|forward(s|ing)?|rout(e|es|ing)|` +
    String.raw`balanc(e|es|ing)|` +
    String.raw`spread(s|ing)?|distribut\w*)( the| its)?( traffic| requests?)? (to|over|across)\W*$|` +
    String.raw`\b(which|what) pods? (sit|sits|are|is|live|lives) behind\b`,
);
function wayInBackends(s: Seen): boolean {
  const wayIn = WAY_IN_KIND.test(s.t) || s.intent.names.some((n) => WAY_IN_NAME.test(n));
  return (
    wayIn &&
    ((BACKENDS_OF.test(s.t) && !FLOW_FOLLOWED.test(s.t)) || PODS_IT_FEEDS.test(s.t)) &&
    !s.both.length &&
    !comesIn(s.t) &&
    !/\bhow\b/.test(s.t)
  );
}

const LB_GONE_THROUGH = /\b(through|via|over|using|behind|by) (which|what) (azure )?(load ?balancers?|lbs?)\b/;
const LB_PROBE_ASKED =
  /\b(what|which|how)\b[^.?!]{0,30}\b(?<!(readiness|liveness|startup) )(health ?checks?|health ?probes?|probes?)\b/;
const FRONTEND_OR_LB = /\b(frontends?|lbs?|load ?balancers?|azure)\b/;

/** The top family when it clearly wins; otherwise the close ones (up to three), to be offered as buttons. */
export function choose(scores: Scores, evidence: string[]): { kind: IntentKind | 'unknown'; close?: IntentKind[] } {
  const kind = topKind(scores);
  if (kind === 'unknown') return { kind };
  const settled = settles(evidence);
  const ranked = (Object.entries(scores) as [IntentKind, number][])
    .filter(([k]) => k !== 'help')
    .sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  // policy and east-west answer the same pair (the verdict is on the path): a tie between them needs no asking
  const samePair = [first?.[0], second?.[0]].every((k) => k === 'policy' || k === 'east-west');
  if (settled || kind === 'help' || !second || samePair || first[1] - second[1] >= MARGIN) return { kind };
  const tied = ranked.filter(([k, v]) => k !== kind && first[1] - v < MARGIN).map(([k]) => k);
  return { kind: 'unknown', close: [kind, ...tied].slice(0, 3) };
}
