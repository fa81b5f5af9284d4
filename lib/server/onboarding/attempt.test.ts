import { describe, expect, it } from 'vitest';
import { attemptNonce, newAttemptId, verifyAttemptId } from './attempt';

// Attempt ids verify only in the exact form they are made, so a used id cannot come back dressed
// up as a new one ("id.x", "id.."); their nonce is what consumption stores.

const LINK = '6f1c4a52-8a4b-4c1e-9d59-2f4f1b1f0c11';

describe('attempt ids', () => {
  it('verify as made, for their link only', () => {
    const id = newAttemptId(LINK);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}\.[0-9a-f]{32}$/);
    expect(verifyAttemptId(LINK, id)).toBe(true);
    expect(verifyAttemptId('6f1c4a52-8a4b-4c1e-9d59-2f4f1b1f0c12', id)).toBe(false);
    expect(attemptNonce(id)).toBe(id.split('.')[0]);
  });

  it('refuse every variant of a genuine id', () => {
    const id = newAttemptId(LINK);
    const [nonce, mac] = id.split('.');
    for (const variant of [
      `${id}.x`,
      `${id}.`,
      `${id}..`,
      ` ${id}`,
      `${id}\n`,
      `${nonce}.${mac.toUpperCase()}`,
      `${nonce}..${mac}`,
      `${nonce}.${mac}0`,
      `${nonce}`,
      '',
    ])
      expect(verifyAttemptId(LINK, variant), JSON.stringify(variant)).toBe(false);
    expect(verifyAttemptId(LINK, 42)).toBe(false);
  });
});
