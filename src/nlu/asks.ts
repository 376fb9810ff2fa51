// What a question asks for, read once from its words, so the families do not read the text again.
import type { Intent } from './parse';

/** The DNS path itself (which server a pod asks, where names outside the cluster go), not one name's address; and the
 * pod a pasted `kubectl exec … -- <lookup>` ran in. */
export function asksOf(t: string): NonNullable<Intent['asks']> {
  const lookupIn = EXEC_LOOKUP.exec(t)?.[1];
  return { ...(RESOLVER_PATH.test(t) ? { resolverPath: true } : {}), ...(lookupIn ? { lookupIn } : {}) };
}

// "which DNS server does web use", "dns path of db-0", "resolver for api", "where do its queries go", resolv.conf
const RESOLVER_PATH = new RegExp(
  [
    String.raw`\b(dns|name) ?servers?\b`,
    String.raw`\bwhich (dns|servers?|nameservers?)\b`,
    // "what's the DNS IP?", "the kube-dns service ip": the address of the server a pod asks, not a name's address
    String.raw`\bdns (service )?ips?\b`,
    // "who answers that lookup?": the server that answers, not the address it gives
    String.raw`\bwho (actually |really |then )?(resolves|answers)\b`,
    // ("api resolves the supplier's hostname through whom?": the one a lookup goes through is the resolver)
    String.raw`\b(resolv\w*|look(s|ed|ing)? ?up|lookups?)\b.{0,50}\b(through|via|by) (whom|who)\b`,
    // "which coredns pods answer its lookups": the servers that answer a pod's queries
    String.raw`\b(answers?|serves?|handles?) (its|their|the|those|these|that|this|my|our) ` +
      String.raw`(dns )?(lookups?|quer(y|ies))\b`,
    // "how do pods look up names", "udp/53 going to 10.0.0.10": names in general, or DNS's own port, seen leaving
    // (https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/)
    // ("how does web look names up", "how web resolves names": the particle after the names, any tense)
    String.raw`\blook(s|ed|ing)? ?up (host ?|dns )?names\b|\blook(s|ed|ing)? (host ?|dns )?names up\b`,
    String.raw`\b(udp|tcp)\/53\b`,
    // ("does web's DNS towards Azure go through the hub firewall?": DNS said with the way it goes is the resolver path
    // https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16)
    String.raw`\bdns (traffic |quer(y|ies) |lookups? |requests? )?((towards|to|for) [\w ./-]{1,30}? )?` +
      String.raw`(go|goes|going|pass(es)?|passing|travels?|leaves?|flows?|routed|sent) (through|via|over|out|across)\b`,
    String.raw`\bresolvers?\b`,
    String.raw`resolv\.conf`,
    String.raw`\b(dns|name) ?(path|policy|policies|config|settings|flow|chain|route|resolution)\b`,
    // "name lookup" is the mechanism; "dns lookup <name>" asks for that name's address
    String.raw`\bname ?lookups?\b`,
    String.raw`\b(resolution|look ?up) path\b`,
    // "how does dns work here": the mechanism, not a name called "work"
    String.raw`\b(dns|name resolution|lookups?) (work|works|working)\b`,
    String.raw`\bresolv(e|es|ing) (names|external names|hostnames)\b`,
    // "what dns does api use?", "what does sqlapi use as DNS?", "how would it resolve a name in our domain": the
    // server a pod asks, for any name https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
    String.raw`\bwhat dns (does|do|did|will|would) (the )?[\w-]+( pods?)? (use|query|hit|ask)\b`,
    String.raw`\bus(e|es|ed|ing) (as|for) (its |their )?dns\b`,
    String.raw`\bresolv(e|es|ing) (a|any) (host ?)?name\b`,
    // "how does the api pod resolve the relay host names": hosts of a kind, looked up by the pod's resolver chain
    String.raw`\bresolv(e|es|ing) (the |our |their |its )?([\w-]+ ){0,2}(host ?names|hosts)\b`,
    // "who does it ask for DNS", "WHO DO THEY ASK": the server a pod sends its lookups to
    // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy
    String.raw`\bwho (do|does|did|will|would) (it|they|the [\w-]+ pods?|[\w-]+) ask\b`,
    // ("that's from a shell inside sqlapi. who is it even asking?": the server it is asking, said going on)
    String.raw`\bwho (is|are|was|were) (it|they|the [\w-]+ pods?|[\w-]+) (even |actually |really |then )?` +
      String.raw`(asking|querying|sending (it|them|its lookups|its queries) to)\b`,
    String.raw`\bask\w* (the |a )?[\w ]{0,30}\bfor (dns|name resolution)\b`,
    String.raw`\b(walk|take|talk) (me|us) through (the |its |their )?(dns|(name |dns )?(lookups?|resolution))\b`,
    // "where does dns-default send names outside the cluster?": names in general, not one name
    String.raw`\bnames (outside|beyond|not in) (of )?the cluster\b|\b(non-cluster|external|public|outside) names\b`,
    // "the api pod's lookups of external names": the pod's lookups of names in general, not one name
    String.raw`\b(lookups?|quer(y|ies)|resolution) (of|for) (external |public |outside |internet |other )?names\b`,
    // "api's external lookups: do they cross hub-fw?": a pod's lookups of names outside, in general
    String.raw`\b(external|public|outside|internet|outbound|non-cluster) (dns )?` +
      String.raw`(lookups?|quer(y|ies)|resolution|names)\b`,
    // "do the web pods resolve them through the hub DNS?": the server a lookup goes through is the resolver path
    String.raw`\bresolv(e|es|ed|ing)\b.{0,30}\b(through|via) (the |our |their |its )?([\w-]+ ){0,2}` +
      String.raw`(dns|resolvers?|name ?servers?)\b`,
    // (never an HTTP proxy's upstream, "nginx config has upstream http://api:8080": the backend it sends requests to
    // https://nginx.org/en/docs/http/ngx_http_upstream_module.html)
    // ("the nginx upstream is configured as just 'api'": a proxy's upstream said, or the name it is set to)
    String.raw`(?<!\b(?:nginx|haproxy|envoy|proxy|ingress|ingress-nginx)(?:'s)?\s+)` +
      String.raw`\bupstream\b(?!\s+(?:https?:\/\/|host\s|[a-z0-9][\w.-]*:\d|` +
      String.raw`(?:(?:is|was)\s+)?(?:configured|set|pointed)\s+(?:as|to)\b))`,
    // "split horizon: from web, does shop.contoso.com resolve to the ingress IP or something internal?": which
    // server answers the pod decides which view of the name it gets
    String.raw`\bsplit[- ]horizon\b`,
    // "where does its dns go?", "where do the lookups end up" ("does its DNS still end up at 168.63.129.16?": an
    // adverb between https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16)
    String.raw`\b(dns|lookups?|quer(y|ies))( traffic| requests?)? (still |actually |really |now |then |ever )?` +
      String.raw`(go|goes|going|end up|ends up|ending up|lands?|landing)\b`,
    // "where does web send that lookup?", "where does db-0 send its dns?": the server the pod's lookups are sent to
    String.raw`\bsend(s|ing)? (its|their|the|th(at|is|ose|ese)) (dns( quer(y|ies)| lookups?| requests?)?|lookups?)\b`,
    String.raw`\bforward(s|ed|er|ers|ing)?\b`,
    String.raw`\bqueries\b`,
    // ("do api's DNS lookups pass the hub firewall?": a pod's lookups, plural, are its resolver path, never one name's
    // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy)
    String.raw`\blookups\b(?! (of|for) [\w-]+\.[\w.-]+)`,
    String.raw`\bservfail\b`,
    String.raw`\bcoredns\b`,
    String.raw`\bkube-dns\b`,
    String.raw`\bdns-default\b`,
    String.raw`\bndots\b`,
    String.raw`\bsearch (domains?|path)\b`,
  ].join('|'),
  'i',
);

// "$ kubectl exec -n shop api-… -- getent hosts db.shop": the lookup ran in that pod
const EXEC_LOOKUP = new RegExp(
  String.raw`\b(?:kubectl|oc) exec\s+(?:(?:-n|--namespace)[ =]?\S+\s+|-it?\s+|-ti\s+)*([a-z0-9][a-z0-9.-]*)` +
    String.raw`(?:\s+(?:-n|--namespace)[ =]?\S+|\s+-c\s+\S+|\s+-it?)*\s+--\s+` +
    String.raw`(?:getent|nslookup|dig|host|curl|wget|ping)\b`,
);
