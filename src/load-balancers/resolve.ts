// Which load balancers the question is about: all, or one it names.
import type { Ctx, Noted } from '../family';
import type { Intent } from '../nlu/parse';
import { WHAT_DOES } from '../nlu/roles';
import type { PathResult } from '../path/result';
import { escapeRe } from '../regex';
import { SNAT_QUESTION } from '../snat/question';
import { SNAT_BUDGET, SNAT_SHORT } from './spec';

export interface LbSubjects extends Noted {
  /** names that narrow the answer when one of them is a load balancer */
  pick: string[];
  /** a name given as a load balancer's ("load balancer X", "lb X"): it must be one */
  explicit?: string;
  /** an address said as what the pods sit behind ("which pods sit behind 20.31.77.5"): its load balancer's */
  behind?: string;
  /** addresses the question gives ("our UDR sends everything to 10.110.0.68. what's behind that load balancer?"):
   * the load balancer whose frontend holds one is the one asked, wherever it is */
  at?: string[];
  /** the load balancer asked is the one in front of network virtual appliances ("the internal LB in front of the
   * firewall NVAs"): an internal one outside the node resource group */
  nva?: boolean;
  /** the one in front of the NVAs asked for as well as the cluster's ("the LBs, the NVA one too"): all are listed */
  nvaToo?: boolean;
  /** a Service said as what the load balancer is for ("the load balancer for the payments service") */
  service?: string;
  /** a SNAT usage question ("are we running out of SNAT ports?"): ports per node, use at peak, failures */
  snat?: boolean;
  /** an Application Gateway asked with (or as) the load balancers ("list our LBs incl. the app gateway"): listed
   * after them with the pods it sends to */
  gateways?: boolean;
}

