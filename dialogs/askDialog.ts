// Answers a question with a card. When the subject is ambiguous the card
// offers one button per candidate and the dialog waits for the choice (an
// Action.Submit carrying the rewritten question); anything typed instead is
// taken as a new question. Slow answers first show "Looking up …", then the
// card replaces that message in place.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { ask, type Memory } from '../src/answer';
import { fullTextActivity, replyActivity } from '../src/bot/reply';
import type { Inventory } from '../src/inventory/inventory';
import { result, type PathResult } from '../src/path/result';

export const ASK_DIALOG = 'ask';

/** What a message asks: typed text, or an Action.Submit payload. */
export interface Question {
  question: string;
  /** answer with this intent (card buttons route without reading the text again) */
  intent?: string;
  /** reply with the whole answer as text ("Show all") */
  full?: boolean;
}

export interface AskDeps {
  inventory: () => Inventory;
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

  private async answer(context: TurnContext, q: Question): Promise<PathResult> {
    const inv = this.deps.inventory();
    const memory = await this.deps.memory.get(context, {});
    let placeholder: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.deps.slowReplyMs)));
    const answering = ask(q.question, inv, memory, q.intent);
    const first = await Promise.race([answering.then(() => 'answer' as const), slow.then(() => 'slow' as const)]);
    clearTimeout(timer);
    if (first === 'slow') placeholder = (await context.sendActivity('Looking up … (Kubernetes and Azure lookups take a moment)'))?.id;
    let budgetTimer: NodeJS.Timeout | undefined;
    const overBudget = new Promise<PathResult>((resolve) => {
      budgetTimer = setTimeout(
        () =>
          resolve(
            result('unknown', 'failed', `I could not finish the lookups within ${Math.round(this.deps.budgetMs / 1000)} s: Kubernetes or Azure is slow or not answering. Try again in a minute.`, {
              title: 'No answer in time',
              errors: [{ lookup: 'answer', reason: `time budget of ${this.deps.budgetMs} ms exceeded` }],
            }),
          ),
        this.deps.budgetMs,
      );
    });
    const r = await Promise.race([answering, overBudget]);
    clearTimeout(budgetTimer);
    if (r.memory) await this.deps.memory.set(context, r.memory as Memory);
    this.deps.onAnswer?.(context, q, r);
    const reply = q.full ? fullTextActivity(r) : replyActivity(r, { question: q.question, source: inv.source });
    if (placeholder) await context.updateActivity({ ...reply, id: placeholder, conversation: context.activity.conversation });
    else await context.sendActivity(reply);
    return r;
  }
}
