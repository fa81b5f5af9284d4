import { describe, expect, it } from 'vitest';
import { activationCodeIn, activationMessage, CODE_ALPHABET, newActivationCode } from './code';

describe('activation codes', () => {
  it('are six characters of the unambiguous alphabet, and all of it gets used', () => {
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    const seen = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newActivationCode();
      expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
      codes.add(code);
      for (const c of code) seen.add(c);
    }
    expect(seen.size).toBe(CODE_ALPHABET.length);
    expect(codes.size).toBeGreaterThan(1990);
  });

  it('are found in a message that is the code, or the activation message, whatever the case and spaces', () => {
    expect(activationCodeIn('ABC123')).toBe('ABC123');
    expect(activationCodeIn('  abc123 \n')).toBe('ABC123');
    expect(activationCodeIn(activationMessage('XYZ789'))).toBe('XYZ789');
    expect(activationCodeIn('your whatsapp sandbox   activation code is:xyz789')).toBe('XYZ789');
    for (const text of ['ABC12', 'ABC1234', 'my code is ABC123', 'ABC 123', 'ABC-12', '', null])
      expect(activationCodeIn(text), String(text)).toBeNull();
  });
});
