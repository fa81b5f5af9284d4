// Who is calling: a user token from a code exchange, the app token "{app-id}|{app-secret}", or
// nobody, with the errors Graph gives for missing, unknown and expired tokens.
import type { AccessToken, MetaStore } from '../store.js';
import { graphError } from './errors.js';
import { stringParam, type GraphConfig, type GraphRequest, type GraphResponse } from './types.js';

type Auth = { kind: 'user'; token: AccessToken } | { kind: 'app' } | { kind: 'error'; res: GraphResponse };

/** Like Graph, the Authorization header wins over ?access_token=. */
function bearerToken(req: GraphRequest): string | undefined {
  const auth = req.headers.authorization;
  const m = typeof auth === 'string' ? /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(auth.trim()) : null;
  return m ? m[1] : stringParam(req.params.access_token);
}

function invalidToken(
  message = 'Invalid OAuth access token - Cannot parse access token',
  subcode?: number,
): GraphResponse {
  return graphError(400, 190, message, {
    subcode,
    headers: { 'WWW-Authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` },
  });
}

export function authenticate(req: GraphRequest, store: MetaStore, cfg: GraphConfig): Auth {
  const raw = bearerToken(req);
  if (!raw)
    return { kind: 'error', res: graphError(400, 104, 'An access token is required to request this resource.') };
  if (raw.includes('|')) {
    return raw === `${cfg.appId}|${cfg.appSecret}`
      ? { kind: 'app' }
      : { kind: 'error', res: invalidToken('Invalid OAuth access token signature.') };
  }
  const token = store.tokens.get(raw);
  if (!token) return { kind: 'error', res: invalidToken() };
  if (Date.now() > token.issuedAt + token.expiresIn * 1000) {
    return { kind: 'error', res: invalidToken('Error validating access token: Session has expired.', 463) };
  }
  return { kind: 'user', token };
}
