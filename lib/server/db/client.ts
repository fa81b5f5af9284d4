import 'server-only';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '../env';
import { log } from '../log';
import * as schema from './schema';
import { acquireDataDirLock } from './lock';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export { schema };

const MIGRATIONS = path.resolve(process.cwd(), 'migrations');

async function openPostgres(url: string): Promise<Db> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new Pool({ connectionString: url, max: 10 });
  (globalThis as { __pgPool?: typeof pool }).__pgPool = pool;
  const db = drizzle({ client: pool, schema });
  // Many app instances may boot at once: one migrates, the others wait on the lock.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(727274)');
    await migrate(db, { migrationsFolder: MIGRATIONS });
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => {});
    client.release();
  }
  return db as unknown as Db;
}

async function openPglite(dir: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const inMemory = dir === 'memory://';
  const dataDir = inMemory ? undefined : path.resolve(dir, 'pglite');
  // Two PGlite instances on one directory silently diverge: refuse loudly instead.
  const release = dataDir ? acquireDataDirLock(dataDir) : () => {};
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  const close = async () => {
    await client.close().catch(() => {});
    release();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void close().finally(() => process.exit(0)));
  }
  process.once('exit', release);
  return db as unknown as Db;
}

const g = globalThis as unknown as { __db?: Promise<Db> };

/** The PostgreSQL pool behind getDb() once it has opened (undefined on PGlite): the rate limits' store. */
export const getPgPool = () => (globalThis as { __pgPool?: import('pg').Pool }).__pgPool;

/** The process-wide database (one per process: stored on globalThis so every bundle shares it). */
export function getDb(): Promise<Db> {
  if (!g.__db) {
    const started = Date.now();
    g.__db = (env.databaseUrl ? openPostgres(env.databaseUrl) : openPglite(env.dataDir)).then((db) => {
      log.info('database_ready', { driver: env.databaseUrl ? 'postgres' : 'pglite', ms: Date.now() - started });
      return db;
    });
    g.__db.catch(() => (g.__db = undefined));
  }
  return g.__db;
}
