// "Use a number from my provider": the popup's code goes out by SMS through the Twilio emulator to
// the number's SmsUrl, and the right code finishes the signup with that number.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioEmulator, type TwilioEmulator } from '../twilio/server.js';
import { startMetaEmulator, type MetaEmulator } from './server.js';
import { APP, clientFor, dialogUrl, SECRET, V, type EmulatorClient } from './test-helpers.js';

const ACCOUNT = { accountSid: 'AC44444444444444444444444444444444', authToken: 'own-number-token' };
const NUMBER = '+14155550100';
const texts: Record<string, string>[] = [];
const hook = createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  texts.push(Object.fromEntries(new URLSearchParams(body)));
  res.writeHead(200, { 'Content-Type': 'text/xml' }).end('<Response/>');
});
let twilio: TwilioEmulator;
let meta: MetaEmulator;
let t: EmulatorClient;

beforeAll(async () => {
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  twilio = await startTwilioEmulator({ port: 0, accounts: [ACCOUNT] });
  const basic = Buffer.from(`${ACCOUNT.accountSid}:${ACCOUNT.authToken}`).toString('base64');
  const bought = await fetch(`${twilio.url}/2010-04-01/Accounts/${ACCOUNT.accountSid}/IncomingPhoneNumbers.json`, {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      PhoneNumber: NUMBER,
      SmsUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/sms`,
    }).toString(),
  });
  expect(bought.status).toBe(201);
  meta = await startMetaEmulator({ port: 0, appId: APP, appSecret: SECRET, twilioUrl: `${twilio.url}/` });
  t = clientFor(meta.url);
});
afterAll(async () => {
  await meta.close();
  await twilio.close();
  hook.closeAllConnections();
  hook.close();
});

const sendCode = (phone_number: string) => t.call('POST', '/dialog/own_number', { body: { phone_number } });
const verify = (verification_id: string, code: string) =>
  t.call('POST', '/dialog/own_number/verify', { body: { verification_id, code } });
const lastCode = () => /^<#> (\d{6}) is your WhatsApp Business verification code$/.exec(texts.at(-1)!.Body)![1];
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('number from my provider', () => {
  it('is offered in the dedicated flow only', async () => {
    expect((await t.call('GET', dialogUrl())).text).toContain('>Use a number from my provider</button>');
    const coex = await t.call('GET', dialogUrl({ featureType: 'whatsapp_business_app_onboarding' }));
    expect(coex.text).not.toContain('id="own_start"');
  });

  it('texts a code to the number, refuses a wrong one, and finishes with that number on the right one', async () => {
    const sent = await sendCode('+1 (415) 555-0100');
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ phone_number: NUMBER, sms: { delivered: true, webhook_status: 200 } });
    expect(texts.at(-1)).toMatchObject({ To: NUMBER, From: '+15550000000', AccountSid: ACCOUNT.accountSid });
    const code = lastCode();

    const bad = await verify(sent.json.verification_id, wrong(code));
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("isn't right");

    const done = await verify(sent.json.verification_id, code);
    expect(done.status).toBe(200);
    expect(done.json.event).toBe('FINISH');
    expect(done.json.code).toMatch(/^AQ/);
    expect(Object.keys(done.json.data).sort()).toEqual(['business_id', 'phone_number_id', 'waba_id']);
    // Used up: the same verification cannot finish twice.
    expect((await verify(sent.json.verification_id, code)).status).toBe(404);

    // The Graph endpoints our server reads after the exchange report the customer's own number.
    const token = (await t.exchange(done.json.code)).json.access_token;
    const phone = await t.call('GET', `${V}/${done.json.data.phone_number_id}?fields=display_phone_number`, { token });
    expect(phone.json.display_phone_number).toBe('+1 415-555-0100');
    const list = await t.call('GET', `${V}/${done.json.data.waba_id}/phone_numbers`, { token });
    expect(list.json.data[0].display_phone_number).toBe('+1 415-555-0100');
  });

  it('gives up after five wrong codes', async () => {
    const sent = await sendCode(NUMBER);
    const code = lastCode();
    for (let i = 0; i < 4; i++) expect((await verify(sent.json.verification_id, wrong(code))).status).toBe(400);
    expect((await verify(sent.json.verification_id, wrong(code))).status).toBe(429);
    expect((await verify(sent.json.verification_id, code)).status).toBe(404);
  });

  it('says why no code was sent', async () => {
    expect((await sendCode('4155550100')).status).toBe(400);
    const unknown = await sendCode('+14155550101'); // never bought from the Twilio emulator
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.message).toContain('+14155550101');
    const foreign = await t.call('POST', '/dialog/own_number', {
      body: { phone_number: NUMBER },
      headers: { Origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);

    const alone = await startMetaEmulator({ port: 0, appId: APP, appSecret: SECRET });
    try {
      const r = await clientFor(alone.url).call('POST', '/dialog/own_number', { body: { phone_number: NUMBER } });
      expect(r.status).toBe(409);
    } finally {
      await alone.close();
    }
  });
});
