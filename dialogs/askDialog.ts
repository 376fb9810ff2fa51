// The dialog that answers one question and replies with a card. Later steps
// (e.g. "which pod?") hang off this waterfall.
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { ask } from '../src/answer';
import { renderCard } from '../src/cards/card';
import { renderText } from '../src/cards/text';
import type { Inventory } from '../src/inventory/inventory';

export const ASK_DIALOG = 'ask';

export interface AskOptions {
  question: string;
}

export class AskDialog extends ComponentDialog {
  constructor(private readonly inventory: () => Inventory) {
    super(ASK_DIALOG);
    this.addDialog(new WaterfallDialog('answer', [this.answer.bind(this)]));
    this.initialDialogId = 'answer';
  }

  private async answer(step: WaterfallStepContext) {
    const { question } = step.options as AskOptions;
    await replyWithAnswer(step.context, question, this.inventory());
    return step.endDialog();
  }
}

export async function replyWithAnswer(context: TurnContext, question: string, inv: Inventory): Promise<void> {
  const r = await ask(question, inv);
  const card = CardFactory.adaptiveCard(renderCard(r));
  await context.sendActivity(MessageFactory.attachment(card, renderText(r, { verify: false })));
}
