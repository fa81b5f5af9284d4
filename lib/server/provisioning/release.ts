import 'server-only';
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { now } from '../clock';
import type { Db } from '../db/client';
import { provisionedNumbers, setupLinks } from '../db/schema';
import { describeError, log } from '../log';
import { getTwilioClient, type TwilioClient } from '../twilio/client';
import { ownerAccount } from './account';
import { recordRelease } from './write';

/**
 * Releases at Twilio every active number whose link will never use it: revoked, expired (stored
 * or due), or gone with its customer. A used link keeps its number. Run by the minute sweep of
 * every instance; idempotent (Twilio's "already gone" counts as released) and state-driven, so it
 * survives restarts. Two instances may both call Twilio for one number; the second sees it gone.
 */
export async function releaseUnusedNumbers(
  db: Db,
  { twilio = getTwilioClient() }: { twilio?: TwilioClient } = {},
): Promise<number> {
  const at = now();
  const unused = or(
    isNull(setupLinks.id),
    eq(setupLinks.status, 'revoked'),
    eq(setupLinks.status, 'expired'),
    and(eq(setupLinks.status, 'active'), lte(setupLinks.expiresAt, at)),
  );
  const due = await db
    .select({ number: provisionedNumbers })
    .from(provisionedNumbers)
    .leftJoin(setupLinks, eq(setupLinks.id, provisionedNumbers.setupLinkId))
    .where(and(eq(provisionedNumbers.status, 'active'), unused))
    .limit(100);
  let released = 0;
  for (const { number } of due) {
    const account = await ownerAccount({ db, projectId: number.projectId }, number);
    try {
      if (!account || !number.twilioSid) throw new Error('no Twilio account owns this number any more');
      await twilio.releaseNumber(account.credentials, { sid: number.twilioSid });
      await recordRelease(db, { id: number.id });
      released++;
    } catch (e) {
      const detail = describeError(e);
      log.warn('provisioned_number_release_failed', { provisioned_number_id: number.id, ...detail });
      await recordRelease(db, { id: number.id, error: String(detail.reason ?? detail.error ?? 'release failed') });
    }
  }
  return released;
}
