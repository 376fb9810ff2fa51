// The registry: every question family, in the order that breaks ties between
// equally matching triggers. Routing, help, the help card and the Teams command
// list are generated from it. A new family is its folder plus its line here
// (and its kind in IntentKind: a kind without a family fails to compile).
import { changes } from './changes';
import { dns } from './dns';
import { eastWest } from './east-west';
import { egress } from './egress';
import { help } from './help';
import { inbound } from './inbound';
import { loadBalancers } from './load-balancers';
import { pod } from './pod';
import { policy } from './policy';
import { whatIs } from './what-is';

export type IntentKind =
  'help' | 'what-is' | 'policy' | 'east-west' | 'inbound' | 'dns' | 'load-balancers' | 'pod' | 'egress' | 'changes';

export const FAMILIES = [help, whatIs, policy, eastWest, inbound, dns, loadBalancers, pod, egress, changes] as const;

type Listed = (typeof FAMILIES)[number]['spec']['kind'];
// compile-time check: every kind has exactly one family and every family a kind
const complete: [Exclude<IntentKind, Listed>, Exclude<Listed, IntentKind>] extends [never, never] ? true : never = true;
void complete;

export type AnyFamily = (typeof FAMILIES)[number];

export const familyOf = (kind: string): AnyFamily | undefined => FAMILIES.find((f) => f.spec.kind === kind);
