import { z } from 'zod';

// What we read of Twilio's answers (snake_case, API 2010-04-01), and the domain shapes they become.
// Only the fields we use are required, so Twilio adding fields never breaks us.

export interface AvailableNumber {
  phoneNumber: string;
  friendlyName: string;
  isoCountry: string;
  region: string | null;
  locality: string | null;
}

export interface IncomingNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  smsUrl: string | null;
}

const availableNumber = z.object({
  phone_number: z.string(),
  friendly_name: z.string().nullish(),
  iso_country: z.string(),
  region: z.string().nullish(),
  locality: z.string().nullish(),
});

export const availableList = z.object({ available_phone_numbers: z.array(availableNumber) });

export const incomingNumber = z.object({
  sid: z.string().regex(/^PN\w+$/),
  phone_number: z.string(),
  friendly_name: z.string().nullish(),
  sms_url: z.string().nullish(),
});

export const toIncoming = (n: z.infer<typeof incomingNumber>): IncomingNumber => ({
  sid: n.sid,
  phoneNumber: n.phone_number,
  friendlyName: n.friendly_name ?? n.phone_number,
  smsUrl: n.sms_url || null, // Twilio reports an unset URL as ""
});

export const toAvailable = (n: z.infer<typeof availableNumber>): AvailableNumber => ({
  phoneNumber: n.phone_number,
  friendlyName: n.friendly_name ?? n.phone_number,
  isoCountry: n.iso_country,
  region: n.region ?? null,
  locality: n.locality ?? null,
});
