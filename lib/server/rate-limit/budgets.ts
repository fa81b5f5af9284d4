import 'server-only';
import { getDb, getPgPool } from '../db/client';
import { env } from '../env';
import { clientIp } from '../http/client-ip';
import { ApiError } from '../http/errors';
import { createLimiter, type Limiter, type Verdict } from './limiter';
import { apiKeyBucket, ipBucket, presentedApiKey } from './keys';

// The product's budgets (SPEC section 12), sized by env.rateLimits (lib/server/env.ts):
//   api          per API key, RATE_LIMIT_API_PER_SECOND a second (every /platform/v1 and /api/v1 route)
//   hosted       per client IP, RATE_LIMIT_IP_PER_MINUTE a minute (/s/{token} and /setup/*)
//   webhooks     per client IP, RATE_LIMIT_WEBHOOKS_PER_MINUTE a minute (/webhooks/*)
//   completions  per setup link, RATE_LIMIT_COMPLETIONS_PER_LINK per 10 minutes (POST /setup/complete:
//                each failed completion hands out a new attempt id, and each one calls Meta)
// Limiters are built on first use and rebuilt when a size changes (a test may change env.rateLimits).

export type Budget = 'api' | 'hosted' | 'webhooks' | 'completions';

function size(budget: Budget) {
  const r = env.rateLimits;
  if (budget === 'api') return { points: r.apiPerSecond, durationSeconds: r.apiWindowSeconds };
  if (budget === 'hosted') return { points: r.ipPerMinute, durationSeconds: r.ipWindowSeconds };
  if (budget === 'webhooks') return { points: r.webhooksPerMinute, durationSeconds: r.ipWindowSeconds };
  return { points: r.completionsPerLink, durationSeconds: r.completionWindowSeconds };
}

// On globalThis: Next bundles this module more than once, and in-process budgets must be shared.
const g = globalThis as unknown as { __rateLimiters?: Map<string, Limiter> };

async function limiterFor(budget: Budget): Promise<Limiter> {
  await getDb(); // the PostgreSQL pool exists once the database is open
  const { points, durationSeconds } = size(budget);
  const id = `${budget}:${points}:${durationSeconds}`;
  const cache = (g.__rateLimiters ??= new Map());
  let limiter = cache.get(id);
  if (!limiter) {
    limiter = createLimiter({ name: `rl_${budget}`, points, durationSeconds, pool: getPgPool() });
    cache.set(id, limiter);
  }
  return limiter;
}

/** RateLimit-* headers (IETF draft): the budget, what is left of it and seconds until it refills. */
export const rateLimitHeaders = (v: Verdict): Record<string, string> => ({
  'RateLimit-Limit': String(v.limit),
  'RateLimit-Remaining': String(v.remaining),
  'RateLimit-Reset': String(v.resetSeconds),
});

function refuse(v: Verdict, message: string): never {
  throw new ApiError('rate_limited', {
    message: `${message} Try again in ${v.resetSeconds} s.`,
    headers: { 'Retry-After': String(v.resetSeconds), ...rateLimitHeaders(v) },
  });
}

async function spend(budget: Budget, key: string, message: string): Promise<Verdict> {
  const verdict = await (await limiterFor(budget)).consume(key);
  if (!verdict.allowed) refuse(verdict, message);
  return verdict;
}

/** After authentication: one request of the key's budget. Returns the RateLimit-* headers; throws a 429. */
export async function enforceApiKeyLimit(headers: Headers): Promise<Record<string, string>> {
  const key = presentedApiKey(headers) ?? '';
  return rateLimitHeaders(await spend('api', apiKeyBucket(key), 'Too many requests with this API key.'));
}

/** One request of the client IP's budget (`hosted` or `webhooks`); throws a 429. */
export async function enforceClientIpLimit(headers: Headers, budget: 'hosted' | 'webhooks'): Promise<void> {
  await spend(budget, ipBucket(clientIp(headers, env.trustedProxies)), 'Too many requests from your network.');
}

/** One completion of the link's budget, before anything calls Meta; throws a 429. */
export async function enforceCompletionLimit(setupLinkId: string): Promise<void> {
  await spend('completions', setupLinkId, 'Too many attempts with this setup link.');
}
