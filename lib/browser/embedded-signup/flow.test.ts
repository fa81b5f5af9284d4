import { describe, expect, it } from 'vitest';
import {
  actionForCompletion,
  currentStepIndex,
  flowReducer,
  initialFlow,
  stepsFor,
  type FlowAction,
  type FlowState,
} from './flow';

const run = (state: FlowState, ...actions: FlowAction[]) => actions.reduce(flowReducer, state);

describe('setup flow', () => {
  it('starts on the type step when both types are allowed', () => {
    const s = initialFlow(['coexistence', 'dedicated'], 'a1');
    expect(s).toMatchObject({ screen: 'type', connectionType: null, attemptId: 'a1' });
    expect(stepsFor(['coexistence', 'dedicated'])).toEqual(['type', 'connect', 'finish']);
    expect(currentStepIndex(s.screen, stepsFor(['coexistence', 'dedicated']))).toBe(0);
  });

  it('preselects a single allowed type and skips its step', () => {
    const s = initialFlow(['dedicated'], 'a1');
    expect(s).toMatchObject({ screen: 'connect', connectionType: 'dedicated' });
    expect(stepsFor(['dedicated'])).toEqual(['connect', 'finish']);
    expect(currentStepIndex(s.screen, stepsFor(['dedicated']))).toBe(0);
  });

  it('goes type -> connect -> finishing -> success', () => {
    const steps = stepsFor(['coexistence', 'dedicated']);
    let s = run(initialFlow(['coexistence', 'dedicated'], 'a1'), { type: 'choose', connectionType: 'coexistence' });
    expect(s).toMatchObject({ screen: 'connect', connectionType: 'coexistence' });
    s = run(s, { type: 'popupOpened' }, { type: 'submitting' });
    // Finishing carries no popup state at all: nothing of Meta's window outlives the Connect screen.
    expect(s).toEqual({ screen: 'finishing', connectionType: 'coexistence' });
    expect(currentStepIndex(s.screen, steps)).toBe(2);
    s = run(s, { type: 'completed', phoneNumber: '+1 555-0100', redirecting: false });
    expect(s).toEqual({ screen: 'success', phoneNumber: '+1 555-0100', redirecting: false });
    expect(currentStepIndex(s.screen, steps)).toBe(3);
  });

  it('retries a failure with the next attempt id, or stays put when the link is gone', () => {
    const start = run(initialFlow(['dedicated'], 'a1'), { type: 'popupOpened' }, { type: 'submitting' });
    const failed = run(
      start,
      actionForCompletion({
        status: 'failed',
        error_code: 'facebook_auth_failed',
        redirect_url: 'https://p.example/f',
        next_attempt_id: 'a2',
      }).action,
    );
    expect(failed).toMatchObject({
      screen: 'failure',
      attemptId: 'a2',
      code: 'facebook_auth_failed',
      redirectUrl: 'https://p.example/f',
      retry: 'attempt',
    });
    // Back on Connect with nothing of the failure left, and Meta's window closed.
    expect(run(failed, { type: 'retry' })).toEqual({
      screen: 'connect',
      connectionType: 'dedicated',
      attemptId: 'a2',
      popup: 'idle',
    });
    const final = run(
      start,
      actionForCompletion({ status: 'failed', error_code: 'already_used', redirect_url: null, next_attempt_id: null })
        .action,
    );
    expect(final).toMatchObject({ screen: 'failure', retry: 'none' });
    expect(run(final, { type: 'retry' })).toBe(final);
  });

  it('remembers a blocked popup until the next try', () => {
    const s = run(initialFlow(['dedicated'], 'a1'), { type: 'popupBlocked' });
    expect(s).toMatchObject({ screen: 'connect', popup: 'blocked' });
    expect(run(s, { type: 'popupOpened' })).toMatchObject({ screen: 'connect', popup: 'open' });
  });

  it('ignores actions that do not apply to the current screen', () => {
    const start = initialFlow(['coexistence', 'dedicated'], 'a1');
    const finishing = run(start, { type: 'choose', connectionType: 'dedicated' }, { type: 'submitting' });
    expect(run(finishing, { type: 'popupOpened' })).toBe(finishing);
    expect(run(finishing, { type: 'choose', connectionType: 'coexistence' })).toBe(finishing);
    const success = run(finishing, { type: 'completed', phoneNumber: '+1 555', redirecting: false });
    expect(run(success, { type: 'failed', code: 'internal_error', redirectUrl: null, retry: 'reload' })).toBe(success);
  });

  it('finishes an attempt whose window stayed open while the customer went back to change the type', () => {
    const back = run(
      initialFlow(['coexistence', 'dedicated'], 'a1'),
      { type: 'choose', connectionType: 'coexistence' },
      { type: 'popupOpened' },
      { type: 'changeType' },
    );
    expect(back).toEqual({ screen: 'type', connectionType: 'coexistence', attemptId: 'a1' });
    expect(run(back, { type: 'submitting' })).toEqual({ screen: 'finishing', connectionType: 'coexistence' });
  });

  it('maps every completion answer', () => {
    expect(
      actionForCompletion({
        status: 'completed',
        redirect_url: 'https://p.example/ok',
        display_phone_number: '+1 555',
      }),
    ).toEqual({
      action: { type: 'completed', phoneNumber: '+1 555', redirecting: true },
      redirectTo: 'https://p.example/ok',
    });
    expect(
      actionForCompletion({ status: 'completed', redirect_url: null, display_phone_number: '+1 555' }).action,
    ).toMatchObject({ redirecting: false });
    expect(actionForCompletion({ status: 'rejected', code: 'invalid_attempt' }).action).toMatchObject({
      code: 'invalid_attempt',
      retry: 'reload',
    });
    expect(actionForCompletion({ status: 'unreachable' }).action).toMatchObject({
      code: 'unreachable',
      retry: 'reload',
    });
  });
});
