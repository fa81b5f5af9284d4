import { describe, expect, it } from 'vitest';
import { parseSignupMessage } from './events';

const finish = {
  type: 'WA_EMBEDDED_SIGNUP',
  event: 'FINISH',
  version: '3',
  data: { phone_number_id: '111', waba_id: '222', business_id: '333' },
};

describe('parseSignupMessage', () => {
  it('parses a JSON string and an object alike', () => {
    const expected = { kind: 'finish', event: 'FINISH', phoneNumberId: '111', wabaId: '222', businessId: '333' };
    expect(parseSignupMessage(JSON.stringify(finish))).toEqual(expected);
    expect(parseSignupMessage(finish)).toEqual(expected);
  });

  it('accepts the other finish events, including coexistence with only a WABA id', () => {
    expect(parseSignupMessage({ ...finish, event: 'FINISH_ONLY_WABA' })).toMatchObject({
      kind: 'finish',
      event: 'FINISH_ONLY_WABA',
    });
    expect(
      parseSignupMessage({
        type: 'WA_EMBEDDED_SIGNUP',
        event: 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING',
        data: { waba_id: 987 },
      }),
    ).toEqual({
      kind: 'finish',
      event: 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING',
      phoneNumberId: undefined,
      wabaId: '987',
      businessId: undefined,
    });
  });

  it('parses both kinds of CANCEL and ERROR', () => {
    expect(
      parseSignupMessage({ type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', data: { current_step: 'PHONE_NUMBER_SETUP' } }),
    ).toMatchObject({
      kind: 'cancel',
      currentStep: 'PHONE_NUMBER_SETUP',
    });
    expect(
      parseSignupMessage(
        JSON.stringify({
          type: 'WA_EMBEDDED_SIGNUP',
          event: 'CANCEL',
          data: { error_message: 'Boom', error_id: '524126', session_id: 'abc' },
        }),
      ),
    ).toMatchObject({ kind: 'cancel', errorMessage: 'Boom', errorCode: '524126', sessionId: 'abc' });
    expect(
      parseSignupMessage({ type: 'WA_EMBEDDED_SIGNUP', event: 'ERROR', data: { error_message: 'x', error_code: 1 } }),
    ).toMatchObject({
      kind: 'error',
      errorMessage: 'x',
      errorCode: '1',
    });
  });

  it('ignores unknown types, unknown events and garbage', () => {
    for (const raw of [
      { ...finish, type: 'FB_EMULATOR_AUTH' },
      { ...finish, event: 'SOMETHING_NEW' },
      'not json WA_EMBEDDED_SIGNUP',
      'cb=f123&type=resize',
      null,
      42,
      [finish],
      { type: 'WA_EMBEDDED_SIGNUP' },
    ]) {
      expect(parseSignupMessage(raw)).toBeNull();
    }
  });

  it('tolerates a missing data object and drops non-string ids', () => {
    expect(
      parseSignupMessage({ type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH', data: { waba_id: { x: 1 } } }),
    ).toMatchObject({ kind: 'finish', wabaId: undefined });
    expect(parseSignupMessage({ type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL' })).toMatchObject({
      kind: 'cancel',
      currentStep: undefined,
    });
  });
});
