// The intent once the entities are known: the family scored from cue words and entities (score.ts), who is who in
// a pair question; questions about other clouds, prices or changes are out of scope.
import { classify } from './classify';
import { combine } from './combine';
import { withoutBackground } from './clouds';
import { direction } from './direction';
import { formsOf, positionOf } from './entities';
import { inRange, saidClient, whereClientGoes, type Entity, type Intent, type NameRef } from './parse';
import { askedWhetherOpens, dialsPodAddress, saidToOpen } from './outside-client';
import { RECALLED } from './patterns';
import { eachSubject, wholeListIs } from './questions';
import { choose, isPublic, labelsAnAddress, scoreFamilies, seen, topKind, viewerOf } from './score';
import { escapeRe } from '../regex';

export { WHAT_DOES } from './score';

const OTHER_CLOUDS = new RegExp(
  String.raw`\b(aws|eks|amazon|ec2|gcp|gke|google cloud|cloud run|digitalocean|alibaba cloud|openstack|` +
    String.raw`oracle cloud|oci|oke|ibm cloud|linode|hetzner|vultr|` +
    // "my EC2 instance in us-east-1", "a VM in europe-west1": another cloud's region names it (Azure's have no digit:
    // https://learn.microsoft.com/azure/reliability/regions-list)
    String.raw`[a-z]{2}-(north|south|east|west|central|northeast|northwest|southeast|southwest)-\d|` +
    String.raw`(us|europe|asia|australia|northamerica|southamerica)-(north|south|east|west|central|northeast|` +
    String.raw`northwest|southeast|southwest)\d)\b`,
);
const PRICES = new RegExp(
  // "our cost review lists a public IP": a review named by its purpose asks about the resource, not its price
  String.raw`\b(costs?(?! (review|report|audit|analysis|exercise|sweep|clean-?up|optimi[sz]ation))|price[sd]?|` +
    // ("cost report: egress bandwidth charges": what is charged for traffic is a price; never a name like billing)
    // ("surge pricing svc calls …", "car rental pricing engine": a service named for what it prices is no price asked)
    String.raw`pricing(?! (svc|service|engine|api|app|pods?|worker|job|backend|microservice)\b)|` +
    String.raw`(bandwidth|transfer|egress|data|network|traffic|ingress) charges|how much (does|do|is|are)|` +
    // ("what will the render farm spend on egress bandwidth": money spent on something is its price)
    String.raw`per month|monthly|each month|a month|spend(?:s|ing)? on|` +
    // ("how much egress bandwidth will we be billed for": what is billed or charged is a price)
    String.raw`(we|i|you|they|us) pay|pay (for|per|each)|paying for|expensive|per gb|invoice|bill(?! of)|billed|` +
    // ("is a NAT gateway cheaper than LB outbound rules?": two ways compared by price is a price asked)
    String.raw`cheap(er|est)?|` +
    String.raw`charged)\b`,
);
const CHANGES = new RegExp(
  String.raw`\b(can|could|would) you (please )?(create|add|delete|remove|open|close|change|apply|write|set up|scale|` +
    // ("… and can you change anything?": whether the bot can, asked of nothing in particular, is about the bot)
    // ("can you change anything in the cluster or do you only read?": so is one said of a place, or weighed)
    String.raw`fix|repair|restart)\b(?! (anything|something|things|stuff)( at all| for us| for me)?` +
    String.raw`( (in|on|to) (the |our |my )?(cluster|network|azure|subscription|environment|setup))?` +
    String.raw`\s*([?!.,]|\bor\b|$))|` +
    // ("can you give my spark job its own egress IP?": something of ours given a new one of its own is a change)
    String.raw`\b(can|could|would) you (please )?(give|assign) (my |our |the |this |that )?([\w-]+ ){0,3}` +
    String.raw`(its|their|a|an) (own|new|dedicated|static|separate|fixed)\b|` +
    // "would it be possible to move the EgressIP onto another node": a change asked politely
    // ("would it be possible for you to raise the idle timeout": whoever is asked to, a setting raised is a change)
    String.raw`\b(would|is) it (be )?possible (for (you|u|the bot) )?to (move|migrate|relocate|change|add|remove|` +
    String.raw`delete|scale|raise|lower|increase|decrease|set|bump|extend|shorten|enable|disable|update|upgrade)\b`,
);
// how to configure, set up or write something ("how do I configure …", "generate a NetworkPolicy YAML"): the bot reads
// the network as it is and writes no configuration
const HOW_TO = new RegExp(
  // (never the bot's own terse form written: "how do I write the terse form for a path?" asks how to ask it)
  String.raw`\bhow (do|can|should|would|could) (i|we|you) (configure|set up|setup|install|enable|implement|` +
    String.raw`write(?! (the |a |that )?(terse|short)( command)? (forms?|syntax|notation))|` +
    String.raw`migrate|roll out|turn on)\b|` +
    String.raw`\b(generate|write|draft|produce|give me|create|author) (me |us )?(an? |the |some )?([\w-]+ ){0,3}` +
    String.raw`(yaml|manifests?|helm chart|terraform|bicep|arm template)\b`,
);
// what the bot does not model: scheduling and compute resources (a service mesh is often context of a network
// question, so it is not here; how to configure one is)
const UNMODELLED = new RegExp(
  String.raw`\b(failedscheduling|insufficient (cpu|memory)|unschedulable|not (being )?schedul(ed|ing)|` +
    String.raw`won'?t schedule|` +
    String.raw`cpu (limits?|requests?|throttl\w*)|memory (limits?|requests?)|` +
    // a pod's resource use is its metrics, not its network (https://kubernetes.io/docs/tasks/debug/debug-cluster/resource-metrics-pipeline/)
    String.raw`how much (memory|cpu|ram|disk|storage)|(memory|cpu|ram|disk) (usage|utili[sz]ation|consumption)|` +
    // ("db-0 cpu and memory right now?": the two said together)
    String.raw`(cpu|memory|ram) (and|&|\/|\+) (memory|cpu|ram)|` +
    // ("how many CPU cores is the db-0 pod using?": counted)
    String.raw`how many (cpu |v)?(cores|cpus|vcpus)|how many (gb|mb|gib|mib|gigs?) of (memory|ram)|` +
    // ("is the CPU on db-0 high right now?": a load level asked of a pod)
    String.raw`(cpu|memory|ram)( usage| load)? (on|of|for) (the )?[\w./-]+( pods?)? (is )?` +
    String.raw`(high|low|full|maxed|spiking)|` +
    // ("is the api pod running out of memory?": memory pressure asked is the pod's resources, not its network; an
    // alert quoting "OOMKilled" may still ask where the pod runs
    // https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/)
    String.raw`(running|ran|run|runs) out of (memory|ram|cpu|disk|storage)|` +
    // the cluster's version and its upgrades are its lifecycle, not its network
    // https://learn.microsoft.com/azure/aks/supported-kubernetes-versions
    // (asked for itself: "for the node image upgrade, where are the web pods?" asks where pods are)
    String.raw`(which|what) (kubernetes|k8s|aks|openshift|aro|cluster|control plane|node ?image) versions?|` +
    String.raw`(should|can|could|must|shall|do) (we|i|you) upgrade|` +
    String.raw`upgrade (the )?(cluster|kubernetes|k8s|aks|openshift|aro|control plane) to|` +
    // who may read a resource is Azure RBAC, not the network (https://learn.microsoft.com/azure/role-based-access-control/overview)
    String.raw`give (me|us|him|her|them) (the |a |an )?([\w-]+ )?(role|access|permissions?|rights)|` +
    // alerts are muted in Azure Monitor, a change the bot does not make
    // (https://learn.microsoft.com/azure/azure-monitor/alerts/alerts-processing-rules)
    String.raw`(silence|mute|snooze|suppress) (the |this |that |an? |all )?([\w-]+ ){0,2}alerts?|` +
    // where data is kept is its storage, not its path (https://learn.microsoft.com/azure/reliability/availability-zones-overview)
    String.raw`(is|are) (our|the|my) (data|database contents|backups|records) (stored|kept|hosted|located)|` +
    String.raw`where (is|are) (our|the|my) (data|backups) (stored|kept|hosted)|` +
    // when Azure retires or deprecates a feature is its lifecycle, not a path (https://learn.microsoft.com/lifecycle/)
    // (Azure's own plans: "as we plan to retire node vmss000000" is ours, a node's pods then asked)
    String.raw`(azure|microsoft) (is |are )?(going to|plan(s|ning)? to|about to|will) ` +
    String.raw`(retire|deprecate|sunset|discontinue)|` +
    String.raw`\bwhen\b[^?.]{0,60}\b(be|being) (retired|deprecated|sunset|discontinued)|` +
    String.raw`(retirement|deprecation|end[- ]of[- ](life|support)) (date|timeline|notice)|` +
    // advice or reading asked ("good book recommendations on Azure Firewall policy design?", "can you recommend a
    // course on AKS networking?"): the bot reads this network, it recommends no reading nor design
    String.raw`(books?|reading|courses?|trainings?|tutorials?|videos?|blogs?|podcasts?|learning|study) ` +
    // (never such material said as what an answer is for: "for the training material, show the path …")
    String.raw`(recommendations?|suggestions?|tips)|` +
    String.raw`(recommend|suggest)( me| us)? (an? |some |any |good |great |the best )*(books?|courses?|trainings?|` +
    String.raw`tutorials?|videos?|blogs?|podcasts?|reading|resources|certifications?)|` +
    String.raw`(any|good|great|the best) (books?|courses?|reading|tutorials?|learning resources) (on|about|for|to)|` +
    String.raw`(advice|tips|recommendations?|suggestions?) (on|about|for) (how to )?` +
    String.raw`(design(ing)?|architect(ing|ure)?|learn(ing)?|studying|best practices?))\b`,
);
// an attack asked for ("give me an exploit for the ingress controller"): the bot explains paths, it writes no attack
// (a pentester asking what is reachable is a reachability question, so only the tool itself asked for is out)
const ATTACK_ASKED = new RegExp(
  String.raw`\b(give|write|generate|create|craft|build|send|show|find) (me |us )?(an? |the |some |working )?` +
    String.raw`([\w-]+ ){0,2}(exploits?|payloads?|malware|shellcode|reverse shells?|backdoors?)\b|` +
    String.raw`\bhow (do|can|could|would|should) (i|we) (exploit|hack|attack|compromise|break into|take over)\b`,
);
const KUBECTL_WRITE = /\bkubectl (delete|rollout|scale|apply|edit|patch|exec|drain|cordon|label|annotate)\b/;
/** "[CHG-2310] scale web deployment to 6 replicas": a ticket or message that opens with an order to change */
// (and "please move the EgressIP …", "[CHG] Migrate shop ingress …": moving something is a change)
const ORDERED = new RegExp(
  // ("chess ladder: move the web pods …", "HIPAA audit: migrate …": a label before the colon says who asks)
  // ("a school rush tomorrow, please scale sqlapi to 3 replicas": an order said politely after its reason)
  String.raw`(^\s*(\[[^\]]*\]\s*)?([a-z][\w -]{0,30}:\s+)?(please |pls )?|\b(please|pls|kindly) )` +
    // ("turn off externalTrafficPolicy Local on web …", "disable the outbound rule": a setting switched is a change)
    String.raw`(scale|delete|remove|restart|reboot|roll ?back|(un)?cordon|drain|patch|move|migrate|relocate|` +
    // ("security team asks: block 203.0.113.66 on the firewall asap": an address blocked is a rule changed)
    String.raw`turn (?:off|on)|switch (?:off|on)|disable|enable|block|unblock|` +
    // ("order a /29 prefix for the outbound rule please", "attach a NAT gateway to aks-subnet": a resource ordered,
    // made or attached is a change)
    // (its object said with an article or a count: "create time of the rule?" orders nothing)
    String.raw`(?:order|buy|purchase|provision|allocate|reserve|attach|detach|create|add|increase|decrease)` +
    String.raw`(?= (?:a|an|the|another|new|extra|more|some|our|one|two|\d)\b)) ` +
    // ("scale question later, but first: …": the word as a noun, a topic put off, orders nothing)
    String.raw`(?!(questions?|issues?|topics?|problems?|concerns?|discussion|stuff|later)\b)` +
    // ("patch night for vmss000000: list …": the word naming when it happens orders nothing)
    String.raw`(?!(night|nights|day|days|window|windows|weekend|week|schedule|calendar)\b)\S`,
);

