import { createTwilioClient } from '@/lib/server/twilio/client';
import { startTwilioEmulator } from '@/emulator/twilio/server';

// The Twilio emulator on a free port with a client pointed at it, for tests under lib/ (which may
// not import emulator/ themselves) and for the provisioning tests.

export const TEST_TWILIO = {
  accountSid: 'AC00000000000000000000000000000001',
  authToken: 'test-twilio-auth-token',
};

// Control answers are arbitrary JSON; `any` keeps the assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export async function startTestTwilio(opts: { timeoutMs?: number } = {}) {
  const emulator = await startTwilioEmulator({ port: 0, accounts: [TEST_TWILIO], webhookTimeoutMs: 5000 });
  const client = createTwilioClient({ baseUrl: emulator.url, timeoutMs: opts.timeoutMs ?? 5000 });
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emulator.url}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Json };
  };
  return {
    emulator,
    client,
    creds: TEST_TWILIO,
    /** Someone texts a bought number: the emulator calls its SmsUrl, signed. */
    sms: (to: string, body: string, from = '+15550000000') => control('POST', 'sms', { to, from, body }),
    addAccount: (accountSid: string, authToken: string) =>
      control('POST', 'accounts', { account_sid: accountSid, auth_token: authToken }),
    state: async () => (await control('GET', 'state')).json,
    reset: () => control('POST', 'reset'),
  };
}
