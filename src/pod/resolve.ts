// "Where is pod X?": the pod the question names, and how the name was read.
import { isReply, type Ctx, type Noted } from '../family';
import type { Pod } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { PODS_HOSTED, PODS_POINTED_BACK, podsOfNodeSaid } from '../nlu/patterns';
import { comparedPods, findPod } from '../nlu/subjects';
import { isClusterDnsPod } from '../path/dns';
import type { PathResult } from '../path/result';
import { spec } from './spec';

export interface PodSubjects extends Noted {
  pod: Pod;
  /** every replica when a workload was named */
  group?: Pod[];
}

export async function resolve(intent: Intent, ctx: Ctx): Promise<PodSubjects | PathResult> {
  const onNode =
    (await podsOnNode(intent, ctx)) ?? (await clusterDnsPods(intent, ctx)) ?? (await podsOfNamespace(intent, ctx));
  if (onNode) return onNode;
  const other = await otherReplicas(intent, ctx);
  if (other) return other;
  const found = await findPod(intent, ctx, spec);
  if (isReply(found)) return found;
  const listed = (await listedPods(intent, ctx, found.pod)) ?? (await comparedPods(intent, ctx, SAME_PLACE));
  if (listed) return { pod: listed[0], notes: [found.note], group: listed };
  // "is kube-proxy on the new node vmss000003?": of a workload's replicas, the one on the node named
  // (only a node said as the place: "on vmss000003"; "before we drain vmss000001, where are the web pods" asks for all)
  const nodes = (intent.entities ?? [])
    .filter(
      (e) => e.kind === 'node' && new RegExp(String.raw`\bon (the )?([\w-]+ )?(node )?${e.text}\b`).test(intent.text),
    )
    .map((e) => e.matched);
  const onIt = found.group?.filter((p) => nodes.includes(p.spec?.nodeName ?? ''));
  if (nodes.length === 1 && onIt?.length === 1) return { pod: onIt[0], notes: [found.note, `the one on ${nodes[0]}`] };
  return { pod: found.pod, notes: [found.note], group: found.group };
}

/** "I found web-…-abcde on vmss000000. where's the other web pod?": of the replicas of a pod named, the ones not
 * named (one owner, one pod template: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/) */
async function otherReplicas(intent: Intent, ctx: Ctx): Promise<PodSubjects | undefined> {
  const m = /\bthe other (?:([\w-]+) )?(?:pods?|replicas?|ones?)\b/.exec(intent.asking ?? intent.text);
  if (!m) return undefined;
  const said = (intent.entities ?? []).filter((e) => e.kind === 'pod' && (!m[1] || e.text.startsWith(`${m[1]}-`)));
  if (said.length !== 1) return undefined;
  const pods = await ctx.trace.list('pods', () => ctx.inv.list('Pod'));
  const one = pods.find((p) => `${p.metadata.namespace}/${p.metadata.name}` === said[0].matched);
  const owner = one?.metadata.ownerReferences?.[0]?.name;
  if (!one || !owner) return undefined;
  const group = pods.filter(
    (p) =>
      p !== one &&
      p.metadata.namespace === one.metadata.namespace &&
      p.metadata.ownerReferences?.[0]?.name === owner &&
      p.status?.phase === 'Running',
  );
  if (!group.length) return undefined;
  const note = `the other ${group.length > 1 ? 'replicas' : 'replica'} of ${owner}`;
  return { pod: group[0], notes: [note], ...(group.length > 1 ? { group } : {}) };
}

/** "those", "these", "each of them": the question points back at what was listed */
const THOSE = /\b(those|these|them|each|all of them|both)\b/;

/** "<pasted oc get pods> which nodes are those on?": every pod of a pasted table, each answered, when the sentence
 * that asks points back at them and names none itself */
async function listedPods(intent: Intent, ctx: Ctx, first: Pod): Promise<Pod[] | undefined> {
  const rows = intent.pasted ?? [];
  // ("pod/web-…\npod/db-0\nnodes for these?": `-o name` lines, each a sentence; the one pointing back asks)
  const asking = (intent.asking ?? intent.text)
    .split(/(?<=[.?!])\s+/)
    .filter((s) => THOSE.test(s))
    .pop();
  if (rows.length < 2 || !asking || rows.some((r) => asking.includes(r))) return undefined;
  const pods = await ctx.trace.list('pods', () => ctx.inv.list('Pod'));
  const ns = first.metadata.namespace;
  const found = rows.flatMap((r) => pods.filter((p) => p.metadata.name === r && p.metadata.namespace === ns));
  return found.length >= 2 ? found : undefined;
}

