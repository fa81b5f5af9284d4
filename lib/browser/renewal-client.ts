// The state page's call to its own server: "Ask {partner} for a new link" (same origin, the
// link cookie sent automatically). Never throws: every outcome is one the screen can show.
import type { RenewalResponse } from '@/lib/shared/embedded-signup/contract';
import { noteLinkMismatch } from './link-mismatch';

/**
 * `requested`: the partner is told now. `already_requested`: this link asked within the hour
 * (429), the customer sees the same confirmation. `unavailable`: the partner receives no such
 * requests (409), the page's text already says to contact them. `failed`: anything else, retry.
 */
export type RenewalResult = 'requested' | 'already_requested' | 'unavailable' | 'failed';

/** `setupLinkId`: the page's link (a page of another link than the cookie's is refused: link-mismatch.ts). */
export async function postRenewal(setupLinkId: string, fetchImpl: typeof fetch = fetch): Promise<RenewalResult> {
  let res: Response;
  try {
    res = await fetchImpl('/setup/renewal', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      // The link is the cookie's; the body names the page's, which must be the same.
      body: JSON.stringify({ setup_link_id: setupLinkId }),
    });
  } catch {
    return 'failed';
  }
  const json = (await res.json().catch(() => null)) as
    (Partial<RenewalResponse> & { error?: { code?: unknown } }) | null;
  if (res.ok) return json?.status === 'requested' ? 'requested' : 'failed';
  if (noteLinkMismatch(res.status, json)) return 'failed';
  const code = json?.error?.code;
  if (code === 'renewal_already_requested') return 'already_requested';
  if (code === 'renewal_unavailable') return 'unavailable';
  return 'failed';
}
