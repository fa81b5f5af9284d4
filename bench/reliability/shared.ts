// Shared by the reliability scripts: the react-server condition, a database of their own (a
// temporary PGlite directory, or a fresh database in the PostgreSQL cluster of DATABASE_URL), the
// rate limits raised (they measure validation and concurrency, not the limiter), and a table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { raiseRateLimits, RAISED_LIMITS } from '@/test/support/hostile/limits';
import { privateDatabase } from '@/test/support/hostile/private-db';

/** The app's modules import `server-only`, which throws outside the react-server condition: run again with it. */
export function reexecWithReactServer() {
  if (import.meta.resolve('server-only').endsWith('/empty.js')) return;
  const args = ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)];
  process.exit(spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1);
}

/** Call before importing any app module. Returns what the run uses, for the printout. */
export async function prepare(name: string): Promise<string> {
  process.env.LOG_LEVEL ??= 'error';
  process.env.APP_URL ??= 'http://localhost:3000';
  raiseRateLimits();
  let database: string;
  if (process.env.DATABASE_URL) {
    database = `PostgreSQL (database ${await privateDatabase(`wa_${name}`)})`;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), `wa-${name}-`));
    process.env.DATA_DIR = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    database = 'PGlite (temporary directory)';
  }
  const limits = Object.keys(RAISED_LIMITS).join(', ');
  console.log(`Database: ${database}. Rate limits raised (${limits}) to measure ${name}, not the limiter.`);
  return database;
}

/** Prints rows as an aligned Markdown table. */
export function printTable(rows: Array<Record<string, string | number>>) {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(width[i])).join(' | ')} |`;
  console.log(line(cols));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => String(r[c]))));
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
