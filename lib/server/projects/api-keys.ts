import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { now } from '../clock';
import { randomToken, sha256Hex } from '../crypto';
import type { Db } from '../db/client';
import { apiKeys, projects } from '../db/schema';
import { ConfigError } from '../errors';
import type { ProjectId } from '../ids';
import type { Scope } from '../scope';
import { toProject, type Project } from './model';

// A project's API keys: only the SHA-256 of a key is stored (and its last 4 characters, so an
// operator can tell keys apart). Revoking is for good: the key answers 401 from the next request
// on, since every request looks its hash up (lib/server/http/api-key.ts); there is no cache.

const KEY_PREFIX = 'sk_live_';

/** Creates an API key; the full key is returned once and only its hash is stored. */
export async function createApiKey(db: Db, projectId: ProjectId): Promise<string> {
  const key = randomToken(KEY_PREFIX, 32);
  await db.insert(apiKeys).values({ projectId, keyHash: sha256Hex(key), last4: key.slice(-4) });
  return key;
}

/** Registers a key chosen by the operator (BOOTSTRAP_API_KEYS); a no-op when it exists. */
export async function ensureApiKey({ db, projectId }: Scope, { key }: { key: string }): Promise<void> {
  if (!/^sk_live_[A-Za-z0-9_-]{43,}$/.test(key))
    throw new ConfigError('Bootstrap API keys must look like sk_live_ + 32 base64url bytes.');
  await db
    .insert(apiKeys)
    .values({ projectId, keyHash: sha256Hex(key), last4: key.slice(-4) })
    .onConflictDoNothing();
}

/** The project that owns this API key, or null when the key is unknown or revoked. */
export async function findProjectByApiKey(db: Db, key: string): Promise<Project | null> {
  const [row] = await db
    .select({ project: projects })
    .from(apiKeys)
    .innerJoin(projects, eq(projects.id, apiKeys.projectId))
    .where(and(eq(apiKeys.keyHash, sha256Hex(key)), isNull(apiKeys.revokedAt)));
  return row ? toProject(row.project) : null;
}

/** What an operator sees of a key: never the key or its hash. */
export interface ApiKeyInfo {
  id: string;
  /** `sk_live_…` and the key's last 4 characters. */
  masked: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const info = (row: typeof apiKeys.$inferSelect): ApiKeyInfo => ({
  id: row.id,
  masked: `${KEY_PREFIX}…${row.last4}`,
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
});

/** The project's keys, newest first, revoked ones included. */
export async function listApiKeys({ db, projectId }: Scope): Promise<ApiKeyInfo[]> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.projectId, projectId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(info);
}

/** Key ids are UUIDs; an operator may give a unique prefix of one (at least 8 characters). */
export const KEY_REF = /^[0-9a-f]{8}[0-9a-f-]{0,28}$/i;

export type RevokeResult =
  | { outcome: 'revoked' | 'already_revoked'; key: ApiKeyInfo; activeLeft: number }
  | { outcome: 'unknown' }
  | { outcome: 'ambiguous'; matches: ApiKeyInfo[] };

/** Revokes the project's key whose id is (or starts with) `ref`; other projects' keys are unknown. */
export async function revokeApiKey({ db, projectId }: Scope, { ref }: { ref: string }): Promise<RevokeResult> {
  const wanted = ref.trim().toLowerCase();
  if (!KEY_REF.test(wanted)) return { outcome: 'unknown' };
  const matches = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.projectId, projectId), sql`${apiKeys.id}::text like ${`${wanted}%`}`));
  if (matches.length === 0) return { outcome: 'unknown' };
  if (matches.length > 1) return { outcome: 'ambiguous', matches: matches.map(info) };
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: now() })
    .where(and(eq(apiKeys.id, matches[0].id), isNull(apiKeys.revokedAt)))
    .returning();
  const left = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(and(eq(apiKeys.projectId, projectId), isNull(apiKeys.revokedAt)));
  const activeLeft = Number(left[0]?.n ?? 0);
  if (revoked) return { outcome: 'revoked', key: info(revoked), activeLeft };
  return { outcome: 'already_revoked', key: info(matches[0]), activeLeft };
}
