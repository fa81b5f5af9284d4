import 'server-only';
import { now } from '../clock';
import type { Db } from '../db/client';
import { log } from '../log';
import type { WebhookMessage } from '../meta/webhook';
import { receiveSandboxMessage, type InboundOutcome } from './write';

// What Meta's webhook brings to the sandbox: which messages count, then one transaction each
// (write.ts, receiveSandboxMessage).

/**
 * A message is stale when it was sent more than 10 minutes ago (Meta redelivering an old message
 * after an outage, or a replayed request whose signature is still valid): it is ignored, so an old
 * activation code or message cannot act now. Ten minutes covers Meta's first retries; a message
 * "sent" more than 5 minutes in the future is ignored too (a clock that far off is not Meta's).
 * The dedupe window of write.ts (20 minutes back) covers every message young enough to pass here.
 */
export const STALE_AFTER_MS = 10 * 60_000;
export const FUTURE_SKEW_MS = 5 * 60_000;

export type MessageResult = InboundOutcome['kind'] | 'not_sandbox_number' | 'stale';

/** Handles the payload's messages in order; what happened to each (for the log and tests). */
export async function receiveWebhookMessages(
  db: Db,
  { messages, sandboxPhoneNumberId }: { messages: WebhookMessage[]; sandboxPhoneNumberId: string | undefined },
): Promise<MessageResult[]> {
  const results: MessageResult[] = [];
  for (const m of messages) {
    const sentAt = new Date(m.timestamp * 1000);
    const age = now().getTime() - sentAt.getTime();
    let result: MessageResult;
    let sessionId: string | undefined;
    if (!sandboxPhoneNumberId || m.phoneNumberId !== sandboxPhoneNumberId) result = 'not_sandbox_number';
    else if (age > STALE_AFTER_MS || age < -FUTURE_SKEW_MS) result = 'stale';
    else {
      const outcome = await receiveSandboxMessage(db, {
        message: { id: m.id, from: `+${m.from}`, type: m.type, text: m.text, sentAt },
      });
      result = outcome.kind;
      if (outcome.kind !== 'no_session') sessionId = outcome.session.id;
    }
    // Ids and outcomes only: the text and the phone number are the tester's data. The app is also
    // subscribed to the customers' WABAs (onboarding), whose traffic is not the sandbox's: debug only.
    const fields = { message_id: m.id, result, sandbox_session_id: sessionId, type: m.type };
    if (result === 'not_sandbox_number') log.debug('sandbox_message', fields);
    else log.info('sandbox_message', fields);
    results.push(result);
  }
  return results;
}
