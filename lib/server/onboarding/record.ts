import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { setupLinks } from '../db/schema';
import { queueEvent } from '../events';
import type { FailureCode } from '../redirects';
import { setupLinkEvent } from '../setup-links/serialize';

// Progress and failures change only a link that is still active (and not past expires_at): a
// late report from an old tab must never touch a used, revoked or expired link.

const stillActive = (id: string) =>
  and(eq(setupLinks.id, id), eq(setupLinks.status, 'active'), gt(setupLinks.expiresAt, sql`now()`));

/** The customer reached `step` of the hosted flow. False when the link is no longer active. */
export async function markOnboardingProgress(db: Db, linkId: string, step: string): Promise<boolean> {
  const rows = await db
    .update(setupLinks)
    .set({ whatsappSetupStatus: 'in_progress', lastStep: step, updatedAt: sql`now()` })
    .where(stillActive(linkId))
    .returning({ id: setupLinks.id });
  return rows.length > 0;
}

/**
 * A failed or cancelled attempt: the link stays active (the customer may try again), its status
 * says `failed` with the code, and setup_link.failed is queued. False when the link is no longer active.
 */
export async function recordOnboardingFailure(
  db: Db,
  link: { id: string; projectId: string; customerId: string },
  errorCode: FailureCode,
  lastStep?: string | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(setupLinks)
      .set({
        whatsappSetupStatus: 'failed',
        whatsappSetupError: errorCode,
        ...(lastStep ? { lastStep } : {}),
        updatedAt: sql`now()`,
      })
      .where(stillActive(link.id))
      .returning();
    if (!row) return false;
    await queueEvent(tx, link.projectId, 'setup_link.failed', {
      ...setupLinkEvent(row),
      error_code: errorCode,
      last_step: row.lastStep,
    });
    return true;
  });
}
