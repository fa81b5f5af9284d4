import { describe, expect, it } from 'vitest';
import { twilioSignature, validTwilioSignature } from './signature';

// The worked example of Twilio's webhook security guide (auth token 12345).
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+12349013030',
  Digits: '1234',
  From: '+12349013030',
  To: '+18005551212',
};
const EXPECTED = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';

describe('Twilio request signature', () => {
  it("matches Twilio's published example, whatever the parameter order", () => {
    expect(twilioSignature('12345', URL, PARAMS)).toBe(EXPECTED);
    const reversed = Object.fromEntries(Object.entries(PARAMS).reverse());
    expect(twilioSignature('12345', URL, reversed)).toBe(EXPECTED);
  });

  it('accepts only the exact signature for that token, URL and parameters', () => {
    expect(validTwilioSignature('12345', URL, PARAMS, EXPECTED)).toBe(true);
    expect(validTwilioSignature('12346', URL, PARAMS, EXPECTED)).toBe(false);
    expect(validTwilioSignature('12345', URL.replace('bar=2', 'bar=3'), PARAMS, EXPECTED)).toBe(false);
    expect(validTwilioSignature('12345', URL, { ...PARAMS, Digits: '9999' }, EXPECTED)).toBe(false);
    expect(validTwilioSignature('12345', URL, PARAMS, EXPECTED.slice(0, -1))).toBe(false);
    expect(validTwilioSignature('12345', URL, PARAMS, '')).toBe(false);
    expect(validTwilioSignature('12345', URL, PARAMS, undefined)).toBe(false);
    expect(validTwilioSignature('12345', URL, PARAMS, null)).toBe(false);
  });
});
