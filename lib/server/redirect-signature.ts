import { hmacHex, safeEqual } from './crypto';
import { FAILURE_CODES, isOneOf, type FailureCode } from '@/lib/shared/vocabulary';

// The signed parameters of a success or failure redirect. We append our parameters to the
// partner's URL (whose own query stays byte for byte as written), then `timestamp` (Unix
// seconds), then `signature` last: hex HMAC-SHA256, keyed with the project's signing secret, over
// exactly that run of parameters as it appears in the URL. README.md ("Redirects") shows the same
// check in a few lines of Node and Python.

const SUCCESS_PARAMS = [
  'setup_link_id',
  'status',
  'phone_number_id',
  'business_account_id',
  'whatsapp_config_id',
  'provisioned_phone_number_id',
  'display_phone_number',
] as const;
const FAILURE_PARAMS = ['setup_link_id', 'status', 'error_code'] as const;

/** Every parameter name we add; a partner's redirect URL may not use them itself. */
export const REDIRECT_PARAMS: readonly string[] = [
  ...new Set([...SUCCESS_PARAMS, ...FAILURE_PARAMS, 'timestamp', 'signature']),
];

export const DEFAULT_TOLERANCE_SECONDS = 15 * 60;

/** The first of our parameter names that `url`'s own query uses (its redirects could never verify). */
export function clashingRedirectParam(url: string): string | null {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  for (const name of new URLSearchParams(query).keys()) if (REDIRECT_PARAMS.includes(name)) return name;
  return null;
}

export type SignedRedirect =
  | {
      status: 'completed';
      setupLinkId: string;
      phoneNumberId: string;
      businessAccountId: string;
      whatsappConfigId: string;
      provisionedPhoneNumberId: string | null;
      displayPhoneNumber: string;
      timestamp: number;
    }
  | { status: 'failed'; setupLinkId: string; errorCode: FailureCode; timestamp: number };

/**
 * `base` with our parameters, `timestamp` and `signature` appended to its raw query text (`&`, or
 * `?` when it has none): the partner's own query is never parsed and re-serialized, so
 * `?q=a%20b&flag` stays exactly that. Only our run is encoded (URLSearchParams), and the signature
 * covers exactly that run. Redirect URLs with a fragment are refused at create
 * (lib/server/redirect-url.ts); one stored anyway keeps its fragment after our parameters.
 */
export function signRedirect(base: string, secret: string, params: Array<[string, string]>, at: Date): string {
  const run = new URLSearchParams([...params, ['timestamp', String(Math.floor(at.getTime() / 1000))]]).toString();
  const hash = base.indexOf('#');
  const [url, fragment] = hash < 0 ? [base, ''] : [base.slice(0, hash), base.slice(hash)];
  const separator = !url.includes('?') ? '?' : /[?&]$/.test(url) ? '' : '&';
  return `${url}${separator}${run}&signature=${hmacHex(secret, run)}${fragment}`;
}

export type VerifyResult = { ok: true; redirect: SignedRedirect } | { ok: false; reason: string };

const fail = (reason: string): VerifyResult => ({ ok: false, reason });

function decode(part: string): [string, string] | null {
  const i = part.indexOf('=');
  const [name, value] = i < 0 ? [part, ''] : [part.slice(0, i), part.slice(i + 1)];
  try {
    return [decodeURIComponent(name.replace(/\+/g, ' ')), decodeURIComponent(value.replace(/\+/g, ' '))];
  } catch {
    return null;
  }
}

/**
 * Checks a redirect's query string (`?a=1&setup_link_id=...&signature=...`) the way a partner
 * should: `signature` last, each of our names once and all inside the signed run right before it,
 * the HMAC over that run as it stands in the URL, and `timestamp` within `toleranceSeconds` of
 * `now`. Returns the verified values, so a caller never reads the raw query.
 */
export function verifyRedirect(
  query: string,
  secret: string,
  { now, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS }: { now: Date; toleranceSeconds?: number },
): VerifyResult {
  const parts = query.replace(/^\?/, '').split('&').filter(Boolean);
  const pairs = parts.map(decode);
  if (pairs.some((p) => p === null)) return fail('a parameter is not valid URL encoding');
  const names = (pairs as Array<[string, string]>).map(([n]) => n);
  const last = names.length - 1;
  if (names.indexOf('signature') !== last || last < 0) return fail('signature must be the last parameter, once');
  let start = last;
  while (start > 0 && REDIRECT_PARAMS.includes(names[start - 1])) start--;
  const ours = names.filter((n) => REDIRECT_PARAMS.includes(n));
  if (ours.length !== last + 1 - start) return fail('one of our parameters stands outside the signed run');
  if (new Set(ours).size !== ours.length) return fail('a parameter appears twice');
  const run = parts.slice(start, last).join('&');
  const signature = (pairs[last] as [string, string])[1];
  if (!safeEqual(signature, hmacHex(secret, run))) return fail('the signature does not match');
  const v: Record<string, string> = Object.fromEntries((pairs as Array<[string, string]>).slice(start, last));
  if (!v.setup_link_id) return fail('setup_link_id is missing');
  const timestamp = /^\d{1,12}$/.test(v.timestamp ?? '') ? Number(v.timestamp) : NaN;
  if (!(Math.abs(now.getTime() / 1000 - timestamp) <= toleranceSeconds)) return fail('the timestamp is not recent');
  const expectNames = (list: readonly string[]) =>
    ours.every((n) => n === 'timestamp' || n === 'signature' || list.includes(n));
  if (v.status === 'failed' && expectNames(FAILURE_PARAMS) && isOneOf(FAILURE_CODES, v.error_code)) {
    return {
      ok: true,
      redirect: { status: 'failed', setupLinkId: v.setup_link_id, errorCode: v.error_code, timestamp },
    };
  }
  const required = SUCCESS_PARAMS.filter((n) => n !== 'provisioned_phone_number_id');
  if (v.status === 'completed' && expectNames(SUCCESS_PARAMS) && required.every((n) => v[n])) {
    return {
      ok: true,
      redirect: {
        status: 'completed',
        setupLinkId: v.setup_link_id,
        phoneNumberId: v.phone_number_id,
        businessAccountId: v.business_account_id,
        whatsappConfigId: v.whatsapp_config_id,
        provisionedPhoneNumberId: v.provisioned_phone_number_id ?? null,
        displayPhoneNumber: v.display_phone_number,
        timestamp,
      },
    };
  }
  return fail('the parameters do not describe a completed or failed onboarding');
}