// the bill as the reason for a network question ("which public ip do the web pods bill their outbound traffic
// through?", "a public IP on the bill, what is it used for?", "we pay for a 4th node. which pods run on it?"): the
// question is which address, path or pods, which the bot reads; an amount asked is still a price
const NETWORK_ASKED = new RegExp(
  String.raw`\b(which|what) (public |outbound |egress |source )?(ips?|address(es)?|pods?)\b(?! (costs?|prices?))|` +
    // ("public egress range for the web pods? … they bill per entry": the outbound prefix asked, a party's bill the
    // reason https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-address-prefix)
    String.raw`\b(public|outbound|egress)( egress| outbound)?( ip)? (range|prefix|cidr)s?\b|` +
    String.raw`\bwhat (is|are) (it|this|that|they)( address| ip)? (used for|attached to|for)\b|` +
    String.raw`\b(go|goes|leaves?|routed) (out )?(through|via)\b|` +
    // "why do we pay for three public IPs on the LB? what does each frontend do?", "we pay for a 4th node — what
    // actually runs on it?": what a thing on the bill does or runs is asked, the bill the reason for asking
    // ("what does each of them do?")
    String.raw`\bwhat (does|do) (each|every|it|they|this|that|the [\w-]+)( [\w-]+){0,2} (do|serve|carry)\b|` +
    // ("the bill shows 4 load balancers. what is each one doing?")
    // ("what is each one actually doing?": a word on how much may come before it)
    // ("four outbound public IPs on the bill — what are they all for?": all of them, each asked what it is for)
    String.raw`\bwhat (is|are) (each|every|it|they|this|that|these|those)( all| both| each)?` +
    String.raw`( one| of (them|those|these))?( actually| really)? (doing|for|there for)\b|` +
    // ("what job does each one do?", "what do the two public load balancers on our bill each do?": the job of each
    // thing on the bill is what it does https://learn.microsoft.com/azure/aks/load-balancer-standard)
    String.raw`\bwhat (jobs?|roles?|purposes?|functions?) (does|do|is|are) (each|every|it|they|this|that|these|those)` +
    String.raw`( one| of (them|those|these))? (do|does|doing|serve|serves|play|plays|have|has)\b|` +
    String.raw`\beach( one| of (them|those|these))? (do|does|doing|serve|serves|is for|is there for)\b|` +
    // ("we're paying for a fourth node — what's actually running on it?")
    String.raw`\bwhat(?:'s| is)? (actually |really )?(runs?|running|is running) on\b|` +
    // "why do we pay for three public IPs on the kubernetes load balancer?": why a thing of ours is there asks what
    // it is for, not what it costs
    String.raw`\bwhy (do|are|would|should) (we|i|you) (pay|paying|be billed|billed|charged) for (the |our |these |` +
    String.raw`those |this |that |two |three |four |five |\d+ )*(public ips?|ips?|addresses|load ?balancers?|lbs?|` +
    String.raw`frontends?|nat gateways?|firewalls?|nodes?)\b|` +
    // ("the bill shows four LBs, why do we need all of them?": what things on the bill are needed for is what they do)
    String.raw`\bwhy (do|does|would|did) (we|i|you|they|it) (really |even |actually )?need (all |both |each |every |` +
    String.raw`these|those|them|it|this|that|so many|two|three|four|five|\d+)|` +
    // "how many load balancers are we paying for": a count of things of ours is read, the bill the reason for asking
    String.raw`\bhow many (public |outbound |egress )?(ips?|addresses|load ?balancers?|lbs?|frontends?|nat gateways?|` +
    String.raw`firewalls?|nodes?|pods?)\b|` +
    // ("list our load balancers plus the app gateway, the owner wants to know what we pay for": a list of things of
    // ours asked, the bill the reason)
    String.raw`\b(list|show|enumerate|give)( me| us)? (all |every )?(of )?(our|the|all)( public| outbound)? ` +
    String.raw`(ips?|addresses|load ?balancers?|lbs?|frontends?|nat gateways?|firewalls?|app(lication)? gateways?)\b`,
);
const AMOUNT_ASKED = new RegExp(
  // ("which is cheaper for egress: …?": two ways compared by price asks an amount, whatever way is named)
  String.raw`\bhow (much|expensive)\b|\bcheap(er|est)\b|(more|less) expensive\b|` +
    String.raw`\b(costs?|price|prices|spend|charges) (of|us|me|for|comparison|breakdown)\b|` +
    // (never the bill as where things show: "what do the two LBs on our bill each do?")
    String.raw`\bwhat (would|will|does|do|did) [^?.]{0,40}\b(?<!\b(on|in) (the |our |this |my |their )?)` +
    String.raw`(cost|bill|charge)\b|\b(cost|spend|bill) (go|went) up\b|` +
    // ("… and what each costs": the amount of each asked)
    String.raw`\bwhat (each|it|they|that|this)( one)? costs?\b`,
);
// ("which DNS server does invoice-api use", "billing-worker": a word inside a hyphenated or dotted name is the name's)
// "finance asks what 20.50.61.11 is and why we pay for it": what the address is, the bill the reason for asking
const WHAT_ADDRESS = /\bwhat (is )?(the )?(ip |address )?\d{1,3}(\.\d{1,3}){3}( is)?\b/;
/** "20.31.44.3 on the bill — what is it?", "What on earth is 20.50.60.1? Turned up on this month's invoice.", "… is on
 * the invoice — firewall pip or NAT gateway?": an address said with a question is what it is, asked */
