import 'server-only';
import { and, eq, like, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db/client';
import {
  idempotencyKeys,
  projects,
  provisionedNumbers,
  setupLinks,
  webhookEndpoints,
  whatsappConfigs,
} from './db/schema';
import { decryptLegacySecret, encryptSecret, isLegacySecret, type SecretColumn } from './crypto';
import { describeError, log } from './log';

// Secrets written before ciphertexts were bound to their row and column (crypto.ts) are
// re-encrypted in place, bound, once at boot. Idempotent: only legacy values (`v<n>:...`) are
// selected, and each update applies only while the row still holds the value read, so concurrent
// instances and concurrent writers are safe. A legacy value that does not decrypt (a retired key)
// is left alone and logged by column and row: it was unreadable before too.

interface Place {
  column: SecretColumn;
  table: PgTable;
  id: PgColumn;
  value: PgColumn;
}

const PLACES: Place[] = [
  { column: 'projects.signing_secret_enc', table: projects, id: projects.id, value: projects.signingSecretEnc },
  {
    column: 'projects.twilio_auth_token_enc',
    table: projects,
    id: projects.id,
    value: projects.twilioAuthTokenEnc,
  },
  { column: 'setup_links.token_enc', table: setupLinks, id: setupLinks.id, value: setupLinks.tokenEnc },
  { column: 'setup_links.pending_pin_enc', table: setupLinks, id: setupLinks.id, value: setupLinks.pendingPinEnc },
  {
    column: 'whatsapp_configs.access_token_enc',
    table: whatsappConfigs,
    id: whatsappConfigs.id,
    value: whatsappConfigs.accessTokenEnc,
  },
  {
    column: 'whatsapp_configs.webhook_verify_token_enc',
    table: whatsappConfigs,
    id: whatsappConfigs.id,
    value: whatsappConfigs.webhookVerifyTokenEnc,
  },
  { column: 'whatsapp_configs.pin_enc', table: whatsappConfigs, id: whatsappConfigs.id, value: whatsappConfigs.pinEnc },
  {
    column: 'webhook_endpoints.secret_enc',
    table: webhookEndpoints,
    id: webhookEndpoints.id,
    value: webhookEndpoints.secretEnc,
  },
  {
    column: 'provisioned_numbers.last_code_enc',
    table: provisionedNumbers,
    id: provisionedNumbers.id,
    value: provisionedNumbers.lastCodeEnc,
  },
  {
    column: 'idempotency_keys.response_body_enc',
    table: idempotencyKeys,
    id: idempotencyKeys.id,
    value: idempotencyKeys.responseBodyEnc,
  },
];

/** Re-encrypts every legacy secret bound to its place; returns how many were rewritten. */
export async function rebindLegacySecrets(db: Db): Promise<number> {
  let rewritten = 0;
  for (const place of PLACES) {
    const rows = await db.select({ id: place.id, value: place.value }).from(place.table).where(like(place.value, 'v%'));
    for (const { id, value } of rows as Array<{ id: string; value: string }>) {
      if (!isLegacySecret(value)) continue;
      let plain: string;
      try {
        plain = decryptLegacySecret(value);
      } catch (e) {
        log.warn('legacy_secret_undecryptable', { column: place.column, row: id, ...describeError(e) });
        continue;
      }
      const bound = encryptSecret(plain, { column: place.column, row: id });
      const done = await db.execute(
        sql`update ${place.table} set ${sql.identifier(place.value.name)} = ${bound} where ${and(eq(place.id, id), eq(place.value, value))}`,
      );
      // node-postgres counts in rowCount, PGlite in affectedRows.
      const counted = done as { rowCount?: number | null; affectedRows?: number };
      rewritten += counted.rowCount ?? counted.affectedRows ?? 0;
    }
  }
  if (rewritten) log.info('legacy_secrets_rebound', { count: rewritten });
  return rewritten;
}
