import 'server-only';
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { now } from '../clock';
import { encryptSecret } from '../crypto';
import type { Db } from '../db/client';
import { provisionedNumbers } from '../db/schema';
import type { ProvisionedNumberId, SetupLinkId } from '../ids';
import type { Scope } from '../scope';
import type { ProvisionedNumber } from './domain';

// Every statement that writes `provisioned_numbers`. A row is born as the claim on a link
// (`purchasing`, leased), becomes `active` with the number Twilio sold us, and ends `released`.

/** How long a purchase may take before another request may take the claim over (a crash). */
const CLAIM_MS = 60_000;

/**
 * Claims the link's number for a purchase, or answers the row that already exists. One row per
 * link (unique index): of two tabs or a double click, one inserts, the other sees its row. A
 * `purchasing` row whose lease ran out (the purchase crashed) is taken over by a conditional UPDATE.
 */
export async function claimNumber(
  scope: Scope,
  {
    setupLinkId,
    customerId,
    ownAccount,
  }: Pick<ProvisionedNumber, 'customerId' | 'ownAccount'> & { setupLinkId: SetupLinkId },
): Promise<{ claimed: boolean; row: ProvisionedNumber }> {
  const at = now();
  const claimedUntil = new Date(at.getTime() + CLAIM_MS);
  const [inserted] = await scope.db
    .insert(provisionedNumbers)
    .values({ projectId: scope.projectId, setupLinkId, customerId, ownAccount, claimedUntil })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { claimed: true, row: inserted };
  const [takenOver] = await scope.db
    .update(provisionedNumbers)
    .set({ claimedUntil, ownAccount, updatedAt: at })
    .where(
      and(
        eq(provisionedNumbers.setupLinkId, setupLinkId),
        eq(provisionedNumbers.status, 'purchasing'),
        or(isNull(provisionedNumbers.claimedUntil), lte(provisionedNumbers.claimedUntil, at)),
      ),
    )
    .returning();
  if (takenOver) return { claimed: true, row: takenOver };
  const [row] = await scope.db.select().from(provisionedNumbers).where(eq(provisionedNumbers.setupLinkId, setupLinkId));
  return { claimed: false, row };
}

/** The purchase went through: the claim becomes the active number. */
export async function recordPurchase(
  db: Db,
  {
    id,
    number,
  }: {
    id: ProvisionedNumberId;
    number: Pick<
      ProvisionedNumber,
      'twilioSid' | 'phoneNumber' | 'areaCode' | 'countryIso' | 'countryDialCode' | 'displayNumber'
    >;
  },
): Promise<ProvisionedNumber> {
  const [row] = await db
    .update(provisionedNumbers)
    .set({ ...number, status: 'active', claimedUntil: null, updatedAt: now() })
    .where(eq(provisionedNumbers.id, id))
    .returning();
  return row;
}

/** Nothing was bought (no stock, Twilio refused): the claim goes, so a later try may buy. */
export async function dropClaim(db: Db, { id }: { id: ProvisionedNumberId }): Promise<void> {
  await db
    .delete(provisionedNumbers)
    .where(and(eq(provisionedNumbers.id, id), eq(provisionedNumbers.status, 'purchasing')));
}

/** A verification code reached the number (stored encrypted: it is the customer's to see). */
export async function recordCode(db: Db, { id, code }: { id: ProvisionedNumberId; code: string }): Promise<void> {
  const at = now();
  await db
    .update(provisionedNumbers)
    .set({
      lastCodeEnc: encryptSecret(code, { column: 'provisioned_numbers.last_code_enc', row: id }),
      lastCodeAt: at,
      updatedAt: at,
    })
    .where(eq(provisionedNumbers.id, id));
}

/** Twilio released it (or had already): final. A failure is kept for the next sweep and the log. */
export async function recordRelease(db: Db, { id, error }: { id: ProvisionedNumberId; error?: string }): Promise<void> {
  const at = now();
  await db
    .update(provisionedNumbers)
    .set(
      error
        ? { releaseError: error, updatedAt: at }
        : { status: 'released', releasedAt: at, releaseError: null, updatedAt: at },
    )
    .where(eq(provisionedNumbers.id, id));
}
