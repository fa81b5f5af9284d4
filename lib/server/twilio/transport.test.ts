import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTwilioClient, TwilioError } from './client';

// What the emulator does not exercise: the exact wire format, timeouts and odd answers, against a
// scripted stub.
type Reply = { status: number; body?: string; delayMs?: number };
let replies: Reply[] = [];
const seen: { method: string; url: string; auth?: string; type?: string; body: string }[] = [];

const server = createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  seen.push({
    method: req.method!,
    url: req.url!,
    auth: req.headers.authorization,
    type: req.headers['content-type'],
    body,
  });
  const r = replies.shift() ?? { status: 500, body: '{"code":20500,"message":"no reply scripted","status":500}' };
  setTimeout(() => res.writeHead(r.status, { 'Content-Type': 'application/json' }).end(r.body ?? ''), r.delayMs ?? 0);
});
const creds = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'shh-token' };
let client: ReturnType<typeof createTwilioClient>;
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  client = createTwilioClient({ baseUrl, timeoutMs: 5000 });
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  replies = [];
  seen.length = 0;
});

const incoming = JSON.stringify({
  sid: 'PN' + 'a'.repeat(32),
  phone_number: '+14155550100',
  friendly_name: '(415) 555-0100',
  sms_url: '',
});

describe('Twilio transport', () => {
  it('sends Basic credentials, query parameters and form bodies as Twilio documents them', async () => {
    replies = [
      { status: 200, body: '{"available_phone_numbers":[]}' },
      { status: 201, body: incoming },
      { status: 204 },
    ];
    await client.availableLocalNumbers(creds, { countryIso: 'us', areaCode: '415', limit: 5 });
    const bought = await client.buyNumber(creds, {
      phoneNumber: '+14155550100',
      smsUrl: 'https://app.example/sms?a=1',
    });
    expect(bought.smsUrl).toBeNull(); // "" means unset
    expect(await client.releaseNumber(creds, { sid: bought.sid })).toBe('released');
    const base = `/2010-04-01/Accounts/${creds.accountSid}`;
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: `${base}/AvailablePhoneNumbers/US/Local.json?SmsEnabled=true&PageSize=5&AreaCode=415`,
      auth: `Basic ${Buffer.from(`${creds.accountSid}:${creds.authToken}`).toString('base64')}`,
    });
    expect(seen[1]).toMatchObject({
      method: 'POST',
      url: `${base}/IncomingPhoneNumbers.json`,
      type: 'application/x-www-form-urlencoded',
    });
    expect(Object.fromEntries(new URLSearchParams(seen[1].body))).toEqual({
      PhoneNumber: '+14155550100',
      SmsUrl: 'https://app.example/sms?a=1',
      SmsMethod: 'POST',
    });
    expect(seen[2]).toMatchObject({ method: 'DELETE', url: `${base}/IncomingPhoneNumbers/${bought.sid}.json` });
  });

  it('times out with status null', async () => {
    replies = [{ status: 200, body: '{"available_phone_numbers":[]}', delayMs: 1000 }];
    const impatient = createTwilioClient({ baseUrl, timeoutMs: 150 });
    const err = await impatient.availableLocalNumbers(creds, { countryIso: 'US' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TwilioError);
    expect(err).toMatchObject({ kind: 'timeout', status: null, code: null });
    expect((err as TwilioError).transient).toBe(true);
  });

  it('treats odd answers as invalid responses, and a non-Twilio 404 on release as a failure', async () => {
    replies = [
      { status: 200, body: '{"nope":true}' },
      { status: 502, body: '<html>Bad gateway</html>' },
      { status: 404, body: '<html>Not found</html>' },
    ];
    await expect(client.availableLocalNumbers(creds, { countryIso: 'US' })).rejects.toMatchObject({
      kind: 'invalid_response',
    });
    await expect(client.buyNumber(creds, { phoneNumber: '+1', smsUrl: 'https://x' })).rejects.toMatchObject({
      kind: 'invalid_response',
      status: 502,
    });
    await expect(client.releaseNumber(creds, { sid: 'PN1' })).rejects.toMatchObject({ status: 404, code: null });
  });

  it('keeps credentials out of errors and logs', async () => {
    replies = [
      {
        status: 404,
        body: JSON.stringify({
          code: 20404,
          message: `The requested resource /2010-04-01/Accounts/${creds.accountSid}/x.json was not found`,
          more_info: 'https://www.twilio.com/docs/errors/20404',
          status: 404,
        }),
      },
    ];
    const err = (await client
      .updateNumber(creds, { sid: 'PNx', smsUrl: 'https://x' })
      .catch((e: unknown) => e)) as TwilioError;
    const text = JSON.stringify({ log: err.toLog(), message: err.message, stack: err.stack });
    expect(text).not.toContain(creds.authToken);
    expect(text).not.toContain(creds.accountSid);
    expect(err.toLog()).toEqual({
      twilio_operation: 'update_number',
      twilio_kind: 'twilio',
      twilio_status: 404,
      twilio_error: '20404',
      twilio_more_info: 'https://www.twilio.com/docs/errors/20404',
      twilio_message: 'The requested resource /2010-04-01/Accounts/AC…/x.json was not found',
    });
  });
});
