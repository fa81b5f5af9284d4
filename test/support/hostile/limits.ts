// The reliability runs measure validation and concurrency, not the rate limiter: they raise every
// limit of lib/server/env.ts (RATE_LIMIT_*) before the app's modules read the environment. The
// limiter has tests of its own.

export const RAISED_LIMITS = {
  RATE_LIMIT_API_PER_SECOND: '1000000',
  RATE_LIMIT_IP_PER_MINUTE: '1000000',
  RATE_LIMIT_WEBHOOKS_PER_MINUTE: '1000000',
  RATE_LIMIT_COMPLETIONS_PER_LINK: '1000000',
};

export function raiseRateLimits() {
  Object.assign(process.env, RAISED_LIMITS);
}
