// Entry point of the emulated Graph API (the calls of lib/server/meta/graph.ts): picks the endpoint for a path, and
// enforces that a token only reaches the objects its signup granted.
import type { MetaStore } from '../store.js';
import { authenticate } from './auth.js';
import { debugToken } from './debug-token.js';
import { graphError, unknownEdgeOrMethod, unknownPath, unsupported } from './errors.js';
import { exchangeCode } from './oauth.js';
import { phoneNumberEdge } from './phone-number.js';
import { ok, type GraphConfig, type GraphRequest, type GraphResponse } from './types.js';
import { wabaEdge } from './waba.js';

export const DEFAULT_GRAPH_VERSION = 'v25.0';

/** "v25.0": the optional first path segment of Graph (and dialog) URLs. */
export const isGraphVersion = (segment: string) => /^v\d{1,2}\.\d$/.test(segment);

/** "/v25.0/123/register" -> version + segments; the version prefix is optional as on graph.facebook.com. */
export function splitGraphPath(pathname: string): { version: string; segments: string[] } {
  const segments = pathname
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  if (segments[0] && isGraphVersion(segments[0])) return { version: segments.shift()!, segments };
  return { version: DEFAULT_GRAPH_VERSION, segments };
}

export function handleGraph(req: GraphRequest, store: MetaStore, cfg: GraphConfig): GraphResponse {
  const { method, segments: s } = req;
  if (s[0] === 'oauth' && s[1] === 'access_token' && s.length === 2 && (method === 'GET' || method === 'POST'))
    return exchangeCode(req, store, cfg);
  if (s[0] === 'debug_token' && s.length === 1 && method === 'GET') return debugToken(req, store, cfg);
  if (s.length === 0 || !['GET', 'POST', 'DELETE'].includes(method)) return unsupported(method);

  const auth = authenticate(req, store, cfg);
  if (auth.kind === 'error') return auth.res;
  const token = auth.kind === 'user' ? auth.token : null;
  const [id, edge, ...rest] = s;
  if (rest.length) return unknownPath(rest.join('/'));

  if (id === 'me' && !edge && method === 'GET') {
    if (!token)
      return graphError(400, 2500, 'An active access token must be used to query information about the current user.');
    return ok({ id: token.userId, name: 'Emulator User' });
  }

  // A token reaches only the objects its signup granted: its WABA, that WABA's numbers, its business.
  // Anything else looks as if it did not exist, as on Graph.
  const waba = store.wabas.get(id);
  const phone = store.phones.get(id);
  const business = store.businesses.get(id);
  if (!token) return unsupported(method, id);
  if (waba?.id === token.wabaId) return wabaEdge(req, store, waba, edge, token, cfg);
  if (phone?.wabaId === token.wabaId) return phoneNumberEdge(req, store, phone, edge);
  if (business?.id === token.businessId) {
    return !edge && method === 'GET'
      ? ok({ id: business.id, name: business.name })
      : unknownEdgeOrMethod(edge, method, id);
  }
  return unsupported(method, id);
}
