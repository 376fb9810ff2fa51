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
  PACKET_PATH_CACHE_TTL_SECONDS: z.coerce.number().min(0).max(3600).default(60),
  PACKET_PATH_ARM_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(8),
  /** after this long without an answer the bot says "Looking up …" and updates that message later */
  PACKET_PATH_SLOW_REPLY_MS: z.coerce.number().int().min(0).max(60000).default(2000),
  /** an answer that takes longer than this is given up on, with a clear reply */
  PACKET_PATH_TURN_BUDGET_MS: z.coerce.number().int().min(100).max(120000).default(10000),
  /** comma-separated allowlists; empty allows all (tenants default to the bot's own for SingleTenant) */
  PACKET_PATH_ALLOWED_TENANTS: list,
  PACKET_PATH_ALLOWED_TEAMS: list,
  PACKET_PATH_ALLOWED_CHANNELS: list,
  PACKET_PATH_ALLOWED_USERS: list,
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
  }).safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${issues}`);
  }
  return parsed.data;
}

/** Tenants allowed to ask: the configured list, else the bot's own tenant when it is SingleTenant. */
export const allowedTenants = (c: Config): string[] =>
  c.PACKET_PATH_ALLOWED_TENANTS.length
    ? c.PACKET_PATH_ALLOWED_TENANTS
    : c.MicrosoftAppType === 'SingleTenant' && c.MicrosoftAppTenantId
      ? [c.MicrosoftAppTenantId]
      : [];

export const isLive = (c: Config): boolean => !!(c.PACKET_PATH_LIVE || c.PACKET_PATH_KUBE_CONTEXT);

const SECRET = /password|secret|token|key|connection/i;

/** The configuration as it may be printed: secrets redacted. */
export const redacted = (c: Config): Record<string, unknown> =>
  Object.fromEntries(Object.entries(c).map(([k, v]) => [k, SECRET.test(k) && v ? '***' : v]));
