// The canary scan of the end-to-end run: after the server under test stops, its whole log and the
// outbox it wrote (webhook events and deliveries) are searched for secrets. The shapes cover the
// secrets nobody outside the server sees (Meta tokens, signing secrets) and every token, key and
// code of any test; `exact` adds values known to the run (its API keys, the Twilio auth token).
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Written by e2e/support/server.ts when the server under test stops; read by scripts/test.ts. */
export const CANARY_REPORT = path.resolve(import.meta.dirname, '../../test-results/canary-scan.json');

export const SECRET_SHAPES: Record<string, RegExp> = {
  'a Meta access token': /EAA[A-Za-z0-9]{20,}/g,
  'a project signing secret': /\bss_[A-Za-z0-9_-]{20,}/g,
  'a link token': /\bsl_[A-Za-z0-9_-]{20,}/g,
  'an API key': /\bsk_live_[A-Za-z0-9_-]{20,}/g,
  'a Meta authorization code': /\bAQ[A-Za-z0-9_-]{40,}/g,
  'a webhook secret': /\bwhsec_[A-Za-z0-9+/=]{20,}/g,
};

export interface CanaryFinding {
  where: string;
  what: string;
  count: number;
}

/** Where each secret shape or exact value occurs in `text` (counts only, never the values). */
export function findSecrets(where: string, text: string, exact: Record<string, string> = {}): CanaryFinding[] {
  const found: CanaryFinding[] = [];
  for (const [what, shape] of Object.entries(SECRET_SHAPES)) {
    const count = text.match(shape)?.length ?? 0;
    if (count) found.push({ where, what, count });
  }
  for (const [what, value] of Object.entries(exact)) {
    const count = value.length >= 8 ? text.split(value).length - 1 : 0;
    if (count) found.push({ where, what, count });
  }
  return found;
}

const OUTBOX_SQL = `select row_to_json(e)::text as row from webhook_events e
  union all select row_to_json(d)::text from webhook_deliveries d`;

/** Every outbox row as JSON text: PostgreSQL (DATABASE_URL) or the embedded database of `dataDir`. */
export async function readOutbox(opts: { databaseUrl?: string; dataDir: string }): Promise<string[]> {
  if (opts.databaseUrl) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: opts.databaseUrl });
    await client.connect();
    try {
      return (await client.query<{ row: string }>(OUTBOX_SQL)).rows.map((r) => r.row);
    } finally {
      await client.end();
    }
  }
  const dir = path.join(opts.dataDir, 'pglite');
  if (!existsSync(dir)) return [];
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(dir);
  try {
    return (await db.query<{ row: string }>(OUTBOX_SQL)).rows.map((r) => r.row);
  } finally {
    await db.close();
  }
}
