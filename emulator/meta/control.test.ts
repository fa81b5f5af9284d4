// The emulator itself: listening, and the /_emulator control endpoints tests and dev tools use.
import { describe, expect, it } from 'vitest';
import { dialogUrl, SECRET, useEmulator, V } from './test-helpers.js';

const t = useEmulator();

describe('server', () => {
  it('listens on the real port when asked for port 0', () => {
    expect(t.emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(t.emu.url.endsWith(':0')).toBe(false);
  });
});

describe('control endpoints', () => {
  it('make the popup follow the scenario set through the control endpoint or setScenario', async () => {
    const popup = async (extras = {}) => (await t.call('GET', dialogUrl(extras))).text;
    let r = await t.call('POST', '/_emulator/scenario', { body: { scenario: 'finish' } });
    expect(r.status).toBe(200);
    expect(await popup()).toContain('"auto":"finish"');
    // "finish" follows the flow the page requested through extras.featureType.
    expect(await popup({ featureType: 'whatsapp_business_app_onboarding' })).toContain('"auto":"finish_coexistence"');
    r = await t.call('POST', '/_emulator/scenario', {
      body: { scenario: 'cancel+callback_first', deliver: 'callback_only' },
    });
    expect(r.json).toEqual({
      scenario: 'cancel',
      delivery: { order: 'callback_first', deliver: 'callback_only', hostile: false },
    });
    const page = await popup();
    expect(page).toContain('"auto":"cancel"');
    expect(page).toContain('"order":"callback_first"');
    expect((await t.state()).scenario).toBe('cancel');
    expect((await t.call('POST', '/_emulator/scenario', { body: { scenario: 'finsh' } })).status).toBe(400);
    t.emu.setScenario('register_error');
    expect(await popup()).toContain('"auto":"register_error"');
    expect((await t.call('POST', '/_emulator/scenario', { body: { scenario: null } })).status).toBe(200);
    expect(await popup()).toContain('"auto":null');
  });

  it('report state and reset it', async () => {
    await t.signup();
    const st = await t.state();
    expect(st.counts.codes_issued).toBeGreaterThan(0);
    expect(st.requests.length).toBeGreaterThan(0);
    expect(JSON.stringify(st.requests)).not.toContain(SECRET);
    expect((await t.call('POST', '/_emulator/reset')).status).toBe(200);
    expect((await t.state()).counts.codes_issued).toBe(0);
  });

  it('count Graph calls per endpoint, failed ones included, until a reset', async () => {
    await t.call('POST', '/_emulator/reset');
    const { token, data } = await t.signup();
    await t.call('POST', `${V}/${data.waba_id}/subscribed_apps`, { token });
    await t.call('POST', `${V}/${data.phone_number_id}/register`, { token, body: { messaging_product: 'whatsapp' } });
    await t.call('POST', `${V}/${data.phone_number_id}/register`, { token, body: {} });
    const calls = async () => (await t.call('GET', '/_emulator/calls')).json.calls;
    expect(await calls()).toEqual({
      'GET oauth/access_token': 1,
      'POST {id}/subscribed_apps': 1,
      'POST {id}/register': 2,
    });
    await t.call('POST', '/_emulator/reset');
    expect(await calls()).toEqual({});
  });
});
