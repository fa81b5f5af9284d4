// Generated hostile requests against every endpoint (test/support/hostile/, the generators of
// test/api/hostile-generated.test.ts), called in-process as Next calls the route handlers, with
// the figures per endpoint: requests, 4xx, 5xx, share of error answers in the envelope, tables
// changed by the requests that must be refused.
// Usage: node --import tsx bench/reliability/hostile.ts   (HOSTILE_RUNS=1000 per endpoint,
// HOSTILE_SEED to replay; DATABASE_URL for PostgreSQL). Exits 1 when a figure is off.
import { prepare, printTable, reexecWithReactServer, seconds } from './shared';

reexecWithReactServer();
const RUNS = Number(process.env.HOSTILE_RUNS ?? 1000);
const SEED = Number(process.env.HOSTILE_SEED ?? Date.now() % 1_000_000);
await prepare('hostile');

const { allEndpoints } = await import('@/test/support/hostile/endpoints');
const { hostileFixture } = await import('@/test/support/hostile/fixture');
const { runEndpoint, runOrder, summarize } = await import('@/test/support/hostile/run');

const started = Date.now();
const ctx = await hostileFixture();
if (ctx.missing.length) console.log(`Fixture incomplete (ids random for these): ${ctx.missing.join('; ')}`);
const rows: Array<Record<string, string | number>> = [];
const broken: string[] = [];
const total = { requests: 0, s4xx: 0, s5xx: 0 };
for (const endpoint of runOrder(await allEndpoints())) {
  const t = Date.now();
  const f = await runEndpoint(ctx.db, endpoint, ctx, { runs: RUNS, seed: SEED });
  rows.push({
    endpoint: f.endpoint,
    requests: f.requests,
    'must refuse': f.refusedClass,
    '2xx': f.s2xx,
    '4xx': f.s4xx,
    '5xx': f.s5xx,
    'envelope %': f.envelopePct,
    'changed tables': f.changedTables.join(' ') || 'none',
    time: seconds(Date.now() - t),
  });
  total.requests += f.requests;
  total.s4xx += f.s4xx;
  total.s5xx += f.s5xx;
  if (f.s5xx || f.failures.length || f.changedTables.length) broken.push(summarize(f));
}
printTable(rows);
console.log(
  `\n${rows.length} endpoints, ${total.requests} requests (seed ${SEED}): ${total.s4xx} 4xx, ${total.s5xx} 5xx, ` +
    `${broken.length} endpoints off, ${seconds(Date.now() - started)}.`,
);
if (broken.length) console.log(`\nOff:\n${broken.join('\n')}`);
process.exit(broken.length ? 1 : 0);
