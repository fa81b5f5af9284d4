import 'server-only';
import { ConfigError } from './errors';
import { z } from 'zod';

// The only module that reads process.env: everything else imports `env`.
// "Dev mode" means real Meta credentials are absent: the local Meta emulator is
// used, http://localhost redirects are allowed and an encryption key is generated.

const optional = z
  .string()
  .transform((v) => v.trim())
  .pipe(z.string())
  .optional()
  .transform((v) => (v ? v : undefined));

const bool = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  DATABASE_URL: optional,
  DATA_DIR: z.string().default('.data'),
  ENCRYPTION_KEY: optional,
  META_APP_ID: optional,
  META_APP_SECRET: optional,
  META_CONFIG_ID: optional,
  META_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/)
    .default('v25.0'),
  META_SDK_URL: optional,
  META_GRAPH_URL: optional,
  META_EXTRAS: optional,
  META_EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  META_EMULATOR_URL: optional,
  META_EMULATOR_SCENARIO: optional,
  NEXT_DIST_DIR: z.string().default('.next'),
  ALLOW_LOCALHOST_REDIRECTS: bool,
  // `Name:sk_live_...` pairs, comma-separated: projects and keys ensured at boot (automation, e2e).
  BOOTSTRAP_API_KEYS: optional,
  DISABLE_DEMO: bool,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  // Webhook delivery: the retry schedule (comma-separated seconds) and whether endpoints may be
  // on private networks (an operator's own receivers behind the firewall).
  WEBHOOK_RETRY_SCHEDULE: optional,
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: bool,
});

/** Seconds between webhook attempts: after the first failure, the second, ... (7 retries). */
export const DEFAULT_RETRY_SCHEDULE = [5, 300, 1800, 7200, 18000, 36000, 36000];

/** `WEBHOOK_RETRY_SCHEDULE`: comma-separated positive seconds (decimals allowed), at most 20. */
export function parseRetrySchedule(raw: string | undefined): number[] {
  if (raw === undefined) return DEFAULT_RETRY_SCHEDULE;
  const parts = raw.split(',').map((p) => p.trim());
  const seconds = parts.map((p) => (/^\d+(\.\d+)?$/.test(p) ? Number(p) : NaN));
  if (parts.length > 20 || seconds.some((n) => !(n > 0 && n <= 7 * 86_400)))
    throw new ConfigError(
      'Invalid environment: WEBHOOK_RETRY_SCHEDULE must be comma-separated seconds between 0 and 604800 ' +
        '(at most 20), like "5,300,1800"',
    );
  return seconds;
}

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${issues}`);
  }
  const e = parsed.data;
  const devMode = !(e.META_APP_ID && e.META_APP_SECRET && e.META_CONFIG_ID);
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const emulatorUrl = (e.META_EMULATOR_URL ?? `http://localhost:${e.META_EMULATOR_PORT}`).replace(/\/+$/, '');
  let extras: { coexistence?: Record<string, unknown>; dedicated?: Record<string, unknown> } = {};
  if (e.META_EXTRAS) {
    try {
      extras = JSON.parse(e.META_EXTRAS);
    } catch {
      throw new ConfigError(
        'Invalid environment: META_EXTRAS must be JSON like {"coexistence":{...},"dedicated":{...}}',
      );
    }
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    appUrl,
    appOrigin: new URL(appUrl).origin,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    nextDistDir: e.NEXT_DIST_DIR,
    encryptionKey: e.ENCRYPTION_KEY,
    devMode,
    allowLocalhostRedirects: e.ALLOW_LOCALHOST_REDIRECTS ?? devMode,
    logLevel: e.LOG_LEVEL,
    bootstrapApiKeys: (e.BOOTSTRAP_API_KEYS ?? '')
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const i = pair.lastIndexOf(':');
        return { project: pair.slice(0, i), key: pair.slice(i + 1) };
      }),
    demo: devMode && !e.DISABLE_DEMO,
    webhooks: {
      retrySchedule: parseRetrySchedule(e.WEBHOOK_RETRY_SCHEDULE),
      allowPrivateNetworks: e.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? false,
    },
    meta: {
      appId: e.META_APP_ID ?? 'emulator-app',
      appSecret: e.META_APP_SECRET ?? 'emulator-secret',
      configId: e.META_CONFIG_ID ?? 'emulator-config',
      graphVersion: e.META_GRAPH_VERSION,
      // `{locale}` is replaced by the Facebook locale of the page (en_US, ar_AR, ...).
      sdkUrl:
        e.META_SDK_URL ?? (devMode ? `${emulatorUrl}/{locale}/sdk.js` : 'https://connect.facebook.net/{locale}/sdk.js'),
      graphUrl: (e.META_GRAPH_URL ?? (devMode ? emulatorUrl : 'https://graph.facebook.com')).replace(/\/+$/, ''),
      extras,
      emulatorUrl: devMode ? emulatorUrl : undefined,
      emulatorPort: e.META_EMULATOR_PORT,
      emulatorScenario: e.META_EMULATOR_SCENARIO,
    },
  };
}

export type Env = ReturnType<typeof load>;

const globalForEnv = globalThis as unknown as { __env?: Env };
export const env: Env = globalForEnv.__env ?? (globalForEnv.__env = load());
