import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from './db/client';
import { projects } from './db/schema';
import { decryptSecret, encryptSecret, randomToken } from './crypto';
import { newId, type ProjectId } from './ids';
import type { Scope } from './scope';
import { toProject, type Project } from './projects/model';

// The places of the project's secrets (crypto.ts binds each ciphertext to its row and column).
const signingPlace = (id: ProjectId) => ({ column: 'projects.signing_secret_enc', row: id }) as const;
const twilioPlace = (id: ProjectId) => ({ column: 'projects.twilio_auth_token_enc', row: id }) as const;

// Projects: creation, the redirect-signing secret and the project's own Twilio account. API keys
// live in projects/api-keys.ts, the default theme in projects/theme.ts (re-exported here, so
// `@/lib/server/projects` is the one import).

export type { Project } from './projects/model';
export * from './projects/api-keys';
export { themeOverProjectDefault, updateProject } from './projects/theme';

const newSigningSecret = () => randomToken('ss_', 32);

/** Finds the project by name or creates it (with a fresh redirect-signing secret). */
export async function ensureProject(db: Db, name: string): Promise<{ project: Project; created: boolean }> {
  const [existing] = await db.select().from(projects).where(eq(projects.name, name));
  if (existing) return { project: toProject(existing), created: false };
  const id = newId<ProjectId>();
  const [row] = await db
    .insert(projects)
    .values({ id, name, signingSecretEnc: encryptSecret(newSigningSecret(), signingPlace(id)) })
    .onConflictDoNothing()
    .returning();
  if (row) return { project: toProject(row), created: true };
  return ensureProject(db, name); // lost a race with another creator
}

export async function getProject(db: Db, id: ProjectId): Promise<Project | null> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row ? toProject(row) : null;
}

/** The project by its exact name, or null (the CLI's commands on an existing project). */
export async function findProjectByName(db: Db, name: string): Promise<Project | null> {
  const [row] = await db.select().from(projects).where(eq(projects.name, name));
  return row ? toProject(row) : null;
}

export async function getProjectSigningSecret(db: Db, id: ProjectId): Promise<string> {
  const [row] = await db.select({ s: projects.signingSecretEnc }).from(projects).where(eq(projects.id, id));
  if (!row) throw new Error('project not found');
  return decryptSecret(row.s, signingPlace(id));
}

/**
 * Replaces the redirect-signing secret and returns the new one (shown once by the CLI). Redirects
 * are signed when they are made (lib/server/redirects.ts), so from now on they carry the new
 * signature and the old secret verifies none of them.
 */
export async function rotateProjectSigningSecret({ db, projectId }: Scope): Promise<string> {
  const secret = newSigningSecret();
  const [row] = await db
    .update(projects)
    .set({ signingSecretEnc: encryptSecret(secret, signingPlace(projectId)) })
    .where(eq(projects.id, projectId))
    .returning({ id: projects.id });
  if (!row) throw new Error('project not found');
  return secret;
}

/** The project's own Twilio account (numbers outside the US are bought with it). */
export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

/** The project's Twilio credentials with the token decrypted, or null when it has none. */
export async function projectTwilioCredentials({ db, projectId }: Scope): Promise<TwilioCredentials | null> {
  const [row] = await db
    .select({ sid: projects.twilioAccountSid, tokenEnc: projects.twilioAuthTokenEnc })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!row?.sid || !row.tokenEnc) return null;
  return { accountSid: row.sid, authToken: decryptSecret(row.tokenEnc, twilioPlace(projectId)) };
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
      twilioAuthTokenEnc: credentials ? encryptSecret(credentials.authToken, twilioPlace(projectId)) : null,
    })
    .where(eq(projects.id, projectId));
}
