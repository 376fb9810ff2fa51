// Cross-cutting steps of every turn, as Bot Framework middleware: a
// correlation id and the audit record, who may ask, and how often.
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
      correlationId: record.id,
      activityType: a.type,
      tenant: a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
      conversation: a.conversation?.id,
      conversationType: a.conversation?.conversationType,
      userId: a.from?.aadObjectId ?? a.from?.id,
      userName: a.from?.name,
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
        error: error ? (error as Error).message : undefined,
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
}

/** Only the listed tenants / teams / channels / users may ask (an empty list allows all). */
export class AuthorizationMiddleware implements Middleware {
  constructor(private readonly allow: Allowlists) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    const cd = (a.channelData ?? {}) as {
      tenant?: { id?: string };
      team?: { id?: string };
      channel?: { id?: string };
    };
    const checks: [string, string[], string | undefined][] = [
      ['tenant', this.allow.tenants, a.conversation?.tenantId ?? cd.tenant?.id],
      ['team', this.allow.teams, cd.team?.id],
      ['channel', this.allow.channels, cd.channel?.id],
      ['user', this.allow.users, a.from?.aadObjectId],
    ];
    // personal and group chats have no team or channel: team/channel lists apply to channel conversations
    const refused = checks.find(
      ([what, list, value]) =>
        list.length > 0 &&
        !((what === 'team' || what === 'channel') && a.conversation?.conversationType !== 'channel' && !value) &&
        !list.includes(value ?? ''),
    );
    if (refused) {
      const t = turnRecord(context);
      if (t) t.refused = `${refused[0]} not allowed`;
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
