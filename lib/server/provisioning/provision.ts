import 'server-only';
import type { Db } from '../db/client';
import { env } from '../env';
import { log } from '../log';
import type { ResolvedLink } from '../setup-links/resolve';
import { getTwilioClient, TwilioError, type IncomingNumber, type TwilioClient } from '../twilio/client';
import { twilioAccountFor, type TwilioAccount } from './account';
import { isShown, type ActiveNumber } from './domain';
import { numberDetails } from './number-details';
import { claimNumber, dropClaim, recordPurchase } from './write';

// Buying the number of a provisioning link, when the customer reaches the phone step (a POST of
// the page, never a GET: mail scanners buy nothing). At most one number per link (claimNumber).

export const SMS_WEBHOOK_PATH = '/webhooks/twilio/sms';

export type ProvisionResult =
  | { status: 'ready'; number: ActiveNumber }
  /** Another request holds the claim and is buying: ask again shortly. */
  | { status: 'pending' }
  /** No country of the link has stock (for its area code), or no Twilio account may buy there. */
  | { status: 'unavailable' };

/** Twilio's "this number is no longer available": someone else bought it first, try the next. */
const TAKEN = 21422;

async function buyFirstAvailable(
  twilio: TwilioClient,
  account: TwilioAccount,
  { countries, areaCode }: { countries: string[]; areaCode: string | null },
): Promise<{ bought: IncomingNumber; countryIso: string } | null> {
  const smsUrl = `${env.appUrl}${SMS_WEBHOOK_PATH}`;
  for (const countryIso of countries) {
    // The operator's account serves US numbers only (the API refuses other countries without one's own).
    if (!account.own && countryIso !== 'US') continue;
    const q = { countryIso, areaCode: countryIso === 'US' ? areaCode : null, limit: 5 };
    for (const candidate of await twilio.availableLocalNumbers(account.credentials, q)) {
      try {
        return {
          bought: await twilio.buyNumber(account.credentials, { phoneNumber: candidate.phoneNumber, smsUrl }),
          countryIso,
        };
      } catch (e) {
        if (!(e instanceof TwilioError && e.code === TAKEN)) throw e;
      }
    }
  }
  return null;
}

/** The link's number: the one bought already, or one bought now (the first country with stock). */
export async function provisionNumberForLink(
  db: Db,
  { link, twilio = getTwilioClient() }: { link: ResolvedLink; twilio?: TwilioClient },
): Promise<ProvisionResult> {
  const scope = { db, projectId: link.projectId };
  const account = await twilioAccountFor(scope);
  if (!account) return { status: 'unavailable' };
  const { claimed, row } = await claimNumber(scope, {
    setupLinkId: link.id,
    customerId: link.customerId,
    ownAccount: account.own,
  });
  if (!claimed) return isShown(row) ? { status: 'ready', number: row } : { status: 'pending' };
  try {
    const found = await buyFirstAvailable(twilio, account, {
      countries: link.phoneNumberCountryIsos,
      areaCode: link.phoneNumberAreaCode,
    });
    if (!found) {
      await dropClaim(db, { id: row.id });
      log.warn('provisioning_no_stock', { setup_link_id: link.id, countries: link.phoneNumberCountryIsos });
      return { status: 'unavailable' };
    }
    const { bought, countryIso } = found;
    const number = await recordPurchase(db, {
      id: row.id,
      number: {
        twilioSid: bought.sid,
        phoneNumber: bought.phoneNumber,
        ...numberDetails(bought.phoneNumber, countryIso),
      },
    });
    log.info('provisioned_number_bought', { setup_link_id: link.id, provisioned_number_id: number.id });
    return { status: 'ready', number: number as ActiveNumber };
  } catch (e) {
    await dropClaim(db, { id: row.id });
    throw e;
  }
}
