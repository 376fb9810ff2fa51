import type { IntentSpec } from '../family';
import { IP_PATTERN as IP } from '../nlu/patterns';

export const spec: IntentSpec<'pod'> = {
  kind: 'pod',
  title: 'Where a pod runs: IP, node, owner, service references',
  triggers: [
    // "confirm location of kube-proxy-8mz2q", "pod placement: …", "they run where?"
    /\b(location|placement|whereabouts) (of|for)\b|\b(pod|replica)s? (location|placement)\b/,
    // ("db-0 placement + node ip": a name's placement, said in shorthand)
    /^\W*[a-z0-9][\w./-]* placement\b/,
    /\b(runs?|running|lives?|sits?|scheduled) where\b/,
    // never "where our requests come from" (the source asked, not a place), nor "api outbound: where does it go?"
    // (where traffic goes is its path out: https://learn.microsoft.com/azure/aks/egress-outboundtype)
    new RegExp(
      String.raw`\bwhere\b(?!.{0,40}\b(comes?|came|coming) from\b)(?!.{0,30}\bgo(es)?\b)` +
        String.raw`.{0,30}\b(is|are|does|do|runs?|running|lives?)\b`,
    ),
    /\bwhere's\b/,
    /\b(list|show)\b.{0,10}\bpods\b/,
    // "pods of project1 please", "which pods are in shop?": a namespace's pods, asked for alone
    new RegExp(
      String.raw`^\W*((which|what|all|all the|the) )?pods (are |run |live )?(of|in|under) (the )?` +
        String.raw`(namespace |project |ns )?[\w-]+( (pls|please|plz))?\s*[?!.]*\s*$`,
    ),
    // "ingress-nginx namespace: what pods are in there?": the namespace said first, its pods asked of it after
    // https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
    [
      new RegExp(
        String.raw`^\W*(the )?[\w-]+ (namespace|project|ns)\s*[:,;—–-]\s*(which|what) pods ` +
          String.raw`(are |run |live |are running )?(in there|in it|there|inside( it)?)\s*[?!.]*\s*$`,
      ),
      2,
    ],
    // "what's running in the ingress-nginx namespace?": what a namespace runs is its pods
    // https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
    [
      new RegExp(
        // ("everything running in project1 pls": all it runs, asked in shorthand)
        String.raw`\b(what|everything|all)('s| is| are| runs| is running| gets? deployed| that'?s)? ` +
          String.raw`?(running|deployed|runs|lives)? ?(in|under) (the )?(namespace |project |ns )?[\w-]+` +
          String.raw`( namespace| project| ns)?` +
          // ("what's deployed in ingress-nginx, pod by pod?": each pod of it asked for)
          String.raw`(\s*[,;:—–-]?\s*(pod by pod|one by one|per pod|each pod|every pod))?` +
          String.raw`( (pls|please|plz))?\s*[?!.]*\s*$`,
      ),
      2,
    ],
    // "list the dns pods", "dns pods, list them": the cluster DNS's pods listed, no name looked up
    [
      new RegExp(
        String.raw`\b(list|show)( me)? (the |all (the )?)?(dns|coredns|kube-dns) pods\b|` +
          String.raw`\b(dns|coredns|kube-dns) pods\s*[,:;—–-]\s*(pls |please )?(list|show)\b`,
      ),
      2,
    ],
    // ("dns-default pods, list them": the pods said first, then the ask that points back to them)
    /\bpods\s*[,:;—–-]\s*(pls |please )?(list|show)( me)? (them|those|these|all( of them)?)\b/,
    // "controller pods: ips/nodes": a colon or dash may come between
    /\b(pods?'?|replicas?)\s*[:—–-]?\s+(ips?|address(es)?|locations?|nodes?)\b/,
    // "kube-proxy pods and their IPs": a workload's pods listed with what each has
    /\b(pods|replicas)\s+(and|with|\+|&)\s+(their|its)\s+(ips?|address(es)?|nodes?)\b/,
    // "record pod → node mapping for shop/api": which node each pod is on
    [/\bpods?\s*(->|→|to)\s*(nodes?|hosts?|vms?)\s+(mapping|map|placement|assignment)s?\b/, 2],
    /\b(scheduled|placed) (on|onto)?\b/,
    // "should schedule db on vmss000001": scheduling a pod onto a node is where it runs
    // https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/
    [/\bschedul(e|es|ing) (the )?[\w-]+( pods?)? (on|onto)\b/, 2],
    /\b(which|what) (nodes?|workers?|vms?|machines?)\b(?! ?ports?\b)/,
    // "which vmss instance is it on?": an AKS node is an instance of its pool's scale set
    // (https://learn.microsoft.com/azure/aks/core-aks-concepts#node-pools)
    /\b(which|what) (vmss|scale ?set) (instances?|vms?|nodes?)\b/,
    // "on which server(s) is the sqlapi application running?", "locate pod db-0"
    [/\b(on|in) (which|what) (servers?|hosts?|boxes)\b.{0,60}\b(running|runs?|lives?|hosted|scheduled)\b/, 2],
    /\blocate\b/,
    // "identify the node hosting pod api-…", "the vm running db-0": the node a pod runs on
    [/\b(nodes?|hosts?|vms?|workers?) (hosting|running|that (hosts|runs))\b/, 2],
    // "kube-proxy on vmss000002 - what's the pod called": a pod's own name asked
    [/\bwhat(?:'s| is) (the|its|that) pod(?:'s)? (called|named|name)\b|\b(pod|pod's) (full )?names?\b/, 2],
    // "node it runs on", "the vm web lives on": a node named by the pod on it (a relative clause without "that")
    [/\b(nodes?|hosts?|vms?) (?:(?:that|which) )?[\w./-]+ (runs?|is running|lives?|sits?|is scheduled) on\b/, 2],
    // "which servers are the database pods running on?"
    [/\b(which|what) (servers?|hosts?|machines?|boxes|vms?|nodes?)\b.{0,40}\b(running|runs?|lives?|hosted)\b/, 2],
    // "web pod 在哪个 node 上运行?", "Wo läuft der Pod sqlapi, auf welcher Node?": a pod and "node" asked at the end
    /\bpods?\b(?!\s+(ips?\s+)?or\b).{0,40}\bnodes?\b[^a-z0-9]{0,12}\?\s*$/,
    // terse checklists: "db-0 in shop: node? ip? owner?"
    /\b(node|ip|owner|labels?)\s*[?,/]\s*(node|ip|owner|labels?)\s*\?/,
    /\b(show|get|describe)( me)? pods?\s+[\w./-]+/,
    // "ip n node": chat shorthand "n" for "and" ("status + node": a pod's phase with where it runs)
    /\b(ips?|address(es)?|nodes?|status)\s*(and|n|&|\+|,)\s*(the |their |its )?(ips?|address(es)?|nodes?)\b/,
    /\b(private|internal|pod|cluster) ip\b/,
    // "podIP and hostIP", "on the same node as the ingress controller?": where the pod runs
    // ("do db-0 and web share a node?": two pods on one node, said with the verb)
    [/\b(podip|hostip)\b|\b(on|in) (the same|different|separate) (nodes?|hosts?|vms?)\b/, 2],
    [/\bshares? (a|the|one) (node|host|vm)\b/, 2],
    // "where does the api application run": the place a workload runs, asked first of all
    [/\bwhere (does|do|is|are) (the )?[\w-]+( [\w-]+)? (run|runs|running|live|lives|living|hosted|scheduled)\b/, 2],
    /(^|\s)(what|what's|whats) (is )?the ip (address )?of\b/,
    // "ip of the api pod?": the same ask without its verb, a pod said as one
    /^\W*(the )?ip (address )?of (the |that |this )?[\w./-]+ pods?\b/,
    // (never a log line's level: "…44Z INFO request completed", "[INFO]", "level=info")
    /\b(describe|details)\b|(?<![[=]|\dz |\d )\binfo\b(?!\])/,
    /\btell (me|us) about (the )?(pod|deployment|replicas?)\b/,
    /^\s*pod\s+[\w./-]+\s*(-n\s+\S+)?\s*$/,
    // "show me server-1-ppl25": a pod's name shown, nothing else asked (a name written as a pod's: with a digit)
    // (a word of courtesy may close it: "show db-0 please")
    new RegExp(
      String.raw`^\W*(show|give|get)( me| us)? (the )?(pod )?(?=[a-z0-9-]*\d)[a-z0-9]+(-[a-z0-9]+)+` +
        String.raw`( (please|pls|plz|thanks))?\s*[?!.]*\s*$`,
    ),
    /\benv(ironment)? ?(vars?|variables)\b/,
    // "<pasted pods> what IPs do these have?": the addresses of pods pointed back at
    /\b(what|which) (ips?|addresses) (do|does|did) (these|those|they|each( of them)?) (have|get|got)\b/,
    // "show me the api pod", "who owns pod x2k4p"
    /^\s*(show|get|describe|find)( me)? (the |that |this )?[\w./-]+ pods?\s*[?!.]*\s*$/,
    /\b(who|what) owns\b|\bowner (of|for)\b|\bowned by\b|\bcontrolled by\b/,
    // terse: "pod x2k4p node?", "kube-proxy-w2n6d -n kube-system where"
    // ("api pod where", "api where + ip, need it for the allow rule": the kind after the name, two fields, a reason)
    new RegExp(
      String.raw`^\s*(pod\s+)?[\w./-]+(\s+pods?)?(\s+(-n|in)\s+[\w-]+)?\s*:?\s+(node|where|ip)` +
        String.raw`(\s*(and|\+|&)\s*(node|where|ip))?\s*[?!.]*\s*(\p{Extended_Pictographic}\s*)*(,\s.*)?$`,
      'u',
    ),
    // "what IP did web-7d4b9c8f6d-fghij get?": the address a pod was given
    /\b(what|which) ip (did|was|has)\b.{0,60}\b(get|got|assigned|given)\s*[?!.]*$/,
    // "which node is 10.244.2.6 on?": the node an address is on asks where that pod runs, not what the address is
    [
      new RegExp(
        String.raw`\b(which|what) (node|host|vm|worker|machine) (is|was) ${IP} (running |scheduled |placed )?on\b`,
      ),
      3,
    ],
  ],
  examples: ['where is pod sqlapi?', 'what is the IP of pod server', 'pod sqlapi -n project1'],
  command: 'pod <name> [-n <namespace>]',
};
