import 'server-only';
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { now } from '../clock';
import { decryptSecret, encryptSecret, randomDigits, randomToken } from '../crypto';
import { setupLinks } from '../db/schema';
import type { SetupLinkId } from '../ids';
import type { Scope } from '../scope';
import type { LinkStatus } from '@/lib/shared/vocabulary';
import { effectiveStatus } from './status';

// The completion lease of a link: the one completion that may change anything at Meta
// (subscribe_apps, register) for it right now, and the PIN it registers with.
//
// Concurrency: claiming is one conditional UPDATE (active, not expired, no lease or an expired
// one). Two tabs racing with two attempt ids both reach it; the row lock makes the second wait
// for the first's commit and then re-check the condition, so exactly one gets the row back and
// the other calls nothing at Meta. The lease is cleared when the completion ends; a crashed
// process's lease expires after COMPLETION_LEASE_MS, so the link can be completed again.

/**
 * Longer than the Graph calls after the claim can take (subscribe, register, read: at most five
 * requests of 10 s each with the client's one retry of reads), short enough that a crash leaves the
 * customer waiting only a couple of minutes.
 */
export const COMPLETION_LEASE_MS = 120_000;

const pinPlace = (setupLinkId: SetupLinkId) => ({ column: 'setup_links.pending_pin_enc', row: setupLinkId }) as const;

const ours = (setupLinkId: SetupLinkId, leaseId: string) =>
  and(eq(setupLinks.id, setupLinkId), eq(setupLinks.completionLeaseId, leaseId));

export type Claim =
  | { claimed: true; leaseId: string }
  /** `status`: the link's effective status now (`active`: another completion holds it). */
  | { claimed: false; status: LinkStatus };

/** Claims the link for one completion. */
export async function claimCompletion(
  { db, projectId }: Scope,
  { setupLinkId }: { setupLinkId: SetupLinkId },
): Promise<Claim> {
  const at = now();
  const leaseId = randomToken('cl_', 16);
  const rows = await db
    .update(setupLinks)
    .set({ completionLeaseUntil: new Date(at.getTime() + COMPLETION_LEASE_MS), completionLeaseId: leaseId })
    .where(
      and(
        eq(setupLinks.id, setupLinkId),
        eq(setupLinks.projectId, projectId),
        eq(setupLinks.status, 'active'),
        gt(setupLinks.expiresAt, at),
        or(isNull(setupLinks.completionLeaseUntil), lte(setupLinks.completionLeaseUntil, at)),
      ),
    )
    .returning({ id: setupLinks.id });
  if (rows.length) return { claimed: true, leaseId };
  const [row] = await db
    .select({ status: setupLinks.status, expiresAt: setupLinks.expiresAt })
    .from(setupLinks)
    .where(and(eq(setupLinks.id, setupLinkId), eq(setupLinks.projectId, projectId)));
  // A link that vanished (its customer was deleted) is as final as a revoked one.
  return { claimed: false, status: row ? effectiveStatus(row, now()) : 'revoked' };
}

/** Ends this completion's lease (success or failure); a lease taken over meanwhile is left alone. */
export async function releaseCompletion(
  { db }: Scope,
  { setupLinkId, leaseId }: { setupLinkId: SetupLinkId; leaseId: string },
): Promise<void> {
  await db
    .update(setupLinks)
    .set({ completionLeaseUntil: null, completionLeaseId: null })
    .where(ours(setupLinkId, leaseId));
}

/** The lease expired and another completion took the link: this one must stop before Meta. */
export class LeaseLost extends Error {
  constructor() {
    super('the completion lease was taken over');
    this.name = 'LeaseLost';
  }
}

/**
 * The PIN to register the link's dedicated number with, stored encrypted before `register` is
 * called. Meta's two-step verification PIN is set by the first register call that reaches it,
 * even when its answer never comes back to us (a timeout) or the rest of the completion fails;
 * a retry with a new PIN would then be refused with a PIN mismatch. So the first PIN of a link is
 * kept and every retry registers with it; the completed onboarding moves it to the config.
 */
export async function registrationPin(
  { db }: Scope,
  { setupLinkId, leaseId }: { setupLinkId: SetupLinkId; leaseId: string },
): Promise<string> {
  const [row] = await db
    .select({ pinEnc: setupLinks.pendingPinEnc })
    .from(setupLinks)
    .where(ours(setupLinkId, leaseId));
  if (!row) throw new LeaseLost();
  if (row.pinEnc) return decryptSecret(row.pinEnc, pinPlace(setupLinkId));
  const pin = randomDigits(6);
  const stored = await db
    .update(setupLinks)
    .set({ pendingPinEnc: encryptSecret(pin, pinPlace(setupLinkId)) })
    .where(and(ours(setupLinkId, leaseId), isNull(setupLinks.pendingPinEnc)))
    .returning({ id: setupLinks.id });
  if (!stored.length) throw new LeaseLost();
  return pin;
}

/** Inside the transaction that stores the PIN in the config: the link keeps no copy of it. */
export async function forgetPendingPin({ db }: Scope, { setupLinkId }: { setupLinkId: SetupLinkId }): Promise<void> {
  await db.update(setupLinks).set({ pendingPinEnc: null }).where(eq(setupLinks.id, setupLinkId));
}