const addressAsked = (said: string): boolean =>
  WHAT_ADDRESS.test(said) || (/\b\d{1,3}(\.\d{1,3}){3}\b/.test(said) && /\?|\b(what|which|whose)\b/.test(said));
const pricedOnly = (said: string): boolean => {
  // (and "can pod invoice reach db-0?": a word said as a pod's or Service's name, its type before it)
  const t = said.replace(/[\w]+(?:[-.][\w]+)+/g, ' ').replace(/\b(pod|service|svc|deployment|workload) \w+/g, '$1 x');
  return PRICES.test(t) && (AMOUNT_ASKED.test(t) || !(NETWORK_ASKED.test(t) || addressAsked(said)));
};

function outOfScope(t: string): boolean {
  // "$ kubectl exec … -- curl …" pasted with its output was run already: it is context, not a request
  // and so is "kubectl exec … -- curl …" followed by its output and a question about it ("… what's the path here?")
  // another cloud said as the writer's background ("coming from AWS land - …") asks nothing about it
  const asked = withoutBackground(t)
    .replace(/(^|\s)\$ kubectl \w+/g, ' ')
    // (the question may end without its mark: "… curl -s web:80/health ... what's the path of that")
    // (or a request to be shown: "kubectl exec … -- curl … hangs. show me each hop of that call")
    // (or its hops asked for: "kubectl exec … -- curl … — each hop please")
    .replace(/(^|\s)kubectl exec\b(?=.*(\?|\b(what|which|how|why|where|show|trace|explain|walk|hops?|path)\b))/g, ' ');
  if (pricedOnly(asked)) return true;
  return [OTHER_CLOUDS, CHANGES, KUBECTL_WRITE, ORDERED, HOW_TO, UNMODELLED, ATTACK_ASKED].some((re) => re.test(asked));
}

// said as a hop on the way, or as the address the far end sees: "via the firewall 10.100.0.4", "they see 20.31.45.117",
// "is 51.104.20.30 our egress?", "we allowlisted 20.31.45.117"
const NOT_THE_FAR_END =
  String.raw`(\d/\d{1,2}\s*(->|→|=>)\s*|\b(firewall|fw|nva|appliance|gateway|gw|next ?hop|via|hop|ilb|lb|` +
  String.raw`load ?balancer|pip|frontend|(egress|outbound|public|source|src|snat|nat) (ip|address)|as|(?<!seen )from|` +
  String.raw`(?<!destination )is|was|be|sees?|seeing|saw|shows?|showing|logged|expected|still|instead of|not|` +
  String.raw`(allow|white)[- ]?list(ed)?)\s+((the|our|it|ip|address|is|of)\s+){0,2})`;

/** "10.50.0.0/16": the address starts a range */
/** The one address outside the cluster said in an egress question, where the traffic goes ("api -> on-prem
 * 192.168.10.5, what source ip?", "calls the payment provider 198.51.100.20"): its route, not the Internet's,
 * decides the way out (https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview) */
function farEnd(intent: Intent): string | undefined {
  const t = intent.text;
  // ("public ip for the internet? and for the partner 198.51.100.20?": two questions, the Internet's answered)
  if (/\binternet\b/.test(t)) return undefined;
  const said = (ip: string) => new RegExp(NOT_THE_FAR_END + escapeRe(ip) + String.raw`\b`).test(t);
  const outside = (intent.elsewhereIps ?? []).filter((ip) => intent.ips.includes(ip) && !said(ip) && !inRange(t, ip));
  return outside.length === 1 ? outside[0] : undefined;
}

/** Where an egress question's traffic goes: the address said as the far end ("…when they reach 8.8.8.8"), no longer
 * a subject; an address said beats a range's ("the spoke 10.50.0.0/16 … from api to 10.50.1.5:443"). */
function egressDestination(intent: Intent): void {
  const first = intent.destination ?? intent.towards;
  const far = (first && inRange(intent.text, first) ? farEnd(intent) : undefined) ?? first ?? farEnd(intent);
  if (!far) return;
  intent.destination = far;
  intent.ips = intent.ips.filter((ip) => ip !== far);
}

/** The address outside said to open a connection to ours, where the family read would have it otherwise. */
const outsiderOf = (intent: Intent): string | undefined =>
  ['policy', 'east-west', 'unknown'].includes(intent.kind)
    ? outsiderOpens(intent)
    : // ("our on-prem server 10.100.4.9 … talks to the sqlapilb svc": a machine said to open it is no way out)
      intent.kind === 'egress'
      ? (intent.elsewhereIps ?? []).find((ip) => saidToOpen(intent.text, ip))
      : undefined;

/** A machine outside dialling a pod's own address comes in, whatever family the words read. */
function podAddressDialled(intent: Intent): void {
  if (!['pod', 'policy', 'east-west', 'egress', 'unknown', 'inbound'].includes(intent.kind)) return;
  const client = dialsPodAddress(intent.text, intent.entities ?? [], intent.elsewhereIps ?? []);
  if (client) Object.assign(intent, { kind: 'inbound', clientIp: client });
}

