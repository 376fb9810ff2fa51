// The model every question produces; renderers (cards, text, --json) draw it.
// Renderers read the typed fields (intent, verdict, nat, seenAs, clientIp), never the prose.
import type { IntentKind } from '../families';

export const HOP_KINDS = [
  'client',
  'front-door',
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
  'application-gateway',
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
  /** what this hop does to the packet's addresses: SNAT, DNAT, or a proxy opening a new connection */
  nat?: Nat;
}

export interface Nat {
  kind: 'snat' | 'dnat' | 'proxy';
  from: string;
  to: string;
}

/** What becomes of the original client address by the time the far end sees the packet. */
export type ClientIpHandling = 'kept' | 'snat' | 'xff' | 'lost';

/** A policy answer: allowed or not, and the policies that decide it. */
export interface Verdict {
  allowed: boolean;
  by: string[];
}

/** One layer a reachability answer checked (or could not): its verdict and what decided it. */
export interface LayerVerdict {
  layer: 'service' | 'network-policy' | 'admin-policy' | 'nsg' | 'route' | 'firewall';
  verdict: 'allowed' | 'denied' | 'refused' | 'not-enforced' | 'not-evaluated' | 'not-visible' | 'not-applicable';
  /** the deciding object: `ns/policy`, `nsg/rule, priority 200, Deny`, `route default → VirtualAppliance 10.0.0.4` */
  by?: string;
  note?: string;
}

/** Why a lookup failed, for renderers and scripts; the reason says it in words. */
export type ErrorCode = 'forbidden' | 'not-synced' | 'throttled' | 'timeout' | 'missing' | 'unavailable';

export interface LookupFailure {
  lookup: string;
  reason: string;
  code: ErrorCode;
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

/**
 * answered; not-understood (the question); not-found (the subject); ambiguous (several subjects match);
 * failed (no answer in time).
 */
export type Status = 'answered' | 'not-understood' | 'not-found' | 'ambiguous' | 'failed';

export interface PathResult {
  intent: IntentKind | 'unknown';
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
  /** the source address(es) the far end sees (egress: the Internet; inbound, east-west: the pod) */
  seenAs?: string[];
  /** inbound: how the client IP reaches the pod */
  clientIp?: ClientIpHandling;
  /** policy: the verdict and the NetworkPolicies that decide it */
  verdict?: Verdict;
  /** policy: every layer checked, in packet order, with its verdict (never "allowed" for a layer not seen) */
  layers?: LayerVerdict[];
  /** names the user may have meant (not found / ambiguous) */
  suggestions?: string[];
  /** what the conversation should remember (intent, namespace, the question for "refresh") for follow-ups */
  memory?: { intent?: string; namespace?: string; question?: string };
  /** several pairs asked in one message: each pair's own result, in the order asked */
  parts?: PathResult[];
  /** live: seconds since the oldest Azure listing or resource the answer read was read from ARM */
  dataAge?: number;
}

export function result(
  intent: IntentKind | 'unknown',
  status: Status,
  answer: string,
  extra: Partial<PathResult> = {},
): PathResult {
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

/** The reply asks the user to pick a reading (several subjects, or an unclear question with buttons for what it may
 * mean): its follow-ups are the answer's choices, not suggestions for later. */
export const asksToChoose = (r: PathResult): boolean =>
  r.status === 'ambiguous' || (r.status === 'not-understood' && r.followUps.length > 1);

/** The documented `--json` contract: exactly these keys, absent hop fields omitted. */
export function toJson(r: PathResult): object {
  return {
    intent: r.intent,
    answer: r.answer,
    hops: r.hops.map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined && v !== ''))),
    warnings: r.warnings,
    verify: r.verify,
    errors: r.errors,
    ...(r.seenAs ? { seenAs: r.seenAs } : {}),
    ...(r.clientIp ? { clientIp: r.clientIp } : {}),
    ...(r.verdict ? { verdict: r.verdict } : {}),
    ...(r.layers ? { layers: r.layers } : {}),
    ...(r.dataAge !== undefined ? { dataAge: r.dataAge } : {}),
    ...(asksToChoose(r) ? { choices: r.followUps.map(({ title, question }) => ({ title, question })) } : {}),
  };
}
