// Teams activity handling: typing at once, mention stripping, welcome on
// install, and one answer (card + text) per message via the ask dialog.
import {
  ActivityHandler,
  ActivityTypes,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
// one by one, not the package index (see dialogs/askDialog.ts)
import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
import type { DialogState } from 'botbuilder-dialogs/lib/dialogContext';
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
import { ASK_DIALOG, AskDialog, type Question } from '../../dialogs/askDialog';
import { helpAnswer, type Memory } from '../answer';
import type { Clusters } from '../inventory/clusters';
import type { PathResult } from '../path/result';
import { QUESTION_LIMIT, textWithoutBotMention } from './mentions';
import { replyActivity } from './reply';

/**
 * Text of the message without the bot's own @mention; Action.Submit payloads carry `question` (and maybe `intent`,
 * `full`).
 */
function questionOf(context: TurnContext): Question {
  const value = context.activity.value as { question?: unknown; intent?: unknown; full?: unknown } | undefined;
  if (value && typeof value === 'object' && typeof value.question === 'string') {
    return {
      question: value.question.slice(0, QUESTION_LIMIT),
      intent: typeof value.intent === 'string' ? value.intent.slice(0, 40) : undefined,
      full: value.full === true,
      clicked: true,
    };
  }
  // cut before any pattern runs (textWithoutBotMention cuts first too)
  return { question: textWithoutBotMention(context.activity).slice(0, QUESTION_LIMIT) };
}

export interface BotOptions {
  conversationState: ConversationState;
  clusters: Clusters;
  /** after this long, "Looking up …" first and the card in place of it later (default 2 s) */
  slowReplyMs?: number;
  /** give up on an answer after this long (default 10 s) */
  budgetMs?: number;
  onAnswer?: (context: TurnContext, q: Question, r: PathResult) => void;
  /** watch commands ("watch egress for namespace project1", "stop watching"): true when the text was one */
  watch?: { handle(context: TurnContext, text: string): Promise<boolean> };
}

export class PacketPathBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly welcomed: StatePropertyAccessor<boolean>;

  constructor(private readonly o: BotOptions) {
    super();
    this.welcomed = o.conversationState.createProperty<boolean>('welcomed');
    this.dialogState = o.conversationState.createProperty<DialogState>('dialogState');
    const memory = o.conversationState.createProperty<Memory>('memory');
    this.dialogs = new DialogSet(this.dialogState).add(
      new AskDialog({
        clusters: o.clusters,
        memory,
        questionOf,
        slowReplyMs: o.slowReplyMs ?? 2000,
        budgetMs: o.budgetMs ?? 10_000,
        onAnswer: o.onAnswer,
      }),
    );

    this.onMessage(async (context, next) => {
      await context.sendActivity({ type: ActivityTypes.Typing });
      const q = questionOf(context);
      if (this.o.watch && (await this.o.watch.handle(context, q.question))) return next();
      const dc = await this.dialogs.createContext(context);
      const turn = await dc.continueDialog();
      if (turn.status === DialogTurnStatus.empty) {
        if (!q.question.trim()) await this.welcome(context, 'What would you like to know?');
        else await dc.beginDialog(ASK_DIALOG, q);
      }
      await next();
    });

    // installed in a team, a group chat or personally
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
  }

  private async welcome(context: TurnContext, title = 'Welcome to packet-path') {
    // Teams may announce one install twice (members added, installation update): welcome once
    if (title === 'Welcome to packet-path') {
      if (await this.welcomed.get(context, false)) return;
      await this.welcomed.set(context, true);
    }
    await context.sendActivity(
      replyActivity(
        { ...(await helpAnswer(this.o.clusters.get()!.inventory)), title },
        {
          source:
            this.o.clusters.names.length > 1
              ? `clusters ${this.o.clusters.names.join(', ')}`
              : this.o.clusters.get()!.inventory.source,
        },
      ),
    );
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.o.conversationState.saveChanges(context, false);
  }
}
