// A proactive turn starts from a bare continuation activity (no channelData): the team and channel a watch was
// made in are put back on it, so the turn passes the same team / channel allowlists as the subscription did.
import { ActivityEventNames, ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { AsyncLocalStorage } from 'node:async_hooks';

/** The Teams channelData the watch was made with, while the watcher posts its alert. */
export const proactiveChannelData = new AsyncLocalStorage<object>();

/** Put the watch's channelData on the watcher's own continuation turns; every other turn is left as it is. */
export class ProactiveChannelData implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const data = proactiveChannelData.getStore();
    const a = context.activity;
    if (data && a.type === ActivityTypes.Event && a.name === ActivityEventNames.ContinueConversation && !a.channelData)
      a.channelData = data;
    await next();
  }
}
