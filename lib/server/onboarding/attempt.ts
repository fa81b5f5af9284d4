import 'server-only';
import { randomBytes } from 'node:crypto';
import { derivedKey, hmacHex, safeEqual } from '../crypto';

// A one-time attempt id is rendered into the hosted page and sent back with the completion.
// It is stateless until used: `<random>.<hmac(link id, random)>`; using it inserts its random part
// into onboarding_attempts (primary key), so the same id, however it is dressed up, can never
// complete twice.

const key = () => derivedKey('onboarding-attempt-v1');

export function newAttemptId(linkId: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${hmacHex(key(), `${linkId}.${nonce}`).slice(0, 32)}`;
}

/** Exactly what newAttemptId makes: 16 random bytes (base64url), a dot, 32 hex digits. */
const FORMAT = /^([A-Za-z0-9_-]{22})\.([0-9a-f]{32})$/;

export function verifyAttemptId(linkId: string, attemptId: unknown): attemptId is string {
  const m = typeof attemptId === 'string' ? FORMAT.exec(attemptId) : null;
  return !!m && safeEqual(m[2], hmacHex(key(), `${linkId}.${m[1]}`).slice(0, 32));
}

/** The part of a verified attempt id that identifies it (what is stored when it is used). */
export const attemptNonce = (attemptId: string): string => attemptId.slice(0, attemptId.indexOf('.'));