/** "is db-0 on the same node as a web pod?": two workloads compared by where they run */
// ("which node is 10.244.2.6 on, is that the same one as api?": the node said before, then "the same one")
// ("are sqlapi and server on the same worker?": OpenShift's compute nodes are its workers
// https://docs.openshift.com/container-platform/4.15/nodes/nodes/nodes-nodes-working.html)
const SAME_PLACE = new RegExp(
  String.raw`\b(same|different|separate) (node|host|vm|machine|worker)s?\b|` +
    String.raw`\bshare (a|the|one) (node|host|vm|machine|worker)\b|` +
    // ("… on another worker?", "spread out?", "co-located?": the same, said of where each runs)
    String.raw`\b(another|other) (node|host|vm|machine|worker|box)\b|\bspread (out|across|over)\b|\bco-?located\b|` +
    String.raw`\bnode\b.*\bsame one\b`,
);

/** "which pods run on that node?", "what pods are on aks-…-vmss000002": the pods asked by the node they run on */
// ("what workloads live there?": pods said as the workloads, apps or containers they run)
const RUNNERS = String.raw`(?:pods?|workloads?|apps?|containers?)`;
const PODS_ON_NODE = new RegExp(
  String.raw`\b(which|what|any|list( the)?|all( the)?) ${RUNNERS}\b.{0,40}\b(on|in)\b|` +
    // "what's on node …", "what is running on vmss000001"
    String.raw`\bwhat(?:'s| is| runs)?(?: running| scheduled| living)? on\b|` +
    // ("the pod on aks-dbpool-…-vmss000000 — what is it?": a pod said by its node alone, no name of its own)
    String.raw`\b(?:the|a|that) pods? (?:running |scheduled )?on\b|` +
    // ("pods on node aro2-…-wl4vw?": asked in two words and the node)
    String.raw`^\W*pods (?:running |scheduled )?on\b|` +
    // ("what actually runs on it?", "what's actually running on it?")
    String.raw`\bwhat(?:'s| is)? (?:actually |really |even |else )?` +
    String.raw`(?:runs|running|is running|is scheduled|lives) on\b|` +
    // ("going to cordon vmss000001 - what's running there?": the node said before, pointed back at)
    // (https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/)
    String.raw`\bwhat(?:'s| is)? (?:still |actually )?(?:running|scheduled|living|runs|lives) there\b|` +
    // ("draining vmss000001 tonight, what pods live there?": the pods asked of the node said before)
    String.raw`\b(?:which|what|any) (?:of (?:our|the|my) )?${RUNNERS} (?:still |actually )?` +
    String.raw`(?:live|run|sit|reside|are|are running|are scheduled|is running) there\b|` +
    // ("… tonight: list the pods living there": the pods asked of the node said before)
    String.raw`${PODS_POINTED_BACK}|` +
    // ("maintenance on aks-apppool-…-vmss000000: which pods share that VM?": the node said, its VM pointed at)
    String.raw`\b(?:which|what) (?:other )?${RUNNERS} (?:share|are on|sit on|live on|run on) ` +
    String.raw`(?:that|this|the|its) (?:node|vm|machine|host|worker|box|instance)\b|` +
    // ("vmss000002 goes into maintenance. which of our pods get evicted?": a node drained evicts the pods it runs
    // https://kubernetes.io/docs/concepts/scheduling-eviction/api-eviction/; "which pods will have to move?": so)
    String.raw`\b(?:which|what) (?:of (?:our|the|its|my) )?${RUNNERS}\b.{0,30}` +
    String.raw`\b(?:evicted|drained|rescheduled|disrupted|affected|impacted|move|moved|moving|relocated?)\b|` +
    // ("what's on worker-…-qt8l7? if it goes away, what breaks?": what breaks with a node lost is the pods on it
    // https://kubernetes.io/docs/concepts/architecture/nodes/#node-status)
    String.raw`\b(?:if|when|once) (?:it|that|this|the node|that node|this node|[\w-]+) (?:goes|went|would go) ` +
    String.raw`(?:away|down|offline)\b[^?]{0,40}\bwhat (?:breaks|would break|will break|goes down|stops)\b|` +
    String.raw`\bwhat (?:breaks|would break|will break|goes down|stops)\b[^?]{0,10}\b(?:if|when|once) ` +
    String.raw`(?:it|that|this|the node|that node|this node|[\w-]+) (?:goes|went|would go) (?:away|down|offline)\b|` +
    PODS_HOSTED,
);

