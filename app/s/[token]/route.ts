import { NextResponse } from 'next/server';
import { getDb } from '@/lib/server/db/client';
import { linkCookieOptions } from '@/lib/server/http/cookies';
import { openLink } from '@/lib/server/hosted/open-link';
import { LINK_COOKIE } from '@/lib/server/http/link-cookie';

// The setup link itself. It trades the token for an HttpOnly cookie and leaves at once (303), so the
// token is out of the address bar (and of any Referer) before Meta's SDK loads on /setup.
// The token is never logged.
export async function GET(_request: Request, { params }: RouteContext<'/s/[token]'>) {
  const decision = await openLink(await getDb(), (await params).token);
  if (decision.kind === 'redirect') return see(decision.location);
  const response = see('/setup');
  if (decision.kind === 'bind')
    response.cookies.set(LINK_COOKIE, decision.token, linkCookieOptions(decision.expiresAt));
  else response.cookies.delete(LINK_COOKIE);
  return response;
}

function see(location: string) {
  return new NextResponse(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}
