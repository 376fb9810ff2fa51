// The one configuration loader: defaults → environment, validated at start-up.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v))
  .optional();

const list = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .default([]);

const Schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** address to listen on; default all interfaces with Bot Framework credentials, 127.0.0.1 without */
  PACKET_PATH_HOST: z.string().min(1).optional(),
  /** without credentials: allow listening beyond loopback and answering from live data (anyone reaching it asks) */
  PACKET_PATH_INSECURE_NO_AUTH: bool,
  /** at most this many open connections (more are refused by the socket layer) */
  PACKET_PATH_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100000).default(256),
  /** a snapshot folder to answer from; default: the bundled demo */
  PACKET_PATH_SNAPSHOT: z.string().min(1).optional(),
  /** answer from the live cluster (kubeconfig / in-cluster) and its Azure subscription(s) */
  PACKET_PATH_LIVE: bool,
  /** kubeconfig context to use (implies live) */
  PACKET_PATH_KUBE_CONTEXT: z.string().min(1).optional(),
  /** Azure Resource Manager endpoint (sovereign clouds; default public Azure) */
  PACKET_PATH_ARM_ENDPOINT: z.string().url().optional(),
  /** PEM file of extra CA certificates to trust for ARM (a TLS-inspecting proxy) */
  PACKET_PATH_ARM_CA_FILE: z.string().min(1).optional(),
  /** Azure Monitor metrics endpoint for every region (default https://<region>.metrics.monitor.azure.com) */
  PACKET_PATH_METRICS_ENDPOINT: z.string().url().optional(),
  /** several clusters: "name=demo,name=snapshot:DIR,name=context:CTX,name=in-cluster" (the first is the default) */
  PACKET_PATH_CLUSTERS: z
    .string()
    .transform((v, ctx) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
        .map((entry) => {
          const m = /^([a-z0-9][a-z0-9._-]{0,62})=(demo|in-cluster|snapshot:.+|context:.+)$/i.exec(entry);
          if (!m)
            ctx.addIssue({
              code: 'custom',
              message: `"${entry}" is not name=demo|snapshot:DIR|context:CTX|in-cluster`,
            });
          return { name: (m?.[1] ?? '').toLowerCase(), source: m?.[2] ?? '' };
        }),
    )
    .default([]),
  /** who may ask about which cluster: "name=aadId|aadId,name2=aadId" (clusters not listed: everyone let in) */
  PACKET_PATH_CLUSTER_ALLOWED_USERS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
        .map(
          (entry) =>
            [
              entry.split('=')[0].toLowerCase(),
              (entry.split('=')[1] ?? '')
                .split('|')
                .map((u) => u.trim())
                .filter(Boolean),
            ] as [string, string[]],
        ),
    )
    .default([]),
  /**
   * the node resource group when nodes' providerIDs do not tell (e.g. /subscriptions/…/resourceGroups/aro2-resources)
   */
  PACKET_PATH_NODE_RESOURCE_GROUP_ID: z
    .string()
    .regex(
      /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i,
      'a resource group ID: /subscriptions/<id>/resourceGroups/<name>',
    )
    .optional(),
  /**
   * where Virtual WAN hubs live (subscription or resource group IDs, comma-separated): a spoke's peering points at the
   * hub's Microsoft-managed VNet, never at the hub, so the hub is searched here (and in the VNet's subscription)
   */
  PACKET_PATH_VWAN_HUB_SCOPES: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().regex(/^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?$/i, 'a subscription or resource group ID'),
      ),
    )
    .default([]),
  PACKET_PATH_CACHE_TTL_SECONDS: z.coerce.number().min(0).max(3600).default(60),
  /**
   * the bot keeps the Azure network resources warm, re-reading them in the background this often (0: read on demand,
   * cached for PACKET_PATH_CACHE_TTL_SECONDS); 120 s keeps a typical cluster's ~45 listings under 30 requests a minute
   */
  PACKET_PATH_AZURE_REFRESH_SECONDS: z.coerce.number().min(0).max(86400).default(120),
  PACKET_PATH_ARM_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(8),
  /** after this long without an answer the bot says "Looking up …" and updates that message later */
  PACKET_PATH_SLOW_REPLY_MS: z.coerce.number().int().min(0).max(60000).default(2000),
  /** an answer that takes longer than this is given up on, with a clear reply */
  PACKET_PATH_TURN_BUDGET_MS: z.coerce.number().int().min(100).max(120000).default(10000),
  /**
   * comma-separated allowlists; empty allows all, except tenants: the bot's own for SingleTenant and UserAssignedMSI,
   * and a MultiTenant bot does not start without a list
   */
  PACKET_PATH_ALLOWED_TENANTS: list,
  PACKET_PATH_ALLOWED_TEAMS: list,
  PACKET_PATH_ALLOWED_CHANNELS: list,
  PACKET_PATH_ALLOWED_USERS: list,
  /** personal and group chats, when team or channel lists are set (default: refused then) */
  PACKET_PATH_ALLOW_CHATS: bool,
  PACKET_PATH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10000).default(20),
  /** conversation state: in memory (default) or an Azure Blob Storage container (several replicas) */
  PACKET_PATH_STATE_BLOB_CONNECTION_STRING: z.string().min(1).optional(),
  PACKET_PATH_STATE_BLOB_CONTAINER: z
    .string()
    .regex(
      /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
      'a blob container name: 3-63 lower-case letters, digits, dashes',
    )
    .default('packet-path-state'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: z.string().optional(),
  /**
   * certificate credentials instead of a password: the thumbprint (or the public certificate, for subject-name/issuer
   * auth) and the private key (PEM files)
   */
  MicrosoftAppCertificateThumbprint: z
    .string()
    .regex(/^[0-9a-fA-F]{40}$/, 'a SHA-1 thumbprint: 40 hex digits')
    .optional(),
  MicrosoftAppCertificateFile: z.string().min(1).optional(),
  MicrosoftAppCertificatePrivateKeyFile: z.string().min(1).optional(),
  /** Bot Framework's OpenID metadata (sovereign clouds); default: the public Bot Framework */
  ToBotFromChannelOpenIdMetadataUrl: z.string().url().optional(),
});

