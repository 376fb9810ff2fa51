// What a change question asks about: a time window, the kinds of facts (egress, hosts…), and names or addresses
// the changes must mention.
import type { Ctx, Noted } from '../family';
import type { FactKind } from '../diff/describe';
import type { Intent } from '../nlu/parse';
import { DAY_MS } from './history';

const HOUR_MS = 60 * 60 * 1000;

/** The window: a length back from now, or from the start of a UTC day (0 today, 1 yesterday). */
export type Window = { kind: 'last'; ms: number; said: string } | { kind: 'day'; daysBack: number; said: string };

export interface ChangesSubjects extends Noted {
  window: Window;
  /** only these kinds of facts (all when empty) */
  kinds: FactKind[];
  /** the change's subject must mention one of these (a workload, host, load balancer) */
  names: string[];
  /** the fact after the change must hold this address ("start pointing at 20.1.2.3") */
  ip?: string;
}

const UNITS: [RegExp, number, string][] = [
  [/^(m|mins?|minutes?)$/, 60_000, 'min'],
  [/^(h|hrs?|hours?)$/, HOUR_MS, 'h'],
  [/^(d|days?)$/, DAY_MS, 'days'],
  [/^(w|weeks?)$/, 7 * DAY_MS, 'weeks'],
];

function windowOf(text: string): Window {
  const n = /\b(?:last|past)\s+(\d+)\s*([a-z]+)\b/.exec(text);
  const unit = n && UNITS.find(([re]) => re.test(n[2]));
  if (n && unit) return { kind: 'last', ms: Number(n[1]) * unit[1], said: `the last ${n[1]} ${unit[2]}` };
  const one = /\b(?:last|past)\s+(hour|day|week)\b/.exec(text);
  if (one) {
    const ms = { hour: HOUR_MS, day: DAY_MS, week: 7 * DAY_MS }[one[1] as 'hour' | 'day' | 'week'];
    return { kind: 'last', ms, said: `the last ${one[1]}` };
  }
  if (/\byesterday\b/.test(text)) return { kind: 'day', daysBack: 1, said: 'yesterday (00:00 UTC)' };
  if (/\btoday\b/.test(text)) return { kind: 'day', daysBack: 0, said: 'today (00:00 UTC)' };
  if (/\bthis week\b/.test(text)) return { kind: 'last', ms: 7 * DAY_MS, said: 'the last 7 days' };
  return { kind: 'last', ms: DAY_MS, said: 'the last 24 h' };
}

const TOPICS: [RegExp, FactKind[]][] = [
  [/\b(egress|outbound|public ip|leaves?|partners?|allowlist\w*)\b/, ['egress']],
  [/\b(route|host|hostname|ingress|pointing|points?|dns)\b/, ['host']],
  [/\b(snat|ports?)\b/, ['snat']],
  [/\b(load ?balancers?|lbs?|frontends?)\b/, ['lb-frontend', 'lb-rules']],
  [/\b(firewalls?|azfw)\b/, ['firewall-rules']],
  [/\b(polic(y|ies)|networkpolic(y|ies)|nsgs?|allowed|denied|blocked|reach)\b/, ['policy']],
];

export async function resolve(intent: Intent, _ctx: Ctx): Promise<ChangesSubjects> {
  const text = intent.text.toLowerCase();
  const kinds = [...new Set(TOPICS.filter(([re]) => re.test(text)).flatMap(([, k]) => k))];
  return { window: windowOf(text), kinds, names: intent.names, ip: intent.ips[0] };
}
