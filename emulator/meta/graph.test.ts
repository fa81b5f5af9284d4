// The Graph calls of the completion flow, in the order the server makes them, for each outcome.
import { describe, expect, it } from 'vitest';
import { APP, APP_TOKEN, useEmulator, V, type Json } from './test-helpers.js';

const t = useEmulator();
const REGISTER = { messaging_product: 'whatsapp', pin: '123456' };

describe('Graph API completion sequences', () => {
  it('runs the dedicated completion sequence', async () => {
    const before = (await t.state()).counts;
    const done = await t.complete('finish');
    const { phone_number_id: phoneId, waba_id: wabaId } = done.json.data;
    const ex = await t.exchange(done.json.code);
    expect(ex.status).toBe(200);
    expect(ex.json).toEqual({ access_token: expect.stringMatching(/^EAA/), token_type: 'bearer', expires_in: 5183944 });
    const token = ex.json.access_token;

    const dbg = await t.call('GET', `${V}/debug_token?input_token=${token}&access_token=${APP_TOKEN}`);
    expect(dbg.status).toBe(200);
    expect(dbg.json.data).toMatchObject({ app_id: APP, is_valid: true });
    expect(dbg.json.data.granular_scopes).toContainEqual({
      scope: 'whatsapp_business_management',
      target_ids: [wabaId],
    });
    expect(dbg.json.data.scopes).toContain('whatsapp_business_messaging');
    expect((await t.call('GET', `${V}/debug_token?input_token=${token}`, { token })).status).toBe(200);

    const nums = await t.call('GET', `${V}/${wabaId}/phone_numbers`, { token });
    expect(nums.status).toBe(200);
    expect(nums.json.data[0]).toMatchObject({
      id: phoneId,
      code_verification_status: 'VERIFIED',
      quality_rating: 'GREEN',
    });
    expect(nums.json.data[0].display_phone_number).toMatch(/^\+1 \d{3}-555-01\d{2}$/);
    expect(nums.json.paging.cursors).toBeDefined();

    expect((await t.call('POST', `${V}/${wabaId}/subscribed_apps`, { token })).json).toEqual({ success: true });
    const reg = await t.call('POST', `${V}/${phoneId}/register`, { token, body: REGISTER });
    expect(reg.status).toBe(200);
    expect(reg.json).toEqual({ success: true });

    const read = await t.call('GET', `${V}/${phoneId}?fields=display_phone_number,verified_name,status`, { token });
    expect(read.status).toBe(200);
    expect(read.json).toEqual({
      id: phoneId,
      display_phone_number: nums.json.data[0].display_phone_number,
      verified_name: expect.any(String),
      status: 'CONNECTED',
    });

    const after = (await t.state()).counts;
    expect(after.codes_issued - before.codes_issued).toBe(1);
    expect(after.codes_exchanged - before.codes_exchanged).toBe(1);
    expect(after.subscriptions - before.subscriptions).toBe(1);
    expect(after.registrations - before.registrations).toBe(1);
  });

  it('accepts a form-encoded register body and rejects a bad pin', async () => {
    const s = await t.signup();
    const form = await fetch(`${t.emu.url}${V}/${s.data.phone_number_id}/register`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'messaging_product=whatsapp&pin=12ab',
    });
    expect(form.status).toBe(400);
    expect(((await form.json()) as Json).error).toMatchObject({
      code: 100,
      type: 'OAuthException',
      fbtrace_id: expect.any(String),
    });
    const missing = await t.call('POST', `${V}/${s.data.phone_number_id}/register`, {
      token: s.token,
      body: { messaging_product: 'whatsapp' },
    });
    expect(missing.json.error.code).toBe(100);
  });

  it('runs the coexistence sequence: number resolved from the WABA, sync instead of register', async () => {
    const s = await t.signup('finish_coexistence');
    expect(s.data.phone_number_id).toBeUndefined();
    const nums = await t.call('GET', `${V}/${s.data.waba_id}/phone_numbers`, { token: s.token });
    const phoneId = nums.json.data[0].id;
    expect((await t.call('POST', `${V}/${s.data.waba_id}/subscribed_apps`, { token: s.token })).status).toBe(200);
    for (const sync_type of ['smb_app_state_sync', 'history']) {
      const r = await t.call('POST', `${V}/${phoneId}/smb_app_data`, {
        token: s.token,
        body: { messaging_product: 'whatsapp', sync_type },
      });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ success: true, request_id: expect.any(String) });
    }
    const reg = await t.call('POST', `${V}/${phoneId}/register`, { token: s.token, body: REGISTER });
    expect(reg.status).toBe(400);
  });

  it('fails registration of the register_error number with a Graph error', async () => {
    const before = (await t.state()).counts.register_failures;
    const s = await t.signup('register_error');
    expect((await t.call('POST', `${V}/${s.data.waba_id}/subscribed_apps`, { token: s.token })).status).toBe(200);
    const r = await t.call('POST', `${V}/${s.data.phone_number_id}/register`, { token: s.token, body: REGISTER });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({
      code: 133005,
      type: 'OAuthException',
      message: '(#133005) Two step verification PIN Mismatch',
    });
    expect((await t.state()).counts.register_failures).toBe(before + 1);
  });
});
