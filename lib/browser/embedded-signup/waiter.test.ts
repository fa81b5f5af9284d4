import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignupMessage } from './events';
import { createResultWaiter, type SignupResult } from './waiter';

const finish: SignupMessage = { kind: 'finish', event: 'FINISH', phoneNumberId: '1', wabaId: '2', businessId: '3' };
const cancel: SignupMessage = { kind: 'cancel', event: 'CANCEL', currentStep: 'PHONE_NUMBER_SETUP' };

describe('createResultWaiter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const settled: SignupResult[] = [];
    const w = createResultWaiter({ onSettle: (r) => settled.push(r), timeoutMs: 8000, cancelTimeoutMs: 3000 });
    return { w, settled };
  }

  it('settles at once when the callback comes first and the message follows', () => {
    const { w, settled } = setup();
    w.callback({ authResponse: { code: 'AQ123' } });
    expect(settled).toHaveLength(0);
    w.message(finish);
    expect(settled).toEqual([{ code: 'AQ123', callbackReceived: true, message: finish, timedOut: false }]);
  });

  it('settles at once in the other order too', () => {
    const { w, settled } = setup();
    w.message(finish);
    w.callback({ authResponse: { code: 'AQ123' } });
    expect(settled[0]).toMatchObject({ code: 'AQ123', message: finish, timedOut: false });
  });

  it('times out 8 s after a lone code, with what it has', () => {
    const { w, settled } = setup();
    w.callback({ authResponse: { code: 'AQ123' } });
    vi.advanceTimersByTime(7999);
    expect(settled).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(settled).toEqual([{ code: 'AQ123', callbackReceived: true, message: undefined, timedOut: true }]);
  });

  it('times out 8 s after a lone message', () => {
    const { w, settled } = setup();
    w.message(cancel);
    vi.advanceTimersByTime(8000);
    expect(settled).toEqual([{ code: undefined, callbackReceived: false, message: cancel, timedOut: true }]);
  });

  it('waits less after a code-less callback (the customer cancelled)', () => {
    const { w, settled } = setup();
    w.callback({ authResponse: null });
    vi.advanceTimersByTime(3000);
    expect(settled).toEqual([{ code: undefined, callbackReceived: true, message: undefined, timedOut: true }]);
  });

  it('settles once: later arrivals and the timer are ignored', () => {
    const { w, settled } = setup();
    w.message(cancel);
    w.message(finish); // a second message does not replace the first
    w.callback(undefined);
    w.callback({ authResponse: { code: 'late' } });
    vi.advanceTimersByTime(20_000);
    expect(settled).toEqual([{ code: undefined, callbackReceived: true, message: cancel, timedOut: false }]);
    expect(w.settled).toBe(true);
  });

  it('never settles after abandon', () => {
    const { w, settled } = setup();
    w.callback({ authResponse: { code: 'AQ' } });
    w.abandon();
    w.message(finish);
    vi.advanceTimersByTime(20_000);
    expect(settled).toHaveLength(0);
  });
});
