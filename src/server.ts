// HTTP wiring: POST /api/messages (Bot Framework), GET /healthz.
import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, type TurnContext,
} from 'botbuilder';
import * as restify from 'restify';
import { PacketPathBot } from './bot/bot';
import { loadConfig, redacted, type Config } from './config';
import type { Inventory } from './inventory/inventory';
import { openInventory } from './inventory/open';

export interface Running {
  server: restify.Server;
  port: number;
  close(): Promise<void>;
}

export async function startServer(config: Config, inventory?: Inventory): Promise<Running> {
  const opened = inventory ? undefined : await openInventory(config);
  const inv = inventory ?? opened!.inventory;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    process.stderr.write(`turn failed: ${error?.stack ?? error}\n`);
    await context.sendActivity('Sorry — something went wrong while answering. The error was logged; please try again.');
  };
  const bot = new PacketPathBot({ conversationState: new ConversationState(new MemoryStorage()), inventory: () => inv, slowReplyMs: config.PACKET_PATH_SLOW_REPLY_MS });

  const server = restify.createServer({ name: 'packet-path' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', inventory: inv.source });
    return next();
  });
  server.get('/readyz', (_req, res, next) => {
    const pending = opened?.pending() ?? [];
    res.send(pending.length ? 503 : 200, { ready: pending.length === 0, inventory: inv.source, pending });
    return next();
  });

  await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    server,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await opened?.stop();
    },
  };
}

if (require.main === module) {
  const config = loadConfig();
  startServer(config).then(
    (r) => process.stdout.write(`packet-path listening on http://localhost:${r.port}/api/messages (${JSON.stringify(redacted(config))})\n`),
    (e) => {
      process.stderr.write(`packet-path: cannot start: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
