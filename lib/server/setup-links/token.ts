import 'server-only';
import { decryptSecret, encryptSecret, randomToken, sha256Hex } from '../crypto';
import { env } from '../env';
import { newId, type SetupLinkId } from '../ids';

// Link tokens: 32 CSPRNG bytes, prefixed. Stored as a SHA-256 hash (lookup) and an
// AES-GCM copy (so `url` can be listed again); the token itself is never logged.
export const TOKEN_PREFIX = 'sl_';

/** A new link's token and row id: the stored copy is bound to that row (crypto.ts). */
export function newLinkToken() {
  const id = newId<SetupLinkId>();
  const token = randomToken(TOKEN_PREFIX, 32);
  return { id, token, tokenHash: sha256Hex(token), tokenEnc: encryptSecret(token, tokenPlace(id)) };
}

const tokenPlace = (id: SetupLinkId) => ({ column: 'setup_links.token_enc', row: id }) as const;

export const hashLinkToken = (token: string) => sha256Hex(token);

export const linkUrlFromToken = (token: string) => `${env.appUrl}/s/${token}`;

export const linkUrl = (link: { id: SetupLinkId; tokenEnc: string }) =>
  linkUrlFromToken(decryptSecret(link.tokenEnc, tokenPlace(link.id)));

/** Cheap shape check so garbage never reaches the database. */
export const looksLikeLinkToken = (token: string) => /^sl_[A-Za-z0-9_-]{43}$/.test(token);
