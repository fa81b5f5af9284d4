import { describe, expect, it } from 'vitest';
import { toCompletionRequest } from './outcome';

const base = { callbackReceived: true, timedOut: false };

describe('toCompletionRequest', () => {
  it('sends the code with the ids of a finish message', () => {
    expect(
      toCompletionRequest('att', 'dedicated', {
        ...base,
        code: 'AQ1',
        message: { kind: 'finish', event: 'FINISH', phoneNumberId: '1', wabaId: '2', businessId: '3' },
      }),
    ).toEqual({
      attempt_id: 'att',
      connection_type: 'dedicated',
      outcome: 'finish',
      code: 'AQ1',
      event: 'FINISH',
      phone_number_id: '1',
      waba_id: '2',
      business_id: '3',
    });
  });

  it('sends a lone code (the message never came)', () => {
    expect(toCompletionRequest('att', 'coexistence', { ...base, code: 'AQ1', timedOut: true })).toEqual({
      attempt_id: 'att',
      connection_type: 'coexistence',
      outcome: 'finish',
      code: 'AQ1',
    });
  });

  it('records where the customer cancelled, or the error they reported', () => {
    expect(
      toCompletionRequest('att', 'dedicated', {
        ...base,
        message: { kind: 'cancel', event: 'CANCEL', currentStep: 'WABA_SETUP' },
      }),
    ).toEqual({
      attempt_id: 'att',
      connection_type: 'dedicated',
      outcome: 'cancel',
      event: 'CANCEL',
      current_step: 'WABA_SETUP',
    });
    expect(
      toCompletionRequest('att', 'dedicated', {
        ...base,
        message: { kind: 'error', event: 'ERROR', errorMessage: 'x', errorCode: '9' },
      }),
    ).toMatchObject({
      outcome: 'error',
      error_message: 'x',
      error_code: '9',
    });
  });

  it('treats a finish without a code as an error and a bare closed window as a cancel', () => {
    expect(
      toCompletionRequest('att', 'coexistence', {
        ...base,
        message: { kind: 'finish', event: 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING', wabaId: '2' },
      }),
    ).toMatchObject({
      outcome: 'error',
      error_code: 'missing_code',
    });
    expect(toCompletionRequest('att', 'coexistence', { ...base, timedOut: true })).toEqual({
      attempt_id: 'att',
      connection_type: 'coexistence',
      outcome: 'cancel',
    });
  });
});
