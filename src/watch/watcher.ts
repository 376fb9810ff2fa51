// Watching from a conversation: the commands (subscribe, list, stop) and the delivery of alerts. Each live
// cluster's recorder tells the watcher after every record; a change that a subscription's filter matches is posted
// to its conversation once (proactive message through the adapter), and a SNAT threshold alerts when it is crossed
// upwards, once until usage drops below it again.
import { randomUUID } from 'node:crypto';
import { TurnContext, type Activity, type CloudAdapter, type Storage } from 'botbuilder';
import type { Recorded } from '../changes/history';
import { isWatchable } from '../changes/recorder';
import type { Cluster, Clusters } from '../inventory/clusters';
import type { Logger } from '../log';
import { turnRecord } from '../bot/middleware';
import { parse } from '../nlu/parse';
import { changeCard, listCard, snatCard } from './card';
import { describeFilter, parseWatch, type WatchCommand } from './command';
import { changeId, matches } from './match';
import { proactiveChannelData } from './proactive';
import { snatPeak, type SnatPeak } from './snat';
import { DELIVERED_KEPT, WatchStore, type Subscription } from './store';

/** Subscriptions one conversation may hold. */
const PER_CONVERSATION = 20;
/** A change not posted (the connector failed, the turn was refused) is tried again on the records this long after. */
const RETRY_MS = 60 * 60_000;

export interface WatcherOptions {
  clusters: Clusters;
  storage: Storage;
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  /** the bot's app id ('' without credentials) */
  botAppId: string;
  log: Logger;
  /** the SNAT reading (tests may give their own) */
  snat?: (c: Cluster) => Promise<SnatPeak | undefined>;
}

/** Only the ids the allowlists check, not the whole channelData. */
function teamsOf(context: TurnContext): Subscription['channelData'] {
  const cd = (context.activity.channelData ?? {}) as Subscription['channelData'] & object;
  const id = (x?: { id?: string }) => (typeof x?.id === 'string' ? { id: x.id.slice(0, 200) } : undefined);
  return { tenant: id(cd.tenant), team: id(cd.team), channel: id(cd.channel) };
}

interface Claim {
  sub: Subscription;
  /** the changes to post; absent for a SNAT alert */
  changes?: Recorded[];
}

/** What a subscription is due (marked as delivered in place): changes it has not had, or the SNAT threshold crossed. */
function claim(s: Subscription, changes: Recorded[], snat: SnatPeak | undefined, now: number): Claim[] {
  if (s.filter) {
    // a claim outlives the retry window: a change still a candidate is never posted twice
    s.delivered = s.delivered.filter((d) => d.at >= now - 2 * RETRY_MS);
    const had = new Set(s.delivered.map((d) => d.id));
    // only what was seen after the watch began, and not posted yet
    const fresh = changes.filter((c) => c.at >= s.at && matches(s.filter!, c) && !had.has(changeId(c)));
    if (!fresh.length) return [];
    s.delivered = [...s.delivered, ...fresh.map((c) => ({ id: changeId(c), at: now }))].slice(-DELIVERED_KEPT);
    return [{ sub: s, changes: fresh }];
  }
  if (s.snatPercent === undefined || !snat) return []; // no metrics: nothing is known, the state stays
  const above = snat.percent >= s.snatPercent;
  const crossed = above && !s.above;
  s.above = above;
  return crossed ? [{ sub: s }] : [];
}

const describe = (s: Subscription): string =>
  s.filter ? describeFilter(s.filter) : `SNAT usage above ${s.snatPercent} %`;

export class Watcher {
  private readonly store: WatchStore;
  private readonly attached = new Set<string>();

  constructor(private readonly o: WatcherOptions) {
    this.store = new WatchStore(o.storage);
  }

  /** Listen to the clusters that already have subscriptions (kept in Blob storage across restarts). */
  async resume(): Promise<void> {
    for (const name of this.o.clusters.names) if ((await this.store.list(name)).length) this.attach(name);
  }

