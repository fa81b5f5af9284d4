// /{phone-number-id} and its edges: reading the number, /register (dedicated numbers) and
// /smb_app_data (coexistence numbers, which must never be registered).
import { randomBytes } from 'node:crypto';
import type { MetaStore, PhoneNumber } from '../store.js';
import { graphError, invalidWhatsAppParameter, unknownEdgeOrMethod } from './errors.js';
import { pickFields, readNode, type Picked } from './fields.js';
import { ok, stringParam, type GraphRequest, type GraphResponse } from './types.js';

const NODE_TYPE = 'WhatsAppBusinessPhoneNumber';
const DEFAULT_FIELDS = [
  'verified_name',
  'code_verification_status',
  'display_phone_number',
  'quality_rating',
  'platform_type',
  'throughput',
  'last_onboarded_time',
  'id',
];

/** Meta's "+0000" timestamp style. */
const fbTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

function phoneNode(p: PhoneNumber): Record<string, unknown> {
  const live = p.registered || p.coexistence;
  return {
    id: p.id,
    display_phone_number: p.displayPhoneNumber,
    verified_name: p.verifiedName,
    code_verification_status: 'VERIFIED',
    quality_rating: 'GREEN',
    platform_type: live ? 'CLOUD_API' : 'NOT_APPLICABLE',
    throughput: { level: 'STANDARD' },
    last_onboarded_time: fbTime(p.onboardedAt),
    name_status: 'APPROVED',
    new_name_status: 'NONE',
    status: live ? 'CONNECTED' : 'PENDING',
    messaging_limit_tier: 'TIER_250',
    is_official_business_account: false,
    account_mode: 'LIVE',
    is_pin_enabled: p.failRegister,
    is_on_biz_app: p.coexistence,
    search_visibility: 'VISIBLE',
  };
}

/** One entry of a WABA's /phone_numbers list. */
export const pickPhoneFields = (p: PhoneNumber, fieldsParam: unknown): Picked =>
  pickFields(phoneNode(p), fieldsParam, DEFAULT_FIELDS, NODE_TYPE);

function checkMessagingProduct(params: Record<string, unknown>): GraphResponse | null {
  const mp = stringParam(params.messaging_product);
  if (!mp) return graphError(400, 100, '(#100) The parameter messaging_product is required.');
  if (mp.toLowerCase() !== 'whatsapp')
    return graphError(400, 100, `(#100) Param messaging_product must be one of {WHATSAPP} - got "${mp}".`);
  return null;
}

function register(params: Record<string, unknown>, store: MetaStore, p: PhoneNumber): GraphResponse {
  const bad = checkMessagingProduct(params);
  if (bad) return bad;
  const pin = stringParam(params.pin);
  if (!pin) return graphError(400, 100, '(#100) The parameter pin is required.');
  if (!/^\d{6}$/.test(pin)) return graphError(400, 100, '(#100) Param pin must be 6 characters long.');
  if (p.coexistence) {
    // Registering a coexistence number would cut the WhatsApp Business app off: refuse it loudly.
    return invalidWhatsAppParameter(
      'This phone number is onboarded with the WhatsApp Business app (coexistence) and must not be registered.',
    );
  }
  if (p.failRegister) {
    store.counts.register_failures++;
    return graphError(400, 133005, '(#133005) Two step verification PIN Mismatch', {
      errorData: { messaging_product: 'whatsapp', details: 'Two step verification PIN incorrect' },
    });
  }
  p.registered = true;
  store.counts.registrations++;
  return ok({ success: true });
}

function requestSync(params: Record<string, unknown>, store: MetaStore, p: PhoneNumber): GraphResponse {
  const bad = checkMessagingProduct(params);
  if (bad) return bad;
  const syncType = stringParam(params.sync_type);
  if (!syncType) return graphError(400, 100, '(#100) The parameter sync_type is required.');
  if (syncType !== 'smb_app_state_sync' && syncType !== 'history') {
    return graphError(
      400,
      100,
      `(#100) Param sync_type must be one of {SMB_APP_STATE_SYNC, HISTORY} - got "${syncType}".`,
    );
  }
  if (!p.coexistence)
    return invalidWhatsAppParameter('This phone number was not onboarded with the WhatsApp Business app.');
  if (p.syncs.includes(syncType))
    return invalidWhatsAppParameter(`The ${syncType} synchronization was already requested for this phone number.`);
  p.syncs.push(syncType);
  store.counts.smb_syncs++;
  return ok({ messaging_product: 'whatsapp', request_id: randomBytes(12).toString('hex'), success: true });
}

export function phoneNumberEdge(
  req: GraphRequest,
  store: MetaStore,
  p: PhoneNumber,
  edge: string | undefined,
): GraphResponse {
  const { method, params } = req;
  if (!edge && method === 'GET') return readNode(phoneNode(p), params.fields, DEFAULT_FIELDS, NODE_TYPE);
  if (edge === 'register' && method === 'POST') return register(params, store, p);
  if (edge === 'smb_app_data' && method === 'POST') return requestSync(params, store, p);
  return unknownEdgeOrMethod(edge, method, p.id);
}
