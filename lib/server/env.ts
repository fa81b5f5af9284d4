import 'server-only';
import { ConfigError } from './errors';
import { APP_MODES, resolveMode } from './env-mode';
import { parseTrustedProxies } from './http/client-ip';
import { z } from 'zod';

// The only module that reads process.env: everything else imports `env`.
// "Dev mode" (env-mode.ts decides it, and refuses unsafe combinations): the local emulators
// stand in for Meta and Twilio, http://localhost redirects are allowed and an encryption key is
// generated.

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
  // development (emulators, no Meta app) or production; unset: decided by the META_* settings.
  APP_MODE: z.enum(APP_MODES).optional(),
  ALLOW_DEV_MODE_ON_PUBLIC_URL: bool,
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
  // How often each instance sweeps links (expiry, abandonment) and releases unused numbers.
  SWEEP_INTERVAL_SECONDS: z.coerce.number().min(0.1).max(3600).default(60),
  // Phone numbers (provisioning links): Twilio's REST API, or the local Twilio emulator in dev mode.
  TWILIO_API_URL: optional,
  TWILIO_ACCOUNT_SID: optional,
  TWILIO_AUTH_TOKEN: optional,
  TWILIO_EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4011),
  TWILIO_EMULATOR_URL: optional,
  // Meta's webhook (the shared sandbox number): the verify token of the subscription handshake, and
  // the sandbox number itself (E.164, its Graph phone number id and a token that may send from it).
  META_WEBHOOK_VERIFY_TOKEN: optional,
  SANDBOX_PHONE_NUMBER: optional,
  SANDBOX_PHONE_NUMBER_ID: optional,
  SANDBOX_ACCESS_TOKEN: optional,
  // Rate limits (lib/server/rate-limit/budgets.ts), and the proxies whose X-Forwarded-For we believe.
  RATE_LIMIT_API_PER_SECOND: z.coerce.number().int().min(1).max(1_000_000).default(100),
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  RATE_LIMIT_WEBHOOKS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  RATE_LIMIT_COMPLETIONS_PER_LINK: z.coerce.number().int().min(1).max(1_000_000).default(10),
  TRUSTED_PROXIES: optional,
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

function trustedProxies(raw: string | undefined) {
  try {
    return parseTrustedProxies(raw);
  } catch (e) {
    throw new ConfigError(`Invalid environment: ${(e as Error).message} (comma-separated IPs and CIDRs)`);
  }
}

/** The configuration from `source` (process.env), validated; a ConfigError says what is wrong. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env) {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${issues}`);
  }
  const e = parsed.data;
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const mode = resolveMode({ ...e, APP_URL: appUrl });
  const devMode = mode === 'development';
  const emulatorUrl = (e.META_EMULATOR_URL ?? `http://localhost:${e.META_EMULATOR_PORT}`).replace(/\/+$/, '');
  const twilioEmulatorUrl = (e.TWILIO_EMULATOR_URL ?? `http://localhost:${e.TWILIO_EMULATOR_PORT}`).replace(/\/+$/, '');
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
    mode,
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
    sweepIntervalMs: Math.round(e.SWEEP_INTERVAL_SECONDS * 1000),
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
      // In dev mode the emulator's defaults, so the sandbox works on a fresh clone.
      webhookVerifyToken: e.META_WEBHOOK_VERIFY_TOKEN ?? (devMode ? 'emulator-verify-token' : undefined),
    },
    sandbox: {
      phoneNumber: e.SANDBOX_PHONE_NUMBER ?? (devMode ? '+15550009999' : undefined),
      phoneNumberId: e.SANDBOX_PHONE_NUMBER_ID ?? (devMode ? '100000000009999' : undefined),
      accessToken: e.SANDBOX_ACCESS_TOKEN ?? (devMode ? 'emulator-sandbox-token' : undefined),
    },
    rateLimits: {
      apiPerSecond: e.RATE_LIMIT_API_PER_SECOND,
      ipPerMinute: e.RATE_LIMIT_IP_PER_MINUTE,
      webhooksPerMinute: e.RATE_LIMIT_WEBHOOKS_PER_MINUTE,
      completionsPerLink: e.RATE_LIMIT_COMPLETIONS_PER_LINK,
      // The windows are fixed (the variables name them); tests lengthen them to count calmly.
      apiWindowSeconds: 1,
      ipWindowSeconds: 60,
      completionWindowSeconds: 600,
    },
    trustedProxies: trustedProxies(e.TRUSTED_PROXIES),
    twilio: {
      apiUrl: (e.TWILIO_API_URL ?? (devMode ? twilioEmulatorUrl : 'https://api.twilio.com')).replace(/\/+$/, ''),
      // The operator's account: buys US numbers for every project.
      accountSid: e.TWILIO_ACCOUNT_SID ?? (devMode ? 'ACemulator00000000000000000000000' : undefined),
      authToken: e.TWILIO_AUTH_TOKEN ?? (devMode ? 'emulator-auth-token' : undefined),
      emulatorUrl: devMode ? twilioEmulatorUrl : undefined,
      emulatorPort: e.TWILIO_EMULATOR_PORT,
    },
  };
}

export type Env = ReturnType<typeof loadEnv>;

const globalForEnv = globalThis as unknown as { __env?: Env };
export const env: Env = globalForEnv.__env ?? (globalForEnv.__env = loadEnv());
