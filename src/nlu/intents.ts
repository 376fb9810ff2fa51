// The specs of the registry's families, in tie-breaking order: what parse.ts
// routes on, and what help, the help card and the Teams command list show.
import { FAMILIES } from '../families';
import type { IntentSpec } from '../family';

export type { IntentKind } from '../families';
export type { IntentSpec, Trigger } from '../family';

export const INTENTS: readonly IntentSpec[] = FAMILIES.map((f) => f.spec);
