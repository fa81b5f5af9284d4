import type { SandboxSessionStatus } from '@/lib/shared/vocabulary';
import type { Agent } from '../agents/domain';
import type { sandboxSessions } from '../db/schema';

/** A stored session, as read from the table. Only this folder handles rows. */
export type SandboxSessionRow = typeof sandboxSessions.$inferSelect;

/** A sandbox session as the server works with it: `status` is the effective one when read, with its agent. */
export type SandboxSession = SandboxSessionRow & { agent: Agent };

/** The stored statuses of a session that still counts (the partial unique index covers these). */
export const LIVE_STATUSES = ['pending_activation', 'active'] as const satisfies readonly SandboxSessionStatus[];

/** How long a session lives, from its creation, activated or not. */
export const SESSION_TTL_MS = 24 * 3_600_000;

/**
 * The status a session has at `at` (pass the clock's `now()`): a live session past `expires_at`
 * is expired although its row still says pending_activation or active (the expiry is lazy: rows
 * are only rewritten when something else happens to them).
 */
export function effectiveSessionStatus(
  row: { status: SandboxSessionStatus; expiresAt: Date },
  at: Date,
): SandboxSessionStatus {
  const live = row.status === 'pending_activation' || row.status === 'active';
  return live && row.expiresAt.getTime() <= at.getTime() ? 'expired' : row.status;
}

export function toSandboxSession(row: SandboxSessionRow, agent: Agent, at: Date): SandboxSession {
  return { ...row, status: effectiveSessionStatus(row, at), agent };
}

/** A message a phone sent to the sandbox number (from Meta's webhook). */
export interface InboundMessage {
  /** Meta's message id (`wamid...`). */
  id: string;
  /** E.164, as sessions store it (`+` and the digits Meta sends). */
  from: string;
  /** `text`, `image`, `button`, ... as Meta says it. */
  type: string;
  /** The body of a text message; null for other types. */
  text: string | null;
  /** When the phone sent it (Meta's timestamp). */
  sentAt: Date;
}
