import 'server-only';
import { now } from '../clock';
import { ConflictError } from '../errors';
import { ApiError } from '../http/errors';
import type { SandboxSessionId } from '../ids';
import { describeError, log } from '../log';
import { GraphError } from '../meta/graph-error';
import { sandboxSender, sendTextMessage, type MessageSender } from '../meta/messages';
import type { Scope } from '../scope';
import { requireSandboxSession } from './queries';
import type { SentSandboxMessage } from './schema';

/**
 * Sends `text` from the sandbox number to the phone of an active session of the project (409 for
 * any other status). Meta's refusals and timeouts are a 502 `sandbox_send_failed` that says why;
 * nothing is stored either way (the partner's own answer is the record).
 */
export async function sendSandboxMessage(
  scope: Scope,
  {
    sessionId,
    text,
    sender = sandboxSender(),
  }: { sessionId: SandboxSessionId; text: string; sender?: MessageSender | null },
): Promise<SentSandboxMessage> {
  const session = await requireSandboxSession(scope, { sessionId });
  if (session.status !== 'active')
    throw new ConflictError(
      'sandbox_session_not_active',
      `This sandbox session is ${session.status}; messages can be sent to active sessions only.`,
    );
  if (!sender)
    throw new ApiError('sandbox_unavailable', { message: 'The sandbox number is not configured on this server.' });
  try {
    const { messageId } = await sendTextMessage(sender, { to: session.phoneNumber, body: text });
    return { id: messageId, sessionId: session.id, to: session.phoneNumber, text, createdAt: now() };
  } catch (e) {
    if (!(e instanceof GraphError)) throw e;
    log.warn('sandbox_send_failed', { sandbox_session_id: session.id, ...describeError(e) });
    const why = e.kind === 'graph' ? `Meta refused it: ${e.message}` : `${e.message}.`;
    throw new ApiError('sandbox_send_failed', { message: `The sandbox number could not send the message. ${why}` });
  }
}
