import { afterAll, describe, expect, it } from 'vitest';
import { Pool } from 'pg';
import { getDb } from '../db/client';
import { createLimiter } from './limiter';

const name = () => `rl_test_${crypto.randomUUID().slice(0, 8)}`;

describe('createLimiter (in process)', () => {
  it('allows `points` per window, then refuses with whole seconds to wait', async () => {
    const limiter = createLimiter({ name: name(), points: 3, durationSeconds: 60 });
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push(await limiter.consume('k'));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false, false]);
    expect(verdicts.map((v) => v.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(verdicts[3].resetSeconds).toBeGreaterThanOrEqual(1);
    expect(verdicts[3].resetSeconds).toBeLessThanOrEqual(60);
    expect(Number.isInteger(verdicts[3].resetSeconds)).toBe(true);
    expect((await limiter.consume('other')).allowed).toBe(true);
  });

  it('a store that fails lets requests through (fail open)', async () => {
    // A PostgreSQL that is not there: nothing listens on port 1.
    const pool = new Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 1000 });
    pool.on('error', () => {});
    const limiter = createLimiter({ name: name(), points: 1, durationSeconds: 60, pool });
    for (let i = 0; i < 3; i++) expect((await limiter.consume('k')).allowed).toBe(true);
    await pool.end();
  });
});

// Two app instances are two processes with their own pools on one database: the budget is theirs together.
describe.skipIf(!process.env.DATABASE_URL)('createLimiter on PostgreSQL', () => {
  const pools: Pool[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.end())));

  it('two instances (separate pools) share one budget', async () => {
    await getDb(); // runs the migrations: the rate_limits table exists
    const a = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    const b = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    pools.push(a, b);
    const shared = name();
    const one = createLimiter({ name: shared, points: 10, durationSeconds: 60, pool: a });
    const two = createLimiter({ name: shared, points: 10, durationSeconds: 60, pool: b });
    const verdicts = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? one : two).consume('client')));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    // Another budget name is another budget, on the same table.
    const other = createLimiter({ name: name(), points: 10, durationSeconds: 60, pool: b });
    expect((await other.consume('client')).allowed).toBe(true);
  });
});
