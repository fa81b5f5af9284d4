import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import type { ProjectId, SetupLinkId } from '@/lib/server/ids';
import { customers, setupLinks, webhookEvents, whatsappConfigs } from '@/lib/server/db/schema';
import { newLinkToken } from '@/lib/server/setup-links/token';
import { createGraphClient } from '@/lib/server/meta/graph';
import { startMetaEmulator } from '@/emulator/meta/server';
import { CONNECTION_TYPES } from '@/lib/shared/vocabulary';

// Test helpers for the completion flow: a link inserted directly (no API code involved) and the
// Meta emulator on a free port with a Graph client pointed at it.

export const TEST_APP = { appId: 'emulator-app', appSecret: 'emulator-secret' };

export async function insertTestLink(
  db: Db,
  projectId: ProjectId,
  values: Partial<typeof setupLinks.$inferInsert> = {},
) {
  const [customer] = await db.insert(customers).values({ projectId, name: 'Test Bakery' }).returning();
  const { id, token, tokenHash, tokenEnc } = newLinkToken();
  const [link] = await db
    .insert(setupLinks)
    .values({
      projectId,
      customerId: customer.id,
      id,
      tokenHash,
      tokenEnc,
      allowedConnectionTypes: [...CONNECTION_TYPES],
      phoneNumberCountryIsos: ['US'],
      successRedirectUrl: 'https://partner.example/done?ref=abc',
      failureRedirectUrl: 'https://partner.example/failed',
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
      ...values,
    })
    .returning();
  return { token, link, customer };
}

export type DialogOutcome =
  'finish' | 'finish_coexistence' | 'token_exchange_error' | 'register_error' | 'cancel' | 'error';
export interface DialogResult {
  code: string | null;
  event: string;
  data: Record<string, string>;
}

export async function startTestMeta() {
  const emulator = await startMetaEmulator({ port: 0, ...TEST_APP });
  const graph = createGraphClient({ baseUrl: emulator.url, version: 'v25.0', ...TEST_APP, timeoutMs: 5000 });
  return {
    emulator,
    graph,
    /** What one run of Meta's popup hands back (a code plus the Embedded Signup ids). */
    async dialog(outcome: DialogOutcome): Promise<DialogResult> {
      const res = await fetch(`${emulator.url}/dialog/complete`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ outcome }),
      });
      if (!res.ok) throw new Error(`emulator dialog failed: ${res.status}`);
      return (await res.json()) as DialogResult;
    },
    async counts(): Promise<Record<string, number>> {
      const res = await fetch(`${emulator.url}/_emulator/state`);
      return ((await res.json()) as { counts: Record<string, number> }).counts;
    },
  };
}

export async function linkState(db: Db, linkId: SetupLinkId) {
  const [link] = await db.select().from(setupLinks).where(eq(setupLinks.id, linkId));
  const configs = await db.select().from(whatsappConfigs).where(eq(whatsappConfigs.setupLinkId, linkId));
  // In write order, as the link's timeline shows them.
  const events = await db
    .select()
    .from(webhookEvents)
    .where(eq(webhookEvents.setupLinkId, linkId))
    .orderBy(asc(webhookEvents.seq));
  return { link, configs, events };
}
