import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from './db/client';
import { apiKeys, projects } from './db/schema';
import { decryptSecret, encryptSecret, randomToken, sha256Hex } from './crypto';
import { ApiError } from './http/errors';

export interface Project {
  id: string;
  name: string;
  defaultTheme: Record<string, string>;
}

const toProject = (row: typeof projects.$inferSelect): Project => ({
  id: row.id,
  name: row.name,
  defaultTheme: row.defaultTheme,
});

/** Finds the project by name or creates it (with a fresh redirect-signing secret). */
export async function ensureProject(db: Db, name: string): Promise<{ project: Project; created: boolean }> {
  const [existing] = await db.select().from(projects).where(eq(projects.name, name));
  if (existing) return { project: toProject(existing), created: false };
  const [row] = await db
    .insert(projects)
    .values({ name, signingSecretEnc: encryptSecret(randomToken('ss_', 32)) })
    .onConflictDoNothing()
    .returning();
  if (row) return { project: toProject(row), created: true };
  return ensureProject(db, name); // lost a race with another creator
}

/** Creates an API key; the full key is returned once and only its hash is stored. */
export async function createApiKey(db: Db, projectId: string): Promise<string> {
  const key = randomToken('sk_live_', 32);
  await db.insert(apiKeys).values({ projectId, keyHash: sha256Hex(key), last4: key.slice(-4) });
  return key;
}

export async function getProject(db: Db, id: string): Promise<Project | null> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row ? toProject(row) : null;
}

export async function getProjectSigningSecret(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ s: projects.signingSecretEnc }).from(projects).where(eq(projects.id, id));
  if (!row) throw new Error('project not found');
  return decryptSecret(row.s);
}

const unauthorized = (message: string) => new ApiError(401, 'authentication_error', 'invalid_api_key', message);

/** Reads the key from `X-API-Key` or `Authorization: Bearer`; never from the query string. */
export async function authenticateApiKey(db: Db, headers: Headers, url: URL): Promise<Project> {
  const auth = headers.get('authorization');
  let key = headers.get('x-api-key')?.trim();
  if (!key && auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m)
      throw new ApiError(
        400,
        'invalid_request_error',
        'malformed_authorization_header',
        'The Authorization header must be "Bearer <api key>".',
      );
    key = m[1];
  }
  if (!key) {
    if (url.searchParams.has('api_key') || url.searchParams.has('key')) {
      throw unauthorized('API keys are not accepted in the URL. Send it in the X-API-Key header.');
    }
    throw new ApiError(
      401,
      'authentication_error',
      'missing_api_key',
      'Send your API key in the X-API-Key header or as Authorization: Bearer <key>.',
    );
  }
  const [row] = await db
    .select({ project: projects })
    .from(apiKeys)
    .innerJoin(projects, eq(projects.id, apiKeys.projectId))
    .where(and(eq(apiKeys.keyHash, sha256Hex(key)), isNull(apiKeys.revokedAt)));
  if (!row) throw unauthorized('The API key is unknown or revoked.');
  return toProject(row.project);
}

/** Registers a key chosen by the operator (BOOTSTRAP_API_KEYS); a no-op when it exists. */
export async function ensureApiKey(db: Db, projectId: string, key: string): Promise<void> {
  if (!/^sk_live_[A-Za-z0-9_-]{43,}$/.test(key))
    throw new Error('Bootstrap API keys must look like sk_live_ + 32 base64url bytes.');
  await db
    .insert(apiKeys)
    .values({ projectId, keyHash: sha256Hex(key), last4: key.slice(-4) })
    .onConflictDoNothing();
}
