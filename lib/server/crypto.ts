import 'server-only';
import { ConfigError } from './errors';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { env } from './env';

// Secrets at rest use AES-256-GCM with a versioned key: `ENCRYPTION_KEY=v2:<base64>,v1:<base64>`
// (the first is used to encrypt, all are tried by version to decrypt), so keys can be rotated.

type Keyring = { current: string; keys: Map<string, Buffer> };

function parseKeyring(raw: string): Keyring {
  const keys = new Map<string, Buffer>();
  let current = '';
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [version, b64] = part.includes(':') ? part.split(':', 2) : ['v1', part];
    const key = Buffer.from(b64, 'base64');
    if (!/^v\d+$/.test(version) || key.length !== 32) {
      throw new ConfigError('ENCRYPTION_KEY must be "v1:<base64 of 32 bytes>" (comma-separated for rotation)');
    }
    keys.set(version, key);
    current ||= version;
  }
  if (!current) throw new ConfigError('ENCRYPTION_KEY is empty');
  return { current, keys };
}

function loadKeyring(): Keyring {
  if (env.encryptionKey) return parseKeyring(env.encryptionKey);
  if (!env.devMode) {
    throw new ConfigError('ENCRYPTION_KEY is required when real Meta credentials are configured (production).');
  }
  // Dev mode: a key generated once and kept beside the embedded database (in memory for
  // an in-memory database, whose data dies with the process anyway).
  if (env.dataDir === 'memory://') return parseKeyring(`v1:${randomBytes(32).toString('base64')}`);
  const file = path.resolve(env.dataDir, 'encryption-key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `v1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return parseKeyring(readFileSync(file, 'utf8').trim());
}

const g = globalThis as unknown as { __keyring?: Keyring };
export function keyring(): Keyring {
  return (g.__keyring ??= loadKeyring());
}

/**
 * Where a secret is stored: its `table.column` and its row's id. It is the ciphertext's AAD, so a
 * value copied into another row or column (by anyone who can write the database) fails to decrypt
 * instead of being shown in the wrong place (a Meta token as a link's `url`, one project's link in
 * another's). Each column is named once here.
 */
export type SecretColumn =
  | 'projects.signing_secret_enc'
  | 'projects.twilio_auth_token_enc'
  | 'setup_links.token_enc'
  | 'setup_links.pending_pin_enc'
  | 'whatsapp_configs.access_token_enc'
  | 'whatsapp_configs.webhook_verify_token_enc'
  | 'whatsapp_configs.pin_enc'
  | 'webhook_endpoints.secret_enc'
  | 'provisioned_numbers.last_code_enc'
  | 'idempotency_keys.response_body_enc';
export interface SecretPlace {
  column: SecretColumn;
  row: string;
}

// Stored forms. Current: `b1:<key version>:<iv>:<ciphertext>:<tag>`, bound to its place (AAD).
// Legacy (before binding): `<key version>:<iv>:<ciphertext>:<tag>`, no AAD. decryptSecret refuses
// legacy values; only decryptLegacySecret reads them, for crypto-rebind.ts, which re-encrypts
// them in place at boot (idempotent: it selects legacy values only).
const BOUND = 'b1';
const TAG_BYTES = 16;
const aad = ({ column, row }: SecretPlace) => Buffer.from(`${column}:${row}`, 'utf8');

export function encryptSecret(plain: string, place: SecretPlace): string {
  const { current, keys } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.get(current)!, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(place));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url'));
  return [BOUND, current, ...parts].join(':');
}

function open(version: string, iv: string, body: string, tag: string, place: SecretPlace | null): string {
  const key = keyring().keys.get(version);
  const tagBytes = Buffer.from(tag, 'base64url');
  // Node would accept a shorter tag (down to 4 bytes) when authTagLength is not given: forgeable.
  if (!key || !iv || tagBytes.length !== TAG_BYTES) throw new Error(`Cannot decrypt: key ${version} or tag`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
  if (place) decipher.setAAD(aad(place));
  decipher.setAuthTag(tagBytes);
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** The secret stored at `place`; throws when it was encrypted for another place, key or format. */
export function decryptSecret(stored: string, place: SecretPlace): string {
  const parts = stored.split(':');
  if (parts.length !== 5 || parts[0] !== BOUND) throw new Error('Cannot decrypt: not a bound secret');
  return open(parts[1], parts[2], parts[3], parts[4], place);
}

export const isLegacySecret = (stored: string) => /^v\d+:/.test(stored) && stored.split(':').length === 4;

/** A value written before binding (no AAD). Only for re-encrypting it in place (crypto-rebind.ts). */
export function decryptLegacySecret(stored: string): string {
  if (!isLegacySecret(stored)) throw new Error('Cannot decrypt: not a legacy secret');
  const [version, iv, body, tag] = stored.split(':');
  return open(version, iv, body, tag, null);
}

/** A purpose-bound key derived from the current encryption key (for HMACs such as attempt ids). */
export function derivedKey(purpose: string): Buffer {
  const { current, keys } = keyring();
  return Buffer.from(hkdfSync('sha256', keys.get(current)!, Buffer.alloc(0), purpose, 32));
}

export function randomToken(prefix: string, bytes = 32): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function hmacHex(secret: string | Buffer, data: string): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function randomDigits(length: number): string {
  return Array.from({ length }, () => randomInt(0, 10)).join('');
}
