import 'server-only';
import type { Db } from '../db/client';
import { failureRedirect } from '../redirects';
import { FINAL_STATUS_FAILURE_CODES } from '@/lib/shared/vocabulary';
import { resolveLinkToken } from '../setup-links/resolve';

// What GET /s/{token} does. Opening a link never changes its status: mail scanners and chat
// previews open links before the customer does.

export type OpenLinkDecision =
  /** Bind the browser to the link (cookie) and go to /setup: the flow, or the themed state page. */
  | { kind: 'bind'; token: string; expiresAt: Date }
  /** An inactive link with a failure URL: straight back to the partner, signed. */
  | { kind: 'redirect'; location: string }
  /** Unknown or malformed token: forget any previous link; /setup answers 404. */
  | { kind: 'invalid' };

export async function openLink(db: Db, token: string): Promise<OpenLinkDecision> {
  const link = await resolveLinkToken(db, token);
  if (!link) return { kind: 'invalid' };
  if (link.status !== 'active') {
    const location = await failureRedirect(db, { link, errorCode: FINAL_STATUS_FAILURE_CODES[link.status] });
    if (location) return { kind: 'redirect', location };
  }
  return { kind: 'bind', token, expiresAt: link.expiresAt };
}
