// The phone step's calls to its own server (same origin, the link cookie sent automatically).
// Never throw: each outcome is one the panel can show.
import type { PhoneCodeResponse, PhoneNumberResponse } from '@/lib/shared/embedded-signup/contract';
import { noteLinkMismatch } from './link-mismatch';

export type NumberResult =
  Extract<PhoneNumberResponse, { status: 'ready' }> | { status: 'pending' | 'unavailable' | 'failed' };

async function post(
  path: string,
  setupLinkId: string,
  fetchImpl: typeof fetch,
): Promise<{ status: number; body: unknown } | null> {
  try {
    const res = await fetchImpl(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      // The page's link: a page of another link than the cookie's is refused (link-mismatch.ts).
      body: JSON.stringify({ setup_link_id: setupLinkId }),
    });
    const body: unknown = await res.json().catch(() => null);
    noteLinkMismatch(res.status, body);
    return { status: res.status, body };
  } catch {
    return null;
  }
}

/** Buys the link's number, or gets the one bought already. */
export async function postPhoneNumber(setupLinkId: string, fetchImpl: typeof fetch = fetch): Promise<NumberResult> {
  const res = await post('/setup/phone-number', setupLinkId, fetchImpl);
  const body = res?.body as (Partial<PhoneNumberResponse> & { error?: { code?: string } }) | null;
  if (res?.status === 200 && body?.status === 'ready') return body as NumberResult;
  if (res?.status === 202) return { status: 'pending' };
  if (body?.error?.code === 'phone_number_unavailable') return { status: 'unavailable' };
  return { status: 'failed' };
}

/** The verification code that reached the number, or null (not yet, or not reachable now). */
export async function postPhoneCode(setupLinkId: string, fetchImpl: typeof fetch = fetch): Promise<string | null> {
  const res = await post('/setup/phone-number/code', setupLinkId, fetchImpl);
  return res?.status === 200 ? ((res.body as PhoneCodeResponse | null)?.code ?? null) : null;
}
