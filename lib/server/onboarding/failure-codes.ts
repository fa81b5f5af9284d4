import type { FailureCode } from '@/lib/shared/vocabulary';
import { GraphError } from '../meta/graph-error';

/** Where a completion was when it failed (logged, and the key of the mapping below). */
export type CompletionStep =
  'exchange_code' | 'check_grant' | 'resolve_phone' | 'subscribe_app' | 'register_number' | 'read_number' | 'save';

/** A failure we decide ourselves (a check on Meta's answers), already carrying its stable code. */
export class OnboardingFailure extends Error {
  constructor(
    readonly code: FailureCode,
    reason: string,
  ) {
    super(reason);
    this.name = 'OnboardingFailure';
  }
}

// Meta has no stable code for "too many WABAs / numbers", only messages; this is the one heuristic.
const LIMIT_MESSAGE = /\b(limit|maximum)\b.*\b(whatsapp business accounts?|wabas?|phone numbers?)\b/i;
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80007, 80008]);

/**
 * Graph failure -> our stable error code (FAILURE_CODES in lib/shared/vocabulary.ts). First match wins:
 * - any failure while exchanging the code            -> token_exchange_failed (codes work once: start again)
 * - 190 (token invalid/expired) at a later step       -> token_exchange_failed (the new token is unusable)
 * - 10, 200-299 (permission), 100/33 (no such object
 *   or not accessible with this token)               -> waba_not_granted
 * - message about a WABA / phone-number limit         -> waba_limit_reached
 * - register step (133005 PIN mismatch, 133006 needs
 *   re-verification, 133016 rate limit, timeouts ...) -> phone_registration_failed (never retried)
 * - transient: timeout, network, 5xx, 1, 2, rate
 *   limits 4/17/32/613/80007/80008                   -> internal_error (try again later)
 * - any other error listing or reading the number    -> phone_verification_failed
 * - anything else (subscribe, our own bugs, the DB)  -> internal_error
 */
export function failureCodeFor(step: CompletionStep, err: unknown): FailureCode {
  if (err instanceof OnboardingFailure) return err.code;
  if (!(err instanceof GraphError)) return 'internal_error';
  if (step === 'exchange_code') return 'token_exchange_failed';
  if (err.code === 190) return 'token_exchange_failed';
  if (
    err.code === 10 ||
    (err.code !== null && err.code >= 200 && err.code <= 299) ||
    (err.code === 100 && err.subcode === 33)
  )
    return 'waba_not_granted';
  if (LIMIT_MESSAGE.test(err.message)) return 'waba_limit_reached';
  if (step === 'register_number') return 'phone_registration_failed';
  if (err.transient || (err.code !== null && RATE_LIMIT_CODES.has(err.code))) return 'internal_error';
  if (step === 'resolve_phone' || step === 'read_number') return 'phone_verification_failed';
  return 'internal_error';
}
