import 'server-only';
import { decryptSecret, encryptSecret, randomToken, sha256Hex } from '../crypto';
import { env } from '../env';

// Link tokens: 32 CSPRNG bytes, prefixed. Stored as a SHA-256 hash (lookup) and an
// AES-GCM copy (so `url` can be listed again); the token itself is never logged.
export const TOKEN_PREFIX = 'sl_';

export function newLinkToken() {
  const token = randomToken(TOKEN_PREFIX, 32);
  return { token, tokenHash: sha256Hex(token), tokenEnc: encryptSecret(token) };
}

export const hashLinkToken = (token: string) => sha256Hex(token);

export const linkUrlFromToken = (token: string) => `${env.appUrl}/s/${token}`;

export const linkUrl = (tokenEnc: string) => linkUrlFromToken(decryptSecret(tokenEnc));

/** Cheap shape check so garbage never reaches the database. */
export const looksLikeLinkToken = (token: string) => /^sl_[A-Za-z0-9_-]{43}$/.test(token);
