// The model every question produces; renderers (cards, text, --json) draw it.

export const HOP_KINDS = [
  'client',
  'internet',
  'dns',
  'public-ip',
  'load-balancer',
  'nat-gateway',
  'route-table',
  'firewall',
  'virtual-appliance',
  'node',
  'router',
  'ingress-controller',
  'service',
  'pod',
] as const;
export type HopKind = (typeof HOP_KINDS)[number];

export interface Hop {
  kind: HopKind;
  name: string;
  ip?: string;
  port?: number;
  /** the packet's source and destination as they arrive at this hop */
  src?: string;
  dst?: string;
  note?: string;
}

export interface LookupFailure {
  lookup: string;
  reason: string;
}

export interface Fact {
  label: string;
  value: string;
}

export interface FollowUp {
  title: string;
  question: string;
  /** answer with this intent without reading the question again (card buttons) */
  intent?: string;
}

/** A titled group of lines (one per load balancer, …). */
export interface Section {
  title: string;
  subtitle?: string;
  lines: string[];
}

/** answered; not-understood (the question); not-found (the subject); ambiguous (several subjects match); failed (no answer in time). */
export type Status = 'answered' | 'not-understood' | 'not-found' | 'ambiguous' | 'failed';

export interface PathResult {
  intent: string;
  status: Status;
  answer: string;
  /** one-line title for cards, e.g. "sqlapi-1-8jgx8 leaves as 20.105.84.161" */
  title?: string;
  hops: Hop[];
  warnings: string[];
  verify: string[];
  errors: LookupFailure[];
  facts: Fact[];
  followUps: FollowUp[];
  sections?: Section[];
  /** names the user may have meant (not found / ambiguous) */
  suggestions?: string[];
  /** what the conversation should remember (intent, namespace) for follow-ups */
  memory?: { intent?: string; namespace?: string };
}

export function result(intent: string, status: Status, answer: string, extra: Partial<PathResult> = {}): PathResult {
  return {
    intent,
    status,
    answer,
    hops: [],
    warnings: [],
    verify: [],
    errors: [],
    facts: [],
    followUps: [],
    ...extra,
  };
}

/** The documented `--json` contract: exactly these keys, absent hop fields omitted. */
export function toJson(r: PathResult): object {
  return {
    intent: r.intent,
    answer: r.answer,
    hops: r.hops.map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined && v !== ''))),
    warnings: r.warnings,
    verify: r.verify,
    errors: r.errors,
  };
}
