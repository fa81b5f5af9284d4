import { describe, expect, it } from 'vitest';
import { isAllowedMessageOrigin, isFacebookOrigin } from './origins';

describe('message origins', () => {
  it.each(['https://www.facebook.com', 'https://web.facebook.com', 'https://facebook.com', 'https://m.facebook.com'])(
    'accepts %s',
    (o) => {
      expect(isFacebookOrigin(o)).toBe(true);
      expect(isAllowedMessageOrigin(o)).toBe(true);
    },
  );

  it.each([
    'http://facebook.com',
    'http://www.facebook.com',
    'https://evilfacebook.com',
    'https://facebook.com.evil.io',
    'https://www.facebook.com:8443',
    'https://www.facebook.com/',
    'https://xn--facebook.com',
    'null',
    '',
    'javascript:alert(1)',
  ])('rejects %s', (o) => {
    expect(isAllowedMessageOrigin(o)).toBe(false);
  });

  it('accepts configured extra origins exactly (the emulator), nothing looser', () => {
    const extra = ['http://localhost:4010'];
    expect(isAllowedMessageOrigin('http://localhost:4010', extra)).toBe(true);
    expect(isAllowedMessageOrigin('http://localhost:4011', extra)).toBe(false);
    expect(isAllowedMessageOrigin('https://localhost:4010', extra)).toBe(false);
    expect(isAllowedMessageOrigin('http://localhost:4010', [])).toBe(false);
  });
});
