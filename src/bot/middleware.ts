// Cross-cutting steps of every turn, as Bot Framework middleware: a
// correlation id and the audit record, who may ask, and how often.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import type { PathResult } from '../path/result';

const TURN_ID = Symbol('packet-path.turn');

/** What a turn did, filled in by the handlers and logged once at its end. */
export interface TurnRecord {
  id: string;
  started: number;
  question?: string;
  intent?: string;
  status?: string;
  answer?: string;
  subjects?: string[];
  lookupsFailed?: { lookup: string; reason: string }[];
  refused?: string;
}

export const turnRecord = (context: TurnContext): TurnRecord | undefined => context.turnState.get(TURN_ID);

/** Who sent the HTTP request a turn came in: set by the server around each request. */
export interface RequestOrigin {
  ip?: string;
  forwardedFor?: string;
}

export const requestOrigin = new AsyncLocalStorage<RequestOrigin>();

/** A string as it may go into a log line: capped (a name or id can be megabytes long). */
export const capped = (v: unknown, n = 200): string | undefined =>
  typeof v === 'string' ? (v.length > n ? `${v.slice(0, n)}…` : v) : undefined;

/** Remember what an answer was about, for the audit log. */
export function recordAnswer(context: TurnContext, question: string, r: PathResult): void {
  const t = turnRecord(context);
  if (!t) return;
  Object.assign(t, {
    question: question.slice(0, 500),
    intent: r.intent,
    status: r.status,
    answer: r.answer.split('\n')[0].slice(0, 300),
    subjects: [...new Set(r.hops.filter((h) => h.kind === 'pod' || h.kind === 'service').map((h) => h.name))],
    lookupsFailed: r.errors,
  });
}

export class AuditMiddleware implements Middleware {
  constructor(private readonly log: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const record: TurnRecord = {
      id: randomUUID().slice(0, 8),
      started: Date.now(),
    };
    context.turnState.set(TURN_ID, record);
    const a = context.activity;
    const who = {
      audit: 'turn',
      correlationId: record.id,
      ...requestOrigin.getStore(),
      activityType: capped(a.type, 40),
      tenant: capped(
        a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
        100,
      ),
      conversation: capped(a.conversation?.id, 300),
      conversationType: capped(a.conversation?.conversationType, 40),
      userId: capped(a.from?.aadObjectId ?? a.from?.id, 100),
      userName: capped(a.from?.name, 100),
    };
    let error: unknown;
    try {
      await next();
    } catch (e) {
      error = e;
      throw e;
    } finally {
      const line = {
        ...who,
        question: record.question,
        intent: record.intent,
        status: record.status,
        subjects: record.subjects,
        answer: record.answer,
        lookupsFailed: record.lookupsFailed?.length ? record.lookupsFailed : undefined,
        refused: record.refused,
        latencyMs: Date.now() - record.started,
        error: error ? capped((error as Error).message, 300) : undefined,
      };
      if (error) this.log.error(line, 'turn failed');
      else if (a.type === 'message' || record.refused) this.log.info(line, 'turn');
    }
  }
}

export interface Allowlists {
  tenants: string[];
  teams: string[];
  channels: string[];
  users: string[];
  /** personal and group chats when team or channel lists are set (they have neither) */
  chats?: boolean;
}

/** What of tenant / team / channel / user / chat is not allowed, if anything. */
function refusal(a: TurnContext['activity'], allow: Allowlists): string | undefined {
  const cd = (a.channelData ?? {}) as {
    tenant?: { id?: string };
    team?: { id?: string };
    channel?: { id?: string };
  };
  const checks: [string, string[], string | undefined][] = [
    ['tenant', allow.tenants, a.conversation?.tenantId ?? cd.tenant?.id],
    ['team', allow.teams, cd.team?.id],
    ['channel', allow.channels, cd.channel?.id],
    ['user', allow.users, a.from?.aadObjectId],
  ];
  // personal and group chats have no team or channel: with team/channel lists they need their own permission
  const chat = a.conversation?.conversationType !== 'channel' && !cd.team?.id && !cd.channel?.id;
  const scoped = allow.teams.length > 0 || allow.channels.length > 0;
  const failed = checks.find(
    ([what, list, value]) =>
      list.length > 0 && !((what === 'team' || what === 'channel') && chat) && !list.includes(value ?? ''),
  );
  return failed?.[0] ?? (chat && scoped && !allow.chats ? 'chat' : undefined);
}

/**
 * Only the listed tenants / teams / channels / users may ask (an empty list allows all). With team or channel lists,
 * chats are answered only when allowed explicitly.
 */
export class AuthorizationMiddleware implements Middleware {
  constructor(private readonly allow: Allowlists) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    const refused = refusal(a, this.allow);
    if (refused) {
      const t = turnRecord(context);
      if (t) t.refused = `${refused} not allowed`;
      if (a.type === 'message')
        await context.sendActivity(
          'Sorry — packet-path is not enabled for you here. Ask your platform team for access.',
        );
      return;
    }
    await next();
  }
}

/** At most `perMinute` questions per user per minute (sliding window). */
export class RateLimitMiddleware implements Middleware {
  private readonly seen = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== 'message' || this.perMinute <= 0) return next();
    const user = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'unknown';
    const now = Date.now();
    const recent = (this.seen.get(user) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.perMinute) {
      const t = turnRecord(context);
      if (t) t.refused = 'rate limit';
      const wait = Math.ceil((60_000 - (now - recent[0])) / 1000);
      await context.sendActivity(
        `You have asked ${this.perMinute} questions in the last minute — please wait ${wait} s and ask again.`,
      );
      return;
    }
    recent.push(now);
    this.seen.set(user, recent);
    if (this.seen.size > 10_000)
      for (const [k, v] of this.seen) if (now - v[v.length - 1] > 60_000) this.seen.delete(k);
    await next();
  }
}
