import 'server-only';
import type { z } from 'zod';
import { env } from '../env';
import { TwilioError } from './error';
import {
  availableList,
  incomingNumber,
  toAvailable,
  toIncoming,
  type AvailableNumber,
  type IncomingNumber,
} from './shapes';
import { twilioRequest, type TwilioCall, type TwilioCredentials, type TwilioEndpoint } from './transport';

export { TwilioError } from './error';
export type { TwilioCredentials } from './transport';
export type { AvailableNumber, IncomingNumber } from './shapes';

// The Twilio calls of phone number provisioning: find a local number, buy it with our inbound SMS
// webhook, repoint it, release it. Credentials are per call (the operator's account, or a
// project's own); the base URL is injectable so dev and tests use the emulator (emulator/twilio).

export interface TwilioClient {
  /** [] when nothing is in stock; an unknown country is a TwilioError (404, code 20404). */
  availableLocalNumbers(
    creds: TwilioCredentials,
    q: { countryIso: string; areaCode?: string | null; limit?: number },
  ): Promise<AvailableNumber[]>;
  /** Never retried: a second purchase would buy a second number (or fail with 21422). */
  buyNumber(creds: TwilioCredentials, n: { phoneNumber: string; smsUrl: string }): Promise<IncomingNumber>;
  updateNumber(creds: TwilioCredentials, n: { sid: string; smsUrl: string }): Promise<IncomingNumber>;
  /** Idempotent: a number Twilio no longer has (404, code 20404) is 'already_gone'. */
  releaseNumber(creds: TwilioCredentials, n: { sid: string }): Promise<'released' | 'already_gone'>;
}

export function createTwilioClient(opts: {
  baseUrl: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}): TwilioClient {
  const endpoint: TwilioEndpoint = {
    baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    timeoutMs: opts.timeoutMs ?? 10_000,
    fetchImpl: opts.fetchImpl ?? fetch,
  };

  async function call<T>(creds: TwilioCredentials, c: TwilioCall, schema: z.ZodType<T>): Promise<T> {
    const { status, body } = await twilioRequest(endpoint, creds, c);
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new TwilioError('Twilio answered with an unexpected shape', 'invalid_response', c.operation, status);
    return parsed.data;
  }
  const numberPath = (sid: string) => `IncomingPhoneNumbers/${encodeURIComponent(sid)}.json`;

  return {
    async availableLocalNumbers(creds, q) {
      const query: Record<string, string> = { SmsEnabled: 'true', PageSize: String(q.limit ?? 20) };
      if (q.areaCode) query.AreaCode = q.areaCode;
      const iso = encodeURIComponent(q.countryIso.toUpperCase());
      const path = `AvailablePhoneNumbers/${iso}/Local.json`;
      const r = await call(creds, { operation: 'available_numbers', method: 'GET', path, query }, availableList);
      return r.available_phone_numbers.map(toAvailable);
    },

    async buyNumber(creds, n) {
      const form = { PhoneNumber: n.phoneNumber, SmsUrl: n.smsUrl, SmsMethod: 'POST' };
      const c: TwilioCall = { operation: 'buy_number', method: 'POST', path: 'IncomingPhoneNumbers.json', form };
      return toIncoming(await call(creds, c, incomingNumber));
    },

    async updateNumber(creds, n) {
      const form = { SmsUrl: n.smsUrl, SmsMethod: 'POST' };
      const c: TwilioCall = { operation: 'update_number', method: 'POST', path: numberPath(n.sid), form };
      return toIncoming(await call(creds, c, incomingNumber));
    },

    async releaseNumber(creds, n) {
      try {
        await twilioRequest(endpoint, creds, {
          operation: 'release_number',
          method: 'DELETE',
          path: numberPath(n.sid),
        });
        return 'released';
      } catch (e) {
        // Only Twilio's own "not found": a 404 page from a misconfigured proxy proves nothing.
        if (e instanceof TwilioError && e.status === 404 && e.code === 20404) return 'already_gone';
        throw e;
      }
    },
  };
}

let cached: { url: string; client: TwilioClient } | null = null;

/** The client configured from the environment (real Twilio, or the emulator in dev). */
export function getTwilioClient(): TwilioClient {
  if (cached?.url !== env.twilio.apiUrl)
    cached = { url: env.twilio.apiUrl, client: createTwilioClient({ baseUrl: env.twilio.apiUrl }) };
  return cached.client;
}