/** "our jump host 10.100.4.9 … connects to the sqlapilb service": a private machine said to open it is the client */
function privateClient(intent: Intent): void {
  if (intent.kind === 'inbound' && !intent.clientIp)
    intent.clientIp = (intent.elsewhereIps ?? []).find((ip) => askedWhetherOpens(intent.text, ip));
}

/** An address outside the cluster asked whether it opens a connection to a workload of ours: a client coming in. */
const outsiderOpens = (intent: Intent): string | undefined =>
  (intent.entities ?? []).some((e) => e.pods?.length)
    ? (intent.elsewhereIps ?? []).find((ip) => askedWhetherOpens(intent.text, ip))
    : undefined;

/** "how many blood units do we have in stock", "how many claims came in": a count asked of things that are no
 * part of a network path nor anything named in the cluster is out of scope (the bot counts load balancers, SNAT
 * ports, nodes, pods, addresses: https://learn.microsoft.com/azure/aks/concepts-network) */
const COUNTED = /\bhow many ([\w.-]+)(?: ([\w.-]+))?/;
const COUNTABLE_OF_OURS = new RegExp(
  String.raw`^(snat|ports?|nodes?|workers?|load|balancers?|lbs?|frontends?|backends?|ips?|ipv[46]|address(es)?|` +
    String.raw`public|private|outbound|inbound|egress|ingress(es)?|replicas?|pods?|instances?|vms?|vmss|machines?|` +
    String.raw`connections?|conns|flows?|packets?|requests?|calls?|clients?|callers?|rules?|polic(y|ies)|routes?|` +
    String.raw`services?|svcs?|hosts?|hostnames?|domains?|records?|zones?|dns|subnets?|vnets?|nsgs?|asgs?|hops?|` +
    String.raw`probes?|prefix(es)?|peerings?|endpoints?|namespaces?|clusters?|workloads?|deployments?|containers?|` +
    String.raw`gateways?|nat|firewalls?|nvas?|appliances?|nics?|interfaces?|cidrs?|ranges?|spokes?|hubs?|tunnels?|` +
    String.raw`sessions?|sockets?|listeners?|certs?|certificates?|tls|https?|tcp|udp|azure|network|networks|` +
    // (words that count nothing yet: "how many more", "how many of them", "how many times")
    String.raw`more|of|do|does|did|is|are|was|were|can|could|would|will|per|each|times|the|our|different|distinct|` +
    String.raw`separate|total|active|concurrent|simultaneous|open|parallel|new|extra|additional|max|maximum|exactly)$`,
);
function countsOtherThings(intent: Intent): boolean {
  const m = COUNTED.exec(intent.text);
  if (!m) return false;
  const named = new Set([...intent.names, ...(intent.entities ?? []).map((e) => e.text.split('/').pop()!)]);
  const words = [m[1], m[2]].filter((w): w is string => !!w);
  // (a word with a digit, a dash or a dot in it is a name: "how many db-0 connections")
  return words.every((w) => /^[a-z]+$/.test(w) && !COUNTABLE_OF_OURS.test(w) && !named.has(w)) && !intent.ips.length;
}

/** The intent once the entities are known (the text's cues alone can misread who is asking what). */
export function reconsider(intent: Intent): void {
  const t = intent.text;
  if (wholeListIs(t, outOfScope) || countsOtherThings(intent)) {
    intent.outOfScope = true;
    intent.kind = 'unknown';
    return;
  }
  dropLabels(intent);
  dropExcluded(intent);
  const pair = partiesOf(intent);
  const { evidence } = decideKeepingFirst(intent, pair);
  destinationAsked(intent);
  if (asksSeveral(intent, pair.several)) return;
  seenByOurPod(intent, evidence);
  eachListed(intent);
  // requests through the router to a workload: the router is the way in, not what the question is about
  // ("'Front Door -> ARO router -> sqlapi pods', is that the inbound chain?": a chain drawn ends at what is reached)
  if (intent.kind === 'inbound' && routerIsTheWayIn(t, evidence)) wayInNotAbout(intent);
  // ("which way do users come into the shop site, app gateway or nginx?": the controller is one of the ways weighed)
  if (intent.kind === 'inbound' && WAYS_DRAWN.some((e) => evidence.includes(e))) behindTheWayIn(intent);
  podAddressDialled(intent);
  if (intent.kind === 'egress') egressDestination(intent);
  const outsider = outsiderOf(intent);
  if (outsider) Object.assign(intent, { kind: 'inbound', clientIp: outsider });
  // read as inbound only now: an address said with it is the client's ("when 198.51.100.7 opens shop.contoso.com")
  if (intent.kind === 'inbound' && !intent.clientIp)
    intent.clientIp = saidClient(
      intent.text,
      // ("published on the hub firewall 51.104.20.30:443": an address said with its port is where the client goes)
      // ("posts to https://51.104.20.30": a URL's host is what the client opens)
      intent.ips.filter(
        (ip) =>
          isPublic(ip) && ip !== intent.towards && !whereClientGoes(intent.text, ip) && !intent.urlHosts?.includes(ip),
      ),
    );
  privateClient(intent);
  // (whatever the family: "sqlapi opens 20.67.170.10 via the ingress lb": the frontend opened is no client)
  if (intent.kind === 'inbound' || intent.clientIp) clientNotOurs(intent);
  ownBeforeQuoted(intent);
  intent.roles = rolesOf(intent);
  portOfName(intent);
  // "api service from web, what path": no port said, the target Service's only port is the one used
  const target = (intent.entities ?? []).find((e) => e.text === intent.roles?.target && e.kind === 'service');
  if (intent.port === undefined && target?.ports?.length === 1) intent.port = target.ports[0];
}

/** "> sqlapi-1-8jgx8 … reaches the Internet as 20.105.84.161. ok, and the router pods? do they go out …?": a quoted
 * line is the answer replied to, so a party the reply's own sentences name comes first, as the one asked about now */
function ownBeforeQuoted(intent: Intent): void {
  if (['east-west', 'policy'].includes(intent.kind)) return;
  const own = intent.text
    .split(/(?<=[.?!])\s+/)
    .filter((x) => !x.startsWith('>') && !RECALLED.test(x))
    .join(' ');
  const entities = intent.entities ?? [];
  const saysIt = (e: Entity) => new RegExp(String.raw`(^|[^\w-])${escapeRe(e.text)}(?![\w-])`).test(own);
  const parties = entities.filter((e) => e.kind !== 'namespace');
  if (own.length === intent.text.length || !parties.some(saysIt) || parties.every(saysIt)) return;
  intent.entities = [...entities.filter(saysIt), ...entities.filter((e) => !saysIt(e))];
}

/** "the source address presented to db-0 by api": the egress family answers what the Internet sees, so where one of
 * our pods is said to see the other's address, the far end is that pod, never the Internet (pod-to-pod traffic
 * keeps the pod IP: https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model) */
function seenByOurPod(intent: Intent, evidence: string[]): void {
  if (intent.kind !== 'egress' || !evidence.includes('source-seen-by-a-pod') || intent.destination) return;
  intent.kind = 'east-west';
  if (intent.model) intent.model.decided = 'rules: a pod of ours sees the source';
}

/** "can api send mail straight out, tcp 25 to 203.0.113.25?", "can web-… get to 8.8.8.8 on 443 with the forced tunnel
 * in place?": the far end the text's way-out words made a destination is, once another family is decided (a verdict
 * or path asked of the flow), the address that question is about */
function destinationAsked(intent: Intent): void {
  const far = intent.destination;
  if (intent.kind === 'egress' || intent.kind === 'unknown' || !far || intent.ips.includes(far)) return;
  intent.ips = [...intent.ips, far];
  delete intent.destination;
}

