import 'server-only';
import { randomBytes } from 'node:crypto';
import { derivedKey, hmacHex, safeEqual } from '../crypto';

// A one-time attempt id is rendered into the hosted page and sent back with the completion.
// It is stateless until used: `<random>.<hmac(link id, random)>`; using it inserts a row into
// onboarding_attempts (primary key), so the same id can never complete twice.

const key = () => derivedKey('onboarding-attempt-v1');

export function newAttemptId(linkId: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${hmacHex(key(), `${linkId}.${nonce}`).slice(0, 32)}`;
}

export function verifyAttemptId(linkId: string, attemptId: unknown): attemptId is string {
  if (typeof attemptId !== 'string' || attemptId.length > 100) return false;
  const [nonce, mac] = attemptId.split('.');
  if (!nonce || !mac) return false;
  return safeEqual(mac, hmacHex(key(), `${linkId}.${nonce}`).slice(0, 32));
}
