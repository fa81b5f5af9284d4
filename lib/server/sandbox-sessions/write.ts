import 'server-only';
import { and, eq, gt, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { requireAgent } from '../agents/queries';
import { now } from '../clock';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { sandboxSessions, webhookEvents } from '../db/schema';
import { env } from '../env';
import { ConflictError, NotFoundError } from '../errors';
import { queueEvent } from '../events';
import { ApiError } from '../http/errors';
import { parseId, type AgentId, type ProjectId, type SandboxSessionId, type WebhookEventId } from '../ids';
import type { Scope } from '../scope';
import { activationCodeIn, newActivationCode } from './code';
import {
  effectiveSessionStatus,
  LIVE_STATUSES,
  SESSION_TTL_MS,
  toSandboxSession,
  type InboundMessage,
  type SandboxSession,
} from './domain';
import { lockLiveSessionsOfPhone, requireSandboxSession, withAgents } from './queries';
import { sandboxMessageEvent, type SandboxSessionInput } from './schema';

// Every statement that writes `sandbox_sessions`. A session is created `pending_activation`, turns
// `active` once (its code, sent from its phone to the sandbox number), and then ends for good:
// `ended` (replaced by a new session for the phone, ended by the partner, or its phone activated a
// session of another project) or `expired` (24 hours after it was created, activated or not).

const t = sandboxSessions;
const ONE_LIVE_INDEX = 'sandbox_sessions_one_live_per_phone';
const CREATE_ATTEMPTS = 3;
/** How far back an inbound message id is looked for among the events already sent (see inbound.ts). */
export const DEDUPE_WINDOW_MS = 20 * 60_000;

/** Closes the stored-live sessions matching `where`: `expired` if their time has passed, else `ended`. */
async function closeLive(tx: Db, where: SQL | undefined, at: Date): Promise<void> {
  const live = and(where, inArray(t.status, [...LIVE_STATUSES]));
  await tx
    .update(t)
    .set({ status: 'expired', updatedAt: at })
    .where(and(live, lte(t.expiresAt, at)));
  await tx
    .update(t)
    .set({ status: 'ended', endedAt: at, updatedAt: at })
    .where(and(live, gt(t.expiresAt, at)));
}

/**
 * Creates a pending session for the phone with the project's agent (404 `agent_id` otherwise),
 * replacing the project's live session for that phone, if any (it becomes `ended`), in the same
 * transaction.
 *
 * Concurrency: the partial unique index `sandbox_sessions_one_live_per_phone` allows one live
 * session per project and phone. Two creates for the same phone at once both close the old
 * session (row lock: the second waits for the first), and the second insert then hits the index
 * and its transaction rolls back whole; it is retried, and closes the first one's new session:
 * the last create wins, as if they had come one after the other. The agent row is held FOR SHARE,
 * so a concurrent DELETE of the agent waits and then removes the new session with it.
 */
export async function createSandboxSession(
  scope: Scope,
  { input }: { input: SandboxSessionInput },
): Promise<SandboxSession> {
  if (!env.sandbox.phoneNumber || !env.sandbox.phoneNumberId)
    throw new ApiError('sandbox_unavailable', { message: 'The sandbox number is not configured on this server.' });
  const agentId = parseId<AgentId>(input.agent_id);
  if (!agentId) throw new NotFoundError('agent', 'agent_id');
  for (let attempt = 1; ; attempt++) {
    try {
      return await scope.db.transaction(async (tx) => {
        const agent = await requireAgent(
          { db: tx, projectId: scope.projectId },
          { agentId, param: 'agent_id', lock: true },
        );
        const at = now();
        await closeLive(tx, and(eq(t.projectId, scope.projectId), eq(t.phoneNumber, input.phone_number)), at);
        const [row] = await tx
          .insert(t)
          .values({
            projectId: scope.projectId,
            agentId: agent.id,
            phoneNumber: input.phone_number,
            activationCode: newActivationCode(),
            expiresAt: new Date(at.getTime() + SESSION_TTL_MS),
            createdAt: at,
            updatedAt: at,
          })
          .returning();
        return toSandboxSession(row, agent, at);
      });
    } catch (e) {
      if (attempt < CREATE_ATTEMPTS && isUniqueViolation(e, ONE_LIVE_INDEX)) continue;
      throw e;
    }
  }
}

/** DELETE: ends a live session (200 with it); one already ended or expired is a 409. */
export async function endSandboxSession(
  scope: Scope,
  { sessionId }: { sessionId: SandboxSessionId },
): Promise<SandboxSession> {
  // Concurrency: the session's row is locked for the check and the change.
  return scope.db.transaction(async (tx) => {
    const session = await requireSandboxSession({ db: tx, projectId: scope.projectId }, { sessionId, lock: true });
    if (session.status === 'ended' || session.status === 'expired')
      throw new ConflictError('sandbox_session_already_ended', `This sandbox session is already ${session.status}.`);
    const at = now();
    const [row] = await tx
      .update(t)
      .set({ status: 'ended', endedAt: at, updatedAt: at })
      .where(eq(t.id, session.id))
      .returning();
    return toSandboxSession(row, session.agent, at);
  });
}

/** What an inbound message did. */
export type InboundOutcome =
  | { kind: 'activated'; session: SandboxSession; ended: SandboxSessionId[] }
  | { kind: 'forwarded'; session: SandboxSession; eventId: WebhookEventId }
  /** The code of the phone's active session again (a repeat, or Meta redelivering it): nothing to do. */
  | { kind: 'already_active'; session: SandboxSession }
  /** A message id already forwarded (Meta delivers at least once). */
  | { kind: 'duplicate'; session: SandboxSession }
  | { kind: 'no_session' };

/** Whether `sandbox.message.received` already carried this message id to the project, lately. */
async function alreadyForwarded(tx: Db, projectId: ProjectId, messageId: string, at: Date): Promise<boolean> {
  const [row] = await tx
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.projectId, projectId),
        eq(webhookEvents.type, 'sandbox.message.received'),
        gte(webhookEvents.createdAt, new Date(at.getTime() - DEDUPE_WINDOW_MS)),
        sql`${webhookEvents.payload} -> 'message' ->> 'id' = ${messageId}`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * A message a phone sent to the sandbox number. Its activation code (of one of the phone's pending
 * sessions, in any project) activates that session; and since one phone talks to one session at a
 * time, the phone's other active sessions (other projects: a project has one live session per
 * phone) end. Any other message from a phone with an active session becomes that session's
 * project's `sandbox.message.received` event; from anyone else it is dropped.
 *
 * Concurrency: the phone's live sessions, in every project, are locked first
 * (lockLiveSessionsOfPhone), so two messages from one phone are handled one after the other: two
 * activations cannot both leave their session active, and a redelivered message finds the event
 * of the first delivery (the dedupe check) once that one has committed. A session replaced
 * meanwhile (createSandboxSession) is no longer live when the lock is granted, so its code does
 * nothing.
 */