/** "outbound public IP for web, api and db-0": one ask of each workload listed, answered in turn */
function eachListed(intent: Intent): void {
  if (intent.questions) return;
  const each = eachSubject(intent);
  if (each) intent.questions = each.map((q) => q.text);
}

/** The family decided; when several questions are asked in one message, the first one's family is the message's
 * (each is answered on its own). */
function decideKeepingFirst(intent: Intent, pair: ReturnType<typeof partiesOf>): ReturnType<typeof decideFamily> {
  const first = intent.questions?.length ? intent.kind : undefined;
  const decided = decideFamily(intent, pair);
  if (first && first !== 'unknown') intent.kind = first;
  return decided;
}

/** "the DB in hub 10.100.2.10": a name said as the label of an address no pod has is that far end, not a party. */
function dropLabels(intent: Intent): void {
  const labels = (intent.entities ?? []).filter((e) => labelsAnAddress(e, intent)).map((e) => e.text);
  if (!labels.length) return;
  intent.entities = intent.entities!.filter((e) => !labels.includes(e.text));
  intent.names = intent.names.filter((n) => !labels.includes(n));
  intent.refs = intent.refs.filter((r) => !labels.includes(r.name));
}

/** "not the web pod, the api one: which node is it on": a name said as not meant, the other said after it in its
 * place, is no subject */
function takenBack(intent: Intent): void {
  const m = new RegExp(
    // (a name ends before a full stop: "… not web, db-0.")
    String.raw`(?:^|[\s(.?!:;—–-])not (?:the )?([a-z0-9](?:[a-z0-9./-]*[a-z0-9])?)` +
      String.raw`(?: pods?| one| service| svc| deployment)?,\s*` +
      String.raw`(?:but |i mean |rather )?(?:the )?([a-z0-9](?:[a-z0-9./-]*[a-z0-9])?)`,
  ).exec(intent.text);
  if (!m || m[1] === m[2]) return;
  const parties = (intent.entities ?? []).filter((e) => ['pod', 'workload', 'service'].includes(e.kind));
  const [out, meant] = [parties.find((e) => e.text === m[1]), parties.find((e) => e.text === m[2])];
  if (!out || !meant || out.matched === meant.matched) return;
  intent.entities = intent.entities!.filter((e) => e.text !== out.text);
  intent.names = intent.names.filter((n) => n !== out.text);
  intent.refs = intent.refs.filter((r) => r.name !== out.text);
  // ("… pull from web. … not web, db-0.": the one taken back is no client either)
  if (intent.from === out.text) intent.from = undefined;
}

/** "can anything other than api reach db-0? start with web": a name said as the one left out is no party, when two
 * others are named to take the roles */
function dropExcluded(intent: Intent): void {
  takenBack(intent);
  const m = new RegExp(
    String.raw`\b(?:anything|anyone|anybody|something|any (?:other )?pods?|pods?|workloads?) ` +
      String.raw`(?:other than|except|besides|apart from|but) (?:the )?([a-z0-9][a-z0-9./-]*)`,
  ).exec(intent.text);
  const out = m?.[1];
  const parties = (intent.entities ?? []).filter((e) => ['pod', 'workload', 'service'].includes(e.kind));
  if (!m || !parties.some((e) => e.text === out) || parties.filter((e) => e.text !== out).length < 2) return;
  intent.entities = intent.entities!.filter((e) => e.text !== out);
  intent.names = intent.names.filter((n) => n !== out);
  intent.refs = intent.refs.filter((r) => r.name !== out);
  // ("… start with web": the one given as the first to check stands where "anything" was)
  const example =
    /\b(?:start(?:ing)? with|begin(?:ning)? with|for example|such as|e\.g\.?)\s+(?:the\s+)?([a-z0-9][a-z0-9./-]*)/.exec(
      intent.text,
    )?.[1];
  if (example && parties.some((e) => e.text === example)) intent.text = intent.text.replace(m[0], example);
}

/** A LoadBalancer Service's frontend or a ClusterIP (a pasted `get svc -o json` shows them) is where the client goes,
 * never the client: another address said, if any, is the client's
 * https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer */
function clientNotOurs(intent: Intent): void {
  const ours = [...(intent.frontendIps ?? []), ...(intent.clusterIps ?? [])];
  if (intent.clientIp && ours.includes(intent.clientIp))
    intent.clientIp = saidClient(
      intent.text,
      intent.ips.filter((ip) => !ours.includes(ip) && ip !== intent.towards),
    );
}

const CHAIN = /(->|→)[^>→]+(->|→)/;
const routerIsTheWayIn = (t: string, evidence: string[]): boolean =>
  evidence.some((e) => e === 'requests-through-router' || e === 'seen-behind-the-way-in') ||
  CHAIN.test(t) ||
  ROUTER_FOR.test(t);
/** "will hit the router for sqlapilb", "the router for route sqlapilb": the router said as the way in to a route */
const ROUTER_FOR =
  // ("the router pods sit in front of sqlapi": its pods, said to stand there)
  new RegExp(
    String.raw`\b(?:the |openshift |default )?router(?: pods?)?(?: (?:sits?|sitting|is|are|stands?))? ` +
      String.raw`(?:for|of|in front of) (?:the )?(?:route |app )?[a-z0-9][\w-]*`,
  );
/** The router, and an Azure way in said by its kind ("AFD → router → pod: walk me through that path"), are hops of the
 * way in, not what is asked about; with nothing else named, the way in the inventory holds is followed to its pods
 * https://learn.microsoft.com/azure/openshift/howto-secure-openshift-with-front-door */
function wayInNotAbout(intent: Intent): void {
  const about = intent.names.filter((n) => !/^(router|routers|ingress|route)$/.test(n) && !AZURE_KIND.test(n));
  if (about.length) intent.names = about;
  else if (intent.names.some((n) => AZURE_KIND.test(n))) {
    intent.names = [];
    intent.entities = (intent.entities ?? []).filter((e) => !WAY_IN_POD.test(e.matched));
  }
}
const AZURE_KIND = /^(afd|front-?door|agc|app-?gw|agw)$/;
/** Evidence that the ingress controller's pods named are hops of the way in, not what is asked about */
const WAYS_DRAWN = ['client-drawn-in', 'ways-in-weighed'];

/** The family: the rules' scores (score.ts) and the trained model (classify.ts), combined (combine.ts). */
function decideFamily(intent: Intent, pair: ReturnType<typeof partiesOf>): { evidence: string[] } {
  const { scores, evidence } = scoreFamilies(seen(intent, pair));
  intent.scores = scores;
  intent.evidence = evidence;
  const top = classify(intent);
  // a follow-up ("and what about sqlapi?") carries the conversation's family, which the model does not see
  const carried = intent.kind !== 'unknown' && topKind(intent.cues ?? {}) === 'unknown';
  const chosen = carried
    ? { ...choose(scores, evidence), decided: 'rules: a follow-up keeps the last family' }
    : combine(choose(scores, evidence), evidence, top);
  intent.kind = chosen.kind;
  if (chosen.close) intent.close = chosen.close;
  if (top.length)
    intent.model = { top: top.slice(0, 3).map(({ kind, p }) => ({ kind, p: +p.toFixed(2) })), decided: chosen.decided };
  return { evidence };
}

/** "client → LB → which nginx pod, then to web?": the ingress controller's pods are hops of the way in; the workload
 * behind them is what the question is about */
function behindTheWayIn(intent: Intent): void {
  const wayIn = (intent.entities ?? []).filter((e) => WAY_IN_POD.test(e.matched)).map((e) => e.text);
  const about = intent.names.filter((n) => !wayIn.includes(n));
  if (!wayIn.length || !about.length) return;
  intent.names = about;
  intent.entities = intent.entities!.filter((e) => !wayIn.includes(e.text));
}

