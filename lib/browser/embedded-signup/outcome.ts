// Turns what the popup reported into the body of POST /setup/complete. Every ending is sent,
// cancels included, so the server records the step where the customer stopped.
import type { CompletionRequest } from '@/lib/shared/embedded-signup/types';
import type { ConnectionType } from '@/lib/shared/vocabulary';
import type { SignupResult } from './waiter';

export function toCompletionRequest(
  attemptId: string,
  connectionType: ConnectionType,
  result: SignupResult,
): Omit<CompletionRequest, 'setup_link_id'> {
  const base = { attempt_id: attemptId, connection_type: connectionType };
  const m = result.message;
  if (result.code) {
    const ids =
      m?.kind === 'finish' ? { phone_number_id: m.phoneNumberId, waba_id: m.wabaId, business_id: m.businessId } : {};
    return stripUndefined({ ...base, outcome: 'finish', code: result.code, event: m?.event, ...ids });
  }
  if (m?.kind === 'cancel') {
    return stripUndefined({
      ...base,
      outcome: 'cancel',
      event: m.event,
      current_step: m.currentStep,
      error_message: m.errorMessage,
      error_code: m.errorCode,
    });
  }
  if (m?.kind === 'error') {
    return stripUndefined({
      ...base,
      outcome: 'error',
      event: m.event,
      error_message: m.errorMessage,
      error_code: m.errorCode,
    });
  }
  if (m?.kind === 'finish') {
    // Meta's window finished but the login callback carried no code: nothing the server can exchange.
    return stripUndefined({ ...base, outcome: 'error', event: m.event, error_code: 'missing_code', waba_id: m.wabaId });
  }
  // Only a code-less callback: the window was closed before any step reported itself.
  return { ...base, outcome: 'cancel' };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
