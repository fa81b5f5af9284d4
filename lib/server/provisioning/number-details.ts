import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** What we show of a number bought from Twilio: its country, dial code, area code and display form. */
export function numberDetails(e164: string, countryIso: string) {
  const parsed = parsePhoneNumberFromString(e164);
  const dialCode = parsed ? `+${parsed.countryCallingCode}` : null;
  const national = parsed?.nationalNumber ?? null;
  return {
    countryIso: parsed?.country ?? countryIso,
    countryDialCode: dialCode,
    // North American numbers: the first three national digits; elsewhere areas differ in length.
    areaCode: dialCode === '+1' && national ? national.slice(0, 3) : null,
    displayNumber: parsed ? parsed.formatInternational() : e164,
  };
}