/** "web pods call api on the http port": the name stands for the port the target declares by that name */
function portOfName(intent: Intent): void {
  const party = intent.roles?.target ?? intent.roles?.subject;
  const named = (intent.entities ?? []).find((e) => e.text === party || e.matched === party);
  if (intent.port === undefined && named && intent.namedPorts?.[named.text] !== undefined)
    intent.port = intent.namedPorts[named.text];
}

/** A pod of an ingress controller or the OpenShift router (ingress-nginx-controller-…, router-default-…) */
const WAY_IN_POD = /(^|\/)(router|[a-z0-9-]*ingress[a-z0-9-]*)[/-]/;

// only where the clause ends there or points back ("but api can", "but api can reach it"): "but web can still call
// api on 8080" says the pair itself
const CONTRAST = new RegExp(
  // ("web gets timeouts … while api is fine": said of another at the same time, it is set against the one failing)
  String.raw`\b(?:but|while|whereas|whilst)\s+(?:the\s+)?([a-z0-9][\w./-]*)\s+(?:pods?\s+)?` +
    String.raw`(?:can|does|do|works?|is fine|connects?|` +
    String.raw`gets? through)\b(?=\s*(?:$|[.,;!?)]|(?:[a-z']+\s+){0,2}(?:it|them|that|there|fine|ok|too)\b))`,
);

/** The parties in the order said (each once): names ("ns/name" when said with a namespace) and pod IPs as their
 * pods; a directed pair ("X -> Y", "allow X to reach Y") puts its client and target first. */
export function partiesOf(intent: Intent): {
  parties: string[];
  ips: string[];
  from?: string;
  directed?: boolean;
  several?: Pair[];
} {
  const podIps = (intent.entities ?? []).filter((e) => e.kind === 'pod-ip');
  const places = new Set(
    (intent.entities ?? []).filter((e) => e.kind === 'namespace' || e.kind === 'node').map((e) => e.text),
  );
  const named = namedSides(intent, places);
  // a pod said by name and by its address in a pasted `get pods -o wide` row ("api-5f6d… 1/1 Running 0 6d
  // 10.244.2.15") is one party
  const rowOf = (e: Entity) =>
    (intent.entities ?? []).some(
      (n) =>
        n.kind === 'pod' &&
        n.matched === e.matched &&
        named.some((x) => x.p === n.text) &&
        // (the row's columns: name, READY "1/1", STATUS, restarts, age, IP)
        new RegExp(
          String.raw`${escapeRe(n.text)}\s+\d+/\d+\s+[a-z]+\s+\d+(\s+\(\S+ ago\))?\s+\S+\s+${escapeRe(e.text)}\b`,
        ).test(intent.text),
    );
  const byIp = podIps.filter((e) => !rowOf(e)).map((e) => ({ p: e.matched, forms: [e.text] }));
  const both = [...named, ...byIp].map((x) => ({ ...x, at: positionOf(intent.text, x.forms) }));
  // "web can't reach the database but api can": the one that works is a comparison, not a party
  const works = CONTRAST.exec(intent.text)?.[1];
  const kept = both.filter((x) => !works || !x.forms.includes(works));
  const all = works && new Set(kept.map((x) => x.p)).size >= 2 ? kept : both;
  const said = [...new Set(all.sort((a, b) => a.at - b.at).map((x) => x.p))];
  const fromIp = sourceSaid(intent.text);
  // only what the inventory knows (or a DNS name) takes a side: "x/b cannot talk to x/a" is not from "cannot"
  const known = (p: string) => p.includes('.') || (intent.entities ?? []).some((e) => e.text === p || e.matched === p);
  const sides = all.filter((x) => known(x.p));
  const pair = failedConnection(intent.text, sides, podIps, intent.from) ?? direction(intent.text, sides);
  const saidParties = pair ? [...new Set([pair.client, pair.target, ...said])] : said;
  const excluded = excludedAsked(intent.text, saidParties.filter(known));
  const letIn = (p: string) => !!excluded && onlyLetIn(intent, p);
  // ("every connection from the turbine log API … for sqlapi": a word the inventory does not know, said after "from"
  // where two known parties, a whole pair, are said, describes one of them; it takes no side)
  const from =
    excluded ??
    pair?.client ??
    podIps.find((e) => e.text === fromIp)?.matched ??
    saidParties.find(
      (p) => p.split('/').pop() === intent.from && (known(p) || saidParties.filter(known).length !== 2),
    ) ??
    clientOfPorted(intent.text, sides) ??
    databaseClient(intent, saidParties.filter(known));
  // the client's own pods said again (its address: "does db-0 see 10.225.2.15", api's) are no other party
  const entities = intent.entities ?? [];
  const ips = addressesAsked(intent, podIps);
  const aside = asideOfReached(intent.text, ips, all);
  const parties = saidParties.filter(
    (p) => p === from || (!sameParty(entities, p, from) && !letIn(p) && !aside.has(p)),
  );
  const several = distinctPairs(entities, (pair as { several?: Pair[] } | undefined)?.several ?? [], intent.text);
  const pin = pinnedPod(entities, podIps);
  return {
    parties: [...new Set(parties.map(pin))],
    ips,
    from: from && pin(from),
    directed: !!pair,
    ...severalOf(several),
  };
}

/** "can api reach 10.100.2.10 on 1433 in the hub? the MRI DB replica sits there": an address said as what the client
 * reaches is the far end; a name said only in another sentence (one describing the place) is no party to it */
function asideOfReached(text: string, ips: string[], all: { p: string; at: number }[]): Set<string> {
  const reached = ips.map((a) => REACHED_ADDRESS(a).exec(text)).find((m) => m);
  if (!reached) return new Set();
  const sentence = (at: number) => text.slice(0, at).split(/[.?!](?:\s|$)/).length;
  const own = new Set(all.filter((x) => sentence(x.at) === sentence(reached.index)).map((x) => x.p));
  // (only with the client said in that sentence, before the address)
  if (!all.some((x) => own.has(x.p) && x.at < reached.index)) return new Set();
  return new Set(all.filter((x) => !own.has(x.p)).map((x) => x.p));
}
// (a flow's verb right before the address: https://kubernetes.io/docs/concepts/services-networking/network-policies/)
const REACHED_ADDRESS = (ip: string) =>
  new RegExp(
    String.raw`\b(?:reach|access|connect to|talk to|get to|hit|open|call)\s+(?:the\s+)?(?:ip\s+|address\s+)?` +
      String.raw`${escapeRe(ip)}(?![\d.])`,
  );

/** The names said as sides, with the workload names said for a pod named in full ("sqlapi-1-8jgx8 … -> sqlapi") */
const namedSides = (intent: Intent, places: Set<string>): { p: string; forms: string[] }[] =>
  intent.refs
    .filter((r) => !places.has(r.namespace ? `${r.namespace}/${r.name}` : r.name))
    .map((r) => {
      const p = r.namespace ? `${r.namespace}/${r.name}` : r.name;
      // (a pod written with its namespace, "project1/server-1-ppl25", is said again by its workload's word under
      // that whole name: "> Yes: …/server-1-ppl25 … / and the router to server?")
      return {
        p,
        forms: [...sideForms(r), ...new Set([...(intent.saidAs?.[r.name] ?? []), ...(intent.saidAs?.[p] ?? [])])],
      };
    });

/** "server:1433 — sqlapi allowed?": of two parties with no link word between them, the one written host:port is
 * where the connection goes, the other its client (a Service is reached on its port:
 * https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service) */
