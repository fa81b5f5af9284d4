import 'server-only';
import type { Db } from '../db/client';
import { onboardingAttempts } from '../db/schema';
import type { SetupLinkId } from '../ids';
import { attemptNonce } from './attempt';

/**
 * Consumes a (verified) one-time attempt id: its nonce is the primary key, so the second use of
 * the same id fails, even when two requests race. False when it was used before.
 */
export async function consumeAttempt(
  db: Db,
  { setupLinkId, attemptId, outcome }: { setupLinkId: SetupLinkId; attemptId: string; outcome: string },
): Promise<boolean> {
  const rows = await db
    .insert(onboardingAttempts)
    .values({ id: attemptNonce(attemptId), setupLinkId, outcome })
    .onConflictDoNothing()
    .returning({ id: onboardingAttempts.id });
  return rows.length > 0;
}
