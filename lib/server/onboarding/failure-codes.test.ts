import { describe, expect, it } from 'vitest';
import { GraphError } from '../meta/graph-error';
import { failureCodeFor, OnboardingFailure, type CompletionStep } from './failure-codes';

const graphErr = (
  code: number | null,
  subcode: number | null = null,
  message = 'x',
  kind: GraphError['kind'] = 'graph',
  status = 400,
) => new GraphError(message, kind, 'op', status, code, subcode);

describe('failureCodeFor', () => {
  it.each<[CompletionStep, unknown, string]>([
    ['exchange_code', graphErr(100, 36007), 'token_exchange_failed'],
    ['exchange_code', graphErr(null, null, 'down', 'timeout', 0), 'token_exchange_failed'],
    ['check_grant', graphErr(190, 463), 'token_exchange_failed'],
    ['subscribe_app', graphErr(200), 'waba_not_granted'],
    ['resolve_phone', graphErr(100, 33), 'waba_not_granted'],
    ['register_number', graphErr(133005), 'phone_registration_failed'],
    ['register_number', graphErr(null, null, 'slow', 'timeout', 0), 'phone_registration_failed'],
    [
      'subscribe_app',
      graphErr(100, null, 'You have reached the maximum number of WhatsApp Business Accounts'),
      'waba_limit_reached',
    ],
    ['read_number', graphErr(2, null, 'try later', 'graph', 500), 'internal_error'],
    ['read_number', graphErr(80008), 'internal_error'],
    ['read_number', graphErr(100), 'phone_verification_failed'],
    ['subscribe_app', graphErr(100), 'internal_error'],
    ['save', new Error('db down'), 'internal_error'],
    ['check_grant', new OnboardingFailure('waba_not_granted', 'not granted'), 'waba_not_granted'],
  ])('%s %o -> %s', (step, err, expected) => {
    expect(failureCodeFor(step, err)).toBe(expected);
  });
});