function clientOfPorted(text: string, sides: { p: string; forms: string[] }[]): string | undefined {
  // (an address with a port is a flow's end of either side: "10.244.0.12:40000 -> …" has its source port)
  const ported = (f: string) =>
    !/^\d{1,3}(\.\d{1,3}){3}$/.test(f) && new RegExp(String.raw`(?<![\w.-])${escapeRe(f)}:\d{1,5}\b`).test(text);
  const targets = new Set(sides.filter((x) => x.forms.some(ported)).map((x) => x.p));
  const others = new Set(sides.map((x) => x.p).filter((p) => !targets.has(p)));
  return targets.size === 1 && others.size === 1 ? [...others][0] : undefined;
}

/** "10.224.0.6:43211 -> 8.8.8.8:25 … api → 8.8.8.8": an address a pasted flow is drawn from (a node's, after SNAT) is
 * where the flow starts, never its far end: the addresses it goes to come first
 * https://learn.microsoft.com/azure/aks/egress-outboundtype */
function addressesAsked(intent: Intent, podIps: Entity[]): string[] {
  const t = intent.text;
  // "10.10.1.0/24" in a pasted rule list is a range, never a party
  const prefix = (ip: string) => new RegExp(String.raw`\b${escapeRe(ip)}/\d{1,2}\b`).test(t);
  const ips = intent.ips.filter((ip) => !podIps.some((e) => e.text === ip) && !prefix(ip));
  const from = (ip: string) => new RegExp(String.raw`(?<![\d.])${escapeRe(ip)}(?::\d{1,5})?\s*(?:->|→)`).test(t);
  return [...ips.filter((ip) => !from(ip)), ...ips.filter(from)];
}

const severalOf = (several: Pair[]) => (several.length >= 2 ? { several } : {});

/** "10.244.0.7 … the ingress controller's connection": a workload of several pods, one of them said by its address
 * too, is that pod (https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/) */
const pinnedPod =
  (entities: Entity[], podIps: Entity[]) =>
  (p: string): string => {
    const e = entities.find((x) => x.text === p && x.kind === 'workload' && (x.pods?.length ?? 0) > 1);
    const said = e && podIps.filter((x) => e.pods!.includes(x.matched));
    return said?.length === 1 ? said[0].matched : p;
  };

type Pair = { client: string; target: string; asks?: boolean };

/** The pairs that name other pods (a workload said by name and one of its pods by its name are the same party). */
function distinctPairs(entities: Entity[], pairs: Pair[], text: string): Pair[] {
  const pods = (p: string) => {
    const e = entities.find((x) => x.text === p || x.matched === p);
    return e?.pods ?? [e?.matched ?? p];
  };
  const meets = (a: string, b: string) => pods(a).some((x) => pods(b).includes(x));
  // (the same two said the other way round are the same pair: "db refused from web … web -> db:5432"; unless each
  // way is asked on its own, "can api reach db and can db reach api?", or each way has a port of its own: "sqlapi →
  // server:1433, and server → sqlapi:8080" are two flows, a connection is one port's
  // https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors)
  const ported = (x: Pair, y: Pair) => {
    const [a, b] = [portAfter(text, x.target), portAfter(text, y.target)];
    return a !== undefined && b !== undefined && a !== b;
  };
  const same = (x: Pair, y: Pair) =>
    (meets(x.client, y.client) && meets(x.target, y.target)) ||
    (meets(x.client, y.target) && meets(x.target, y.client) && !(x.asks && y.asks) && !ported(x, y));
  return pairs.filter((x, i) => !pairs.slice(i + 1).some((y) => same(x, y)));
}

/** Several pairs asked in one message: one answered for all would be a confident guess, so each is a button. */
function asksSeveral(intent: Intent, several: Pair[] | undefined): boolean {
  if ((intent.kind !== 'east-west' && intent.kind !== 'policy') || !several) return false;
  intent.pairs = severalPairs(intent, several);
  intent.close = [intent.kind];
  intent.kind = 'unknown';
  return true;
}

/** "path web -> api:8080; path api -> db-0:5432", "confirm api → db-0 is allowed and web → db-0 stays blocked":
 * several pairs asked and nothing singles one out; each is offered (with the port written after its target). */
function severalPairs(intent: Intent, several: Pair[]): NonNullable<Intent['pairs']> {
  return several.map(({ client, target }) => {
    const port = portAfter(intent.text, target);
    return { client, target, ...(port !== undefined ? { port } : {}) };
  });
}

/** "tcpdump on db-0 shows src 10.244.2.15", "src=10.244.2.15" in a flow log: the source address is the client's */
const sourceSaid = (text: string): string | undefined =>
  /\b(?:from|when|logs?|logged|logging|sees?|seeing|src|source)\s*[=:]?\s*(\d{1,3}(?:\.\d{1,3}){3})\b/.exec(
    text,
  )?.[1] ?? peerSaid(text);

/** "<ss -tn on db-0> that peer connecting to db-0 on 5432 …": a socket listing's peer address, pointed back at as the
 * one connecting, is the client (ss lists the local address, then the peer's: https://man7.org/linux/man-pages/man8/ss.8.html) */
function peerSaid(text: string): string | undefined {
  if (!/\blocal address:port\s+peer address:port\b/.test(text)) return undefined;
  if (!/\b(the|that|this) peer\b[^.?!]{0,20}\b(connect\w*|call\w*|talk\w*|hit\w*|reach\w*|open\w*)\b/.test(text))
    return undefined;
  return /\b\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}\s+(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}\b/.exec(text)?.[1];
}

/** The port written after a target ("db-0:5432", "db-0 on tcp 5432", "db-0 port 5432"). */
function portAfter(text: string, target: string): number | undefined {
  const short = escapeRe(target.split('/').pop()!);
  const port = new RegExp(String.raw`\b${short}(?::|\s+on\s+(?:tcp\s+|port\s+)*|\s+port\s+|\s+)(\d{1,5})\b`).exec(
    text,
  )?.[1];
  return port ? Number(port) : undefined;
}

/** A pasted client error names where it tried to go: "connection to server at "X" (ip) … failed", "dial tcp X:5432",
 * "could not connect to X"; the pod the message says it came from ("that's from web-…") or whose logs it is ("(web-…
 * logs)") is the client. */
const FAILED_TO = new RegExp(
  // Node's "Error: connect ETIMEDOUT 10.244.1.9:5432" too
  String.raw`\b(?:connection to|could not connect to|failed to connect to|unable to connect to|dial (?:tcp|udp)|` +
    String.raw`connect (?:etimedout|econnrefused|ehostunreach|enetunreach|econnreset))\s+` +
    String.raw`"?([a-z0-9][a-z0-9.-]*[a-z0-9])"?(?::\d+)?(?:\s*\((\d{1,3}(?:\.\d{1,3}){3})\))?`,
);

function failedConnection(
  text: string,
  parties: { p: string; forms: string[] }[],
  podIps: { text: string; matched: string }[],
  from?: string,
): { client: string; target: string } | undefined {
  const m = FAILED_TO.exec(text);
  if (!m) return undefined;
  const ipPod = (ip?: string) => podIps.find((e) => e.text === ip)?.matched;
  const target = parties.find((x) => x.forms.includes(m[1]))?.p ?? ipPod(m[1]) ?? ipPod(m[2]);
  const client = parties.find(
    (x) => x.p !== target && (from ? x.p.split('/').pop() === from : x.forms.some((f) => loggedBy(text, f))),
  )?.p;
  return target && client ? { client, target } : undefined;
}

/** "(web-7d4b9c8f6d-abcde logs)", "web's logs", "the logs of web": the error was logged by that pod, its caller. */
const loggedBy = (text: string, form: string): boolean => {
  const f = escapeRe(form);
  return new RegExp(String.raw`(^|[\s(])${f}('s)?( pod)? logs?\b|\blogs? (of|from) (the )?${f}\b`).test(text);
};

