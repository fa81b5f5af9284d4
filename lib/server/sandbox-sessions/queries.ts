import 'server-only';
import { and, desc, eq, gt, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { SandboxSessionStatus } from '@/lib/shared/vocabulary';
import type { Agent } from '../agents/domain';
import { now } from '../clock';
import type { Db } from '../db/client';
import { paginate, type Page, type Pagination } from '../db/paginate';
import { agents, sandboxSessions } from '../db/schema';
import { NotFoundError } from '../errors';
import type { AgentId, SandboxSessionId } from '../ids';
import type { Scope } from '../scope';
import { LIVE_STATUSES, toSandboxSession, type SandboxSession, type SandboxSessionRow } from './domain';
import type { SandboxSessionListQuery } from './schema';

// Every read of `sandbox_sessions`. Expiry is lazy: a live row past `expires_at` reads as expired
// (domain.ts), and the status filter below asks the same question in SQL.

const t = sandboxSessions;

/** Rows whose effective status at `at` is `status`. */
export function effectiveStatusIs(status: SandboxSessionStatus, at: Date): SQL | undefined {
  switch (status) {
    case 'pending_activation':
    case 'active':
      return and(eq(t.status, status), gt(t.expiresAt, at));
    case 'expired':
      return or(eq(t.status, 'expired'), and(inArray(t.status, [...LIVE_STATUSES]), lte(t.expiresAt, at)));
    case 'ended':
      return eq(t.status, 'ended');
  }
}

/** The rows with their agents (every session has one: the foreign key cascades). */
export async function withAgents(db: Db, rows: SandboxSessionRow[], at: Date): Promise<SandboxSession[]> {
  const ids = [...new Set(rows.map((r) => r.agentId))];
  const found: Agent[] = ids.length ? await db.select().from(agents).where(inArray(agents.id, ids)) : [];
  const byId = new Map<AgentId, Agent>(found.map((a) => [a.id, a]));
  return rows.map((r) => toSandboxSession(r, byId.get(r.agentId)!, at));
}

/** The session if it belongs to the project, else a 404 naming `id`. `lock` takes FOR NO KEY UPDATE. */
export async function requireSandboxSession(
  scope: Scope,
  { sessionId, lock = false }: { sessionId: SandboxSessionId; lock?: boolean },
): Promise<SandboxSession> {
  const query = scope.db
    .select()
    .from(t)
    .where(and(eq(t.id, sessionId), eq(t.projectId, scope.projectId)));
  const [row] = lock ? await query.for('no key update') : await query;
  if (!row) throw new NotFoundError('sandbox_session', 'id');
  const [session] = await withAgents(scope.db, [row], now());
  return session;
}

/** Newest first; `status` filters on the effective status. */
export async function listSandboxSessions(
  scope: Scope,
  { filters, page }: { filters: SandboxSessionListQuery; page: Pagination },
): Promise<Page<SandboxSession>> {
  const at = now();
  const where = and(eq(t.projectId, scope.projectId), filters.status && effectiveStatusIs(filters.status, at));
  const result = await paginate(scope.db, { table: t, where, page });
  return { ...result, items: await withAgents(scope.db, result.items, at) };
}

/**
 * Locks (FOR NO KEY UPDATE) the stored-live sessions of a phone in every project, newest first: what an
 * inbound message from it may activate or reach. Everything that changes which session a phone
 * talks to takes these locks first, so two messages from one phone are handled one after the other.
 */
export async function lockLiveSessionsOfPhone(db: Db, { phoneNumber }: { phoneNumber: string }) {
  return db
    .select()
    .from(t)
    .where(and(eq(t.phoneNumber, phoneNumber), inArray(t.status, [...LIVE_STATUSES])))
    .orderBy(desc(t.createdAt), desc(t.id))
    .for('no key update');
}
