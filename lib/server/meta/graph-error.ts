// Graph answers failures as {error: {message, type, code, error_subcode?, fbtrace_id}}. We keep the
// machine-readable parts so callers can map them to our stable error codes, and never the request
// (its URL or headers may carry the app secret, the code or a token).

export type GraphErrorKind = 'graph' | 'network' | 'timeout' | 'invalid_response';

export class GraphError extends Error {
  constructor(
    message: string,
    readonly kind: GraphErrorKind,
    /** What we were doing, e.g. "exchange_code" (for logs and error mapping). */
    readonly operation: string,
    readonly status: number | null = null,
    readonly code: number | null = null,
    readonly subcode: number | null = null,
    readonly type: string | null = null,
    readonly fbtraceId: string | null = null,
  ) {
    super(message);
    this.name = 'GraphError';
  }

  /** Worth one more try: Meta's documented transient codes, 5xx, and transport failures. */
  get transient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return (this.status !== null && this.status >= 500) || this.code === 1 || this.code === 2;
  }

  /** What may be logged: no request data, only Meta's diagnostics. */
  toLog(): Record<string, unknown> {
    // "code"-named fields are redacted by the logger, so Meta's code/subcode travel as "190/463".
    const graphError =
      this.code === null ? null : this.subcode === null ? String(this.code) : `${this.code}/${this.subcode}`;
    return {
      graph_operation: this.operation,
      graph_kind: this.kind,
      graph_status: this.status,
      graph_error: graphError,
      fbtrace_id: this.fbtraceId,
      graph_message: this.message,
    };
  }
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Builds a GraphError from a non-2xx (or error-carrying) Graph response body. */
export function graphErrorFromBody(operation: string, status: number, body: unknown): GraphError {
  const e = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!e || typeof e !== 'object')
    return new GraphError(`Unexpected Graph response (HTTP ${status})`, 'invalid_response', operation, status);
  return new GraphError(
    str(e.message)?.slice(0, 500) ?? `Graph error (HTTP ${status})`,
    'graph',
    operation,
    status,
    num(e.code),
    num(e.error_subcode),
    str(e.type),
    str(e.fbtrace_id),
  );
}
