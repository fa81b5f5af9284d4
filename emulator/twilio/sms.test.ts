// Inbound SMS: /_emulator/sms delivers Twilio's Messaging webhook, signed, to the number's SmsUrl.
import { describe, expect, it } from 'vitest';
import { signTwilioRequest } from './signature.js';
import { ACCOUNT, OTHER, useReceiver, useTwilioEmulator } from './test-helpers.js';

const t = useTwilioEmulator();
const hook = useReceiver();

describe('signature', () => {
  it("matches the worked example of Twilio's webhook security guide", () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+12349013030',
      Digits: '1234',
      From: '+12349013030',
      To: '+18005551212',
    };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(signTwilioRequest('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });
});

describe('POST /_emulator/sms', () => {
  it('posts a signed, Twilio-shaped inbound message to the SmsUrl and reports its status', async () => {
    const smsUrl = `${hook.url}/webhooks/twilio/sms?link=abc`;
    const bought = await t.buy('+14155550100', smsUrl, OTHER);
    expect(bought.status).toBe(201);
    hook.status = 204;
    const body = '<#> 123456 is your WhatsApp Business verification code';
    const r = await t.control('POST', 'sms', { to: '+14155550100', from: '+15550000000', body });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ delivered: true, status: 204 });
    expect(r.json.message_sid).toMatch(/^SM[0-9a-f]{32}$/);

    const got = hook.seen.at(-1)!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/webhooks/twilio/sms?link=abc');
    expect(got.headers['content-type']).toContain('application/x-www-form-urlencoded');
    const params = Object.fromEntries(new URLSearchParams(got.body));
    expect(params).toMatchObject({
      MessageSid: r.json.message_sid,
      AccountSid: OTHER.accountSid,
      From: '+15550000000',
      To: '+14155550100',
      Body: body,
      NumMedia: '0',
      NumSegments: '1',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    });
    // Signed over the URL as configured, with the owning account's token.
    expect(got.headers['x-twilio-signature']).toBe(signTwilioRequest(OTHER.authToken, smsUrl, params));
    expect(got.headers['x-twilio-signature']).not.toBe(signTwilioRequest(ACCOUNT.authToken, smsUrl, params));

    const state = (await t.control('GET', 'state')).json;
    expect(state.messages.at(-1)).toMatchObject({ sid: r.json.message_sid, to: '+14155550100', body, status: 204 });
  });

  it("passes the webhook's failure status through, and says when it cannot be reached", async () => {
    hook.status = 500;
    expect((await t.control('POST', 'sms', { to: '+14155550100', body: 'hi' })).json).toEqual(
      expect.objectContaining({ delivered: true, status: 500 }),
    );
    hook.status = 200;
    await t.buy('+14155550101', 'http://127.0.0.1:1/unreachable');
    const down = await t.control('POST', 'sms', { to: '+14155550101', body: 'hi' });
    expect(down.status).toBe(502);
    expect(down.json.delivered).toBe(false);
  });

  it('sends the parameters in the query string for SmsMethod=GET', async () => {
    const bought = await t.buy('+14155550102', `${hook.url}/get-hook`);
    await t.api('POST', `IncomingPhoneNumbers/${bought.json.sid}.json`, { form: { SmsMethod: 'GET' } });
    expect((await t.control('POST', 'sms', { to: '+14155550102', body: 'hello there' })).json.status).toBe(200);
    const got = hook.seen.at(-1)!;
    expect(got.method).toBe('GET');
    const url = `${hook.url}${got.url}`;
    expect(new URL(url).searchParams.get('Body')).toBe('hello there');
    expect(got.headers['x-twilio-signature']).toBe(signTwilioRequest(ACCOUNT.authToken, url, {}));
  });

  it('refuses unknown numbers (404), numbers without SmsUrl (409) and bad input (400)', async () => {
    expect((await t.control('POST', 'sms', { to: '+14155550103', body: 'hi' })).status).toBe(404);
    await t.buy('+14155550103');
    expect((await t.control('POST', 'sms', { to: '+14155550103', body: 'hi' })).status).toBe(409);
    expect((await t.control('POST', 'sms', { to: 'nope', body: 'hi' })).status).toBe(400);
    expect((await t.control('POST', 'sms', { to: '+14155550103' })).status).toBe(400);
  });
});

describe('POST /_emulator/accounts', () => {
  it("adds an account whose credentials the API then accepts (a project's own Twilio account)", async () => {
    const mine = { accountSid: 'AC33333333333333333333333333333333', authToken: 'token-three' };
    expect((await t.api('GET', 'AvailablePhoneNumbers/MX/Local.json', { as: mine })).status).toBe(401);
    expect(
      (await t.control('POST', 'accounts', { account_sid: mine.accountSid, auth_token: mine.authToken })).status,
    ).toBe(200);
    const r = await t.api('GET', 'AvailablePhoneNumbers/MX/Local.json', { as: mine });
    expect(r.json.available_phone_numbers[0]).toMatchObject({ iso_country: 'MX', phone_number: '+525555550100' });
    expect((await t.control('POST', 'accounts', { account_sid: 'nope' })).status).toBe(400);
  });
});
