import 'server-only';
import { TwilioError, twilioErrorFromBody } from './error';

// One HTTP call to Twilio's REST API (2010-04-01): Basic auth with the account SID and auth token,
// form-encoded bodies, JSON answers (none for a 204). Never retried here: a purchase must not
// happen twice, and callers know which of their calls are safe to repeat.

export interface TwilioEndpoint {
  /** e.g. https://api.twilio.com or the emulator's origin, without a trailing slash. */
  baseUrl: string;
  timeoutMs: number;
  fetchImpl: typeof fetch;
}

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

export interface TwilioCall {
  operation: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Already-encoded path below /2010-04-01/Accounts/{AccountSid}/, e.g. `IncomingPhoneNumbers.json`. */
  path: string;
  query?: Record<string, string>;
  form?: Record<string, string>;
}

export async function twilioRequest(
  endpoint: TwilioEndpoint,
  creds: TwilioCredentials,
  call: TwilioCall,
): Promise<{ status: number; body: unknown }> {
  const url = new URL(`${endpoint.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(creds.accountSid)}/${call.path}`);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const basic = Buffer.from(`${creds.accountSid}:${creds.authToken}`).toString('base64');
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Basic ${basic}` };
  if (call.form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const fail = (e: unknown, status: number | null = null) => {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    // Deliberately not the original error: its message may quote the URL.
    if (timedOut)
      return new TwilioError(`Twilio did not answer within ${endpoint.timeoutMs} ms`, 'timeout', call.operation);
    return status === null
      ? new TwilioError('Could not reach the Twilio API', 'network', call.operation)
      : new TwilioError(`Twilio answered HTTP ${status} without JSON`, 'invalid_response', call.operation, status);
  };
  let res: Response;
  try {
    res = await endpoint.fetchImpl(url, {
      method: call.method,
      headers,
      body: call.form ? new URLSearchParams(call.form).toString() : undefined,
      signal: AbortSignal.timeout(endpoint.timeoutMs),
      redirect: 'error',
      cache: 'no-store',
    });
  } catch (e) {
    throw fail(e);
  }
  if (res.status === 204) return { status: 204, body: null };
  let body: unknown;
  try {
    body = await res.json();
  } catch (e) {
    // The timeout covers reading the body too.
    throw fail(e, res.status);
  }
  if (!res.ok) throw twilioErrorFromBody(call.operation, res.status, body);
  return { status: res.status, body };
}
