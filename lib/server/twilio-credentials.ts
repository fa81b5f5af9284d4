import { z } from 'zod';
import type { TwilioCredentials } from './projects';

// The project's own Twilio credentials as the API (PUT/GET/DELETE /project/twilio_credentials) and
// the CLI (`npm run api-key -- twilio`) take and show them. The auth token is write-only: it is
// stored encrypted (projects.ts) and never answered.

/** Twilio account SIDs: "AC" and 32 lowercase hex digits. */
export const TWILIO_ACCOUNT_SID = /^AC[0-9a-f]{32}$/;

export const twilioCredentialsSchema = z.strictObject({
  account_sid: z
    .string()
    .trim()
    .regex(TWILIO_ACCOUNT_SID, 'must be a Twilio account SID: "AC" and 32 lowercase hex digits'),
  auth_token: z
    .string()
    .trim()
    .min(16, "must be the account's auth token (32 characters)")
    .max(256)
    .regex(/^\S+$/, 'must not contain spaces'),
});
export type TwilioCredentialsInput = z.output<typeof twilioCredentialsSchema>;

export const toTwilioCredentials = (input: TwilioCredentialsInput): TwilioCredentials => ({
  accountSid: input.account_sid,
  authToken: input.auth_token,
});

/** The API object: the SID and whether credentials are set; never the token. */
export const twilioCredentialsOutput = z.strictObject({
  object: z.literal('twilio_credentials'),
  account_sid: z.string().nullable(),
  configured: z.boolean(),
});
export type ApiTwilioCredentials = z.input<typeof twilioCredentialsOutput>;

export function toApiTwilioCredentials(credentials: TwilioCredentials | null): ApiTwilioCredentials {
  return {
    object: 'twilio_credentials',
    account_sid: credentials?.accountSid ?? null,
    configured: credentials !== null,
  };
}
