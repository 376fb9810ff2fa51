// "Where is pod X?": the pod the question names, and how the name was read.
import { isReply, type Ctx, type Noted } from '../family';
import type { Pod } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { comparedPods, findPod } from '../nlu/subjects';
import type { PathResult } from '../path/result';
import { spec } from './spec';

export interface PodSubjects extends Noted {
  pod: Pod;
  /** every replica when a workload was named */
  group?: Pod[];
}

export async function resolve(intent: Intent, ctx: Ctx): Promise<PodSubjects | PathResult> {
  const found = await findPod(intent, ctx, spec);
  if (isReply(found)) return found;
  const listed = (await listedPods(intent, ctx, found.pod)) ?? (await comparedPods(intent, ctx, SAME_PLACE));
  if (listed) return { pod: listed[0], notes: [found.note], group: listed };
  return { pod: found.pod, notes: [found.note], group: found.group };
}

/** "those", "these", "each of them": the question points back at what was listed */
const THOSE = /\b(those|these|them|each|all of them|both)\b/;

/** "<pasted oc get pods> which nodes are those on?": every pod of a pasted table, each answered, when the sentence
 * that asks points back at them and names none itself */
async function listedPods(intent: Intent, ctx: Ctx, first: Pod): Promise<Pod[] | undefined> {
  const rows = intent.pasted ?? [];
  const asking = intent.asking ?? intent.text;
  if (rows.length < 2 || !THOSE.test(asking) || rows.some((r) => asking.includes(r))) return undefined;
  const pods = await ctx.trace.list('pods', () => ctx.inv.list('Pod'));
  const ns = first.metadata.namespace;
  const found = rows.flatMap((r) => pods.filter((p) => p.metadata.name === r && p.metadata.namespace === ns));
  return found.length >= 2 ? found : undefined;
}

/** "is db-0 on the same node as a web pod?": two workloads compared by where they run */
const SAME_PLACE = /\b(same|different|separate) (node|host|vm|machine)s?\b/;
