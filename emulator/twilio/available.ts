// GET .../AvailablePhoneNumbers/{IsoCountry}/Local.json: what could be bought, filtered like Twilio
// (AreaCode for North American numbers, SmsEnabled), one page of PageSize (default 50).
import { isCountryIso } from '@/lib/shared/countries';
import { notFound, twilioError, type ApiReply } from './errors.js';
import { AREA_CODE, type ApiRequest } from './request.js';
import { availableJson, page } from './resources.js';
import type { TwilioStore } from './store.js';

export function listAvailable(store: TwilioStore, req: ApiRequest, country: string): ApiReply {
  const iso = country.toUpperCase();
  if (!isCountryIso(iso)) return notFound(req.path);
  const areaCode = req.query.get('AreaCode') ?? '';
  if (areaCode && !AREA_CODE.test(areaCode)) return twilioError(400, 21451, `Invalid area code: ${areaCode}`);
  const size = Number(req.query.get('PageSize') ?? 50);
  const pageSize = Number.isInteger(size) && size > 0 ? Math.min(size, 1000) : 50;
  const found = store.available(iso, {
    // Area codes exist only in the North American numbering plan; Twilio ignores them elsewhere.
    areaCode: iso === 'US' || iso === 'CA' ? areaCode : undefined,
    smsEnabled: req.query.get('SmsEnabled') === 'true',
  });
  const qs = req.query.toString();
  const items = found.slice(0, pageSize).map(availableJson);
  return { status: 200, body: page('available_phone_numbers', req.path + (qs ? `?${qs}` : ''), items, pageSize) };
}
