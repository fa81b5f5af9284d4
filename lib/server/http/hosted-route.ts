import 'server-only';
import type { z } from 'zod';
import { getDb, type Db } from '../db/client';
import { env } from '../env';
import { describeError, log } from '../log';
import { resolveLinkToken, type ResolvedLink } from '../setup-links/resolve';
import { parseFlatBody, readJsonBody } from './body';
import { readCookie } from './cookies';
import { ApiError, toApiError } from './errors';
import { LINK_COOKIE, requireSameLink } from './link-cookie';
import { errorResponse } from './respond';
import { enforceClientIpLimit } from '../rate-limit/budgets';

// The JSON endpoints the hosted page calls. They act on the link bound to the browser's cookie,
// so they must only ever be called by our own page: same origin, cookie, JSON.

const MAX_BODY_BYTES = 16 * 1024;

export interface HostedContext<T> {
  db: Db;
  link: ResolvedLink;
  body: T;
}

const forbidden = (message: string) => new ApiError('cross_site_request', { message });

/** Origin must be exactly ours; Sec-Fetch-Site, when the browser sends it, must say same-origin. */
function checkSameOrigin(req: Request) {
  if (req.headers.get('origin') !== env.appOrigin) {
    throw forbidden('This endpoint only accepts requests from the setup page.');
  }
  const site = req.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') throw forbidden('Cross-site requests are refused.');
}

async function readLink(db: Db, req: Request): Promise<ResolvedLink> {
  const token = readCookie(req, LINK_COOKIE);
  if (!token) throw new ApiError('missing_link_cookie', { message: 'Open your setup link again to continue.' });
  const link = await resolveLinkToken(db, token);
  if (!link) throw new ApiError('link_not_found', { message: 'This setup link is not valid.' });
  return link;
}

/** Wraps a hosted-page endpoint: origin and cookie checks, the body, the error envelope, no-store. */
export function hostedRoute<S extends z.ZodType<{ setup_link_id: string }>>(
  schema: S,
  fn: (ctx: HostedContext<z.output<S>>) => Promise<Response>,
) {
  return async (req: Request): Promise<Response> => {
    const started = Date.now();
    const path = new URL(req.url).pathname;
    let res: Response;
    try {
      await enforceClientIpLimit(req.headers, 'hosted'); // 429 over the client IP's budget
      checkSameOrigin(req);
      const db = await getDb();
      const link = await readLink(db, req);
      const body = parseFlatBody(await readJsonBody(req, MAX_BODY_BYTES), schema);
      requireSameLink(link, body.setup_link_id); // before anything is read or changed for the link
      res = await fn({ db, link, body });
    } catch (e) {
      let err = toApiError(e);
      if (!err) {
        log.error('hosted_unhandled_error', { path, ...describeError(e) });
        err = new ApiError('internal_error', { message: 'Something went wrong. Please try again.' });
      }
      res = errorResponse(err);
    }
    res.headers.set('Cache-Control', 'no-store');
    log.info('hosted_request', { method: req.method, path, status: res.status, ms: Date.now() - started });
    return res;
  };
}
