import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb } from './db/client';
import { describeError, log } from './log';

// What a load balancer asks: /healthz (the process answers) and /readyz (it can serve: the
// database answers and has every migration this build ships).

const JOURNAL = path.resolve(process.cwd(), 'migrations', 'meta', '_journal.json');
// The build's migrations do not change while it runs: read the journal once, not per probe.
let shippedCount: number | undefined;
const shipped = (): number =>
  (shippedCount ??= (JSON.parse(readFileSync(JOURNAL, 'utf8')) as { entries: unknown[] }).entries.length);

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  migrations: 'ok' | 'pending' | 'unknown';
}

export async function readiness(): Promise<Readiness> {
  try {
    const db = await getDb();
    const result = (await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as {
      rows: Array<{ n: number }>;
    };
    const applied = Number(result.rows[0]?.n ?? 0);
    const migrations = applied >= shipped() ? 'ok' : 'pending';
    return { ready: migrations === 'ok', database: 'ok', migrations };
  } catch (e) {
    log.warn('readiness_check_failed', describeError(e));
    return { ready: false, database: 'unreachable', migrations: 'unknown' };
  }
}
