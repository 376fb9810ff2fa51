// HTTP wiring: POST /api/messages (Bot Framework), GET /healthz, GET /readyz;
// middleware for audit, authorization and rate limits; graceful shutdown.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { AuthenticationError, CertificateServiceClientCredentialsFactory } from 'botframework-connector';
import { readFileSync } from 'node:fs';
import * as restify from 'restify';
import { PacketPathBot } from './bot/bot';
import {
  AuditMiddleware,
  AuthorizationMiddleware,
  RateLimitMiddleware,
  recordAnswer,
  turnRecord,
} from './bot/middleware';
import { allowedTenants, ConfigError, loadConfig, redacted, type Config } from './config';
import type { Inventory } from './inventory/inventory';
import { Clusters } from './inventory/clusters';
import { createLogger, type Logger } from './log';

export interface Running {
  server: restify.Server;
  port: number;
  close(): Promise<void>;
}

export interface ServerOptions {
  inventory?: Inventory;
  logger?: Logger;
  storage?: Storage;
}

/** The public Azure cloud's Bot Framework endpoints (botframework-connector's AuthenticationConstants). */
const PUBLIC_CLOUD = {
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
  ValidateAuthority: true,
  CallerId: 'urn:botframework:azure',
};

/** Why a request body cannot be a Bot Framework activity we can answer (undefined when it can). */
export function activityProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body is not a JSON object';
  const a = body as {
    type?: unknown;
    serviceUrl?: unknown;
    conversation?: { id?: unknown };
    text?: unknown;
  };
  if (typeof a.type !== 'string' || !a.type) return '`type` must be a string';
  if (a.type === 'message' || a.type === 'conversationUpdate' || a.type === 'installationUpdate') {
    if (typeof a.serviceUrl !== 'string' || !/^https?:\/\//.test(a.serviceUrl))
      return '`serviceUrl` must be an http(s) URL';
    if (!a.conversation || typeof a.conversation !== 'object' || typeof a.conversation.id !== 'string')
      return '`conversation.id` must be a string';
  }
  if (a.text !== undefined && a.text !== null && typeof a.text !== 'string') return '`text` must be a string';
  return undefined;
}

/** The bot's outbound credentials from a certificate, when one is configured instead of a password. */
function certificateCredentials(c: Config): CertificateServiceClientCredentialsFactory | undefined {
  if (!c.MicrosoftAppId || !c.MicrosoftAppCertificatePrivateKeyFile) return undefined;
  const key = readFileSync(c.MicrosoftAppCertificatePrivateKeyFile, 'utf8');
  return c.MicrosoftAppCertificateFile
    ? new CertificateServiceClientCredentialsFactory(
        c.MicrosoftAppId,
        readFileSync(c.MicrosoftAppCertificateFile, 'utf8'),
        key,
        c.MicrosoftAppTenantId,
      )
    : new CertificateServiceClientCredentialsFactory(
        c.MicrosoftAppId,
        c.MicrosoftAppCertificateThumbprint!,
        key,
        c.MicrosoftAppTenantId,
      );
}

async function stateStorage(c: Config): Promise<Storage> {
  if (!c.PACKET_PATH_STATE_BLOB_CONNECTION_STRING) return new MemoryStorage();
  return new BlobsStorage(c.PACKET_PATH_STATE_BLOB_CONNECTION_STRING, c.PACKET_PATH_STATE_BLOB_CONTAINER);
}

/** Bot Framework authentication; every token failure is answered with 401. */
function authentication(config: Config): ConfigurationBotFrameworkAuthentication {
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      // overriding one endpoint makes botbuilder take every endpoint from configuration: give it the public cloud's
      ...(config.ToBotFromChannelOpenIdMetadataUrl
        ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: config.ToBotFromChannelOpenIdMetadataUrl }
        : {}),
    },
    certificateCredentials(config),
  );
  // a token with a bad signature surfaces from jsonwebtoken as a plain error, which the adapter answers
  // with 500: make every token failure an AuthenticationError, answered with 401
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (...args) => {
    try {
      return await authenticate(...args);
    } catch (e) {
      if (/^(JsonWebTokenError|TokenExpiredError|NotBeforeError)$/.test((e as Error).name))
        throw new AuthenticationError(`Unauthorized: ${(e as Error).message}`, 401);
      throw e;
    }
  };
  return auth;
}