/** The pods scheduled on a node the message names (its full name), when the question asks which pods run there. */
async function podsOnNode(intent: Intent, ctx: Ctx): Promise<PodSubjects | undefined> {
  const asking = intent.asking ?? intent.text;
  const nodeWords = (intent.entities ?? []).filter((e) => e.kind === 'node').map((e) => e.text);
  if (!PODS_ON_NODE.test(asking) && !podsOfNodeSaid(intent.text, nodeWords)) return undefined;
  const nodes = await ctx.trace.list('nodes', () => ctx.inv.list('Node'));
  // the node by its full name, or by the suffix the parser matched to one node alone ("vmss000000")
  const said = (intent.entities ?? []).filter((e) => e.kind === 'node').map((e) => e.matched);
  const node =
    nodes.find((n) =>
      new RegExp(`(^|[^\\w.-])${n.metadata.name.replace(/\./g, '\\.')}($|[^\\w-])`).test(intent.text),
    ) ?? nodes.find((n) => said.includes(n.metadata.name));
  if (!node) return undefined;
  const pods = await ctx.trace.list('pods', () => ctx.inv.list('Pod'));
  const on = pods.filter((p) => p.spec?.nodeName === node.metadata.name);
  if (!on.length) return undefined;
  return { pod: on[0], notes: [`the pods on node ${node.metadata.name}`], group: on };
}

/** "where's the dns pod for project1 lookups running?": "the DNS pods", no pod of ours named, are the cluster DNS's */
async function clusterDnsPods(intent: Intent, ctx: Ctx): Promise<PodSubjects | undefined> {
  if (!/\bdns pods?\b/.test(intent.asking ?? intent.text)) return undefined;
  if ((intent.entities ?? []).some((e) => ['pod', 'workload', 'pod-ip'].includes(e.kind))) return undefined;
  const pods = await ctx.trace.list('pods', () => ctx.inv.list('Pod'));
  const dns = pods.filter((p) => isClusterDnsPod(p.metadata.name));
  if (!dns.length) return undefined;
  return { pod: dns[0], notes: ['the cluster DNS pods'], group: dns };
}

/** "pods of project1 please": a namespace said by its name alone, with no word for it, is the only thing named */
function namespaceNamedAlone(intent: Intent): string | undefined {
  const [only, ...more] = intent.entities ?? [];
  return only?.kind === 'namespace' && !more.length && intent.names.length === 1 ? only.matched : undefined;
}

/** "list pods in namespace shop", "namespace z: pods and where they run": every pod of the namespace said, when the
 * question asks for pods and names none of them */
async function podsOfNamespace(intent: Intent, ctx: Ctx): Promise<PodSubjects | undefined> {
  const ns = intent.namespace ?? namespaceNamedAlone(intent);
  const others = intent.names.filter((n) => n !== ns);
  // ("what's running in the ingress-nginx namespace?": what runs there is its pods)
  // ("everything running in project1": all it runs, said in shorthand)
  // ("node + ip for every pod in shop": each pod of it, said one at a time)
  const said = intent.asking ?? intent.text;
  const asked =
    /\bpods\b|\b(?:what|everything|all)(?:'s| is| that'?s)? (?:running|runs|deployed) in\b/.test(said) ||
    /\b(?:every|each|all(?: the)?) pod\b/.test(said);
  if (!ns || others.length || intent.ips.length || !asked) return undefined;
  const pods = await ctx.trace.list('pods', () => ctx.inv.list('Pod'));
  const inNs = pods.filter((p) => p.metadata.namespace === ns);
  if (!inNs.length) return undefined;
  return { pod: inNs[0], notes: [`the pods in namespace ${ns}`], group: inNs };
}