export async function receiveSandboxMessage(db: Db, { message }: { message: InboundMessage }): Promise<InboundOutcome> {
  return db.transaction(async (tx) => {
    const at = now();
    const rows = await lockLiveSessionsOfPhone(tx, { phoneNumber: message.from });
    const live = rows.filter((r) => effectiveSessionStatus(r, at) !== 'expired');
    const code = message.type === 'text' ? activationCodeIn(message.text) : null;
    const pending = code ? live.find((r) => r.status === 'pending_activation' && r.activationCode === code) : undefined;
    if (pending) {
      const [row] = await tx
        .update(t)
        .set({ status: 'active', activatedAt: at, updatedAt: at })
        .where(eq(t.id, pending.id))
        .returning();
      const others = live.filter((r) => r.status === 'active').map((r) => r.id);
      const ended = others.length
        ? await tx
            .update(t)
            .set({ status: 'ended', endedAt: at, updatedAt: at })
            .where(inArray(t.id, others))
            .returning({ id: t.id })
        : [];
      const [session] = await withAgents(tx, [row], at);
      return { kind: 'activated', session, ended: ended.map((e) => e.id) };
    }
    const [active] = live
      .filter((r) => r.status === 'active')
      .sort((a, b) => (b.activatedAt?.getTime() ?? 0) - (a.activatedAt?.getTime() ?? 0));
    if (!active) return { kind: 'no_session' };
    const [session] = await withAgents(tx, [active], at);
    if (code && code === active.activationCode) return { kind: 'already_active', session };
    if (await alreadyForwarded(tx, session.projectId, message.id, at)) return { kind: 'duplicate', session };
    const eventId = await queueEvent(
      { db: tx, projectId: session.projectId },
      { type: 'sandbox.message.received', payload: sandboxMessageEvent(session, message) },
    );
    return { kind: 'forwarded', session, eventId };
  });
}
