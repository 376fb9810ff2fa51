import type { IntentSpec } from '../family';
import { SNAT_PORTS, SNAT_QUESTION } from '../snat/question';

/** The SNAT budget asked another way: "hit the SNAT port limit", "how many snat ports in total", "snat alloc". */
export const SNAT_BUDGET = new RegExp(
  String.raw`\bsnat ports?\b.{0,40}\b(limits?|total|budget|enough|headroom)\b|` +
    String.raw`\bhow many snat ports?\b|\bsnat (port )?alloc(ation)?s?\b|` +
    // ("NAT gateway SNAT: how many ports in total, close to the limit?": SNAT said as the topic, its ports counted
    // after it https://learn.microsoft.com/azure/nat-gateway/nat-gateway-snat)
    String.raw`\bsnat\b[^?!]{0,20}\b(how many|total( number of)?) ([\w-]+ )?ports?\b|` +
    String.raw`\bsnat\b[^?!]{0,40}\bports?\b[^?!]{0,40}\b(limits?|total|budget|headroom|cap)\b|` +
    // ("if we add a 5th node will it get any outbound ports?": the ports a node is allocated, the same budget
    // https://learn.microsoft.com/azure/load-balancer/outbound-rules#snatports)
    String.raw`\b(nodes?|instances?|vms?)\b[^?!.]{0,40}\b(get|gets|receive|receives|be (allocated|given)|have) ` +
    String.raw`(any |enough |its |their |some )?(own )?(snat|outbound|source) ports?\b|` +
    // "outbound ports per instance", "snat ports each node gets": the allocation per backend instance
    String.raw`\b(snat|outbound) ports?\b.{0,30}\b(per|each|every) (instance|node|vm|backend)\b`,
);

/** SNAT ports said as a limit hit: "running short of SNAT ports", "some port limit on the load balancer", the kernel's
 * "cannot assign requested address" when no source port is left */
export const SNAT_SHORT = new RegExp(
  String.raw`\b(run(ning)?|ran) (short|low) (of|on) (snat |outbound |source )?ports?\b|` +
    String.raw`\bport (limits?|exhaustion)\b.{0,30}\b(load ?balancer|lb|nat gateway)\b|` +
    String.raw`\b(load ?balancer|lb)\b.{0,20}\bport (limits?|exhaustion)\b|` +
    String.raw`\bhow are (the )?(snat |outbound )?ports used\b|` +
    // "are we at the SNAT limit", "close to the outbound port cap"
    String.raw`\b(at|near|hit(ting)?|reach(ed|ing)?|over|close to) (the |our )?(snat|outbound port) ` +
    String.raw`(limits?|cap|ceiling|max(imum)?)\b`,
);

export const spec: IntentSpec<'load-balancers'> = {
  kind: 'load-balancers',
  title: 'Which load balancers there are, what each does, and their SNAT port use',
  // a SNAT usage question is answered per outbound load balancer (and NAT gateway)
  triggers: [
    /\bload[- ]?balancers?\b/,
    /\blbs?\b/,
    // "what's the VIP config on aro2-p8bjm-internal?": a VIP's settings are its load balancer's frontends and rules
    [/\b(vips?|virtual ips?) (config|configuration|settings|setup)\b/, 2],
    // "which balancers are in front of web": the load balancers, said short
    /\bbalancers?\b/,
    [SNAT_QUESTION, 2],
    SNAT_PORTS,
    [SNAT_BUDGET, 2],
    [SNAT_SHORT, 3],
    // "I'd like a list of the load balancers": the list asked for, whatever traffic is said around it
    [/\b(a |the )?list of (the |our |all )?(azure )?(load ?balancers|lbs)\b/, 2],
    // "the web LB vs the nginx LB — differences in traffic policy?": a load balancer's traffic policy is its Service's
    // externalTrafficPolicy, never a NetworkPolicy
    // https://kubernetes.io/docs/reference/networking/virtual-ips/#traffic-policies
    [
      new RegExp(
        String.raw`\b(lbs?|load ?balancers?)\b.{0,60}\btraffic polic(y|ies)\b|` +
          String.raw`\btraffic polic(y|ies)\b.{0,60}\b(lbs?|load ?balancers?)\b`,
      ),
      3,
    ],
    // "which backend pools and which nodes are in them?": the pools are the load balancer's own configuration
    // https://learn.microsoft.com/azure/load-balancer/backend-pool-management
    // ("aksOutboundBackendPool": AKS names its outbound pool so https://learn.microsoft.com/azure/aks/load-balancer-standard)
    [/\b([a-z0-9-]*backend ?pools?|backend address pools?)\b/, 2],
    // "app gateway backend: which pods get its traffic?": an Application Gateway's (or a load balancer's) backends are
    // its pools https://learn.microsoft.com/azure/application-gateway/application-gateway-components#backend-pools
    [/\b(app(lication)? ?gateway|appgw|agw|lbs?|load ?balancers?)('s)? backends?\b/, 2],
    // "who is behind the load balancer frontend of the router?": the frontend and its backends are the load
    // balancer's own https://learn.microsoft.com/azure/load-balancer/components
    [/\b(who|what)('s| is| are|s)? (sits? )?behind (the |this |that |our )?(lb|load ?balancer)\b/, 2],
    // "lbi-nva backends?": a load balancer named in Azure's abbreviation (lbi-, lbe-, lb-), asked about its parts
    // https://learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/resource-abbreviations
    [
      new RegExp(
        String.raw`(?<![\w.-])lb[ie]?-(?=[a-z0-9-]*[a-z])[a-z0-9][\w-]*(?!:).{0,30}` +
          String.raw`\b(backends?|frontends?|pools?|rules?|probes?|nics?|behind)\b`,
      ),
      2,
    ],
  ],
  examples: [
    'which load balancers are there?',
    'what does load balancer aro2-p8bjm-internal do?',
    'lbs',
    'are we running out of SNAT ports?',
  ],
  command: 'lbs [<name>]',
};