  private attach(name: string): void {
    if (this.attached.has(name)) return;
    const recorder = this.o.clusters.history(name);
    if (!recorder) return;
    this.attached.add(name);
    recorder.listen((changes) => this.deliver(name, changes));
  }

  /** Handle a watch command; false when the text is not one (it is a question then). */
  async handle(context: TurnContext, text: string): Promise<boolean> {
    const cmd = parseWatch(text);
    if (!cmd) return false;
    if (cmd.kind === 'invalid') {
      await context.sendActivity(cmd.reason);
      return true;
    }
    const user = context.activity.from?.aadObjectId ?? '';
    const allowed = this.o.clusters.names
      .map((n) => this.o.clusters.get(n)!)
      .filter((c) => !c.users.length || c.users.includes(user));
    if (cmd.kind === 'list' || cmd.kind === 'stop') await this.listOrStop(context, cmd, allowed);
    else await this.subscribe(context, cmd, text, allowed);
    return true;
  }

  private async subscribe(
    context: TurnContext,
    cmd: Extract<WatchCommand, { kind: 'watch' | 'snat' }>,
    text: string,
    allowed: Cluster[],
  ) {
    const name = parse(text).cluster ?? this.o.clusters.defaultName;
    const cluster = this.o.clusters.get(name);
    if (!cluster)
      return context.sendActivity(`There is no cluster "${name}" here. Clusters: ${this.o.clusters.names.join(', ')}.`);
    if (!allowed.includes(cluster)) {
      const t = turnRecord(context);
      if (t) t.refused = `watch on cluster ${name} not allowed`;
      return context.sendActivity(`Sorry — you may not watch cluster ${name}. Ask your platform team for access.`);
    }
    if (!isWatchable(cluster.inventory))
      return context.sendActivity(
        `Watching needs a live cluster: ${name} answers from the ${cluster.inventory.source}, which does not change.`,
      );
    const reference = TurnContext.getConversationReference(context.activity);
    const conversation = reference.conversation?.id ?? '';
    const sub: Subscription = {
      id: randomUUID().slice(0, 8),
      conversation,
      reference,
      channelData: teamsOf(context),
      ...(cmd.kind === 'watch' ? { filter: cmd.filter } : { snatPercent: cmd.percent }),
      by: context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '',
      at: Date.now(),
      delivered: [],
    };
    const said = await this.store.update(name, (subs) => {
      const mine = subs.filter((s) => s.conversation === conversation);
      if (mine.some((s) => describe(s) === describe(sub))) return `Already watching ${describe(sub)} here.`;
      if (mine.length >= PER_CONVERSATION) return `This conversation watches ${PER_CONVERSATION} things already.`;
      subs.push(sub);
      return undefined;
    });
    if (said) return context.sendActivity(said);
    this.attach(name);
    this.audit(context, 'added', name, sub);
    const where = this.o.clusters.names.length > 1 ? ` on cluster ${name}` : '';
    const how =
      sub.filter !== undefined
        ? 'The cluster is checked every minute and recorded when something changes (at least every 5 minutes).'
        : 'Usage is checked on every record of the cluster (at least every 5 minutes).';
    return context.sendActivity(`Watching ${describe(sub)}${where}: I will post here when it changes. ${how}`);
  }

