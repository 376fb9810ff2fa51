// "Where is pod X?": the pod the question names, and how the name was read.
import { isReply, type Ctx, type Noted } from '../family';
import type { Pod } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { findPod } from '../nlu/subjects';
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
  return { pod: found.pod, notes: [found.note], group: found.group };
}
