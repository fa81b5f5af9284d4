import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { toApiError } from './errors';

// A database that is down (restarting, failing over) is answered 503 with Retry-After, not as a bug.
describe('an unreachable database', () => {
  it('is a 503 database_unavailable with Retry-After, for a refused and for a dropped connection', async () => {
    // Port 1: nothing listens there.
    const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', max: 1 });
    const refused = await pool.query('select 1').catch((e: unknown) => e);
    await pool.end();
    const dropped = new Error('Connection terminated unexpectedly');
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    for (const e of [refused, dropped, { cause: shutdown }]) {
      const err = toApiError(e);
      expect(err?.status).toBe(503);
      expect(err?.code).toBe('database_unavailable');
      expect(Number(err?.headers?.['Retry-After'])).toBeGreaterThan(0);
    }
  });

  it('leaves query errors (a bug or bad input) alone', () => {
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    const syntax = Object.assign(new Error('syntax error'), { code: '42601' });
    expect(toApiError(unique)).toBeNull();
    expect(toApiError(syntax)).toBeNull();
    expect(toApiError(new Error('Connection to the moon'))).toBeNull();
  });
});
