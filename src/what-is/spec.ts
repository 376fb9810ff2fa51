import type { IntentSpec } from '../family';
import { IP_PATTERN, IPV6_PATTERN } from '../nlu/patterns';

// an IPv6 address is asked about the same ways (the answer says the cluster has none)
const IP = `(?:${IP_PATTERN}|${IPV6_PATTERN})`;

export const spec: IntentSpec<'what-is'> = {
  kind: 'what-is',
  title: 'What an IP address is (pod, Service, node, LB frontend, public IP)',
  triggers: [
    new RegExp(String.raw`\b(what|who|which)('s| is| owns| uses| has)\b.{0,25}${IP}`),
    new RegExp(String.raw`^\s*(whatis|what-is|whois)\s+${IP}`),
    new RegExp(String.raw`^\s*${IP}\s*\??\s*$`),
    new RegExp(String.raw`${IP}\b.{0,20}\b(belong|is it|owned)`),
    // ("proxy logs show sqlapi-ep-….azurefd.net — is that ours, and where does it point?": whose a host said is)
    [/\bis (that|this|it) (really )?(one of )?(ours|us)\b/, 2],
    new RegExp(String.raw`^(?=.*${IP})(?=.*\b(what is it|who owns|whose|what's that|what is that|who is that)\b)`),
    /\bwhat('s| is) (this|that) (ip|address)\b/,
    // "… sqlapi-ep-….azurefd.net in their browser console — what exactly is that host?": a host said, then asked what
    // it is: the resource that holds the name (https://learn.microsoft.com/azure/frontdoor/endpoint)
    [/\bwhat('s| (exactly |actually |really )?is) (this|that) (host|hostname|endpoint|domain|fqdn)\b(?!['’]s)/, 2],
    // "<pasted az public-ip list> what uses this one?", "… is that your cluster and what uses it?": the one address
    // said, pointed back at, asked what uses or owns it
    [
      new RegExp(
        String.raw`^(?=.*${IP})(?=.*\b(what|who) (uses|owns|is using) (it|this|that)( one| ip| address)?\s*[?!.]*\s*$)`,
      ),
      2,
    ],
    // "which pod is 10.244.1.50?", "51.104.20.30 ist welche Ressource?", "… 20.31.44.1 in partner log, ours?"
    new RegExp(String.raw`\b(which|what) (pod|node|service|resource|vm|machine|thing|one|object)s? (is|was|has) ${IP}`),
    [new RegExp(String.raw`${IP}\s+(is|ist|es|est|é)\s+(which|what|welche\w*|was|quel\w*|qu[eé]|cu[aá]l)\b`), 2],
    // 'Fwd: customer says "we see scans from 20.31.46.88, is that you?"': someone outside asking us whether an address
    // is ours
    [new RegExp(String.raw`^(?=.*${IP})(?=.*\bis (that|this|it) (you|you guys|y'all)\b)`), 2],
    // "… confirm whether the address is ours": the same asked at the end of a sentence
    new RegExp(String.raw`^(?=.*${IP})(?=.*\b(is (it|this|that|the (ip|address)) )?ours\s*(\?|[.!]*\s*$))`),
    // "is 20.31.46.20 our load balancer or something else?", "… — master egress or something else?": an address said,
    // then asked whether it is one thing or another
    [new RegExp(String.raw`^(?=.*${IP})(?=.*\bor (something|someone|anything) else\s*[?!.]*\s*$)`), 2],
    // "què es 10.0.201.17?": a short question that is an address and a word or two of any language
    new RegExp(String.raw`(^|[.?!]\s)(\S+\s){1,2}${IP}\s*\?`),
    // "20.50.61.11 shows up in the partner's logs — which of our resources is that?"
    new RegExp(String.raw`^(?=.*${IP})(?=.*\b(which|what) (of our |one of our )?(resources?|things?|objects?)\b)`),
    /^\s*(whatis|what-is|whois)\s*$/,
    // "10.100.0.4 — which box is that, and in which subscription?": the address, then what kind of thing it is
    [
      new RegExp(
        String.raw`${IP}\s*[-—–:,]*\s*(which|what) (box|machine|vm|device|host|server|resource|thing|appliance) ` +
          String.raw`(is|was) (it|that|this)\b`,
      ),
      2,
    ],
    // "an IP 10.100.0.4 in our route table and nobody knows what it is", "unknown IP … — identify"
    new RegExp(String.raw`^(?=.*${IP})(?=.*(\bwhat (it|that|this)( ip| address)? is\b|\bidentify\b))`),
    // an address said, then asked to match something: "10.100.0.4 = hub-fw private ip?", "is 20.31.46.88 the ingress or
    // the LB?", "is that AGC or something of ours?", "whether it corresponds to one of our workloads"
    [new RegExp(String.raw`${IP}\s*(=|==|equals?)\s*[^=?\n]{1,40}\?`), 2],
    [new RegExp(String.raw`\bis ${IP} (the |a |an |our )?[\w -]{1,30}\bor\b`), 2],
    [
      new RegExp(
        String.raw`^(?=.*${IP})(?=.*(\bis (it|that|this|the (ip|address)) [\w -]{1,30}\bor\b|` +
          String.raw`\b(corresponds?|maps?|belongs?|matches?|points?) to ` +
          String.raw`(one of |any of |some of )?(our|ours|a|an)\b|` +
          String.raw`\bsomething (of ours|we own|we run|of our own)\b))`,
      ),
      2,
    ],
    // "is 10.100.2.4 like the DNS on our LPAR? what role does it play for this cluster?": what an address is for
    [
      new RegExp(
        String.raw`^(?=.*${IP})(?=.*\bwhat (role|part|job|purpose) does (it|this|that)( ip| address)? ` +
          String.raw`(play|have|serve)\b)`,
      ),
      2,
    ],
    // "<pasted traceroute> who is hop 2?": what the address on that hop's line is
    [/\b(what|who|which)('s| is)( the)? hop \d{1,2}\b/, 2],
    // "is fe80::1 or 2001:db8::10 used anywhere here?": whether something uses the address, the same as who uses it
    [new RegExp(String.raw`\bis ${IP}( or ${IP})? (used|in use|assigned)\b`), 2],
  ],
  examples: ['what is 10.129.2.7?', 'who owns 20.105.84.161', 'whatis 172.30.138.47'],
  command: 'whatis <ip>',
};
