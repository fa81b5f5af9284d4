import { NextResponse } from 'next/server';
import { getDb } from '@/lib/server/db/client';
import { openLink } from '@/lib/server/hosted/open-link';
import { clearedLinkCookieOptions, LINK_COOKIE, linkCookieOptions } from '@/lib/server/http/link-cookie';
import { ipLimited } from '@/lib/server/rate-limit/ip-limited';

// The setup link itself. It trades the token for an HttpOnly cookie and leaves at once (303), so the
// token is out of the address bar (and of any Referer) before Meta's SDK loads on /setup.
// The token is never logged.
export const GET = ipLimited('hosted', async (_request: Request, { params }: RouteContext<'/s/[token]'>) => {
  const decision = await openLink(await getDb(), (await params).token);
  if (decision.kind === 'redirect') return see(decision.location);
  const response = see('/setup');
  if (decision.kind === 'bind') response.cookies.set(LINK_COOKIE, decision.token, linkCookieOptions);
  else response.cookies.set(LINK_COOKIE, '', clearedLinkCookieOptions);
  return response;
});

function see(location: string) {
  return new NextResponse(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}