  private async listOrStop(
    context: TurnContext,
    cmd: Extract<WatchCommand, { kind: 'list' | 'stop' }>,
    allowed: Cluster[],
  ) {
    const conversation = context.activity.conversation?.id ?? '';
    const named = this.o.clusters.names.length > 1;
    const mine: { cluster: string; sub: Subscription }[] = [];
    for (const c of allowed)
      for (const sub of await this.store.list(c.name))
        if (sub.conversation === conversation) mine.push({ cluster: c.name, sub });
    if (!mine.length) return context.sendActivity('Nothing is watched in this conversation.');
    const lines = mine.map((m) => `${describe(m.sub)}${named ? ` (cluster ${m.cluster})` : ''}`);
    if (cmd.kind === 'list' || cmd.which === undefined)
      return context.sendActivity(listCard(lines, cmd.kind === 'stop'));
    if (cmd.which !== 'all' && (cmd.which < 1 || cmd.which > mine.length))
      return context.sendActivity(`There is no watch ${cmd.which} here: ${mine.length} are listed.`);
    const gone = cmd.which === 'all' ? mine : [mine[cmd.which - 1]];
    for (const g of gone) {
      await this.store.update(g.cluster, (subs) => {
        const i = subs.findIndex((s) => s.id === g.sub.id);
        if (i >= 0) subs.splice(i, 1);
      });
      this.audit(context, 'removed', g.cluster, g.sub);
    }
    const what = gone.map((g) => describe(g.sub)).join('; ');
    return context.sendActivity(`Stopped watching ${what}.`);
  }

  private audit(context: TurnContext, action: 'added' | 'removed', cluster: string, s: Subscription): void {
    this.o.log.info(
      {
        audit: 'subscribe',
        action,
        cluster,
        subscription: s.id,
        watching: describe(s),
        conversation: s.conversation.slice(0, 300),
        userId: context.activity.from?.aadObjectId ?? context.activity.from?.id,
      },
      `watch ${action}`,
    );
  }

  /** After a record: each matching change once per subscription, and the SNAT thresholds. */
  /**
   * After a record: each matching change once per subscription, and the SNAT thresholds. What is posted is claimed
   * in the store first (at most once, also across replicas), and given back when it could not be posted.
   */
  private async deliver(cluster: string, changes: Recorded[]): Promise<void> {
    const c = this.o.clusters.get(cluster);
    if (!c) return;
    const recent = this.o.clusters.history(cluster)?.history.changes(Date.now() - RETRY_MS) ?? [];
    const candidates = [...new Map([...recent, ...changes].map((x) => [changeId(x), x])).values()];
    const snat = (await this.store.list(cluster)).some((s) => s.snatPercent !== undefined)
      ? await (this.o.snat ?? ((x: Cluster) => snatPeak(x.inventory)))(c).catch(() => undefined)
      : undefined;
    const named = this.o.clusters.names.length > 1;
    const now = Date.now();
    const claimed = await this.store.update(cluster, (subs) => subs.flatMap((s) => claim(s, candidates, snat, now)));
    for (const x of claimed) {
      const activity = x.changes
        ? changeCard(x.changes, cluster, named, describe(x.sub))
        : snatCard(snat!, x.sub.snatPercent!, cluster, named, Date.now());
      const about = x.changes ? x.changes.map((ch) => `${ch.kind} ${ch.subject}`).join('; ') : snat!.text;
      if (await this.send(cluster, x.sub, activity, about)) continue;
      await this.store.update(cluster, (subs) => {
        const s = subs.find((y) => y.id === x.sub.id);
        const ids = new Set(x.changes?.map(changeId));
        if (s && x.changes) s.delivered = s.delivered.filter((d) => !ids.has(d.id));
        else if (s) s.above = false;
      });
    }
  }

  /** One proactive message; true when it was posted (the turn's authorization may refuse it). */
  private async send(cluster: string, s: Subscription, activity: Partial<Activity>, about: string): Promise<boolean> {
    let sent = false;
    try {
      await proactiveChannelData.run(s.channelData ?? {}, () =>
        this.o.adapter.continueConversationAsync(this.o.botAppId, s.reference, async (context) => {
          await context.sendActivity(activity);
          sent = true;
        }),
      );
    } catch (e) {
      this.o.log.warn({ cluster, subscription: s.id, err: { message: (e as Error).message } }, 'alert not sent');
      return false;
    }
    const line = { audit: 'alert', cluster, subscription: s.id, about: about.slice(0, 300), sent };
    this.o.log.info({ ...line, conversation: s.conversation.slice(0, 300) }, sent ? 'alert sent' : 'alert refused');
    return sent;
  }
}
