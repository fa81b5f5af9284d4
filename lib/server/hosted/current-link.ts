import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDb } from '../db/client';
import { LINK_COOKIE } from '../http/link-cookie';
import { resolveLinkToken, type ResolvedLink } from '../setup-links/resolve';

/**
 * The setup link this browser opened (via the link cookie), or null. Cached per request so the
 * layout (theme), i18n (language), metadata and page share one lookup. Reading never changes
 * the link (only the lazy `expired` bookkeeping of lib/server/setup-links).
 */
export const getCurrentLink = cache(async (): Promise<ResolvedLink | null> => {
  const token = (await cookies()).get(LINK_COOKIE)?.value;
  if (!token) return null;
  return resolveLinkToken(await getDb(), token);
});

/** The link's token, for the one case where the page shows the link itself (in-app browsers). */
export async function getCurrentLinkToken(): Promise<string | null> {
  return (await cookies()).get(LINK_COOKIE)?.value ?? null;
}