// never the end of a name ("aro2-p8bjm-public-lb aro2-resources" in a pasted table)
// ("load balancer 'lb-public-02' rules?": the name may be quoted)
// ("the LB called lb-legacy-01": or after the word that names it)
const AFTER_LB =
  /(?<![\w-])(?:load[- ]?balancers?|lbs?)\s+(?:(?:called|named)\s+)?['"‘’“”`]?([a-z0-9][a-z0-9.-]*[a-z0-9])\b/;
// "is the 'payments-lb' load balancer healthy?": a name quoted before the word names it as well
const QUOTED_BEFORE_LB = /['"‘“`]([a-z0-9][a-z0-9.-]*[a-z0-9])['"’”`]\s+(?:load[- ]?balancers?|lbs?)\b/;
// "lbi-nva backends?", "what's behind the lb-partners load balancer?": a name in Azure's abbreviation for a load
// balancer (lbi- internal, lbe- external, lb-) is one's
// https://learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/resource-abbreviations
// (never a ticket key: "LB-03", "LB-REVIEW: …")
// ("backends for the payments-lb": the abbreviation as the last part of a name said with "the", as ARO names its own
// aro2-p8bjm-internal-lb; never a cluster said by a place, "snat ports on aks-lb")
const LB_NAME =
  /(?<![\w.-])(lb[ie]?-(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]*[a-z0-9]|(?<=\bthe )[a-z][a-z0-9-]*-i?lb)(?![\w-]|:)/;
// ("the ILB in the hub that our 0/0 route points at": a load balancer in the hub, or one a route's next hop is, fronts
// the appliances the spoke's default route sends to
// https://learn.microsoft.com/azure/architecture/networking/guide/network-virtual-appliance-high-availability)
const NVA_SAID = new RegExp(
  String.raw`\b(nvas?|network virtual appliances?|(firewall|security) appliances?)\b|` +
    String.raw`\b(internal )?(lb|load balancer)s? in (the|our) hub\b|\bhub(['’]s)? internal (lb|load balancer)s?\b|` +
    String.raw`\b(0\/0|0\.0\.0\.0\/0|default|udr)( route)? (points?|sends?|goes|leads) (at|to)\b|\bnext hop\b`,
);
// "show me the load balancers, the NVA one in the hub too": the NVAs' load balancer asked for besides the others
// https://learn.microsoft.com/azure/architecture/networking/guide/network-virtual-appliance-high-availability
const ALSO_SAID = /\b(load[- ]?balancers|lbs)\b.*\b(too|also|as well|including|incl|plus|besides)\b/;
const BEHIND_IP = /\bbehind (?:the )?(?:ip |address )?(\d{1,3}(?:\.\d{1,3}){3})\b/;

// "the load balancer for the payments service", "the LB in front of the web svc": a LoadBalancer Service's frontend
// is on the cluster's load balancer https://learn.microsoft.com/azure/aks/load-balancer-standard
// ("which LB fronts the bookings service?": the Service said as the one it fronts or serves)
const FOR_SERVICE = new RegExp(
  String.raw`\b(?:load[- ]?balancers?|lbs?)\s+(?:for|of|in front of|behind|used by|fronts|fronting|serves|serving|` +
    String.raw`sits in front of|is in front of)\s+(?:the\s+)?` +
    // (never a word that points: "in front of this service")
    String.raw`(?!(?:this|that|these|those|our|my|your|its|their|each|every|a|an|any)\s)` +
    // ("fronts the `harvest-bookings` service": the name may be quoted)
    String.raw`['"‘“\`]?([a-z0-9][a-z0-9-]*)['"’”\`]?\s+(?:service|svc)\b`,
);

const CLUSTER_NAMED = /\bcluster\s+([a-z0-9][a-z0-9.-]*[a-z0-9])\b/g;
const CLUSTER_DESCRIBED = /\b(?:the|this|our|that|my|your)\s+([a-z0-9][a-z0-9.-]*[a-z0-9])\s+cluster\b/g;
// "aro2-p8bjm's load balancers", "the LBs that belong to aro2-p8bjm": a name said as the owner of load balancers (in
// the plural) is the cluster's, never one load balancer of that name
// (the owner's "'s" may already be dropped: "aro2-p8bjm load balancers")
const OWNER_OF_LBS = /\b([a-z0-9][a-z0-9.-]*[a-z0-9])(?:['’]s)?\s+(?:load[- ]?balancers|lbs)\b/g;
const LBS_OWNED = new RegExp(
  String.raw`\b(?:load[- ]?balancers|lbs)\s+(?:that\s+|which\s+)?(?:belong(?:s|ing)?\s+to|owned\s+by|of)\s+` +
    String.raw`(?:the\s+)?([a-z0-9][a-z0-9.-]*[a-z0-9])\b`,
  'g',
);

// an Application Gateway (AGIC) balances HTTP to the pods itself: asked with the load balancers, it is listed too
// https://learn.microsoft.com/azure/application-gateway/ingress-controller-overview
// (and Application Gateway for Containers and Azure Front Door: ways in that proxy to the pods or to the way in
// themselves https://learn.microsoft.com/azure/application-gateway/for-containers/overview)
const GATEWAY_SAID = /\b(app(lication)?[ -]?gateways?|appgw|agw|agic|agc|gateways|front ?doors?|afd)\b/;

const PLURAL_REF = /\b(these|those|them|they|each( one)?|all( of them)?)\b/;

/** The SNAT allocation asked as a count or a room to grow: "how many outbound ports does each node get", "0 ports
 * allocated?? how many…", "outbound SNAT ports, room to scale workers?", "are we at the SNAT limit?" */
const SNAT_ALLOCATION = new RegExp(
  String.raw`\bhow many (snat |outbound |source )?ports?\b.{0,40}\b(nodes?|instances?|vms?|backends?|workers?)\b|` +
    String.raw`\bhow many (snat|outbound) ports?\b|\bports? allocated\b|\bsnat limits?\b|` +
    String.raw`\b(capacity|room|headroom|scale|scaling)\b.{0,40}\b(snat|outbound) ports?\b|` +
    String.raw`\b(snat|outbound) ports?\b.{0,40}\b(room|headroom|capacity|scale|scaling)\b`,
);

const serviceWordAfter = (text: string, name: string): boolean =>
  new RegExp(String.raw`(^|[^\w-])${escapeRe(name)}['"’”\x60]?\s+(service|svc)\b`, 'i').test(text);

/** "which LB is the membership-cards service published on?": the one name said with "service" after it */
function serviceSaid(intent: Intent): string | undefined {
  // (the word "service" itself after the name: "the nginx LB", "lb list" type a Service by the LB word, no name said)
  const said = (intent.typed ?? [])
    .filter((t) => t.after && /^(service|svc)$/.test(t.type) && serviceWordAfter(intent.text, t.name))
    // (a Service of ours is found by its entities)
    .filter((t) => !(intent.entities ?? []).some((e) => e.text === t.name))
    .map((t) => t.name);
  return said.length === 1 ? said[0] : undefined;
}

export async function resolve(intent: Intent, _ctx: Ctx): Promise<LbSubjects | PathResult> {
  // "lb X", "what does X do?": the name must be a load balancer's
  const said = [AFTER_LB, QUOTED_BEFORE_LB, LB_NAME].map((re) => re.exec(intent.text)?.[1]);
  const explicit = [...said, WHAT_DOES.exec(intent.text)?.[3]].find((n) => n && intent.names.includes(n));
  // "<pasted list of load balancers> what are these used for?": the question is about every one listed, not the first
  const several = intent.names.length > 1 && PLURAL_REF.test(intent.asking ?? intent.text) && !explicit;
  // "LB inventory for ARO cluster aro2-p8bjm": a name said as the cluster's asks for the cluster's load balancers, all
  // of them, though one of them may carry the same name
  // ("which LBs does the nva cluster have?": a word said before "cluster" says which cluster, never an LB)
  const clusters = [CLUSTER_NAMED, CLUSTER_DESCRIBED, OWNER_OF_LBS, LBS_OWNED].flatMap((re) =>
    [...intent.text.matchAll(re)].map((m) => m[1]),
  );
  const asked = intent.text.replace(CLUSTER_DESCRIBED, ' ');
  const pick = intent.names.filter((n) => n === explicit || !clusters.includes(n));
  return {
    pick: several ? [] : pick,
    explicit,
    behind: BEHIND_IP.exec(intent.text)?.[1],
    at: !explicit && intent.ips?.length ? intent.ips : undefined,
    service: FOR_SERVICE.exec(intent.text)?.[1] ?? serviceSaid(intent),
    nva: NVA_SAID.test(asked) || undefined,
    nvaToo: (NVA_SAID.test(asked) && ALSO_SAID.test(asked)) || undefined,
    snat: [SNAT_QUESTION, SNAT_BUDGET, SNAT_SHORT, SNAT_ALLOCATION].some((r) => r.test(intent.text)) || undefined,
    gateways: GATEWAY_SAID.test(intent.text) || undefined,
  };
}
