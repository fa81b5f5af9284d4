// With DATABASE_URL, the test files share one PostgreSQL database and write to it in parallel, so
// a whole-database comparison needs a database of its own: made here, before any app module reads
// the environment (call it first, then import the app's modules dynamically). It is left in the
// cluster (a throwaway one in tests): dropping it under the app's open pool would break the pool.

export async function privateDatabase(prefix: string): Promise<string | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const { default: pg } = await import('pg');
  const name = `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  process.env.DATABASE_URL = own.toString();
  return name;
}
