// GET|POST /oauth/access_token: trades the popup's one-time code for a user token, checked in
// Meta's order (client, secret, code) so a wrong secret does not burn the code.
import type { MetaStore } from '../store.js';
import { graphError } from './errors.js';
import { ok, stringParam, type GraphConfig, type GraphRequest, type GraphResponse } from './types.js';

export function exchangeCode(req: GraphRequest, store: MetaStore, cfg: GraphConfig): GraphResponse {
  const clientId = stringParam(req.params.client_id);
  const secret = stringParam(req.params.client_secret);
  const codeValue = stringParam(req.params.code);
  const fail = (res: GraphResponse) => {
    store.counts.token_exchange_failures++;
    return res;
  };
  if (!clientId) return fail(graphError(400, 101, 'Missing client_id parameter.'));
  if (clientId !== cfg.appId)
    return fail(graphError(400, 101, 'Error validating application. Invalid application ID.'));
  if (!secret) return fail(graphError(400, 1, 'Missing client_secret parameter.'));
  if (secret !== cfg.appSecret) return fail(graphError(400, 1, 'Error validating client secret.'));
  if (!codeValue) return fail(graphError(400, 1, 'Missing authorization code'));
  if (!/^AQ[A-Za-z0-9_-]{20,}$/.test(codeValue)) return fail(graphError(400, 100, 'Invalid verification code format.'));
  const code = store.codes.get(codeValue);
  if (!code || code.appId !== clientId) {
    return fail(
      graphError(
        400,
        100,
        'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
        { subcode: 36008 },
      ),
    );
  }
  if (code.usedAt !== null)
    return fail(graphError(400, 100, 'This authorization code has been used.', { subcode: 36009 }));
  code.usedAt = Date.now();
  if (code.failExchange || store.isExpired(code))
    return fail(graphError(400, 100, 'This authorization code has expired.', { subcode: 36007 }));
  const token = store.issueToken(code);
  store.counts.codes_exchanged++;
  return ok({ access_token: token.token, token_type: 'bearer', expires_in: token.expiresIn });
}
