// /{waba-id} and its edges: reading the account, listing its numbers, and the app subscription
// that makes Meta send the WABA's webhooks to the app.
import type { AccessToken, MetaStore, Waba } from '../store.js';
import { unknownEdgeOrMethod } from './errors.js';
import { readNode } from './fields.js';
import { pickPhoneFields } from './phone-number.js';
import { APP_NAME, ok, type GraphConfig, type GraphRequest, type GraphResponse } from './types.js';

const DEFAULT_FIELDS = ['id', 'name', 'currency', 'timezone_id', 'message_template_namespace'];

function wabaNode(w: Waba): Record<string, unknown> {
  return {
    id: w.id,
    name: w.name,
    currency: 'USD',
    timezone_id: '1',
    message_template_namespace: w.id.slice(0, 8) + '_emulator',
    account_review_status: 'APPROVED',
    business_verification_status: 'verified',
    ownership_type: 'CLIENT_OWNED',
  };
}

/** Graph always pages lists; one page is enough here, but the cursors must be there. */
function paging(ids: string[]) {
  const cursor = (id: string | undefined) => Buffer.from(`emulator:${id ?? ''}`).toString('base64url');
  return { cursors: { before: cursor(ids[0]), after: cursor(ids[ids.length - 1]) } };
}

function listPhoneNumbers(params: Record<string, unknown>, store: MetaStore, w: Waba): GraphResponse {
  const data = [];
  for (const id of w.phoneIds) {
    const picked = pickPhoneFields(store.phones.get(id)!, params.fields);
    if ('error' in picked) return picked.error;
    data.push(picked.value);
  }
  return ok({ data, paging: paging(w.phoneIds) });
}

function subscribedApps(
  method: string,
  store: MetaStore,
  w: Waba,
  token: AccessToken,
  cfg: GraphConfig,
): GraphResponse {
  if (method === 'POST') {
    w.subscribedApps.add(token.appId);
    store.counts.subscriptions++;
    return ok({ success: true });
  }
  if (method === 'DELETE') {
    w.subscribedApps.delete(token.appId);
    return ok({ success: true });
  }
  const data = [...w.subscribedApps].map((appId) => ({
    whatsapp_business_api_data: {
      id: appId,
      name: appId === cfg.appId ? APP_NAME : appId,
      link: `https://www.facebook.com/games/?app_id=${appId}`,
    },
  }));
  return ok({ data });
}

export function wabaEdge(
  req: GraphRequest,
  store: MetaStore,
  w: Waba,
  edge: string | undefined,
  token: AccessToken,
  cfg: GraphConfig,
): GraphResponse {
  const { method, params } = req;
  if (!edge && method === 'GET') return readNode(wabaNode(w), params.fields, DEFAULT_FIELDS, 'WhatsAppBusinessAccount');
  if (edge === 'phone_numbers' && method === 'GET') return listPhoneNumbers(params, store, w);
  if (edge === 'subscribed_apps') return subscribedApps(method, store, w, token, cfg);
  return unknownEdgeOrMethod(edge, method, w.id);
}
