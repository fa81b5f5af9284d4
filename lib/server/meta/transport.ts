import 'server-only';
import { GraphError, graphErrorFromBody } from './graph-error';

// One HTTP call to the Graph API. Tokens travel in the Authorization header; the only secrets in a
// URL are the ones Meta requires there (oauth/access_token), so URLs are never logged or thrown.

export interface GraphEndpoint {
  /** e.g. https://graph.facebook.com or the emulator's origin. */
  baseUrl: string;
  /** e.g. v25.0 */
  version: string;
  timeoutMs: number;
}

export interface GraphCall {
  operation: string;
  method: 'GET' | 'POST';
  /** Already-encoded path after the version, e.g. `123/phone_numbers`. */
  path: string;
  token?: string;
  query?: Record<string, string>;
  json?: Record<string, unknown>;
  /** One more try on a transient failure. Off for anything that must not happen twice. */
  retry?: boolean;
}

const RETRY_DELAY_MS = 300;

async function once(endpoint: GraphEndpoint, call: GraphCall): Promise<unknown> {
  const url = new URL(`${endpoint.baseUrl}/${endpoint.version}/${call.path}`);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (call.token) headers.Authorization = `Bearer ${call.token}`;
  if (call.json) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method: call.method,
      headers,
      body: call.json ? JSON.stringify(call.json) : undefined,
      signal: AbortSignal.timeout(endpoint.timeoutMs),
      redirect: 'error',
      cache: 'no-store',
    });
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    // Deliberately not the original error: its message may quote the URL.
    throw new GraphError(
      timedOut ? `Graph did not answer within ${endpoint.timeoutMs} ms` : 'Could not reach the Graph API',
      timedOut ? 'timeout' : 'network',
      call.operation,
    );
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    throw new GraphError(
      `Graph answered HTTP ${res.status} without JSON`,
      'invalid_response',
      call.operation,
      res.status,
    );
  }
  if (!res.ok || (body && typeof body === 'object' && 'error' in body))
    throw graphErrorFromBody(call.operation, res.status, body);
  return body;
}

export async function graphRequest(endpoint: GraphEndpoint, call: GraphCall): Promise<unknown> {
  try {
    return await once(endpoint, call);
  } catch (e) {
    if (!call.retry || !(e instanceof GraphError) || !e.transient) throw e;
    await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
    return once(endpoint, call);
  }
}
