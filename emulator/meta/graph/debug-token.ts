// GET /debug_token: what the server checks before trusting a token (app, validity, granted WABA).
import type { MetaStore } from '../store.js';
import { authenticate } from './auth.js';
import { graphError } from './errors.js';
import { APP_NAME, ok, stringParam, type GraphConfig, type GraphRequest, type GraphResponse } from './types.js';

export function debugToken(req: GraphRequest, store: MetaStore, cfg: GraphConfig): GraphResponse {
  const auth = authenticate(req, store, cfg);
  if (auth.kind === 'error') return auth.res;
  store.counts.debug_token_calls++;
  const input = stringParam(req.params.input_token);
  if (!input) return graphError(400, 100, '(#100) The parameter input_token is required');
  const t = store.tokens.get(input);
  // An unknown token is not a request error: Graph reports it inside a 200.
  if (!t)
    return ok({ data: { error: { code: 190, message: 'Invalid OAuth access token.' }, is_valid: false, scopes: [] } });
  const expiresAt = Math.floor(t.issuedAt / 1000) + t.expiresIn;
  return ok({
    data: {
      app_id: t.appId,
      type: 'USER',
      application: APP_NAME,
      data_access_expires_at: expiresAt + 30 * 86400,
      expires_at: expiresAt,
      is_valid: Date.now() / 1000 < expiresAt,
      issued_at: Math.floor(t.issuedAt / 1000),
      scopes: ['whatsapp_business_management', 'whatsapp_business_messaging', 'business_management', 'public_profile'],
      granular_scopes: [
        { scope: 'whatsapp_business_management', target_ids: [t.wabaId] },
        { scope: 'whatsapp_business_messaging', target_ids: [t.wabaId] },
      ],
      user_id: t.userId,
    },
  });
}
