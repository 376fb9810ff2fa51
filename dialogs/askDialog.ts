// Answers a question with a card. When the subject is ambiguous the card
// offers one button per candidate and the dialog waits for the choice (an
// Action.Submit carrying the rewritten question); anything typed instead is
// taken as a new question. Slow answers first show "Looking up …", then the
// card replaces that message in place.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
// the dialog classes one by one: the package index also loads the prompt recognizers (~30 MB RSS, never used here)
import { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
import { Dialog } from 'botbuilder-dialogs/lib/dialog';
import { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
import type { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
import { ask, type Memory } from '../src/answer';
import { turnRecord } from '../src/bot/middleware';
import { fullTextActivity, replyActivity } from '../src/bot/reply';
import { DEMO_SOURCE } from '../src/inventory/snapshot';
import type { Clusters } from '../src/inventory/clusters';
import { parse } from '../src/nlu/parse';
import { result, type PathResult } from '../src/path/result';

export const ASK_DIALOG = 'ask';

/** What a message asks: typed text, or an Action.Submit payload. */
export interface Question {
  question: string;
  /** answer with this intent (card buttons route without reading the text again) */
  intent?: string;
  /** reply with the whole answer as text ("Show all") */
  full?: boolean;
  /** asked by pressing a card button: the reply quotes the question, since Teams shows the click nowhere */
  clicked?: boolean;
}

export interface AskDeps {
  clusters: Clusters;
  memory: StatePropertyAccessor<Memory>;
  questionOf: (context: TurnContext) => Question;
  /** after this long without an answer, say "Looking up …" and update that message later */
  slowReplyMs: number;
  /** an answer that takes longer than this is given up on, said so plainly */
  budgetMs: number;
  /** called with each result (audit) */
  onAnswer?: (context: TurnContext, q: Question, r: PathResult) => void;
}

export class AskDialog extends ComponentDialog {
  constructor(private readonly deps: AskDeps) {
    super(ASK_DIALOG);
    this.addDialog(new WaterfallDialog('answer', [this.answerStep.bind(this), this.choiceStep.bind(this)]));
    this.initialDialogId = 'answer';
  }

  private async answerStep(step: WaterfallStepContext) {
    const r = await this.answer(step.context, step.options as Question);
    return r.status === 'ambiguous' && r.followUps.length ? Dialog.EndOfTurn : step.endDialog();
  }

  private async choiceStep(step: WaterfallStepContext) {
    const q = this.deps.questionOf(step.context);
    if (q.question) await this.answer(step.context, q);
    return step.endDialog();
  }

  /**
   * Which cluster the question is about: said, remembered, else the default; undefined with a reply when it may not be
   * asked.
   */
  private async cluster(context: TurnContext, q: Question, memory: Memory) {
    const set = this.deps.clusters;
    const asked = parse(q.question).cluster;
    const name = asked ?? memory.cluster ?? set.defaultName;
    const cluster = set.get(name);
    if (!cluster) {
      const r = result(
        'unknown',
        'not-found',
        `There is no cluster "${name}" here. Clusters: ${set.names.join(', ')}.`,
        { suggestions: set.names },
      );
      await context.sendActivity(replyActivity(r, { question: q.question }));
      return undefined;
    }
    const user = context.activity.from?.aadObjectId ?? '';
    if (cluster.users.length && !cluster.users.includes(user)) {
      const t = turnRecord(context);
      if (t) t.refused = `cluster ${name} not allowed`;
      await context.sendActivity(`Sorry — you may not ask about cluster ${name}. Ask your platform team for access.`);
      return undefined;
    }
    return cluster;
  }

  private async answer(context: TurnContext, q: Question): Promise<PathResult> {
    const memory = await this.deps.memory.get(context, {});
    const cluster = await this.cluster(context, q, memory);
    if (!cluster) return result('unknown', 'not-found', 'cluster not available');
    const inv = cluster.inventory;
    let placeholder: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.deps.slowReplyMs)));
    const answering = ask(q.question, inv, memory, q.intent);
    const first = await Promise.race([answering.then(() => 'answer' as const), slow.then(() => 'slow' as const)]);
    clearTimeout(timer);
    if (first === 'slow')
      placeholder = (await context.sendActivity('Looking up … (Kubernetes and Azure lookups take a moment)'))?.id;
    let budgetTimer: NodeJS.Timeout | undefined;
    const overBudget = new Promise<PathResult>((resolve) => {
      budgetTimer = setTimeout(
        () =>
          resolve(
            result(
              'unknown',
              'failed',
              `I could not finish the lookups within ${Math.round(this.deps.budgetMs / 1000)} ` +
                `s: Kubernetes or Azure is slow or not answering. Try again in a minute.`,
              {
                title: 'No answer in time',
                errors: [
                  {
                    lookup: 'answer',
                    reason: `time budget of ${this.deps.budgetMs} ms exceeded`,
                    code: 'timeout',
                  },
                ],
              },
            ),
          ),
        this.deps.budgetMs,
      );
    });
    const r = await Promise.race([answering, overBudget]);
    clearTimeout(budgetTimer);
    if (this.deps.clusters.names.length > 1) r.facts.unshift({ label: 'Cluster', value: cluster.name });
    await this.deps.memory.set(context, {
      ...(r.memory as Memory | undefined),
      cluster: cluster.name,
    });
    this.deps.onAnswer?.(context, q, r);
    const reply = q.full
      ? fullTextActivity(r, { demo: inv.source === DEMO_SOURCE })
      : replyActivity(r, { question: q.question, source: inv.source, asked: q.clicked ? q.question : undefined });
    if (placeholder)
      await context.updateActivity({
        ...reply,
        id: placeholder,
        conversation: context.activity.conversation,
      });
    else await context.sendActivity(reply);
    return r;
  }
}
