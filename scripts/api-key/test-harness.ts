// For scripts/api-key-manage.test.ts: `npm run api-key` as an operator runs it (a real child
// process on a real embedded database), and that database opened afterwards to check its effect.
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Db } from '@/lib/server/db/client';
import * as schema from '@/lib/server/db/schema';
import { authenticateApiKey } from '@/lib/server/http/api-key';

export function cli(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL; // the embedded database, so this process can open it afterwards
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/api-key.ts', ...args],
      { env, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The CLI's database, opened in this process once the CLI has exited (it holds it while it runs). */
export async function withStoredDb<T>(dataDir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = new PGlite(path.join(dataDir, 'pglite'));
  try {
    return await fn(drizzle({ client, schema }) as unknown as Db);
  } finally {
    await client.close();
  }
}

/** What the API answers this key: the status of its authentication (lib/server/http/api-key.ts). */
export async function apiStatus(db: Db, key: string): Promise<number> {
  const url = new URL('http://localhost:3000/platform/v1/customers');
  return authenticateApiKey(db, { headers: new Headers({ 'X-API-Key': key }), url }).then(
    () => 200,
    (e: { status?: number }) => e.status ?? 500,
  );
}

export const lastLine = (out: string) => out.trim().split('\n').at(-1)!;
