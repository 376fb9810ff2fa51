// Teams activity handling: mention stripping, typing, welcome, one answer per message.
import { ActivityHandler, ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { ASK_DIALOG, AskDialog } from '../../dialogs/askDialog';
import type { Inventory } from '../inventory/inventory';
import { help, type Memory } from '../answer';
import { renderText } from '../cards/text';
import { textWithoutBotMention } from './mentions';

/** Text of the message without the bot's own @mention; Action.Submit payloads carry `question`. */
export function questionOf(context: TurnContext): string {
  const value = context.activity.value as { question?: unknown } | undefined;
  if (value && typeof value === 'object' && typeof value.question === 'string') return value.question.slice(0, 2000);
  return textWithoutBotMention(context.activity);
}

export class PacketPathBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    inventory: () => Inventory,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    const memory = conversationState.createProperty<Memory>('memory');
    this.dialogs = new DialogSet(this.dialogState).add(new AskDialog(inventory, memory, questionOf));

    this.onMessage(async (context, next) => {
      await context.sendActivity({ type: ActivityTypes.Typing });
      const question = questionOf(context);
      const dc = await this.dialogs.createContext(context);
      const turn = await dc.continueDialog();
      if (turn.status === DialogTurnStatus.empty) {
        if (!question) await context.sendActivity(renderText(help(), { verify: false }));
        else await dc.beginDialog(ASK_DIALOG, { question });
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== botId)) {
        await context.sendActivity(renderText(help(), { verify: false }));
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}
