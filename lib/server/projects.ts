import 'server-only';
import { ConfigError } from './errors';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from './db/client';
import { apiKeys, projects } from './db/schema';
import { decryptSecret, encryptSecret, randomToken, sha256Hex } from './crypto';
import type { ProjectId } from './ids';
import type { Scope } from './scope';
import type { Theme } from '@/lib/shared/theme';

export interface Project {
  id: ProjectId;
  name: string;
  defaultTheme: Partial<Theme>;
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
export async function createApiKey(db: Db, projectId: ProjectId): Promise<string> {
  const key = randomToken('sk_live_', 32);
  await db.insert(apiKeys).values({ projectId, keyHash: sha256Hex(key), last4: key.slice(-4) });
  return key;
}

export async function getProject(db: Db, id: ProjectId): Promise<Project | null> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row ? toProject(row) : null;
}

export async function getProjectSigningSecret(db: Db, id: ProjectId): Promise<string> {
  const [row] = await db.select({ s: projects.signingSecretEnc }).from(projects).where(eq(projects.id, id));
  if (!row) throw new Error('project not found');
  return decryptSecret(row.s);
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

/** Registers a key chosen by the operator (BOOTSTRAP_API_KEYS); a no-op when it exists. */
export async function ensureApiKey({ db, projectId }: Scope, { key }: { key: string }): Promise<void> {
  if (!/^sk_live_[A-Za-z0-9_-]{43,}$/.test(key))
    throw new ConfigError('Bootstrap API keys must look like sk_live_ + 32 base64url bytes.');
  await db
    .insert(apiKeys)
    .values({ projectId, keyHash: sha256Hex(key), last4: key.slice(-4) })
    .onConflictDoNothing();
}

/** The project's own Twilio account (numbers outside the US are bought with it). */
export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

/** The project by its exact name, or null (the CLI's commands on an existing project). */
export async function findProjectByName(db: Db, name: string): Promise<Project | null> {
  const [row] = await db.select().from(projects).where(eq(projects.name, name));
  return row ? toProject(row) : null;
}

/** The project's Twilio credentials with the token decrypted, or null when it has none. */
export async function projectTwilioCredentials({ db, projectId }: Scope): Promise<TwilioCredentials | null> {
  const [row] = await db
    .select({ sid: projects.twilioAccountSid, tokenEnc: projects.twilioAuthTokenEnc })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!row?.sid || !row.tokenEnc) return null;
  return { accountSid: row.sid, authToken: decryptSecret(row.tokenEnc) };
}

/**
 * Sets (replaces) or, with null, clears the project's Twilio credentials: one UPDATE of both
 * columns, so a reader never sees one account's SID with another's token. Not checked with Twilio
 * here: a wrong pair shows when a number is bought with it. The token is stored encrypted.
 */
export async function setProjectTwilioCredentials(
  { db, projectId }: Scope,
  { credentials }: { credentials: TwilioCredentials | null },
): Promise<void> {
  await db
    .update(projects)
    .set({
      twilioAccountSid: credentials?.accountSid ?? null,
      twilioAuthTokenEnc: credentials ? encryptSecret(credentials.authToken) : null,
    })
    .where(eq(projects.id, projectId));
}
