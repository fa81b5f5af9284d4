import 'server-only';
import { describeError, log } from '../log';
import type { GraphClient, PhoneNumberInfo } from '../meta/graph';
import { phoneDigits } from '../setup-links/link-rules';
import { OnboardingFailure, type CompletionStep } from './failure-codes';
import type { ConnectionType } from '@/lib/shared/vocabulary';

// Steps 1-5 of a completion: everything Meta must confirm before we store anything. Browser-sent ids are
// claims: the WABA must be one the token grants, the number must belong to that WABA.

export interface ConnectRequest {
  code: string;
  connectionType: ConnectionType;
  wabaId?: string;
  phoneNumberId?: string;
  /** A reconnect link's number (E.164): the number chosen in Meta's window must be this one. */
  reconnectPhoneNumber?: string | null;
}

/** What the completion around the Graph calls provides (complete.ts: the lease and the stored PIN). */
export interface ConnectHooks {
  /** Where a thrown error happened. */
  onStep: (s: CompletionStep) => void;
  /** Right before the first call that changes anything at Meta; throws when another completion holds the link. */
  claim: () => Promise<void>;
  /** The PIN to register a dedicated number with, stored before `register` is called. */
  registrationPin: () => Promise<string>;
}

/** The result of steps 1-5. Holds secrets (token, PIN): never log it. */
export interface ConnectedNumber {
  connectionType: ConnectionType;
  accessToken: string;
  pin: string | null;
  wabaId: string;
  phone: PhoneNumberInfo;
}

function pickWaba(granted: string[], claimed: string | undefined): string {
  if (claimed) {
    if (granted.includes(claimed)) return claimed;
    throw new OnboardingFailure('waba_not_granted', 'the claimed WABA is not among the granted ones');
  }
  if (granted.length === 1) return granted[0];
  throw new OnboardingFailure(
    'waba_not_granted',
    granted.length ? 'several WABAs granted and none claimed' : 'no WABA granted',
  );
}

const sameNumber = (a: string, b: string) => phoneDigits(a) === phoneDigits(b);

/**
 * The claimed number if it is in the WABA; else the reconnect number when the WABA has it; else
 * the WABA's newest number (preferring app numbers for coexistence).
 */
function pickPhone(
  phones: PhoneNumberInfo[],
  { claimed, type, reconnect }: { claimed: string | undefined; type: ConnectionType; reconnect?: string | null },
): PhoneNumberInfo {
  if (claimed) {
    const found = phones.find((p) => p.id === claimed);
    if (found) return found;
    throw new OnboardingFailure('phone_verification_failed', 'the claimed phone number is not in the WABA');
  }
  const wanted = reconnect ? phones.find((p) => sameNumber(p.displayPhoneNumber, reconnect)) : undefined;
  if (wanted) return wanted;
  const onApp = phones.filter((p) => p.isOnBizApp);
  const candidates = type === 'coexistence' && onApp.length ? onApp : phones;
  const time = (p: PhoneNumberInfo) => Date.parse(p.lastOnboardedTime ?? '') || 0;
  const newest = [...candidates].sort((a, b) => time(b) - time(a))[0];
  if (!newest) throw new OnboardingFailure('phone_verification_failed', 'the WABA has no phone number');
  return newest;
}

/** A reconnect link repairs its own number only: any other is reconnect_number_mismatch. */
function checkReconnectNumber(phone: PhoneNumberInfo, req: ConnectRequest) {
  if (req.reconnectPhoneNumber && !sameNumber(phone.displayPhoneNumber, req.reconnectPhoneNumber)) {
    throw new OnboardingFailure('reconnect_number_mismatch', "the chosen number is not the reconnect link's number");
  }
}

/** Fails early when Meta says the number is of the other kind (registering an app number would cut the app off). */
function checkKind(phone: PhoneNumberInfo, type: ConnectionType) {
  if (type === 'dedicated' && phone.isOnBizApp === true) {
    throw new OnboardingFailure(
      'phone_registration_failed',
      'a WhatsApp Business app number cannot be registered as dedicated',
    );
  }
  if (type === 'coexistence' && phone.isOnBizApp === false) {
    throw new OnboardingFailure('phone_verification_failed', 'the number is not on the WhatsApp Business app');
  }
}

/**
 * Runs steps 1-5 against Graph. `hooks.onStep` tells the caller where a thrown error happened.
 * The SMB syncs are best effort: Meta accepts each once, and a number that is connected must not
 * be failed (and a retry blocked) because the contact or history backfill could not be requested.
 */
export async function connectNumber(
  graph: GraphClient,
  req: ConnectRequest,
  { onStep, claim, registrationPin }: ConnectHooks,
): Promise<ConnectedNumber> {
  onStep('exchange_code');
  const { accessToken } = await graph.exchangeCode(req.code);

  onStep('check_grant');
  const info = await graph.debugToken(accessToken);
  if (!info.isValid) throw new OnboardingFailure('token_exchange_failed', 'the exchanged token is not valid');
  const wabaId = pickWaba(info.grantedWabaIds, req.wabaId);

  onStep('resolve_phone');
  const phones = await graph.listPhoneNumbers(wabaId, accessToken);
  const listed = pickPhone(phones, {
    claimed: req.phoneNumberId,
    type: req.connectionType,
    reconnect: req.reconnectPhoneNumber,
  });
  // Before anything changes at Meta (subscription, registration with a new PIN).
  checkReconnectNumber(listed, req);
  checkKind(listed, req.connectionType);
  await claim();

  onStep('subscribe_app');
  await graph.subscribeApp(wabaId, accessToken);

  let pin: string | null = null;
  if (req.connectionType === 'dedicated') {
    onStep('register_number');
    pin = await registrationPin();
    await graph.registerNumber(listed.id, pin, accessToken);
  } else {
    for (const syncType of ['smb_app_state_sync', 'history'] as const) {
      await graph.requestSmbSync(listed.id, accessToken, syncType).catch((e: unknown) => {
        log.warn('smb_sync_request_failed', {
          phone_number_id: listed.id,
          sync_type: syncType,
          ...describeError(e),
        });
      });
    }
  }

  onStep('read_number');
  const phone = await graph.getPhoneNumber(listed.id, accessToken);
  checkReconnectNumber(phone, req);
  return { connectionType: req.connectionType, accessToken, pin, wabaId, phone };
}
