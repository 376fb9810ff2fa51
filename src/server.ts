// HTTP wiring on node:http: POST /api/messages (Bot Framework), GET /healthz, GET /readyz;
// middleware for audit, authorization and rate limits; graceful shutdown.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type Activity,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import type * as Blobs from 'botbuilder-azure-blobs';
import {
  AuthenticationError,
  CertificateServiceClientCredentialsFactory,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PacketPathBot } from './bot/bot';
import { BODY_LIMIT, BodyError, headerProblem, readJson } from './bot/body';
import {
  AuditMiddleware,
  AuthorizationMiddleware,
  capped,
  RateLimitMiddleware,
  recordAnswer,
  requestOrigin,
  turnRecord,
  type RequestOrigin,
} from './bot/middleware';
import { quietTokenRejections } from './bot/quiet';
import { pages } from './bot/pages';
import { adapterResponse, Router, sendJson, type Request } from './bot/router';
import { BoundedMemoryStorage } from './bot/storage';
import {
  allowedTenants,
  ConfigError,
  isLoopback,
  listenHost,
  loadConfig,
  redacted,
  serverProblem,
  type Config,
} from './config';
import type { Inventory } from './inventory/inventory';
import { Clusters } from './inventory/clusters';
import { createLogger, type Logger } from './log';
import { ProactiveChannelData } from './watch/proactive';
import { Watcher } from './watch/watcher';

export interface Running {
  /** the listening node:http server, and its address */
  server: { server: HttpServer; address(): AddressInfo | string | null };
  port: number;
  /** what the bot answers about: the inventory's source, or the configured clusters */
  source: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  inventory?: Inventory;
  logger?: Logger;
  storage?: Storage;
  /** a request body not received within this long is refused with 408 (default 10 s) */
  bodyTimeoutMs?: number;
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
  if (!c.PACKET_PATH_STATE_BLOB_CONNECTION_STRING) return new BoundedMemoryStorage();
  // the Blob Storage SDK is loaded only when configured (tens of MB of RSS otherwise)
  const { BlobsStorage } = require('botbuilder-azure-blobs') as typeof Blobs;
  return new BlobsStorage(c.PACKET_PATH_STATE_BLOB_CONNECTION_STRING, c.PACKET_PATH_STATE_BLOB_CONTAINER);
}

const authKey = (a: Partial<Activity>, header: string) => `${header}\n${a.serviceUrl}\n${a.channelId}`;

/** Bot Framework authentication, checked by the server first (a refusal is one audit line and a bare 401). */
interface Authentication {
  auth: ConfigurationBotFrameworkAuthentication;
  /** why the token is refused, undefined when it is valid (the adapter then reuses the result) */
  check(activity: Partial<Activity>, header: string): Promise<string | undefined>;
  forget(activity: Partial<Activity>, header: string): void;
}

