import type { IntentSpec } from '../family';

export const spec: IntentSpec<'egress'> = {
  kind: 'egress',
  title: 'Public egress IP of a pod, and its SNAT budget',
  triggers: [
    // terse: "db-0 out ip?", "api outgoing address"
    // "what source do the upstream resolvers see?": a server outside the cluster sees the pods' egress address
    // https://learn.microsoft.com/azure/aks/egress-outboundtype
    [
      new RegExp(
        String.raw`\bwhat (source|ip|address)( ip| address)? (do|does|will|would) (the )?` +
          String.raw`(upstream|external|outside|remote|public|internet|third[- ]party|partner'?s?)\b`,
      ),
      4,
    ],
    /\b(out|outgoing|exit) (ips?|address(es)?)\b/,
    /\b(public|egress|outbound|outgoing|exit|external|snat|nat(ted)?)\b.{0,40}\b(ip|ips|address|addresses)\b/,
    /\bsource\b.{0,20}\b(ip|address)\b.{0,40}\b(internet|outside|world|remote)\b/,
    /\b(egress|outbound|snat)\b/,
    // ("where's the outbound NAT for api, the natgw?": the NAT a workload goes out through
    // https://learn.microsoft.com/azure/nat-gateway/nat-overview)
    [/\b(outbound|egress|source) nat\b.{0,20}\bfor\b/, 2],
    // "… follow 0/0 → 10.100.0.4? public src?": the public address it leaves with, asked short
    [/\bpublic (src|source)( ip| address)?\s*\?/, 2],
    /\b(leave|leaves|leaving|go(es)? out|get(s)? out|exit(s)?)\b.{0,40}\b(internet|cluster|world|outside)\b/,
    /\b(internet|outside world)\b.{0,30}\b(ip|address|as)\b/,
    /\bip\b.{0,40}\b(internet|outside)\b/,
    /\bwhich ip\b.{0,60}\b(go|goes|leave|leaves|exit|use|uses|reach|comes? from)\b/,
    // "the ip my web pod uses to call stripe": the address a workload calls out with
    [/\b(ip|address)\b.{0,30}\buses? to (call|reach|hit|talk to|connect to)\b/, 2],
    /\bip\b.{0,40}\bnat\b/,
    /\b(hit|hits|reach|reaches|call|calls) the internet\b/,
    // "can't reach anything on the internet … does it even have a way out?"
    // ("and server-1-ppl25, same way out?": one workload's way out compared with the one asked before
    // https://learn.microsoft.com/azure/aks/egress-outboundtype)
    [
      /\b(have|has|got|any|its|a|the|same|which|what) way out\b|\b(anything|something|sites?|hosts?) on the internet\b/,
      2,
    ],
    [/\b(get|gets|talk|talks|reach|reaches|go|goes|going) (out )?(to )?(the )?(public )?(internet|outside world)\b/, 2],
    // "where does web's internet traffic go?": a workload's traffic to the Internet is its way out (never traffic
    // said coming in) https://learn.microsoft.com/azure/aks/egress-outboundtype
    [/(?<!\b(inbound|incoming) )\b(internet|outbound|outgoing) traffic\b(?! (comes?|coming|arriv\w*|into|in)\b)/, 2],
    // ("db-0 can't open anything on 10.20.1.5 … where does that traffic go?": where a workload's traffic goes is its
    // way out, by the node's routes https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview)
    [/\bwhere (does|do|did|will) (that|this|the|its|their|his|her) (traffic|packets?|connections?) (go|end up)\b/, 2],
    // "goes out via the load balancer": the device said as the way out (an outbound rule, a NAT gateway, a firewall)
    // https://learn.microsoft.com/azure/aks/egress-outboundtype
    new RegExp(
      String.raw`\b(go|goes|going|gets?|leaves?) out (via|through|over|by) (the |an? |our )?` +
        String.raw`(load ?balancer|lb|nat ?gateway|nat gw|firewall)\b`,
    ),
    // "going to the internet with the same IP as the web pods?": one workload's way out compared with another's
    [
      new RegExp(
        String.raw`\b(internet|outside|out)\b.{0,30}\bsame (public |egress |outbound |source )?(ip|address) ` +
          String.raw`(as|like)\b|\bsame (public |egress |outbound |source )?(ip|address) (as|like)\b.{0,30}` +
          String.raw`\b(internet|outside|out)\b`,
      ),
      3,
    ],
    // "out to the internet", but "exposed to the internet" is the way in
    [
      new RegExp(
        String.raw`(?<!\b(exposed|open|opened|visible|accessible|reachable) )` +
          String.raw`\b(to|towards?|into|onto) (the )?(public )?(internet|outside world)\b`,
      ),
      2,
    ],
    /\b(leave|leaves|exit|exits)\b.{0,20}\b(with|as|towards|to)\b/,
    // "list all the source IPs this cluster can leave from": the addresses traffic leaves with, the cluster's way out
    // https://learn.microsoft.com/azure/aks/egress-outboundtype
    [/\b(source|public|outbound|egress) (ips?|address(es)?)\b.{0,30}\b(leave|leaves|exit|exits|go(es)? out) from\b/, 2],
    /\b(leave|leaves|leaving|go(es)? out|exits?)\b.{0,30}\b(via|through)\b/,
    /\binternet[- ](traffic|bound|access|calls?)\b/,
    // "where does this pod go out?": where it leaves, not where it runs
    [/\bwhere\b.{0,40}\b(go(es)? out|leaves?|exits?|gets? out|(get|gets|is|are) s?nat+ed|translated)\b/, 2],
    [/\b(leave|leaves|leaving|exits?) (the|their|its) (node|nodes|vnet|virtual network)\b/, 2],
    [
      new RegExp(
        String.raw`\b(internet|outside world|remote (side|end|server)|provider|partner|vendor|third[- ]party|` +
          String.raw`external (service|api|server)s?)\b.{0,30}\bsees?\b`,
      ),
      2,
    ],
    // "which IP do they see from the web pods?": the far end, said as "they", sees the address our pods leave with
    [/\b(which|what) (public |source )?(ips?|address(es)?) (do|will|would|should|did) they (see|get)\b/, 2],
    // "which address do they have to allow-list?": the address a far end lets in is the one our pods leave with
    // (who lets it in may be described between: "which IPs does our customer (the … vendor) have to allowlist?")
    [/\b(which|what) (public |source |egress |outbound )?(ips?|address(es)?)\b.{0,80}\b(allow|white)[- ]?list/, 2],
    // ("which addresses should the uni allow?": a far end that filters on source lets our way-out addresses in; never
    // our own rules: "which IPs should the netpol allow?") https://learn.microsoft.com/azure/aks/egress-outboundtype
    [
      new RegExp(
        String.raw`\b(which|what) (public |source |egress |outbound )?(ips?|address(es)?) ` +
          String.raw`(should|must|do|does|will|would|need|needs|have|has)( to)? ` +
          // ("which IPs must the bowling alley scoring vendor allow?": the far end may be described in a few words)
          String.raw`(they|it|(the|their) ((?!(net ?pol|polic|nsg|asg|firewall|fw|rule|acl|pods?\b|nodes?\b)\w*)` +
          String.raw`[\w-]+ ){0,3}(?!(net ?pol|polic|nsg|asg|firewall|fw|rule|acl|pods?\b|nodes?\b)\w*)[\w-]+)` +
          String.raw`( have to| need to)? (allow|permit|accept|let in)\b|` +
          // ("full list of source IPs the payment processor should allow from us?": the far end said before its verb)
          String.raw`\b(which|what|list of|all( of)?( the)?) (public |source |egress |outbound )?(ips?|address(es)?) ` +
          String.raw`(that )?(the|their) ` +
          String.raw`((?!(net ?pol|polic|nsg|asg|firewall|fw|rule|acl|pods?\b|nodes?\b)\w*)[\w-]+ ){1,4}` +
          String.raw`(should|must|will|would|needs? to|ha(s|ve) to) (allow|permit|accept|let in)\b`,
      ),
      2,
    ],
    // "forced tunnel or straight out via the LB?": internet-bound traffic sent on to the on-premises network instead of
    // out directly https://learn.microsoft.com/azure/vpn-gateway/about-forced-tunneling
    [/\bforced?[- ]tunnel\w*|\bstraight out\b|\bout directly\b|\bdirectly out\b/, 2],
    // "curl ifconfig.me from inside web would print what?": a what's-my-IP service answers with the address a pod
    // leaves with
    [/\b(ifconfig\.(me|co|io)|ipinfo\.io|icanhazip\.com|(api\.)?ipify\.org|checkip\.[\w.]+|ident\.me)\b/, 3],
  ],
  examples: [
    "what's the public IP of pod sqlapi?",
    'egress ip for sqlapi-1-8jgx8 in project1',
    'which IP does sqlapi go out to the internet with?',
  ],
  command: 'egress <pod> [-n <namespace>] [to <ip>]',
};
