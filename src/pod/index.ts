import { legacyFamily } from '../legacy';
import { findPod } from '../nlu/subjects';
import { podFacts } from '../path/pod-facts';
import { isReply } from '../family';
import { spec } from './spec';

export const pod = legacyFamily(spec, 'pod', async (intent, ctx) => {
  const s = await findPod(intent, ctx, spec);
  if (isReply(s)) return s;
  const r = await podFacts(ctx.inv, s.pod, ctx.trace);
  if (s.note) r.warnings.unshift(s.note);
  return r;
});
