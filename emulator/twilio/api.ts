// The Twilio REST endpoints we emulate, under /2010-04-01/Accounts/{AccountSid}/: available local
// numbers, and buying, reading, updating and releasing incoming numbers. Basic auth first (as
// Twilio does), then the account in the path must be the one authenticated.
import { authenticate } from './auth.js';
import { listAvailable } from './available.js';
import { authError, methodNotAllowed, notAvailable, notFound, twilioError, type ApiReply } from './errors.js';
import { AREA_CODE, E164, type ApiRequest } from './request.js';
import { API_VERSION, incomingJson, page } from './resources.js';
import type { OwnedNumber, TwilioStore } from './store.js';

const isWebUrl = (v: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

/** SmsUrl / SmsMethod / FriendlyName from a create or update form; a reply when one is invalid. */
function numberSettings(form: Record<string, string>, current?: OwnedNumber) {
  const smsUrl = form.SmsUrl ?? current?.smsUrl ?? '';
  if (smsUrl && !isWebUrl(smsUrl)) return twilioError(400, 21402, `SmsUrl is not valid: ${smsUrl}`);
  const smsMethod: 'GET' | 'POST' =
    (form.SmsMethod ?? current?.smsMethod ?? 'POST').toUpperCase() === 'GET' ? 'GET' : 'POST';
  return { smsUrl, smsMethod, friendlyName: form.FriendlyName ?? current?.friendlyName };
}

function buy(store: TwilioStore, accountSid: string, form: Record<string, string>): ApiReply {
  const settings = numberSettings(form);
  if ('status' in settings) return settings;
  let phoneNumber = form.PhoneNumber ?? '';
  if (!phoneNumber) {
    // Buying "any number in this area code" is the other documented way to buy.
    const areaCode = form.AreaCode ?? '';
    if (!areaCode) return twilioError(400, 21421, 'A PhoneNumber or AreaCode is required.');
    if (!AREA_CODE.test(areaCode)) return twilioError(400, 21451, `Invalid area code: ${areaCode}`);
    const first = store.available('US', { areaCode })[0];
    if (!first) return twilioError(400, 21452, `No phone numbers found in area code ${areaCode}`);
    phoneNumber = first.phoneNumber;
  } else if (!E164.test(phoneNumber)) {
    return twilioError(400, 21421, `PhoneNumber ${phoneNumber} is invalid.`);
  }
  const owned = store.buy(accountSid, phoneNumber, settings);
  return owned ? { status: 201, body: incomingJson(owned) } : notAvailable(phoneNumber);
}

function incomingNumber(store: TwilioStore, req: ApiRequest, accountSid: string, sid: string): ApiReply {
  const n = store.ownedBy(accountSid, sid);
  if (!n) return notFound(req.path);
  if (req.method === 'GET') return { status: 200, body: incomingJson(n) };
  if (req.method === 'DELETE') {
    store.release(n);
    return { status: 204, body: null };
  }
  if (req.method !== 'POST') return methodNotAllowed();
  const settings = numberSettings(req.form, n);
  if ('status' in settings) return settings;
  Object.assign(n, settings, { friendlyName: settings.friendlyName || n.friendlyName, updatedAt: new Date() });
  return { status: 200, body: incomingJson(n) };
}

export function handleApi(store: TwilioStore, req: ApiRequest): ApiReply {
  const [version, accounts, pathSid, ...rest] = req.path.split('/').filter(Boolean);
  if (version !== API_VERSION || accounts !== 'Accounts' || !pathSid) return notFound(req.path);
  const accountSid = authenticate(store, req.authorization);
  if (!accountSid || pathSid.replace(/\.json$/, '') !== accountSid) return authError();
  const resource = rest.join('/');
  const available = /^AvailablePhoneNumbers\/([^/]+)\/Local\.json$/.exec(resource);
  if (available) return req.method === 'GET' ? listAvailable(store, req, available[1]) : methodNotAllowed();
  if (resource === 'IncomingPhoneNumbers.json') {
    if (req.method === 'POST') return buy(store, accountSid, req.form);
    if (req.method !== 'GET') return methodNotAllowed();
    const mine = [...store.owned.values()].filter((n) => n.accountSid === accountSid).map(incomingJson);
    return { status: 200, body: page('incoming_phone_numbers', req.path, mine, 50) };
  }
  const one = /^IncomingPhoneNumbers\/(PN[0-9a-f]{32})\.json$/.exec(resource);
  if (one) return incomingNumber(store, req, accountSid, one[1]);
  return notFound(req.path);
}
