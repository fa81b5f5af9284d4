// The emulated REST API: Twilio's shapes, auth and error codes for the phone number endpoints.
import { describe, expect, it } from 'vitest';
import { ACCOUNT, OTHER, useTwilioEmulator } from './test-helpers.js';

const t = useTwilioEmulator();
const local = (iso: string, qs = '') => `AvailablePhoneNumbers/${iso}/Local.json${qs}`;

describe('available local numbers', () => {
  it('lists SMS-capable numbers in an area code, with Twilio paging fields', async () => {
    const r = await t.api('GET', local('US', '?AreaCode=415&SmsEnabled=true&PageSize=3'));
    expect(r.status).toBe(200);
    expect(r.json.available_phone_numbers).toHaveLength(3);
    expect(r.json.available_phone_numbers[0]).toMatchObject({
      phone_number: '+14155550100',
      friendly_name: '(415) 555-0100',
      iso_country: 'US',
      region: 'CA',
      locality: 'San Francisco',
      capabilities: { sms: true, voice: true, mms: true },
    });
    expect(r.json).toMatchObject({ page: 0, page_size: 3, next_page_uri: null });
    expect(r.json.uri).toBe(
      `/2010-04-01/Accounts/${ACCOUNT.accountSid}/${local('US', '?AreaCode=415&SmsEnabled=true&PageSize=3')}`,
    );
    const all415 = await t.api('GET', local('US', '?AreaCode=415&SmsEnabled=true'));
    expect(all415.json.available_phone_numbers.map((n: { phone_number: string }) => n.phone_number)).not.toContain(
      '+14155550199',
    );
    expect((await t.api('GET', local('US', '?AreaCode=415'))).json.available_phone_numbers).toHaveLength(5);
  });

  it('answers an empty page for no stock and Twilio errors for bad input', async () => {
    expect((await t.api('GET', local('US', '?AreaCode=999'))).json.available_phone_numbers).toEqual([]);
    expect((await t.api('GET', local('CA'))).json.available_phone_numbers).toEqual([]);
    expect((await t.api('GET', local('GB'))).json.available_phone_numbers[0]).toMatchObject({
      phone_number: '+442079460100',
      iso_country: 'GB',
      region: null,
    });
    const bad = await t.api('GET', local('ZZ'));
    expect(bad.status).toBe(404);
    expect(bad.json).toMatchObject({ code: 20404, status: 404, more_info: 'https://www.twilio.com/docs/errors/20404' });
    expect((await t.api('GET', local('US', '?AreaCode=41'))).json).toMatchObject({ code: 21451, status: 400 });
  });

  it('refuses missing or wrong credentials, and another account in the path', async () => {
    const none = await t.api('GET', local('US'), { as: null });
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ code: 20003, status: 401 });
    expect(none.headers.get('www-authenticate')).toContain('Basic');
    expect((await t.api('GET', local('US'), { as: { ...ACCOUNT, authToken: 'nope' } })).status).toBe(401);
    expect((await t.api('GET', local('US'), { sid: OTHER.accountSid })).json.code).toBe(20003);
  });
});

describe('incoming phone numbers', () => {
  it('buys a number (201), after which it is out of stock (21422) and can be repointed and released', async () => {
    const bought = await t.buy('+12125550100', 'https://app.example/webhooks/twilio/sms');
    expect(bought.status).toBe(201);
    expect(bought.json).toMatchObject({
      account_sid: ACCOUNT.accountSid,
      phone_number: '+12125550100',
      friendly_name: '(212) 555-0100',
      sms_url: 'https://app.example/webhooks/twilio/sms',
      sms_method: 'POST',
      status: 'in-use',
    });
    expect(bought.json.sid).toMatch(/^PN[0-9a-f]{32}$/);
    expect(bought.json.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    const again = await t.buy('+12125550100', '', OTHER);
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ code: 21422, message: 'PhoneNumber +12125550100 is not available.' });
    const listed = await t.api('GET', local('US', '?AreaCode=212'));
    expect(listed.json.available_phone_numbers.map((n: { phone_number: string }) => n.phone_number)).not.toContain(
      '+12125550100',
    );

    const path = `IncomingPhoneNumbers/${bought.json.sid}.json`;
    expect((await t.api('GET', path, { as: OTHER })).status).toBe(404);
    const moved = await t.api('POST', path, { form: { SmsUrl: 'https://app.example/new' } });
    expect(moved.json).toMatchObject({ sid: bought.json.sid, sms_url: 'https://app.example/new' });
    expect((await t.api('POST', path, { form: { SmsUrl: 'ftp://nope' } })).json.code).toBe(21402);

    const gone = await t.api('DELETE', path);
    expect(gone.status).toBe(204);
    expect((await t.api('DELETE', path)).json).toMatchObject({ code: 20404, status: 404 });
    const state = (await t.control('GET', 'state')).json;
    expect(state.released_phone_numbers).toEqual([expect.objectContaining({ sid: bought.json.sid })]);
    expect((await t.buy('+12125550100')).status).toBe(201); // back in stock
  });

  it('buys any number of an area code, or says there is none (21452), and validates input', async () => {
    const any = await t.api('POST', 'IncomingPhoneNumbers.json', { form: { AreaCode: '650' } });
    expect(any.status).toBe(201);
    expect(any.json.phone_number).toMatch(/^\+1650555/);
    const none = await t.api('POST', 'IncomingPhoneNumbers.json', { form: { AreaCode: '999' } });
    expect(none.json).toMatchObject({ code: 21452, status: 400 });
    expect((await t.api('POST', 'IncomingPhoneNumbers.json', { form: {} })).json.code).toBe(21421);
    expect((await t.buy('4155550101')).json.code).toBe(21421);
    expect((await t.buy('+19995550100')).json.code).toBe(21422);
  });

  it("answers Twilio's 404 for unknown resources and resets to the initial stock", async () => {
    const r = await t.api('GET', 'Nope.json');
    expect(r.json).toMatchObject({ code: 20404, message: expect.stringContaining('/Nope.json') });
    await t.buy('+14155550103');
    expect((await t.control('POST', 'reset')).status).toBe(200);
    const state = (await t.control('GET', 'state')).json;
    expect(state.incoming_phone_numbers).toEqual([]);
    expect(state.released_phone_numbers).toEqual([]);
    expect(state.accounts).toEqual([ACCOUNT.accountSid, OTHER.accountSid]);
    expect((await t.buy('+14155550103')).status).toBe(201);
  });
});
