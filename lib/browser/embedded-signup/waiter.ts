// FB.login's callback and the popup's WA_EMBEDDED_SIGNUP message arrive in either order, and
// sometimes only one of them does. Wait for both, but no longer than a timeout after the first.
import type { SignupMessage } from './events';

export interface SignupResult {
  /** The authorization code from the FB.login callback (lives 30 s, works once). */
  code?: string;
  /** Whether the callback ran at all (it runs without a code on cancel). */
  callbackReceived: boolean;
  message?: SignupMessage;
  timedOut: boolean;
}

export interface WaiterOptions {
  onSettle: (result: SignupResult) => void;
  /** Grace after the first arrival while a code may be waiting (short: the code expires in 30 s). */
  timeoutMs?: number;
  /** Grace when the first arrival is a code-less callback (the customer cancelled): only the
   * CANCEL details may follow. */
  cancelTimeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface ResultWaiter {
  callback(response: { authResponse?: { code?: unknown } | null } | null | undefined): void;
  message(message: SignupMessage): void;
  /** Stops waiting without settling (a blocked popup, a new attempt, an unmount). */
  abandon(): void;
  readonly settled: boolean;
}

export function createResultWaiter({
  onSettle,
  timeoutMs = 8000,
  cancelTimeoutMs = 3000,
  setTimer = (fn, ms) => setTimeout(fn, ms),
  clearTimer = (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}: WaiterOptions): ResultWaiter {
  let done = false;
  let timer: unknown = null;
  let callbackReceived = false;
  let code: string | undefined;
  let message: SignupMessage | undefined;

  const finish = (timedOut: boolean) => {
    if (done) return;
    done = true;
    if (timer !== null) clearTimer(timer);
    onSettle({ code, callbackReceived, message, timedOut });
  };
  const arrived = (ms: number) => {
    if (callbackReceived && message) return finish(false);
    if (timer === null) timer = setTimer(() => finish(true), ms);
  };

  return {
    callback(response) {
      if (done || callbackReceived) return; // the callback counts once
      callbackReceived = true;
      const c = response?.authResponse?.code;
      code = typeof c === 'string' && c ? c : undefined;
      arrived(code || message ? timeoutMs : cancelTimeoutMs);
    },
    message(m) {
      if (done || message) return; // the first genuine message wins
      message = m;
      arrived(timeoutMs);
    },
    abandon() {
      done = true;
      if (timer !== null) clearTimer(timer);
    },
    get settled() {
      return done;
    },
  };
}
