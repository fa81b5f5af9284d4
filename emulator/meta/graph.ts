// The Graph API endpoints the completion flow calls (SPEC section 8), with Meta's response and
// error shapes, so the server's error handling is exercised against realistic failures.
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { fbtraceId, type AccessToken, type MetaStore, type PhoneNumber, type Waba } from './store.js';

export const DEFAULT_GRAPH_VERSION = 'v25.0';
export const APP_NAME = 'Meta Emulator App';

export interface GraphConfig {
  appId: string;
  appSecret: string;
}

export interface GraphRequest {
  method: string;
  /** Path segments after the optional version prefix. */
  segments: string[];
  version: string;
  params: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export interface GraphResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface ErrorExtra {
  subcode?: number;
  type?: string;
  errorData?: Record<string, string>;
  headers?: Record<string, string>;
}

export function graphError(status: number, code: number, message: string, extra: ErrorExtra = {}): GraphResponse {
  const error: Record<string, unknown> = { message, type: extra.type ?? 'OAuthException', code };
  if (extra.subcode !== undefined) error.error_subcode = extra.subcode;
  if (extra.errorData) error.error_data = extra.errorData;
  error.fbtrace_id = fbtraceId();
  return { status, body: { error }, headers: extra.headers };
}

/** "/v25.0/123/register" -> version + segments; the version prefix is optional as on graph.facebook.com. */
export function splitGraphPath(pathname: string): { version: string; segments: string[] } {
  const segments = pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  if (segments[0] && /^v\d{1,2}\.\d$/.test(segments[0])) return { version: segments.shift()!, segments };
  return { version: DEFAULT_GRAPH_VERSION, segments };
}

function unsupported(method: string, id?: string): GraphResponse {
  const verb = method.toLowerCase();
  const message = id
    ? `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`
    : `Unsupported ${verb} request. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`;
  return graphError(400, 100, message, { type: 'GraphMethodException', subcode: id ? 33 : undefined });
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function bearerToken(req: GraphRequest): string | undefined {
  const auth = req.headers.authorization;
  const m = typeof auth === 'string' ? /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(auth.trim()) : null;
  return m ? m[1] : str(req.params.access_token);
}

function invalidToken(message = 'Invalid OAuth access token - Cannot parse access token', subcode?: number): GraphResponse {
  return graphError(400, 190, message, {
    subcode,
    headers: { 'WWW-Authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` },
  });
}

type Auth = { kind: 'user'; token: AccessToken } | { kind: 'app' } | { kind: 'error'; res: GraphResponse };

function authenticate(req: GraphRequest, store: MetaStore, cfg: GraphConfig): Auth {
  const raw = bearerToken(req);
  if (!raw) return { kind: 'error', res: graphError(400, 104, 'An access token is required to request this resource.') };
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
const PHONE_DEFAULT_FIELDS = ['verified_name', 'code_verification_status', 'display_phone_number', 'quality_rating', 'platform_type', 'throughput', 'last_onboarded_time', 'id'];

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
const WABA_DEFAULT_FIELDS = ['id', 'name', 'currency', 'timezone_id', 'message_template_namespace'];

/** Applies ?fields=a,b{c} like Graph: id always comes back, unknown fields are an error. */
function pickFields(node: Record<string, unknown>, fieldsParam: unknown, defaults: string[], nodeType: string): { error: GraphResponse } | { value: Record<string, unknown> } {
  const raw = str(fieldsParam);
  const fields = raw ? raw.replace(/\{[^}]*\}/g, '').split(',').map((f) => f.trim()).filter(Boolean) : defaults;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!(f in node)) return { error: graphError(400, 100, `(#100) Tried accessing nonexisting field (${f}) on node type (${nodeType})`) };
    out[f] = node[f];
  }
  out.id = node.id;
  return { value: out };
}
const fieldsResponse = (r: { error: GraphResponse } | { value: Record<string, unknown> }): GraphResponse =>
  'error' in r ? r.error : { status: 200, body: r.value };

function paging(ids: string[]) {
  const cursor = (id: string | undefined) => Buffer.from(`emulator:${id ?? ''}`).toString('base64url');
  return { cursors: { before: cursor(ids[0]), after: cursor(ids[ids.length - 1]) } };
}

function checkMessagingProduct(params: Record<string, unknown>): GraphResponse | null {
  const mp = str(params.messaging_product);
  if (!mp) return graphError(400, 100, '(#100) The parameter messaging_product is required.');
  if (mp.toLowerCase() !== 'whatsapp') return graphError(400, 100, `(#100) Param messaging_product must be one of {WHATSAPP} - got "${mp}".`);
  return null;
}

function exchangeCode(req: GraphRequest, store: MetaStore, cfg: GraphConfig): GraphResponse {
  const p = req.params;
  const clientId = str(p.client_id);
  const secret = str(p.client_secret);
  const codeValue = str(p.code);
  const fail = (res: GraphResponse) => {
    store.counts.token_exchange_failures++;
    return res;
  };
  if (!clientId) return fail(graphError(400, 101, 'Missing client_id parameter.'));
  if (clientId !== cfg.appId) return fail(graphError(400, 101, 'Error validating application. Invalid application ID.'));
  if (!secret) return fail(graphError(400, 1, 'Missing client_secret parameter.'));
  if (secret !== cfg.appSecret) return fail(graphError(400, 1, 'Error validating client secret.'));
  if (!codeValue) return fail(graphError(400, 1, 'Missing authorization code'));
  if (!/^AQ[A-Za-z0-9_-]{20,}$/.test(codeValue)) return fail(graphError(400, 100, 'Invalid verification code format.'));
  const code = store.codes.get(codeValue);
  if (!code || code.appId !== clientId) {
    return fail(graphError(400, 100, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', { subcode: 36008 }));
  }
  if (code.usedAt !== null) return fail(graphError(400, 100, 'This authorization code has been used.', { subcode: 36009 }));
  code.usedAt = Date.now();
  if (code.failExchange || store.isExpired(code)) return fail(graphError(400, 100, 'This authorization code has expired.', { subcode: 36007 }));
  const token = store.issueToken(code);
  store.counts.codes_exchanged++;
  return { status: 200, body: { access_token: token.token, token_type: 'bearer', expires_in: token.expiresIn } };
}

function debugToken(req: GraphRequest, store: MetaStore, cfg: GraphConfig): GraphResponse {
  const auth = authenticate(req, store, cfg);
  if (auth.kind === 'error') return auth.res;
  store.counts.debug_token_calls++;
  const input = str(req.params.input_token);
  if (!input) return graphError(400, 100, '(#100) The parameter input_token is required');
  const t = store.tokens.get(input);
  if (!t) return { status: 200, body: { data: { error: { code: 190, message: 'Invalid OAuth access token.' }, is_valid: false, scopes: [] } } };
  const expiresAt = Math.floor(t.issuedAt / 1000) + t.expiresIn;
  return {
    status: 200,
    body: {
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
    },
  };
}

export function handleGraph(req: GraphRequest, store: MetaStore, cfg: GraphConfig): GraphResponse {
  const { method, segments: s } = req;
  if (s[0] === 'oauth' && s[1] === 'access_token' && s.length === 2 && (method === 'GET' || method === 'POST')) return exchangeCode(req, store, cfg);
  if (s[0] === 'debug_token' && s.length === 1 && method === 'GET') return debugToken(req, store, cfg);
  if (s.length === 0 || !['GET', 'POST', 'DELETE'].includes(method)) return unsupported(method);

  const auth = authenticate(req, store, cfg);
  if (auth.kind === 'error') return auth.res;
  const token = auth.kind === 'user' ? auth.token : null;
  const [id, edge, ...rest] = s;
  if (rest.length) return graphError(400, 2500, `Unknown path components: /${rest.join('/')}`);

  if (id === 'me' && !edge && method === 'GET') {
    if (!token) return graphError(400, 2500, 'An active access token must be used to query information about the current user.');
    return { status: 200, body: { id: token.userId, name: 'Emulator User' } };
  }

  // A token reaches only the objects its signup granted: its WABA, that WABA's numbers, its business.
  const waba = store.wabas.get(id);
  const phone = store.phones.get(id);
  const business = store.businesses.get(id);
  const granted =
    token !== null &&
    ((waba && waba.id === token.wabaId) || (phone && phone.wabaId === token.wabaId) || (business && business.id === token.businessId));
  if (!granted) return unsupported(method, id);

  if (waba) return wabaEdge(req, store, waba, edge, token!, cfg);
  if (phone) return phoneEdge(req, store, phone, edge);
  if (!edge && method === 'GET') return { status: 200, body: { id: business!.id, name: business!.name } };
  return edge ? graphError(400, 2500, `Unknown path components: /${edge}`) : unsupported(method, id);
}

function wabaEdge(r: GraphRequest, st: MetaStore, w: Waba, e: string | undefined, t: AccessToken, c: GraphConfig): GraphResponse {
  const { params } = r;
  if (!e && r.method === 'GET') {
    return fieldsResponse(pickFields(wabaNode(w), params.fields, WABA_DEFAULT_FIELDS, 'WhatsAppBusinessAccount'));
  }
  if (e === 'phone_numbers' && r.method === 'GET') {
    const data = [];
    for (const pid of w.phoneIds) {
      const out = pickFields(phoneNode(st.phones.get(pid)!), params.fields, PHONE_DEFAULT_FIELDS, 'WhatsAppBusinessPhoneNumber');
      if ('error' in out) return out.error;
      data.push(out.value);
    }
    return { status: 200, body: { data, paging: paging(w.phoneIds) } };
  }
  if (e === 'subscribed_apps') {
    if (r.method === 'POST') {
      w.subscribedApps.add(t.appId);
      st.counts.subscriptions++;
      return { status: 200, body: { success: true } };
    }
    if (r.method === 'DELETE') {
      w.subscribedApps.delete(t.appId);
      return { status: 200, body: { success: true } };
    }
    const data = [...w.subscribedApps].map((appId) => ({
      whatsapp_business_api_data: { id: appId, name: appId === c.appId ? APP_NAME : appId, link: `https://www.facebook.com/games/?app_id=${appId}` },
    }));
    return { status: 200, body: { data } };
  }
  return e ? graphError(400, 2500, `Unknown path components: /${e}`) : unsupported(r.method, w.id);
}

function phoneEdge(req: GraphRequest, store: MetaStore, p: PhoneNumber, edge: string | undefined): GraphResponse {
  const { method, params } = req;
  if (!edge && method === 'GET') {
    return fieldsResponse(pickFields(phoneNode(p), params.fields, PHONE_DEFAULT_FIELDS, 'WhatsAppBusinessPhoneNumber'));
  }
  if (edge === 'register' && method === 'POST') {
    const bad = checkMessagingProduct(params);
    if (bad) return bad;
    const pin = str(params.pin);
    if (!pin) return graphError(400, 100, '(#100) The parameter pin is required.');
    if (!/^\d{6}$/.test(pin)) return graphError(400, 100, '(#100) Param pin must be 6 characters long.');
    if (p.coexistence) {
      // Registering a coexistence number would cut the WhatsApp Business app off: refuse it loudly.
      return graphError(400, 100, '(#100) Invalid parameter', {
        errorData: { messaging_product: 'whatsapp', details: 'This phone number is onboarded with the WhatsApp Business app (coexistence) and must not be registered.' },
      });
    }
    if (p.failRegister) {
      store.counts.register_failures++;
      return graphError(400, 133005, '(#133005) Two step verification PIN Mismatch', {
        errorData: { messaging_product: 'whatsapp', details: 'Two step verification PIN incorrect' },
      });
    }
    p.registered = true;
    store.counts.registrations++;
    return { status: 200, body: { success: true } };
  }
  if (edge === 'smb_app_data' && method === 'POST') {
    const bad = checkMessagingProduct(params);
    if (bad) return bad;
    const syncType = str(params.sync_type);
    if (!syncType) return graphError(400, 100, '(#100) The parameter sync_type is required.');
    if (syncType !== 'smb_app_state_sync' && syncType !== 'history') {
      return graphError(400, 100, `(#100) Param sync_type must be one of {SMB_APP_STATE_SYNC, HISTORY} - got "${syncType}".`);
    }
    if (!p.coexistence) {
      return graphError(400, 100, '(#100) Invalid parameter', {
        errorData: { messaging_product: 'whatsapp', details: 'This phone number was not onboarded with the WhatsApp Business app.' },
      });
    }
    if (p.syncs.includes(syncType)) {
      return graphError(400, 100, '(#100) Invalid parameter', {
        errorData: { messaging_product: 'whatsapp', details: `The ${syncType} synchronization was already requested for this phone number.` },
      });
    }
    p.syncs.push(syncType);
    store.counts.smb_syncs++;
    return { status: 200, body: { messaging_product: 'whatsapp', request_id: randomBytes(12).toString('hex'), success: true } };
  }
  return edge ? graphError(400, 2500, `Unknown path components: /${edge}`) : unsupported(method, p.id);
}
