import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTwilio } from '@/test/support/twilio';
import { TwilioError } from './client';
import { validTwilioSignature } from './signature';

// The client against the Twilio emulator: the real request shapes, Twilio's error codes, and
// the emulator's signed inbound SMS checked by our own signature code.
let tw: Awaited<ReturnType<typeof startTestTwilio>>;
beforeAll(async () => {
  tw = await startTestTwilio();
});
afterAll(() => tw.emulator.close());

const fail = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('expected a TwilioError'),
    (e: unknown) => {
      expect(e).toBeInstanceOf(TwilioError);
      return e as TwilioError;
    },
  );

describe('Twilio client', () => {
  it('lists SMS-capable local numbers with and without an area code', async () => {
    const sf = await tw.client.availableLocalNumbers(tw.creds, { countryIso: 'US', areaCode: '415', limit: 2 });
    expect(sf).toEqual([
      {
        phoneNumber: '+14155550100',
        friendlyName: '(415) 555-0100',
        isoCountry: 'US',
        region: 'CA',
        locality: 'San Francisco',
      },
      {
        phoneNumber: '+14155550101',
        friendlyName: '(415) 555-0101',
        isoCountry: 'US',
        region: 'CA',
        locality: 'San Francisco',
      },
    ]);
    const us = await tw.client.availableLocalNumbers(tw.creds, { countryIso: 'us', areaCode: null });
    expect(us.length).toBeGreaterThan(5);
    expect(new Set(us.map((n) => n.phoneNumber.slice(0, 5)))).toEqual(new Set(['+1415', '+1212', '+1650']));
    expect(us.map((n) => n.phoneNumber)).not.toContain('+14155550199'); // voice only
    const gb = await tw.client.availableLocalNumbers(tw.creds, { countryIso: 'GB' });
    expect(gb[0]).toEqual({
      phoneNumber: '+442079460100',
      friendlyName: '+442079460100',
      isoCountry: 'GB',
      region: null,
      locality: 'London',
    });
  });

  it('answers [] when nothing is in stock, and an error for an unknown country', async () => {
    expect(await tw.client.availableLocalNumbers(tw.creds, { countryIso: 'US', areaCode: '999' })).toEqual([]);
    const err = await fail(tw.client.availableLocalNumbers(tw.creds, { countryIso: 'ZZ' }));
    expect(err).toMatchObject({ kind: 'twilio', status: 404, code: 20404, operation: 'available_numbers' });
  });

  it('buys a number, repoints it, and refuses a number that is no longer available (21422)', async () => {
    const smsUrl = 'https://app.example/webhooks/twilio/sms';
    const n = await tw.client.buyNumber(tw.creds, { phoneNumber: '+16505550100', smsUrl });
    expect(n).toEqual({
      sid: expect.stringMatching(/^PN[0-9a-f]{32}$/),
      phoneNumber: '+16505550100',
      friendlyName: '(650) 555-0100',
      smsUrl,
    });
    const moved = await tw.client.updateNumber(tw.creds, { sid: n.sid, smsUrl: 'https://app.example/other' });
    expect(moved).toEqual({ ...n, smsUrl: 'https://app.example/other' });
    const err = await fail(tw.client.buyNumber(tw.creds, { phoneNumber: '+16505550100', smsUrl }));
    expect(err).toMatchObject({
      kind: 'twilio',
      status: 400,
      code: 21422,
      moreInfo: 'https://www.twilio.com/docs/errors/21422',
    });
    expect(err.transient).toBe(false);
  });

  it('reports bad credentials as 401 / 20003 without ever logging the token', async () => {
    const creds = { accountSid: tw.creds.accountSid, authToken: 'wrong-token-shh' };
    const err = await fail(tw.client.availableLocalNumbers(creds, { countryIso: 'US' }));
    expect(err).toMatchObject({ status: 401, code: 20003 });
    const logged = JSON.stringify(err.toLog());
    expect(logged).not.toContain('wrong-token-shh');
    expect(logged).not.toContain(tw.creds.accountSid);
    expect(err.toLog()).toMatchObject({ twilio_error: '20003', twilio_status: 401 });
  });

  it('releases a number once, then reports it already gone', async () => {
    const n = await tw.client.buyNumber(tw.creds, { phoneNumber: '+12125550101', smsUrl: 'https://app.example/x' });
    expect(await tw.client.releaseNumber(tw.creds, { sid: n.sid })).toBe('released');
    expect(await tw.client.releaseNumber(tw.creds, { sid: n.sid })).toBe('already_gone');
    const err = await fail(tw.client.updateNumber(tw.creds, { sid: n.sid, smsUrl: 'https://app.example/y' }));
    expect(err).toMatchObject({ status: 404, code: 20404 });
    expect(err.message).not.toContain(tw.creds.accountSid);
  });

  it("receives the emulator's inbound SMS with a signature our validator accepts", async () => {
    const { createServer } = await import('node:http');
    const got: { url: string; params: Record<string, string>; signature?: string }[] = [];
    const hook = createServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      got.push({
        url: req.url!,
        params: Object.fromEntries(new URLSearchParams(body)),
        signature: req.headers['x-twilio-signature'] as string,
      });
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end('<Response/>');
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    try {
      const smsUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/webhooks/twilio/sms?n=1`;
      await tw.client.buyNumber(tw.creds, { phoneNumber: '+12125550102', smsUrl });
      expect((await tw.sms('+12125550102', '<#> 654321 is your code')).json).toMatchObject({
        delivered: true,
        status: 200,
      });
      const [msg] = got;
      expect(msg.params).toMatchObject({
        To: '+12125550102',
        Body: '<#> 654321 is your code',
        AccountSid: tw.creds.accountSid,
      });
      expect(validTwilioSignature(tw.creds.authToken, smsUrl, msg.params, msg.signature)).toBe(true);
      expect(validTwilioSignature('other-token', smsUrl, msg.params, msg.signature)).toBe(false);
      expect(validTwilioSignature(tw.creds.authToken, smsUrl, { ...msg.params, Body: 'forged' }, msg.signature)).toBe(
        false,
      );
    } finally {
      hook.closeAllConnections();
      hook.close();
    }
  });
});
