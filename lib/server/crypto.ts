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

export function encryptSecret(plain: string): string {
  const { current, keys } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.get(current)!, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [
    current,
    iv.toString('base64url'),
    body.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
  ].join(':');
}

export function decryptSecret(stored: string): string {
  const [version, iv, body, tag] = stored.split(':');
  const key = keyring().keys.get(version);
  if (!key || !iv || body === undefined || !tag) throw new Error(`Cannot decrypt: unknown key version ${version}`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
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
