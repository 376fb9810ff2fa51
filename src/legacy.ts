// Transitional: a family answered by one handler, until it is split into steps.
import type { CardFamily, Ctx, Family, IntentSpec } from './family';
import type { IntentKind } from './families';
import type { Intent } from './nlu/parse';
import type { PathResult } from './path/result';

const unreachable = (): never => {
  throw new Error('a legacy family answers in resolve');
};

export function legacyFamily<K extends IntentKind>(
  spec: IntentSpec<K>,
  card: CardFamily,
  handler: (intent: Intent, ctx: Ctx) => Promise<PathResult>,
): Family<K, object, never, never> {
  return { spec, card, resolve: handler, facts: unreachable, decide: unreachable, narrate: unreachable };
}
