// The name a DNS question asks about, and the pod it is resolved from (if any).
import { isReply, type Ctx, type Noted } from '../family';
import type { Pod } from '../inventory/k8s-types';
import type { Intent } from '../nlu/parse';
import { findPod } from '../nlu/subjects';
import { result, type PathResult } from '../path/result';
import { spec } from './spec';

export interface DnsSubjects extends Noted {
  /** the name as asked: svc, svc.ns, <hostname>.svc.ns or an FQDN */
  name: string;
  /** the pod that resolves it ("from sqlapi") */
  from?: Pod;
  /** the namespace the question names ("-n project1") */
  namespace?: string;
}

export async function resolve(intent: Intent, ctx: Ctx): Promise<DnsSubjects | PathResult> {
  const services = await ctx.trace.list('services', () => ctx.inv.list('Service'));
  const fromPod = intent.from ? await findPod(intent, ctx, spec, [intent.from]) : undefined;
  if (fromPod && isReply(fromPod)) return fromPod;
  const candidates = intent.names.filter((n) => n !== intent.from);
  // a dotted name first, then the name of a Service, then whatever was named first
  const name =
    candidates.find((n) => n.includes('.')) ??
    candidates.find((n) => services.some((s) => s.metadata.name === n)) ??
    candidates[0];
  if (!name) {
    const example = 'what does server.project1.svc.cluster.local resolve to?';
    return result('dns', 'not-understood', `Resolve which name? For example: "${example}"`);
  }
  return { name, from: fromPod?.pod, namespace: intent.namespace };
}
