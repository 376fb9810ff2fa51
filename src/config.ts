// The one configuration loader: defaults → environment, validated at start-up.
import { z } from 'zod';

const Schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** a snapshot folder to answer from; default: the bundled demo */
  PACKET_PATH_SNAPSHOT: z.string().min(1).optional(),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: z.string().optional(),
});

export type Config = z.infer<typeof Schema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${issues}`);
  }
  return parsed.data;
}

const SECRET = /password|secret|token|key/i;

/** The configuration as it may be printed: secrets redacted. */
export const redacted = (c: Config): Record<string, unknown> =>
  Object.fromEntries(Object.entries(c).map(([k, v]) => [k, SECRET.test(k) && v ? '***' : v]));
