// Which part of the emulator answers a request: the SDK script, the popup, the control endpoints,
// an index for humans; everything else goes to Graph, since its version prefix is optional.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context.js';
import { CONTROL_ENDPOINTS, control } from './control-endpoints.js';
import { completeDialog, serveDialog } from './dialog-endpoints.js';
import { DEFAULT_GRAPH_VERSION, handleGraph, isGraphVersion, splitGraphPath } from './graph/router.js';
import { parseParams, readBody, requestOrigin, send, sendJson } from './http.js';
import { ownNumber } from './own-number.js';
import { sandboxGraph } from './sandbox.js';
import { FB_LOCALE_PATTERN, sdkScript } from './sdk-script.js';

/** /sdk.js, or /{fb_locale}/sdk.js and /{fb_locale}/all.js as on connect.facebook.net; returns the locale. */
function sdkLocale(pathname: string, parts: string[]): string | null {
  if (pathname === '/sdk.js') return 'en_US';
  if (parts.length === 2 && FB_LOCALE_PATTERN.test(parts[0]) && (parts[1] === 'sdk.js' || parts[1] === 'all.js'))
    return parts[0];
  return null;
}

/** /dialog/oauth, optionally behind a Graph version as the SDK requests it. */
function isDialogPath(pathname: string): boolean {
  const m = /^\/(?:([^/]+)\/)?dialog\/oauth$/.exec(pathname);
  return m !== null && (m[1] === undefined || isGraphVersion(m[1]));
}

function serveSdk(res: ServerResponse, origin: string, locale: string) {
  send(res, 200, sdkScript(origin, locale), {
    'Content-Type': 'application/javascript; charset=utf-8',
    'Cache-Control': 'no-store, max-age=0',
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'X-Content-Type-Options': 'nosniff',
  });
}

async function serveGraph(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, u: URL) {
  const method = req.method ?? 'GET';
  const { version, segments } = splitGraphPath(u.pathname);
  const params: Record<string, unknown> = Object.fromEntries(u.searchParams);
  if (method !== 'GET' && method !== 'HEAD')
    Object.assign(params, parseParams(await readBody(req), req.headers['content-type']));
  const request = { method, segments, version, params, headers: req.headers };
  // The sandbox number's /messages first: its token is not one of a signup's.
  const out = sandboxGraph(request, ctx.sandbox) ?? handleGraph(request, ctx.store, ctx);
  ctx.store.recordRequest(method, u.pathname, out.status);
  ctx.store.countCall(method, segments);
  const trace = (out.body as { error?: { fbtrace_id?: string } }).error?.fbtrace_id;
  sendJson(res, out.status, out.body, {
    'Content-Type': 'application/json; charset=UTF-8',
    'facebook-api-version': version,
    ...(trace ? { 'x-fb-trace-id': trace } : {}),
    ...out.headers,
  });
}

export async function route(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse) {
  const u = new URL(req.url ?? '/', 'http://emulator.invalid');
  const p = u.pathname;
  const parts = p.split('/').filter(Boolean);
  // The SDK must name the origin the browser actually used, or its origin checks would fail.
  const origin = requestOrigin(req, ctx.url);
  const locale = req.method === 'GET' ? sdkLocale(p, parts) : null;
  if (locale) return serveSdk(res, origin, locale);
  if (req.method === 'GET' && isDialogPath(p)) return serveDialog(ctx, res, u.searchParams);
  if (p === '/dialog/complete' && req.method === 'POST') return completeDialog(ctx, req, res);
  if (p.startsWith('/dialog/own_number') && req.method === 'POST') return ownNumber(ctx, req, res, p);
  if (parts[0] === '_emulator' && parts.length === 2) return control(ctx, req, res, parts[1]);
  if (p === '/' && req.method === 'GET') {
    return sendJson(res, 200, {
      emulator: 'meta',
      sdk: `${origin}/en_US/sdk.js`,
      graph: `${origin}/${DEFAULT_GRAPH_VERSION}`,
      scenario: ctx.scenario,
      control: CONTROL_ENDPOINTS,
    });
  }
  return serveGraph(ctx, req, res, u);
}
