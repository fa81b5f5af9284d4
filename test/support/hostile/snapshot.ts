import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';

// The database's state as row counts and a hash of every table's rows (in SQL, the same on PGlite
// and PostgreSQL), to show that refused requests changed nothing. Rate-limit counters change on
// every request by design and are left out.

const IGNORED = /rate_limit/i;

// Both drivers answer `execute` with `{rows}`.
const exec = <T>(db: Db, query: SQL) => db.execute(query) as unknown as Promise<{ rows: T[] }>;

export type Snapshot = Record<string, { rows: number; hash: string }>;

export async function snapshot(db: Db): Promise<Snapshot> {
  const tables = await exec<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const names = tables.rows.map((t) => t.name).filter((n) => !IGNORED.test(n));
  if (!names.length) return {};
  // One statement for all tables: this runs twice per endpoint.
  const parts = names.map(
    (n) =>
      sql`select ${n} as name, count(*)::int as rows, md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as hash from ${sql.identifier(n)} r`,
  );
  const rows = (await exec<{ name: string; rows: number; hash: string }>(db, sql.join(parts, sql` union all `))).rows;
  return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, hash: r.hash }]));
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n]?.hash !== after[n]?.hash || before[n]?.rows !== after[n]?.rows).sort();
}
