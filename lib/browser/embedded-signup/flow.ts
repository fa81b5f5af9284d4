// The hosted page's state machine, free of React and the DOM so it can be tested directly.
// type -> connect -> finishing -> success | failure (-> connect again with a fresh attempt id).
import type { CompletionResult } from './completion-client';
import type { ConnectionType } from '@/lib/shared/embedded-signup/types';

export type SetupStep = 'type' | 'connect' | 'finish';
export type Screen = 'type' | 'connect' | 'finishing' | 'success' | 'failure';

export interface FlowState {
  screen: Screen;
  connectionType: ConnectionType | null;
  /** One-time id for the next completion; null once the server said the link is no longer active. */
  attemptId: string | null;
  popup: 'idle' | 'open' | 'blocked';
  failure: { code: string; redirectUrl: string | null; retry: Retry } | null;
  success: { phoneNumber: string; redirecting: boolean } | null;
}

/** How "Try again" works: a new attempt id from the server, a page reload, or not at all (link gone). */
export type Retry = 'attempt' | 'reload' | 'none';

export type FlowAction =
  | { type: 'choose'; connectionType: ConnectionType }
  | { type: 'changeType' }
  | { type: 'popupOpened' }
  | { type: 'popupBlocked' }
  | { type: 'submitting' }
  | { type: 'completed'; phoneNumber: string; redirecting: boolean }
  | { type: 'failed'; code: string; redirectUrl: string | null; nextAttemptId: string | null; retry: Retry }
  | { type: 'retry' };

/** With a single allowed type there is nothing to choose: it is preselected and its step skipped. */
export function initialFlow(types: readonly ConnectionType[], attemptId: string): FlowState {
  const only = types.length === 1 ? types[0] : null;
  return {
    screen: only ? 'connect' : 'type',
    connectionType: only,
    attemptId,
    popup: 'idle',
    failure: null,
    success: null,
  };
}

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'choose':
      return { ...state, connectionType: action.connectionType, screen: 'connect', popup: 'idle' };
    case 'changeType':
      return { ...state, screen: 'type', popup: 'idle' };
    case 'popupOpened':
      return { ...state, popup: 'open' };
    case 'popupBlocked':
      return { ...state, popup: 'blocked' };
    case 'submitting':
      return { ...state, screen: 'finishing', popup: 'idle' };
    case 'completed':
      return {
        ...state,
        screen: 'success',
        success: { phoneNumber: action.phoneNumber, redirecting: action.redirecting },
      };
    case 'failed':
      return {
        ...state,
        screen: 'failure',
        attemptId: action.nextAttemptId,
        failure: { code: action.code, redirectUrl: action.redirectUrl, retry: action.retry },
      };
    case 'retry':
      // Only with a fresh attempt id; 'reload' is the page's job (see SetupFlow).
      return state.failure?.retry === 'attempt' && state.attemptId
        ? { ...state, screen: 'connect', popup: 'idle', failure: null }
        : state;
  }
}

export function stepsFor(types: readonly ConnectionType[]): SetupStep[] {
  return types.length > 1 ? ['type', 'connect', 'finish'] : ['connect', 'finish'];
}

/** Index of the current step; steps.length when everything is done. A failure sits on Connect (retry goes there). */
export function currentStepIndex(screen: Screen, steps: readonly SetupStep[]): number {
  if (screen === 'success') return steps.length;
  const step: SetupStep = screen === 'type' ? 'type' : screen === 'finishing' ? 'finish' : 'connect';
  return steps.indexOf(step);
}

/** What the page does with the answer of POST /setup/complete. */
export function actionForCompletion(result: CompletionResult): { action: FlowAction; redirectTo: string | null } {
  switch (result.status) {
    case 'completed':
      return {
        action: { type: 'completed', phoneNumber: result.display_phone_number, redirecting: !!result.redirect_url },
        redirectTo: result.redirect_url,
      };
    case 'failed': {
      const next = result.next_attempt_id;
      return {
        action: {
          type: 'failed',
          code: result.error_code,
          redirectUrl: result.redirect_url,
          nextAttemptId: next,
          retry: next ? 'attempt' : 'none',
        },
        redirectTo: null,
      };
    }
    case 'rejected':
      return {
        action: { type: 'failed', code: result.code, redirectUrl: null, nextAttemptId: null, retry: 'reload' },
        redirectTo: null,
      };
    case 'unreachable':
      return {
        action: { type: 'failed', code: 'unreachable', redirectUrl: null, nextAttemptId: null, retry: 'reload' },
        redirectTo: null,
      };
  }
}
