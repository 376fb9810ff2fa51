import { legacyFamily } from '../legacy';
import { findPod } from '../nlu/subjects';
import { egressPath } from '../path/egress';
import { isReply } from '../family';
import { spec } from './spec';

export const egress = legacyFamily(spec, 'egress', async (intent, ctx) => {
  const s = await findPod(intent, ctx, spec);
  if (isReply(s)) return s;
  const r = await egressPath(ctx.inv, { pod: s.pod, destination: intent.destination }, ctx.trace);
  if (s.note) r.warnings.unshift(s.note);
  return r;
});