function authentication(config: Config): Authentication {
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
  const authenticate = auth.authenticateRequest.bind(auth);
  // the adapter authenticates again inside process(): it gets the server's result instead of a second check, and
  // a failure never reaches it (it would print the stack trace to stderr and put the reason in the 401 body)
  const checked = new Map<string, AuthenticateRequestResult>();
  auth.authenticateRequest = async (activity, header) => {
    const done = checked.get(authKey(activity, header));
    if (done) return done;
    try {
      return await authenticate(activity, header);
    } catch {
      throw new AuthenticationError('Unauthorized', 401);
    }
  };
  return {
    auth,
    check: async (activity, header) => {
      try {
        checked.set(authKey(activity, header), await authenticate(activity as Activity, header));
        return undefined;
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    },
    forget: (activity, header) => checked.delete(authKey(activity, header)),
  };
}

/** The adapter with the cross-cutting steps: audit, authorization, rate limit, and a reply when a turn fails. */
function adapterFor(config: Config, log: Logger, auth: ConfigurationBotFrameworkAuthentication): CloudAdapter {
  const adapter = new CloudAdapter(auth);
  adapter.use(new AuditMiddleware(log));
  adapter.use(new ProactiveChannelData());
  adapter.use(
    new AuthorizationMiddleware({
      tenants: allowedTenants(config),
      teams: config.PACKET_PATH_ALLOWED_TEAMS,
      channels: config.PACKET_PATH_ALLOWED_CHANNELS,
      users: config.PACKET_PATH_ALLOWED_USERS,
      chats: config.PACKET_PATH_ALLOW_CHATS ?? false,
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

/** What kind of inventory answers, without paths or URLs (a snapshot folder, the API server). */
const sourceLabel = (source: string): string =>
  source
    .split(/\s+/)
    .filter((w) => !/[/:\\]/.test(w))
    .join(' ');

/**
 * /healthz (the process answers) and /readyz (the caches are synced and it is not shutting down): status only, the
 * reasons are logged, not served.
 */
function probes(router: Router, source: string, pending: () => string[], log: Logger): void {
  router.on('GET', '/healthz', (_req, res) => sendJson(res, 200, { status: 'ok', inventory: sourceLabel(source) }));
  let said = '';
  router.on('GET', '/readyz', (_req, res) => {
    const waiting = pending();
    if (waiting.join('\n') !== said && waiting.length) log.info({ pending: waiting }, 'not ready');
    said = waiting.join('\n');
    // only what is waiting, not why (the reason can name the API server)
    const what = [...new Set(waiting.map((w) => w.split(':')[0].slice(0, 60)))];
    sendJson(res, waiting.length ? 503 : 200, { ready: waiting.length === 0, pending: what });
  });
}

const PUBLIC_REASON: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  408: 'request timeout',
  413: 'payload too large',
  415: 'unsupported media type: application/json only',
};

interface Gate {
  config: Config;
  log: Logger;
  authn: Authentication;
  bodyTimeoutMs: number;
}

/**
 * Everything a request must pass before the adapter sees it, in order of cost: media type and size from the
 * headers, a bearer token present, the bounded body, a well-formed activity, the token valid (or, without
 * credentials, a loopback serviceUrl). A refusal is one audit line, and the connection is closed.
 */
async function admit(req: Request, res: ServerResponse, g: Gate, origin: RequestOrigin) {
  const refuse = (status: number, reason: string, body = PUBLIC_REASON[status]) => {
    g.log.warn({ audit: 'rejected', status, reason: capped(reason), ...origin }, 'request rejected');
    sendJson(res, status, { error: body }, { connection: 'close' });
    return undefined;
  };
  const header = String(req.headers.authorization ?? '');
  const early = headerProblem(req);
  if (early) return refuse(early.status, early.message);
  if (g.config.MicrosoftAppId && !/^bearer\s/i.test(header)) return refuse(401, 'no bearer token');
  let body: unknown;
  try {
    body = await readJson(req, BODY_LIMIT, g.bodyTimeoutMs);
  } catch (e) {
    return refuse(e instanceof BodyError ? e.status : 400, (e as Error).message);
  }
  const problem = activityProblem(body);
  if (problem) return refuse(400, problem, `not a Bot Framework activity: ${problem}`);
  const activity = body as Partial<Activity>;
  if (g.config.MicrosoftAppId) {
    const why = await g.authn.check(activity, header);
    if (why) return refuse(401, why);
  } else if (!loopbackUrl(activity.serviceUrl)) {
    // unauthenticated, a reply to any serviceUrl would be a request made on anyone's behalf
    return refuse(403, `serviceUrl ${capped(activity.serviceUrl, 100)} is not loopback (no credentials)`);
  }
  req.body = body as Record<string, unknown>;
  return { activity, header };
}

/** The client address (IPv4 without its IPv6 mapping) and what a proxy says it forwarded for, capped. */
const originOf = (req: Request): RequestOrigin => ({
  ip: req.socket?.remoteAddress?.replace(/^::ffff:/, ''),
  forwardedFor: capped(req.headers['x-forwarded-for'], 100),
});

function loopbackUrl(url: unknown): boolean {
  try {
    return typeof url === 'string' && isLoopback(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The bot, its conversation state and the watches of its conversations, in one Storage. */
function botFor(config: Config, clusters: Clusters, adapter: CloudAdapter, log: Logger, storage: Storage) {
  const watch = new Watcher({ clusters, storage, adapter, botAppId: config.MicrosoftAppId ?? '', log });
  watch.resume().catch((e) => log.warn({ err: { message: (e as Error).message } }, 'watches not resumed'));
  return new PacketPathBot({
    conversationState: new ConversationState(storage),
    clusters,
    slowReplyMs: config.PACKET_PATH_SLOW_REPLY_MS,
    budgetMs: config.PACKET_PATH_TURN_BUDGET_MS,
    onAnswer: (context, q, r) => recordAnswer(context, q.question, r),
    watch,
  });
}

export async function startServer(config: Config, o: ServerOptions | Inventory = {}): Promise<Running> {
  const opts: ServerOptions = 'list' in o ? { inventory: o as Inventory } : (o as ServerOptions);
  const refused = serverProblem(config);
  if (refused) throw new ConfigError(`invalid configuration: ${refused}`);
  const log = opts.logger ?? createLogger(config.LOG_LEVEL);
  const clusters = opts.inventory
    ? Clusters.single(
        opts.inventory,
        'default',
        config.PACKET_PATH_CLUSTER_ALLOWED_USERS.find(([n]) => n === 'default')?.[1],
      )
    : (await Clusters.open(config)).keepHistory();
  const source = clusters.names.length > 1 ? clusters.names.join(', ') : clusters.get()!.inventory.source;
  const authn = authentication(config);
  quietTokenRejections();
  const adapter = adapterFor(config, log, authn.auth);
  const bot = botFor(config, clusters, adapter, log, opts.storage ?? (await stateStorage(config)));

  const turns = { inFlight: 0, closing: false };
  const router = new Router('packet-path', (e) =>
    log.error({ err: { message: (e as Error)?.message } }, 'request failed'),
  );
  const gate: Gate = { config, log, authn, bodyTimeoutMs: opts.bodyTimeoutMs ?? 10_000 };
  router.on('POST', '/api/messages', messages(gate, adapter, bot, turns));
  probes(router, source, () => (turns.closing ? ['shutting down'] : clusters.pending()), log);
  pages(router, config);
  const http = createServer(router.handle);
  limits(http, config);

  const host = listenHost(config);
  await new Promise<void>((resolve) => http.listen(config.PORT, ...(host ? [host] : []), resolve));
  const port = (http.address() as AddressInfo).port;
  if (!config.MicrosoftAppId) warnUnauthenticated(log, host);
  return {
    server: { server: http, address: () => http.address() },
    port,
    source,
    // stop taking turns, let in-flight ones finish (bounded), then stop the watches
    close: async () => {
      turns.closing = true;
      const deadline = Date.now() + 10_000;
      while (turns.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await clusters.stop();
    },
  };
}

/** POST /api/messages: the gate, then the turn through the adapter (counted, so that close can wait for it). */
function messages(g: Gate, adapter: CloudAdapter, bot: PacketPathBot, turns: { inFlight: number; closing: boolean }) {
  return async (req: Request, res: ServerResponse) => {
    if (turns.closing) return sendJson(res, 503, { error: 'shutting down' });
    const origin = originOf(req);
    const admitted = await admit(req, res, g, origin);
    if (!admitted) return;
    turns.inFlight++;
    try {
      const reply = adapterResponse(res);
      await requestOrigin.run(origin, () => adapter.process(req, reply, (context) => bot.run(context)));
    } catch (e) {
      g.log.error({ err: { message: (e as Error).message } }, 'request failed');
      sendJson(res, 500, { error: 'internal error' });
    } finally {
      g.authn.forget(admitted.activity, admitted.header);
      turns.inFlight--;
    }
  };
}

function warnUnauthenticated(log: Logger, host: string | undefined): void {
  log.warn(
    { host: host ?? '*' },
    'NO AUTHENTICATION: no MicrosoftAppId, so anyone who can reach this address can ask; ' +
      'replies go only to loopback service URLs. Set the Bot Framework credentials before exposing the bot.',
  );
}

/** Slow or many clients cannot hold the process: header and request deadlines, a connection cap. */
function limits(http: HttpServer, config: Config): void {
  http.headersTimeout = 10_000;
  http.requestTimeout = 30_000;
  http.maxConnections = config.PACKET_PATH_MAX_CONNECTIONS;
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
      const url = `http://${listenHost(config) ?? '*'}:${r.port}/api/messages`;
      log.info({ config: redacted(config), port: r.port }, `packet-path listening on ${url}`);
      // local mode (no Teams credentials): one plain line for the person at the terminal; production logs JSON only
      if (!config.MicrosoftAppId) process.stderr.write(`packet-path: answering about ${r.source} at ${url}\n`);
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
