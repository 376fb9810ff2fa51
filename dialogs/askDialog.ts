// Answers a question with a card. When the subject is ambiguous the card
// offers one button per candidate and the dialog waits for the choice (an
// Action.Submit carrying the rewritten question); anything typed instead is
// taken as a new question.
import { CardFactory, MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { ask, type Memory } from '../src/answer';
import { renderCard } from '../src/cards/card';
import { renderText } from '../src/cards/text';
import type { Inventory } from '../src/inventory/inventory';
import type { PathResult } from '../src/path/result';

export const ASK_DIALOG = 'ask';

export interface AskOptions {
  question: string;
}

export class AskDialog extends ComponentDialog {
  constructor(
    private readonly inventory: () => Inventory,
    private readonly memory: StatePropertyAccessor<Memory>,
    private readonly questionOf: (context: TurnContext) => string,
  ) {
    super(ASK_DIALOG);
    this.addDialog(new WaterfallDialog('answer', [this.answerStep.bind(this), this.choiceStep.bind(this)]));
    this.initialDialogId = 'answer';
  }

  private async answerStep(step: WaterfallStepContext) {
    const r = await this.answer(step.context, (step.options as AskOptions).question);
    return r.status === 'ambiguous' && r.followUps.length ? Dialog.EndOfTurn : step.endDialog();
  }

  private async choiceStep(step: WaterfallStepContext) {
    const question = this.questionOf(step.context);
    if (question) await this.answer(step.context, question);
    return step.endDialog();
  }

  private async answer(context: TurnContext, question: string): Promise<PathResult> {
    const memory = await this.memory.get(context, {});
    const r = await ask(question, this.inventory(), memory);
    if (r.memory) await this.memory.set(context, r.memory as Memory);
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(renderCard(r)), renderText(r, { verify: false })));
    return r;
  }
}
