import type { IntentSpec } from '../family';

export const spec: IntentSpec<'dns'> = {
  kind: 'dns',
  title: 'What a name resolves to inside the cluster',
  triggers: [
    // "what would web.shop resolve to inside the cluster?": resolving outweighs the place it is asked about
    [/\bresolv(e|es|ed|ing)\b/, 2],
    /\b(nslookup|dig)\b/,
    /\bdns\b(?!-)/,
    /\b(a|aaaa|cname|dns) records?\b/,
    /\b(what|where|which) (ip |address )?(does|do|is)\b.{0,60}\bpoint(s|ing)?\b/,
    /\bcname\b/,
    // "<fqdn> -> ip?": which address a name stands for
    [/(->|→)\s*(ip|ips|address|addresses)\s*[?!.]*\s*$/, 2],
    // "what IP does that name turn into?", "which address does the hostname map to?": a name becoming an address
    [/\b(host ?name|name)s?\b.{0,20}\b(turns?|translates?|maps?|becomes?|converts?) (in)?to\b/, 2],
    // "where do its DNS queries go", "dns path of web", "how does name lookup work": the pod's way to a resolver
    [/\b(dns|name) (quer(y|ies)|requests?|lookups?|resolution|path|traffic|servers?|resolvers?|config\w*)\b/, 2],
    // "do DNS queries from api to the internet go out through the NAT gateway?": the queries' own way out is the DNS
    // path (the resolver that forwards them leaves the cluster, not the pod)
    [/\bdns (quer(y|ies)|lookups?|requests?|traffic)\b.{0,60}\b(go(es)?|leaves?|exits?|goes) out\b/, 3],
    [/\bresolvers?\b|\bname ?servers?\b|\bresolv\.conf\b/, 2],
    // "resolution path for <host> from a pod", "lookup chain of …": the way a name is resolved, "dns" left unsaid
    [/\b(resolution|lookup) (path|chain|flow)s?\b/, 3],
    // "does the short name 'api' work from ingress-nginx?": a name's search-list expansion is the resolver's
    // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services
    [/\b(short|fully[- ]qualified|bare) (host ?|service |dns )?names?\b|\bfqdns?\b|\bsearch (domains?|list)\b/, 2],
    // "does plain 'api' work as a name from ingress-nginx?": a word used as a name is a lookup
    [/\b(works?|resolves?|usable|valid) as (a |an )?(host ?|dns |short |service )?names?\b/, 2],
    // "how does api find db?": a workload finding another is service discovery, by the Service's DNS name
    // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
    // ("explain how sqlapi finds server.project1.svc…": asked indirectly, with no "does")
    [/\bhow ((do|does|will|would|can) )?(?!(i|we|you|u)\b)[\w-]+( pods?)? (find|locate|discover)s? (the )?[\w-]+/, 2],
    // "does dns from api go through the firewall or stay inside": the DNS traffic's own way
    [/\bdns\b.{0,30}\b(go(es)?|stays?|leaves?|pass(es)?|travels?|flows?|routed)\b/, 2],
    // "where do its lookups end up?": the pod's queries, to its resolver
    // ("… via login.microsoftonline.com — where does that lookup end up?": the lookup pointed back at)
    [
      new RegExp(
        String.raw`\b(its|their|the|my|our|that|this|those|these) (dns )?(lookups?|quer(y|ies)) ` +
          String.raw`(go|goes|end up|ends up|are sent|lands?)\b`,
      ),
      2,
    ],
    // "which coredns pods answer its lookups?", "ok so dns. api. who answers its lookups": the pod's resolver
    // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
    [/\b(answers?|serves?|handles?) (its|their|those|these|that|this|my|our) (dns )?(lookups?|quer(y|ies))\b/, 3],
    // "where queries for public names are sent": names looked up, said as queries
    [/\bquer(y|ies) for [a-z ]{0,20}names\b/, 2],
    // "the api pod's lookups of external names": a pod's lookups of names in general
    [/\b(lookups?|quer(y|ies)|resolution) (of|for) (external |public |outside |internet |other )?(host ?)?names\b/, 2],
    // "resolv path, coredns → 10.100.2.4?": the way a name is resolved, said short
    // and "web-… lookup path: kube-dns → coredns → 168.63.129.16?"
    [/\b(resolv(e|ing|ution)?|look ?up) (path|chain|flow|order)\b/, 2],
    [/\bhow (do|does) (the )?(dns |name )?look ?ups? work\b|\blook ?ups? work\b/, 2],
    // "legacy-0 skips CoreDNS and asks 10.100.2.4", "our legacy pod bypasses CoreDNS": a pod whose dnsPolicy or
    // dnsConfig sends lookups past the cluster DNS
    // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config
    [
      /\b(skips?|skipping|bypass(es|ing)?|go(es)? around|avoids?) (the )?(coredns|kube-dns|dns-default|cluster dns)\b/,
      3,
    ],
    // "where does coredns forward that to": the cluster DNS and its upstream
    [
      new RegExp(
        // (OpenShift's cluster DNS runs as dns-default: https://docs.openshift.com/container-platform/4.16/networking/dns-operator.html)
        String.raw`\b(coredns|kube-dns|dns-default|node-local-?dns)\b.{0,40}\b(forward\w*|upstream|send\w*)\b|` +
          String.raw`\b(forward\w*|upstream)\b.{0,40}\b(coredns|kube-dns|dns-default|node-local-?dns)\b`,
      ),
      2,
    ],
    // "which servers does sqlapi query?", "what resolver does web use?": the servers a pod sends its lookups to
    // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
    [
      new RegExp(
        String.raw`\b(which|what) (dns |name )?(servers?|resolvers?|nameservers?) (does|do|will|would) [\w-]+ ` +
          String.raw`(query|use|ask|hit)\b`,
      ),
      3,
    ],
    // "how does api find the web service by name", "what web.shop.svc.cluster.local returns": a name looked up
    [/\b(finds?|locates?|reach(es)?|looks? up) (the )?[\w-]+( service| svc| pods?)? by (its )?name\b/, 2],
    // "how the sqlapi pod finds the address of the server service": a pod learning a Service's address is a lookup
    // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
    [
      new RegExp(
        String.raw`\b(finds?|finding|learns?|discovers?|looks? up|obtains?) (out )?(the )?` +
          String.raw`(ip |cluster ?ip |ip address |address )(of|for) (the )?[\w.-]+( service| svc)?\b`,
      ),
      2,
    ],
    [/\bwhat (does )?[a-z0-9-]+(\.[a-z0-9-]+)+ (returns?|gives back|answers( with)?|comes back with)\b/, 2],
    // "who does it ask for DNS", "does my pod ask the Service or the Ingress for DNS?": the server a pod asks
    // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
    [
      new RegExp(
        String.raw`\bwho (do|does|did|will|would) (it|they|the [\w-]+ pods?|[\w-]+) ask\b|` +
          String.raw`\bask\w* .{0,40}\bfor (dns|name resolution)\b`,
      ),
      3,
    ],
    // "walk me through dns for sqlapi": the family said after the walk-through is the one asked
    // ("… times out looking up the provider's hostname. Walk me through the lookup": the lookup is the DNS one)
    [/\b(walk|take|talk) (me|us) through (the |its |their )?(dns|(name |dns )?(lookups?|resolution))\b/, 3],
    // "how do web pods know where api lives, like by name?": finding a workload by name is service discovery
    // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
    [
      new RegExp(
        String.raw`\bhow (do|does|will|would|can) [\w -]{1,30}\b(know|find|locate|discover|learn)s?\b.{0,40}` +
          String.raw`\bby (its |their )?name\b`,
      ),
      3,
    ],
    // "what ip will sqlapi get for sqlapi.project1.svc.cluster.local", "which address comes back for db.shop": an
    // address got for a dotted name is that name's answer
    [
      new RegExp(
        String.raw`\b(ip|address|answer)s?\b.{0,30}\b(get|gets|getting|comes? back|returned|receives?)( back)? ` +
          String.raw`for ['"\x60]?[a-z0-9-]+(\.[a-z0-9-]+)+\b`,
      ),
      2,
    ],
    // "web pods, api.shop name to IP", "name-to-address for db.shop": a name becoming an address, said as a mapping
    [/\b(host ?|dns )?names?[ -](to|->|→)[ -](ips?|address(es)?)\b/, 2],
    // a resolver's failure pasted: "getaddrinfo ENOTFOUND db", "server can't find x: SERVFAIL", "no such host"
    [/\b(getaddrinfo|enotfound|eai_again|nxdomain|servfail|no such host|server can'?t find)\b/, 2],
  ],
  examples: [
    'what does server.project1.svc.cluster.local resolve to?',
    'resolve server from sqlapi',
    'nslookup sqlapi.project1',
  ],
  command: 'dns <name> [from <pod>]',
};
