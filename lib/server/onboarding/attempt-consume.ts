import 'server-only';
import type { Db } from '../db/client';
import { onboardingAttempts } from '../db/schema';
import type { SetupLinkId } from '../ids';

/**
 * Consumes a (verified) one-time attempt id: the primary key makes the second use of the same id
 * fail, even when two requests race. False when it was used before.
 */
export async function consumeAttempt(
  db: Db,
  { setupLinkId, attemptId, outcome }: { setupLinkId: SetupLinkId; attemptId: string; outcome: string },
): Promise<boolean> {
  const rows = await db
    .insert(onboardingAttempts)
    .values({ id: attemptId, setupLinkId, outcome })
    .onConflictDoNothing()
    .returning({ id: onboardingAttempts.id });
  return rows.length > 0;
}
