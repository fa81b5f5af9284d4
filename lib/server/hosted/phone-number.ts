import 'server-only';
import type { z } from 'zod';
import { decryptSecret } from '../crypto';
import { provisionedNumbers } from '../db/schema';
import { ApiError } from '../http/errors';
import type { HostedContext } from '../http/hosted-route';
import { json } from '../http/respond';
import { provisionNumberForLink } from '../provisioning/provision';
import { recordLinkFailure } from '../setup-links/write-progress';
import { apiTime } from '@/lib/shared/time';
import { FINAL_STATUS_FAILURE_CODES } from '@/lib/shared/vocabulary';
import type { linkBody, PhoneCodeResponse, PhoneNumberResponse } from '@/lib/shared/embedded-signup/contract';
import { eq } from 'drizzle-orm';

// The phone step of a provisioning link: POST /setup/phone-number buys the link's number (once;
// a repeat answers the same number) and POST /setup/phone-number/code tells the page the code
// that Meta's SMS brought to it (the page asks every second while Meta's window is open).

function requireProvisioningLink(link: HostedContext<unknown>['link']) {
  if (!link.provisionPhoneNumber)
    throw new ApiError('not_a_provisioning_link', { message: 'This setup link does not come with a phone number.' });
  if (link.status !== 'active')
    throw new ApiError(FINAL_STATUS_FAILURE_CODES[link.status], { message: 'This setup link can no longer be used.' });
}

export async function handlePhoneNumber({ db, link }: HostedContext<z.infer<typeof linkBody>>): Promise<Response> {
  requireProvisioningLink(link);
  const result = await provisionNumberForLink(db, { link });
  if (result.status === 'pending') return json(202, { status: 'pending' } satisfies PhoneNumberResponse);
  if (result.status === 'unavailable') {
    // The customer cannot go on; the partner learns why (setup_link.failed), the link stays active.
    const failure = { errorCode: 'phone_number_unavailable', connectionType: 'dedicated' } as const;
    await recordLinkFailure({ db, projectId: link.projectId }, { setupLinkId: link.id, failure });
    throw new ApiError('phone_number_unavailable', {
      message: 'No phone number is available for this link right now.',
    });
  }
  const { phoneNumber, displayNumber, countryIso } = result.number;
  const answer: PhoneNumberResponse = {
    status: 'ready',
    phone_number: phoneNumber,
    display_number: displayNumber ?? phoneNumber,
    country_iso: countryIso,
  };
  return json(200, answer);
}

export async function handlePhoneCode({ db, link }: HostedContext<z.infer<typeof linkBody>>): Promise<Response> {
  requireProvisioningLink(link);
  const [row] = await db.select().from(provisionedNumbers).where(eq(provisionedNumbers.setupLinkId, link.id));
  const answer: PhoneCodeResponse =
    row?.lastCodeEnc && row.lastCodeAt
      ? {
          code: decryptSecret(row.lastCodeEnc, { column: 'provisioned_numbers.last_code_enc', row: row.id }),
          received_at: apiTime(row.lastCodeAt),
        }
      : { code: null, received_at: null };
  return json(200, answer);
}
