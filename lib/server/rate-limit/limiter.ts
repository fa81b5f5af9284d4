import 'server-only';
import type { Pool } from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { describeError, log } from '../log';

// One budget (N requests per window, per key) on rate-limiter-flexible: in this process on the
// embedded database, or in the `rate_limits` table (migrations/0006_rate_limits.sql) on
// PostgreSQL so that every app instance spends the same budget. The store failing never fails the
// request: it is let through (fail open) and a warning logged.

export const RATE_LIMIT_TABLE = 'rate_limits';

export interface LimiterOptions {
  /** Names the budget; keys of different budgets never collide. */
  name: string;
  points: number;
  durationSeconds: number;
  /** PostgreSQL pool: the shared store. Absent: in-process memory. */
  pool?: Pool;
  /** A store slower than this lets the request through. */
  timeoutMs?: number;
}

export interface Verdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds (>= 1) until the window resets: Retry-After when refused. */
  resetSeconds: number;
}

export interface Limiter {
  readonly name: string;
  consume(key: string): Promise<Verdict>;
}

const WARN_EVERY_MS = 30_000;

export function createLimiter({ name, points, durationSeconds, pool, timeoutMs = 2000 }: LimiterOptions): Limiter {
  const common = { keyPrefix: name, points, duration: durationSeconds };
  const store: RateLimiterAbstract = pool
    ? new RateLimiterPostgres({
        ...common,
        storeClient: pool,
        storeType: 'pool',
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
      })
    : new RateLimiterMemory(common);
  const verdict = (res: RateLimiterRes, allowed: boolean): Verdict => ({
    allowed,
    limit: points,
    remaining: res.remainingPoints,
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });
  let lastWarning = 0;
  const failOpen = (e: unknown): Verdict => {
    if (Date.now() - lastWarning > WARN_EVERY_MS) {
      lastWarning = Date.now();
      log.warn('rate_limit_store_failed', { limiter: name, ...describeError(e) });
    }
    return { allowed: true, limit: points, remaining: points, resetSeconds: durationSeconds };
  };
  return {
    name,
    async consume(key) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`rate limit store slower than ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        return verdict(await Promise.race([store.consume(key), timeout]), true);
      } catch (e) {
        return e instanceof RateLimiterRes ? verdict(e, false) : failOpen(e);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
