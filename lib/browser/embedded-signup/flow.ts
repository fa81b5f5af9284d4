// The hosted page's state machine, free of React and the DOM so it can be tested directly.
// type -> connect -> finishing -> success | failure (-> connect again with a fresh attempt id).
import type { CompletionResult } from './completion-client';
import type { ConnectionType } from '@/lib/shared/vocabulary';

export type SetupStep = 'type' | 'connect' | 'finish';

/** Whether Meta's window is open, or the browser refused to open it (shown until the next try). */
export type Popup = 'idle' | 'open' | 'blocked';

/** How "Try again" works: a new attempt id from the server, a page reload, or not at all (link gone). */
export type Retry = 'attempt' | 'reload' | 'none';

/**
 * The page, one variant per screen, each with exactly what that screen needs: a connection type
 * from Connect on, an attempt id wherever Meta's window can still be opened, and "Try again"
 * without a reload only with the server's next attempt id.
 */
export type FlowState =
  /** `connectionType`: the earlier choice when the customer came back to change it. */
  | { screen: 'type'; connectionType: ConnectionType | null; attemptId: string }
  /** `attemptId`: the one-time id of the next completion. */
  | { screen: 'connect'; connectionType: ConnectionType; attemptId: string; popup: Popup }
  /** The server is completing; `connectionType` is kept for a retry after a failure. */
  | { screen: 'finishing'; connectionType: ConnectionType }
  | { screen: 'success'; phoneNumber: string; redirecting: boolean }
  | FailureState;

export type FailureState = {
  screen: 'failure';
  connectionType: ConnectionType;
  code: string;
  /** The signed failure redirect ("Back to {partner}"), when there is one. */
  redirectUrl: string | null;
} & ({ retry: 'attempt'; attemptId: string } | { retry: Exclude<Retry, 'attempt'> });

export type Screen = FlowState['screen'];

export type FlowAction =
  | { type: 'choose'; connectionType: ConnectionType }
  | { type: 'changeType' }
  | { type: 'popupOpened' }
  | { type: 'popupBlocked' }
  | { type: 'submitting' }
  | { type: 'completed'; phoneNumber: string; redirecting: boolean }
  | FailedAction
  | { type: 'retry' };

/** A failed completion; only `retry: 'attempt'` comes with the server's next attempt id. */
export type FailedAction = { type: 'failed'; code: string; redirectUrl: string | null } & (
  { retry: 'attempt'; nextAttemptId: string } | { retry: Exclude<Retry, 'attempt'> }
);

/** With a single allowed type there is nothing to choose: it is preselected and its step skipped. */
export function initialFlow(types: readonly ConnectionType[], attemptId: string): FlowState {
  return types.length === 1
    ? { screen: 'connect', connectionType: types[0], attemptId, popup: 'idle' }
    : { screen: 'type', connectionType: null, attemptId };
}

/** The next state; an action that does not apply to the current screen leaves the state as it is. */
export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'choose':
      return state.screen === 'type'
        ? { screen: 'connect', connectionType: action.connectionType, attemptId: state.attemptId, popup: 'idle' }
        : state;
    case 'changeType':
      return state.screen === 'connect'
        ? { screen: 'type', connectionType: state.connectionType, attemptId: state.attemptId }
        : state;
    case 'popupOpened':
    case 'popupBlocked':
      return state.screen === 'connect'
        ? { ...state, popup: action.type === 'popupOpened' ? 'open' : 'blocked' }
        : state;
    case 'submitting':
      // Also from the type screen: the customer may go back to it while Meta's window is still open.
      return (state.screen === 'connect' || state.screen === 'type') && state.connectionType
        ? { screen: 'finishing', connectionType: state.connectionType }
        : state;
    case 'completed':
      // The server's word: whatever the page showed, the number is connected.
      return { screen: 'success', phoneNumber: action.phoneNumber, redirecting: action.redirecting };
    case 'failed': {
      // A success is final, and nothing can fail before a connection type was chosen.
      if (state.screen === 'success' || !state.connectionType) return state;
      const failure = {
        screen: 'failure',
        connectionType: state.connectionType,
        code: action.code,
        redirectUrl: action.redirectUrl,
      } as const;
      return action.retry === 'attempt'
        ? { ...failure, retry: 'attempt', attemptId: action.nextAttemptId }
        : { ...failure, retry: action.retry };
    }
    case 'retry':
      // Only with a fresh attempt id; 'reload' is the page's job (see SetupFlow).
      return state.screen === 'failure' && state.retry === 'attempt'
        ? { screen: 'connect', connectionType: state.connectionType, attemptId: state.attemptId, popup: 'idle' }
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
      const failure = { type: 'failed', code: result.error_code, redirectUrl: result.redirect_url } as const;
      return {
        action: next ? { ...failure, retry: 'attempt', nextAttemptId: next } : { ...failure, retry: 'none' },
        redirectTo: null,
      };
    }
    case 'rejected':
      return {
        action: { type: 'failed', code: result.code, redirectUrl: null, retry: 'reload' },
        redirectTo: null,
      };
    case 'unreachable':
      return {
        action: { type: 'failed', code: 'unreachable', redirectUrl: null, retry: 'reload' },
        redirectTo: null,
      };
  }
}