/** How a party may be written where it takes a side: a one- or two-letter name ("a") only with its namespace, so
 * the article in "send a request to c" is not pod a. */
function sideForms(r: NameRef): string[] {
  if (r.name.length > 2 || !r.namespace) return formsOf(r);
  const ns = r.namespace;
  return [
    `${ns}/${r.name}`,
    `${r.name}.${ns}`,
    ...['in', 'in namespace', '-n', 'from', 'from namespace', 'of namespace'].map((w) => `${r.name} ${w} ${ns}`),
  ];
}

/** "connection logs on the server database … which address sqlapi appears as": of two parties, the one said as the
 * database receives the connection, the other makes it. */
function databaseClient(intent: Intent, said: string[]): string | undefined {
  // ("…, and does kube-proxy rewrite anything on the way?": a party said to rewrite the packets is a hop on the way,
  // no end of the connection https://kubernetes.io/docs/reference/networking/virtual-ips/)
  const parties = said.filter((p) => !rewriterSaid(intent.text, p));
  if (parties.length !== 2) return undefined;
  const db = parties.filter((p) =>
    new RegExp(String.raw`\b${escapeRe(p.split('/').pop()!)} (database|db)(?![\w.-])`).test(intent.text),
  );
  if (db.length === 1) return parties.find((p) => p !== db[0]);
  // "what source address do api's connections arrive with on 5432?": the one whose connections arrive opens them
  const opens = parties.filter((p) => arrivingOf(p).test(intent.text));
  if (opens.length === 1) return opens[0];
  // "the source address presented to db-0 by api", "on the db server (db-0), what address will web show up as",
  // "what source IP does web see": the one that sees or logs the source receives the connection, the other makes it
  const viewer = viewerOf(intent.text, parties);
  return viewer.length === 1 ? parties.find((p) => p !== viewer[0]) : undefined;
}

/** "does kube-proxy rewrite anything", "is it SNATed by the firewall": a party said to rewrite or translate */
const rewriterSaid = (text: string, p: string): boolean => {
  const n = escapeRe(p.split('/').pop()!);
  return new RegExp(
    String.raw`\b${n}(?:['’]s)? (?:(?:still|also|ever|even|really) )?(?:rewrites?|rewriting|s?nats?|s?natting|` +
      String.raw`dnats?|translates?|translating|masquerades?|mangles?|changes? the (?:source|src|address))\b|` +
      String.raw`\b(?:rewritten|s?natt?ed|dnatt?ed|translated|masqueraded|changed) (?:\w+ )?by (?:the )?${n}\b`,
    'i',
  ).test(text);
};

/** "api's connections arrive", "the web requests land": what a party sends, said to arrive at the other */
const arrivingOf = (p: string) =>
  new RegExp(
    String.raw`\b${escapeRe(p.split('/').pop()!)}(?:['’]s)? (?:pods?['’]?s? )?` +
      String.raw`(?:connections?|requests?|calls?|traffic|packets|queries|sessions?) ` +
      String.raw`(?:[\w-]+ ){0,2}?(?:arrives?|arriving|lands?|landing|shows? up|comes? in|coming in)\b`,
    'i',
  );

/** A party that stands only for the client's own pod ("api", one replica, and the api pod its address matched). */
function sameParty(entities: Entity[], a: string, client: string | undefined): boolean {
  if (!client) return false;
  const pods = entities.filter((e) => e.text === a || e.matched === a).flatMap((e) => [e.matched, ...(e.pods ?? [])]);
  return pods.length > 0 && pods.every((p) => p === client);
}

/** Who is who, as `packet-path parse` shows it: the subject, or the client and target of a pair question. */
function rolesOf(intent: Intent): Intent['roles'] {
  const entities = intent.entities ?? [];
  if (intent.kind === 'east-west' || intent.kind === 'policy') {
    const { parties, ips, from } = partiesOf(intent);
    // "timeouts to the postgres db-0": a word the inventory does not know is no target while a known party is said
    const knownParty = (p: string) => p.includes('.') || entities.some((e) => e.text === p || e.matched === p);
    const client = from ?? parties[0];
    const target = parties.find((p) => p !== client && knownParty(p)) ?? parties.find((p) => p !== client) ?? ips[0];
    // "policies on db-0", "is x/b isolated?": one party the inventory knows is the subject of its policies
    const known = entities.filter((e) => e.kind !== 'namespace' && e.kind !== 'node');
    const one = new Set(known.map((e) => e.matched)).size === 1 && !ips.length;
    const other = known.some((e) => e.text === target || e.matched === target) || !!ips.length;
    if (intent.kind === 'policy' && one && !other) return { subject: known[0].matched };
    // "what does api-deny-all block": nothing of the inventory named, one name: the policy asked about
    if (intent.kind === 'policy' && !known.length && !ips.length && parties.length === 1)
      return { subject: parties[0] };
    return { client, target };
  }
  // "which DNS server does web use" after a pasted lookup of api.shop: the pod whose resolver is asked
  const resolver =
    intent.kind === 'dns' && RESOLVER_ASKED.test(intent.text)
      ? askers(entities).find(
          (e) =>
            ['pod', 'workload', 'pod-ip'].includes(e.kind) &&
            (!intent.from || e.text === intent.from) &&
            // "which name server": the word, not a workload called server
            !new RegExp(String.raw`\b(dns|name) ?${e.text}\b`).test(intent.text),
        )
      : undefined;
  const first = resolver ?? entities.find((e) => e.kind !== 'namespace');
  return first ? { subject: first.matched } : undefined;
}

/** "db-0 only accepts 5432 from api. does web get denied?", "only api can reach the database (web must be denied)":
 * where only one client is let in, the other party said as denied is the client the check is about */
function excludedAsked(text: string, parties: string[]): string | undefined {
  if (!/\bonly\b/.test(text)) return undefined;
  return parties.find((p) => {
    const short = escapeRe(p.split('/').pop()!);
    return new RegExp(
      String.raw`(?:^|[\s(.?!])(?:(?:does|do|is|are|will|would)\s+)?(?:the\s+)?${short}(?:\s+pods?)?\s+` +
        String.raw`(?:gets?|must be|should be|is|are|will be|stays?|remains?)?\s*(?:denied|blocked|dropped|rejected)\b`,
    ).test(text);
  });
}

/** The one client said as the only one let in ("only api can reach …", "… only accepts 5432 from api") */
const onlyLetIn = (intent: Intent, p: string): boolean => {
  const short = p.split('/').pop()!;
  // ("only the dispensing API (api) may open …": the one let in may be described first and named in brackets)
  return (
    short === intent.from ||
    new RegExp(String.raw`\bonly (?:the )?(?:(?:[\w-]+ ){0,2}\()?${escapeRe(short)}\b`).test(intent.text)
  );
};

/** The cluster DNS's own pods answer, they do not ask ("dns-default forwards where … for the server pod"). */
const CLUSTER_DNS = /^(coredns|kube-dns|dns-default|node-local-?dns)(-|$)/;
const askers = (entities: Entity[]): Entity[] => {
  const others = entities.filter((e) => !CLUSTER_DNS.test(e.text.split('/').pop()!));
  return others.length ? others : entities;
};

/** Words for a pod's way to its DNS server (not the name it looks up). */
const RESOLVER_ASKED = new RegExp(
  String.raw`\b(dns|name) ?(servers?|path|quer(y|ies)|lookups?|resolution|config\w*)\b|\bresolvers?\b|resolv\.conf|` +
    String.raw`\b(coredns|dns-default)\b`,
);