export type Config = z.infer<typeof Schema>;

export class ConfigError extends Error {}

/**
 * Defaults → an optional JSON file (PACKET_PATH_CONFIG_FILE: an object of the same variable
 * names) → environment. Invalid values fail here, naming the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(Schema.shape);
  let fromFile: Record<string, unknown> = {};
  if (env.PACKET_PATH_CONFIG_FILE) {
    try {
      fromFile = JSON.parse(readFileSync(env.PACKET_PATH_CONFIG_FILE, 'utf8'));
    } catch (e) {
      throw new ConfigError(
        `invalid configuration: PACKET_PATH_CONFIG_FILE ${env.PACKET_PATH_CONFIG_FILE}: ${(e as Error).message}`,
      );
    }
    const unknown = Object.keys(fromFile).filter((k) => !known.includes(k));
    if (unknown.length)
      throw new ConfigError(`invalid configuration: PACKET_PATH_CONFIG_FILE: unknown setting(s) ${unknown.join(', ')}`);
  }
  const merged = {
    ...Object.fromEntries(Object.entries(fromFile).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)])),
    ...Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== '' && known.includes(k))),
  };
  const parsed = Schema.superRefine((c, ctx) => {
    if (
      (c.MicrosoftAppCertificateThumbprint || c.MicrosoftAppCertificateFile) &&
      !c.MicrosoftAppCertificatePrivateKeyFile
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppCertificatePrivateKeyFile'],
        message: 'required with a certificate thumbprint or file',
      });
    }
    tenantIssues(c, ctx);
  }).safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${issues}`);
  }
  return parsed.data;
}

/** A bot of one tenant (SingleTenant, UserAssignedMSI) names it; a MultiTenant bot names who may ask. */
function tenantIssues(c: Config, ctx: z.RefinementCtx): void {
  if (!c.MicrosoftAppId) return;
  const type = c.MicrosoftAppType ?? 'MultiTenant'; // botbuilder's default
  if (type !== 'MultiTenant' && !c.MicrosoftAppTenantId)
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `required with ${type}` });
  if (type === 'MultiTenant' && !c.PACKET_PATH_ALLOWED_TENANTS.length)
    ctx.addIssue({
      code: 'custom',
      path: ['PACKET_PATH_ALLOWED_TENANTS'],
      message: 'required with a MultiTenant bot: the tenant IDs that may ask',
    });
}

/** Tenants allowed to ask: the configured list, else the bot's own tenant (SingleTenant, UserAssignedMSI). */
export const allowedTenants = (c: Config): string[] =>
  c.PACKET_PATH_ALLOWED_TENANTS.length
    ? c.PACKET_PATH_ALLOWED_TENANTS
    : c.MicrosoftAppType !== 'MultiTenant' && c.MicrosoftAppTenantId
      ? [c.MicrosoftAppTenantId]
      : [];

export const isLive = (c: Config): boolean => !!(c.PACKET_PATH_LIVE || c.PACKET_PATH_KUBE_CONTEXT);

/** Any cluster answered from live data (the single one, or one of several). */
const anyLive = (c: Config): boolean =>
  isLive(c) || c.PACKET_PATH_CLUSTERS.some((x) => /^(context:|in-cluster)/.test(x.source));

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/** A loopback host name or address. */
export const isLoopback = (host: string): boolean => LOOPBACK_HOST.test(host);

/** Where the server listens: the configured host, else everywhere with credentials and loopback without. */
export const listenHost = (c: Config): string | undefined =>
  c.PACKET_PATH_HOST ?? (c.MicrosoftAppId ? undefined : '127.0.0.1');

/** Why the server must not start as configured: without credentials it stays on loopback with demo/snapshot data. */
export function serverProblem(c: Config): string | undefined {
  if (c.MicrosoftAppId || c.PACKET_PATH_INSECURE_NO_AUTH) return undefined;
  const needs = 'without Bot Framework credentials (MicrosoftAppId) needs PACKET_PATH_INSECURE_NO_AUTH=true';
  const host = listenHost(c)!;
  if (!isLoopback(host)) return `PACKET_PATH_HOST: listening on ${host} ${needs}`;
  if (anyLive(c)) return `PACKET_PATH_LIVE: live data ${needs}`;
  return undefined;
}

const SECRET = /password|secret|token|key|connection_string/i;

/** The configuration as it may be printed: secrets redacted. */
export const redacted = (c: Config): Record<string, unknown> =>
  Object.fromEntries(Object.entries(c).map(([k, v]) => [k, SECRET.test(k) && v ? '***' : v]));
