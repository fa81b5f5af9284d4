import 'server-only';
import { z } from 'zod';
import { ApiError, fromZod, PARSE_OPTIONS } from './errors';
import { errorResponse, readJsonBody } from './api-route';
import { getDb, type Db } from '../db/client';
import { env } from '../env';
import { log } from '../log';
import { describeError } from '../onboarding/error-detail';
import { LINK_COOKIE } from './link-cookie';
import { resolveLinkToken, type ResolvedLink } from '../setup-links/resolve';

// The JSON endpoints the hosted page calls. They act on the link bound to the browser's cookie,
// so they must only ever be called by our own page: same origin, cookie, JSON (SPEC 12).

const MAX_BODY_BYTES = 16 * 1024;

export interface HostedContext<T> {
  db: Db;
  link: ResolvedLink;
  body: T;
}

const forbidden = (message: string) => new ApiError(403, 'permission_error', 'cross_site_request', message);

/** Origin must be exactly ours; Sec-Fetch-Site, when the browser sends it, must say same-origin. */
function checkSameOrigin(req: Request) {
  if (req.headers.get('origin') !== env.appOrigin)
    throw forbidden('This endpoint only accepts requests from the setup page.');
  const site = req.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') throw forbidden('Cross-site requests are refused.');
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined; // malformed escapes: as good as no cookie
      }
    }
  }
  return undefined;
}

async function readLink(db: Db, req: Request): Promise<ResolvedLink> {
  const token = readCookie(req, LINK_COOKIE);
  if (!token)
    throw new ApiError(401, 'authentication_error', 'missing_link_cookie', 'Open your setup link again to continue.');
  const link = await resolveLinkToken(db, token);
  if (!link) throw new ApiError(404, 'not_found', 'link_not_found', 'This setup link is not valid.');
  return link;
}

async function readBody<T>(req: Request, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJsonBody(req, MAX_BODY_BYTES), PARSE_OPTIONS);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
}

/** Wraps a hosted-page endpoint: origin and cookie checks, the body, errors as {error: {code, message}}, no-store. */
export function hostedRoute<T>(schema: z.ZodType<T>, fn: (ctx: HostedContext<T>) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    const started = Date.now();
    const path = new URL(req.url).pathname;
    let res: Response;
    try {
      checkSameOrigin(req);
      const db = await getDb();
      const link = await readLink(db, req);
      res = await fn({ db, link, body: await readBody(req, schema) });
    } catch (e) {
      if (!(e instanceof ApiError)) log.error('hosted_unhandled_error', { path, ...describeError(e) });
      res = errorResponse(
        e instanceof ApiError
          ? e
          : new ApiError(500, 'api_error', 'internal_error', 'Something went wrong. Please try again.'),
      );
    }
    res.headers.set('Cache-Control', 'no-store');
    log.info('hosted_request', { method: req.method, path, status: res.status, ms: Date.now() - started });
    return res;
  };
}

/** A JSON answer of a hosted endpoint (never cached: it is about one browser's link). */
export const hostedJson = <T = unknown>(body: T, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
