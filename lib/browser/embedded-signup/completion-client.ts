// The page's two calls to its own server (same origin, link cookie sent automatically; the
// bodies name the page's link, so a page of another link than the cookie's is refused).
import { noteLinkMismatch } from '../link-mismatch';
import type { CompletionRequest, CompletionResponse, ProgressRequest } from '@/lib/shared/embedded-signup/types';

/** Result of POST /setup/complete; `unreachable` covers network errors and non-JSON/5xx answers. */
export type CompletionResult = CompletionResponse | { status: 'unreachable' } | { status: 'rejected'; code: string };

export async function postCompletion(
  body: CompletionRequest,
  fetchImpl: typeof fetch = fetch,
): Promise<CompletionResult> {
  let res: Response;
  try {
    res = await fetchImpl('/setup/complete', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { status: 'unreachable' };
  }
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.ok && json && (json.status === 'completed' || json.status === 'failed'))
    return json as unknown as CompletionResponse;
  if (res.status >= 400 && res.status < 500) {
    noteLinkMismatch(res.status, json);
    const error = json?.error as { code?: unknown } | undefined;
    return { status: 'rejected', code: typeof error?.code === 'string' ? error.code : `http_${res.status}` };
  }
  return { status: 'unreachable' };
}

/**
 * Fire-and-forget: reports a step for the partner's funnel. Never blocks or fails the flow; only
 * a link_mismatch answer changes the page (link-mismatch.ts).
 */
export function postProgress(body: ProgressRequest, fetchImpl: typeof fetch = fetch): void {
  try {
    void fetchImpl('/setup/progress', {
      method: 'POST',
      credentials: 'same-origin',
      keepalive: true,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
      .then(async (res) => {
        if (res.status === 409) noteLinkMismatch(res.status, await res.json().catch(() => null));
      })
      .catch(() => {});
  } catch {
    // fetch itself unavailable: progress is best effort
  }
}
