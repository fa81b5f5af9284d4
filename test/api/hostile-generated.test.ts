import { describe, expect, it } from 'vitest';
import { raiseRateLimits } from '../support/hostile/limits';
import { privateDatabase } from '../support/hostile/private-db';

// Generated hostile requests (fast-check) against every endpoint: the API's (found on disk),
// the hosted page's JSON endpoints with and without the cookie, and the inbound webhooks. Each
// request of a class that must be refused gets a 4xx, never a 5xx, in the error envelope, and
// leaves every table as it was; random requests may succeed but never answer 5xx.
// HOSTILE_RUNS per endpoint (default 60, a fifth of it for 405 methods: about 60 s on a
// loaded 2-core machine), HOSTILE_SEED to replay.

const RUNS = Number(process.env.HOSTILE_RUNS ?? 60);
const SEED = Number(process.env.HOSTILE_SEED ?? Date.now() % 1_000_000);

describe('generated hostile input', () => {
  it('is refused with a 4xx in the envelope on every endpoint, and changes nothing', async () => {
    raiseRateLimits();
    process.env.LOG_LEVEL = 'error'; // the fixture's webhook points nowhere: its retries would log at warn
    await privateDatabase('wa_hostile');
    const { allEndpoints } = await import('../support/hostile/endpoints');
    const { hostileFixture } = await import('../support/hostile/fixture');
    const { runEndpoint, runOrder, summarize } = await import('../support/hostile/run');
    const ctx = await hostileFixture();
    const endpoints = await allEndpoints();
    expect(endpoints.length).toBeGreaterThan(40);
    const broken: string[] = [];
    for (const endpoint of runOrder(endpoints)) {
      // Methods a route does not serve (405 whatever comes) get a fifth of the runs.
      const f = await runEndpoint(ctx.db, endpoint, ctx, {
        runs: RUNS,
        seed: SEED,
        notAllowedRuns: Math.ceil(RUNS / 5),
      });
      if (f.s5xx || f.failures.length || f.changedTables.length) broken.push(summarize(f));
    }
    expect(broken.join('\n'), `seed ${SEED}`).toBe('');
    expect(ctx.missing, 'the fixture: one of everything, made through the API').toEqual([]);
  }, 300_000);
});
