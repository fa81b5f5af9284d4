// Twilio answers failures as {code, message, more_info, status}. We keep the machine-readable parts
// so callers can map them (21422 "not available", 20003 bad credentials, ...), and never the
// request: its URL names the account and its Authorization header carries the auth token.

export type TwilioErrorKind = 'twilio' | 'network' | 'timeout' | 'invalid_response';

// Account SIDs appear in Twilio's 404 messages (the resource path); logs do not need them.
const ACCOUNT_SID = /\bAC[0-9A-Za-z]{20,40}\b/g;

export class TwilioError extends Error {
  constructor(
    message: string,
    readonly kind: TwilioErrorKind,
    /** What we were doing, e.g. "buy_number" (for logs and error mapping). */
    readonly operation: string,
    /** HTTP status; null when no answer came (network, timeout). */
    readonly status: number | null = null,
    /** Twilio's numeric error code, e.g. 21422. */
    readonly code: number | null = null,
    readonly moreInfo: string | null = null,
  ) {
    super(message.replace(ACCOUNT_SID, 'AC…').slice(0, 500));
    this.name = 'TwilioError';
  }

  /** Worth another try later: 5xx, Twilio's 20429 "too many requests", and transport failures. */
  get transient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return (this.status !== null && this.status >= 500) || this.status === 429 || this.code === 20429;
  }

  /** What may be logged: Twilio's diagnostics only, never credentials or the request. */
  toLog(): Record<string, unknown> {
    // "code"-named fields are redacted by the logger, so Twilio's code travels as twilio_error.
    return {
      twilio_operation: this.operation,
      twilio_kind: this.kind,
      twilio_status: this.status,
      twilio_error: this.code === null ? null : String(this.code),
      twilio_more_info: this.moreInfo,
      twilio_message: this.message,
    };
  }
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Builds a TwilioError from a non-2xx response body. */
export function twilioErrorFromBody(operation: string, status: number, body: unknown): TwilioError {
  const e = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  if (!e || (num(e.code) === null && str(e.message) === null))
    return new TwilioError(`Unexpected Twilio response (HTTP ${status})`, 'invalid_response', operation, status);
  return new TwilioError(
    str(e.message) ?? `Twilio error (HTTP ${status})`,
    'twilio',
    operation,
    status,
    num(e.code),
    str(e.more_info),
  );
}
