// What the emulated Twilio has in stock at start (and after a reset). US numbers are in the
// 555-01xx range reserved for fiction, GB ones in Ofcom's drama ranges; Mexico has no reserved
// range, so its two are simply unlikely. Area code 999 has nothing (the "no stock" case), CA is a
// valid country with nothing in stock, and one 415 number cannot receive SMS (SmsEnabled filters it).

export interface StockNumber {
  phoneNumber: string;
  friendlyName: string;
  isoCountry: string;
  region: string | null;
  locality: string | null;
  postalCode: string | null;
  rateCenter: string | null;
  lata: string | null;
  sms: boolean;
}

type Area = Omit<StockNumber, 'phoneNumber' | 'friendlyName' | 'sms'>;

const SAN_FRANCISCO: Area = {
  isoCountry: 'US',
  region: 'CA',
  locality: 'San Francisco',
  postalCode: '94105',
  rateCenter: 'SNFC CNTRL',
  lata: '722',
};
const NEW_YORK: Area = {
  isoCountry: 'US',
  region: 'NY',
  locality: 'New York',
  postalCode: '10001',
  rateCenter: 'NWYRCYZN01',
  lata: '132',
};
const SAN_MATEO: Area = {
  isoCountry: 'US',
  region: 'CA',
  locality: 'San Mateo',
  postalCode: '94401',
  rateCenter: 'SNMATEO',
  lata: '722',
};
const abroad = (isoCountry: string, region: string | null, locality: string): Area => ({
  isoCountry,
  region,
  locality,
  postalCode: null,
  rateCenter: null,
  lata: null,
});

/** "(415) 555-0100" for NANP numbers, the E.164 form elsewhere, as Twilio formats friendly names. */
export function friendlyName(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

const entry = (phoneNumber: string, area: Area, sms = true): StockNumber => ({
  phoneNumber,
  friendlyName: friendlyName(phoneNumber),
  sms,
  ...area,
});

export function initialStock(): StockNumber[] {
  return [
    ...['0100', '0101', '0102', '0103'].map((n) => entry(`+1415555${n}`, SAN_FRANCISCO)),
    entry('+14155550199', SAN_FRANCISCO, false),
    ...['0100', '0101', '0102'].map((n) => entry(`+1212555${n}`, NEW_YORK)),
    ...['0100', '0101'].map((n) => entry(`+1650555${n}`, SAN_MATEO)),
    entry('+442079460100', abroad('GB', null, 'London')),
    entry('+442079460101', abroad('GB', null, 'London')),
    entry('+441614960100', abroad('GB', null, 'Manchester')),
    entry('+525555550100', abroad('MX', 'CDMX', 'Ciudad de México')),
    entry('+525555550101', abroad('MX', 'CDMX', 'Ciudad de México')),
  ];
}
