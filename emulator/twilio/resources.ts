// The JSON Twilio answers for the resources we emulate (API version 2010-04-01, snake_case,
// RFC 2822 dates), with the fields a client may read even where the emulator has nothing to say.
import type { StockNumber } from './inventory.js';
import type { OwnedNumber } from './store.js';

export const API_VERSION = '2010-04-01';

/** "Thu, 30 Jul 2015 20:12:31 +0000", Twilio's date format. */
const rfc2822 = (d: Date) => d.toUTCString().replace(/GMT$/, '+0000');

export const accountPath = (accountSid: string) => `/${API_VERSION}/Accounts/${accountSid}`;

export function availableJson(n: StockNumber) {
  return {
    friendly_name: n.friendlyName,
    phone_number: n.phoneNumber,
    lata: n.lata,
    rate_center: n.rateCenter,
    latitude: null,
    longitude: null,
    locality: n.locality,
    region: n.region,
    postal_code: n.postalCode,
    iso_country: n.isoCountry,
    address_requirements: 'none',
    beta: false,
    capabilities: { voice: true, sms: n.sms, mms: n.sms },
  };
}

/** A page of a list resource: Twilio's paging fields around the items. */
export function page(key: string, uri: string, items: unknown[], pageSize: number) {
  return {
    [key]: items,
    uri,
    first_page_uri: uri,
    next_page_uri: null,
    previous_page_uri: null,
    page: 0,
    page_size: pageSize,
    start: 0,
    end: Math.max(items.length - 1, 0),
  };
}

export function incomingJson(n: OwnedNumber) {
  const uri = `${accountPath(n.accountSid)}/IncomingPhoneNumbers/${n.sid}.json`;
  return {
    sid: n.sid,
    account_sid: n.accountSid,
    friendly_name: n.friendlyName,
    phone_number: n.phoneNumber,
    origin: 'twilio',
    status: 'in-use',
    api_version: API_VERSION,
    beta: false,
    capabilities: { voice: true, sms: n.sms, mms: n.sms, fax: false },
    address_requirements: 'none',
    address_sid: null,
    bundle_sid: null,
    identity_sid: null,
    emergency_status: 'Inactive',
    emergency_address_sid: null,
    sms_application_sid: '',
    sms_url: n.smsUrl,
    sms_method: n.smsMethod,
    sms_fallback_url: '',
    sms_fallback_method: 'POST',
    voice_url: '',
    voice_method: 'POST',
    voice_fallback_url: null,
    voice_fallback_method: 'POST',
    voice_caller_id_lookup: false,
    voice_application_sid: null,
    status_callback: '',
    status_callback_method: 'POST',
    trunk_sid: null,
    date_created: rfc2822(n.createdAt),
    date_updated: rfc2822(n.updatedAt),
    uri,
    subresource_uris: { assigned_add_ons: uri.replace(/\.json$/, '/AssignedAddOns.json') },
  };
}