/** The adapter with the cross-cutting steps: audit, authorization, rate limit, and a reply when a turn fails. */
function adapterFor(config: Config, log: Logger): CloudAdapter {
  const adapter = new CloudAdapter(authentication(config));
  adapter.use(new AuditMiddleware(log));
  adapter.use(
    new AuthorizationMiddleware({
      tenants: allowedTenants(config),
      teams: config.PACKET_PATH_ALLOWED_TEAMS,
      channels: config.PACKET_PATH_ALLOWED_CHANNELS,
      users: config.PACKET_PATH_ALLOWED_USERS,
    }),
  );
  adapter.use(new RateLimitMiddleware(config.PACKET_PATH_RATE_LIMIT_PER_MINUTE));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const ref = turnRecord(context)?.id ?? 'none';
    log.error({ correlationId: ref, err: { message: error?.message, stack: error?.stack } }, 'turn error');
    const sorry =
      `Sorry — something went wrong while answering, and it was logged (reference: ${ref}). ` + 'Please try again.';
    await context
      .sendActivity(sorry)
      .catch((e) => log.warn({ correlationId: ref, err: { message: (e as Error).message } }, 'apology not sent'));
  };
  return adapter;
}

/** /healthz (the process answers) and /readyz (the caches are synced and it is not shutting down). */
function probes(server: restify.Server, source: string, pending: () => string[]): void {
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', inventory: source });
    return next();
  });
  server.get('/readyz', (_req, res, next) => {
    const waiting = pending();
    res.send(waiting.length ? 503 : 200, { ready: waiting.length === 0, inventory: source, pending: waiting });
    return next();
  });
}

export async function startServer(config: Config, o: ServerOptions | Inventory = {}): Promise<Running> {
  const opts: ServerOptions = 'list' in o ? { inventory: o as Inventory } : (o as ServerOptions);
  const log = opts.logger ?? createLogger(config.LOG_LEVEL);
  const clusters = opts.inventory ? Clusters.single(opts.inventory) : await Clusters.open(config);
  const source = clusters.names.length > 1 ? clusters.names.join(', ') : clusters.get()!.inventory.source;
  const adapter = adapterFor(config, log);
  const bot = new PacketPathBot({
    conversationState: new ConversationState(opts.storage ?? (await stateStorage(config))),
    clusters,
    slowReplyMs: config.PACKET_PATH_SLOW_REPLY_MS,
    budgetMs: config.PACKET_PATH_TURN_BUDGET_MS,
    onAnswer: (context, q, r) => recordAnswer(context, q.question, r),
  });

  let inFlight = 0;
  let closing = false;
  const server = restify.createServer({ name: 'packet-path' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }));
  server.post('/api/messages', async (req, res) => {
    if (closing) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    const problem = activityProblem(req.body);
    if (problem) {
      log.warn({ problem }, 'rejected a malformed activity');
      res.send(400, { error: `not a Bot Framework activity: ${problem}` });
      return;
    }
    inFlight++;
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (e) {
      log.error({ err: { message: (e as Error).message } }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      inFlight--;
    }
  });
  probes(server, source, () => (closing ? ['shutting down'] : clusters.pending()));

  await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    server,
    port,
    // stop taking turns, let in-flight ones finish (bounded), then stop the watches
    close: async () => {
      closing = true;
      const deadline = Date.now() + 10_000;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await clusters.stop();
    },
  };
}

if (require.main === module) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    process.stderr.write(`packet-path: ${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
    process.exit(1);
  }
  const log = createLogger(config.LOG_LEVEL);
  startServer(config, { logger: log }).then(
    (r) => {
      log.info(
        { config: redacted(config), port: r.port },
        `packet-path listening on http://localhost:${r.port}/api/messages`,
      );
      const stop = (signal: string) => {
        log.info({ signal }, 'shutting down');
        r.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    },
    (e) => {
      log.fatal({ err: { message: (e as Error).message } }, 'cannot start');
      process.exit(1);
    },
  );
}
