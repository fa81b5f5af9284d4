// Who may read what on the emulated Graph: token checks, per-signup isolation, unknown paths and fields.
import { describe, expect, it } from 'vitest';
import { APP, APP_TOKEN, useEmulator, V } from './test-helpers.js';

const t = useEmulator();

describe('Graph API access', () => {
  it('refuses a token for another WABA and its numbers', async () => {
    const a = await t.signup();
    const b = await t.signup();
    const r = await t.call('GET', `${V}/${b.data.waba_id}/phone_numbers`, { token: a.token });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect(r.json.error.message).toContain('does not exist, cannot be loaded due to missing permissions');
    expect((await t.call('POST', `${V}/${b.data.waba_id}/subscribed_apps`, { token: a.token })).status).toBe(400);
    expect(
      (
        await t.call('POST', `${V}/${b.data.phone_number_id}/register`, {
          token: a.token,
          body: { messaging_product: 'whatsapp', pin: '123456' },
        })
      ).status,
    ).toBe(400);
    const dbg = await t.call('GET', `${V}/debug_token?input_token=${a.token}&access_token=${APP_TOKEN}`);
    expect(JSON.stringify(dbg.json.data.granular_scopes)).not.toContain(b.data.waba_id);
  });

  it('answers missing, invalid and app tokens and unknown paths like Graph', async () => {
    const s = await t.signup();
    expect((await t.call('GET', `${V}/${s.data.waba_id}/phone_numbers`)).json.error.code).toBe(104);
    const bad = await t.call('GET', `${V}/${s.data.waba_id}/phone_numbers`, { token: 'EAAnotatoken' });
    expect(bad.json.error.code).toBe(190);
    expect(bad.headers.get('www-authenticate')).toContain('invalid_token');
    expect(
      (
        await t.call(
          'GET',
          `${V}/debug_token?input_token=${s.token}&access_token=${encodeURIComponent(`${APP}|wrong`)}`,
        )
      ).json.error.code,
    ).toBe(190);
    expect(
      (await t.call('GET', `${V}/debug_token?input_token=EAAunknown&access_token=${APP_TOKEN}`)).json.data.is_valid,
    ).toBe(false);
    const unknown = await t.call('GET', `${V}/nothing_here`, { token: s.token });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: 100 });
    expect(unknown.json.error.message).toMatch(/^Unsupported get request/);
    const field = await t.call('GET', `${V}/${s.data.phone_number_id}?fields=display_phone_number,bogus`, {
      token: s.token,
    });
    expect(field.json.error.message).toBe(
      '(#100) Tried accessing nonexisting field (bogus) on node type (WhatsAppBusinessPhoneNumber)',
    );
    expect((await t.call('GET', `/v21.0/${s.data.phone_number_id}`, { token: s.token })).status).toBe(200);
  });
});
