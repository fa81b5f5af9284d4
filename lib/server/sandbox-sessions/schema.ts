import 'server-only';
import { z } from 'zod';
import { apiTime, apiTimestamp } from '@/lib/shared/time';
import { SANDBOX_SESSION_STATUSES } from '@/lib/shared/vocabulary';
import { embeddedAgentOutput, toApiEmbeddedAgent } from '../agents/schema';
import { env } from '../env';
import { activationMessage, CODE_ALPHABET, CODE_LENGTH } from './code';
import type { InboundMessage, SandboxSession } from './domain';

// The sandbox session API (seed 003): what partners write, what they read (the output schemas and
// their serializers), and the payload of `sandbox.message.received`.

/** E.164: `+`, a non-zero first digit, 8 to 15 digits in all. */
export const E164 = /^\+[1-9]\d{7,14}$/;

/** A session as partners write it (seed 003's `whatsapp_sandbox_session`). */
export const sandboxSessionSchema = z.strictObject({
  phone_number: z.string().trim().regex(E164, 'must be an E.164 phone number like +12345678901'),
  // Any string: one that is not an agent of the project (a UUID or not) is a 404 naming agent_id.
  agent_id: z.string().max(100),
});

export const sandboxSessionListQuerySchema = z.object({ status: z.enum(SANDBOX_SESSION_STATUSES).optional() });

/** A reply from the sandbox number (WhatsApp allows 4,096 characters in a text message). */
export const sandboxMessageSchema = z.strictObject({
  text: z
    .string()
    .min(1)
    .max(4096)
    .refine((s) => s.trim() !== '', 'must not be blank'),
});

const codeShape = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A session as the API returns it: exactly seed 003's fields (the seed has no `object`). */
export const sandboxSessionOutput = z.strictObject({
  id: z.uuid(),
  phone_number: z.string().regex(E164),
  status: z.enum(SANDBOX_SESSION_STATUSES),
  activation_code: z.string().regex(codeShape),
  activation_message: z.string(),
  activation_link: z.url(),
  activated_at: apiTimestamp.nullable(),
  expires_at: apiTimestamp,
  created_at: apiTimestamp,
  updated_at: apiTimestamp,
  agent: embeddedAgentOutput,
});

/** A message the sandbox number sent (the answer of POST /sandbox_sessions/{id}/messages). */
export const sandboxMessageOutput = z.strictObject({
  id: z.string().min(1),
  object: z.literal('sandbox_message'),
  session_id: z.uuid(),
  to: z.string().regex(E164),
  text: z.string(),
  created_at: apiTimestamp,
});

export type SandboxSessionInput = z.output<typeof sandboxSessionSchema>;
export type SandboxSessionListQuery = z.output<typeof sandboxSessionListQuerySchema>;
export type SandboxMessageInput = z.output<typeof sandboxMessageSchema>;
export type ApiSandboxSession = z.input<typeof sandboxSessionOutput>;
export type ApiSandboxMessage = z.input<typeof sandboxMessageOutput>;

/** A sent message, as send.ts returns it. */
export interface SentSandboxMessage {
  id: string;
  sessionId: string;
  to: string;
  text: string;
  createdAt: Date;
}

/** wa.me opens a chat with the sandbox number, the code already typed. */
export const activationLink = (code: string) =>
  `https://wa.me/${(env.sandbox.phoneNumber ?? '').replace(/\D/g, '')}?text=${encodeURIComponent(code)}`;

/** The API object of a session. */
export function toApiSandboxSession(s: SandboxSession): ApiSandboxSession {
  return {
    id: s.id,
    phone_number: s.phoneNumber,
    status: s.status,
    activation_code: s.activationCode,
    activation_message: activationMessage(s.activationCode),
    activation_link: activationLink(s.activationCode),
    activated_at: apiTime(s.activatedAt),
    expires_at: apiTime(s.expiresAt),
    created_at: apiTime(s.createdAt),
    updated_at: apiTime(s.updatedAt),
    agent: toApiEmbeddedAgent(s.agent),
  };
}

export function toApiSandboxMessage(m: SentSandboxMessage): ApiSandboxMessage {
  return {
    id: m.id,
    object: 'sandbox_message',
    session_id: m.sessionId,
    to: m.to,
    text: m.text,
    created_at: apiTime(m.createdAt),
  };
}

/** The payload of `sandbox.message.received`: ids, the phone and the message; never a token. */
export const sandboxMessageEvent = (s: SandboxSession, m: InboundMessage) => ({
  project: { id: s.projectId },
  sandbox_session: { id: s.id, phone_number: s.phoneNumber, status: s.status },
  agent: { id: s.agent.id, name: s.agent.name },
  message: { id: m.id, from: m.from, type: m.type, text: m.text, timestamp: apiTime(m.sentAt) },
});
