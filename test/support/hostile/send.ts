import { LINK_COOKIE } from '@/lib/server/http/link-cookie';
import type { Endpoint } from './endpoints';
import { validParam, type HostileContext } from './fixture';
import type { Hostile } from './requests';

// Turns a generated request into a Request and calls the route handler with it, as Next does
// (path parameters decoded once; a segment that does not decode is passed as it came).

export const ORIGIN = 'http://localhost:3000';

export interface Outcome {
  status: number;
  /** A JSON error envelope: {"error": {"type", "code", "message", ...}}. */
  envelope: boolean;
  text: string;
}

const decode = (raw: string) => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};

function defaults(endpoint: Endpoint, ctx: HostileContext, h: Hostile): Record<string, string> {
  const json: Record<string, string> = h.body !== undefined ? { 'content-type': 'application/json' } : {};
  switch (endpoint.kind) {
    case 'api':
      return { 'x-api-key': ctx.apiKey, ...json };
    case 'hosted': {
      const token = h.cookie === undefined ? ctx.linkToken : h.cookie;
      const cookie: Record<string, string> = token === null ? {} : { cookie: `theme=x; ${LINK_COOKIE}=${token}` };
      return { origin: ORIGIN, 'sec-fetch-site': 'same-origin', ...cookie, ...json };
    }
    case 'language':
      return { origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' };
    case 'twilio_sms':
      return { 'content-type': 'application/x-www-form-urlencoded' };
    case 'meta_webhook':
      return json;
  }
}

/** The Request (null when no client could send it, e.g. a header with a line break), and the handler's params. */
export function buildRequest(endpoint: Endpoint, ctx: HostileContext, h: Hostile) {
  const params: Record<string, string> = {};
  let path = endpoint.template;
  for (const p of endpoint.params) {
    const raw = h.params?.[p] ?? validParam(ctx, endpoint.template, p);
    params[p] = decode(raw);
    path = path.replace(`{${p}}`, raw);
  }
  const prefix = endpoint.kind === 'api' ? '/platform/v1' : '';
  const headers: Record<string, string> = defaults(endpoint, ctx, h);
  for (const [k, v] of Object.entries(h.headers ?? {})) {
    if (v === null) delete headers[k];
    else headers[k] = v;
  }
  let body = h.body as BodyInit | undefined;
  if (h.stream && h.body !== undefined) {
    const bytes = typeof h.body === 'string' ? new TextEncoder().encode(h.body) : h.body;
    body = new ReadableStream({
      start(c) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) c.enqueue(bytes.subarray(i, i + 64 * 1024));
        c.close();
      },
    });
  }
  try {
    const url = `${ORIGIN}${prefix}${path}${h.query ? `?${h.query}` : ''}`;
    const init = { method: endpoint.method, headers, body, duplex: 'half' } as RequestInit;
    return { req: new Request(url, init), params };
  } catch {
    return null;
  }
}

export async function send(endpoint: Endpoint, ctx: HostileContext, h: Hostile): Promise<Outcome | null> {
  const built = buildRequest(endpoint, ctx, h);
  if (!built) return null;
  const res = await endpoint.handler(built.req, { params: Promise.resolve(built.params) });
  const text = await res.text();
  let envelope = false;
  try {
    const e = (JSON.parse(text) as { error?: Record<string, unknown> }).error;
    envelope = typeof e?.code === 'string' && typeof e.message === 'string' && typeof e.type === 'string';
  } catch {
    /* not JSON */
  }
  return { status: res.status, envelope, text };
}
