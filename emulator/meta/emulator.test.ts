// @vitest-environment node
// Proves the Meta emulator over real HTTP: SDK and popup served, Graph shapes and failure modes,
// scenario control. The SDK script is also run in a vm with a fake window to check its callback rules.
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMetaEmulator, type MetaEmulator } from './server.js';

const APP = 'test-app';
const SECRET = 'test-secret';
const V = '/v25.0';
let emu: MetaEmulator;

type Json = Record<string, any>;
async function call(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(emu.url + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  let json: Json = {};
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON (scripts, pages) */
  }
  return { status: res.status, json, text, headers: res.headers };
}
const complete = (outcome: string, extra: Json = {}) => call('POST', '/dialog/complete', { body: { outcome, ...extra } });
const exchange = (code: string, secret = SECRET, clientId = APP, base = emu.url) =>
  fetch(`${base}${V}/oauth/access_token?client_id=${encodeURIComponent(clientId)}&client_secret=${encodeURIComponent(secret)}&code=${encodeURIComponent(code)}`).then(
    async (r) => ({ status: r.status, json: (await r.json()) as Json }),
  );
async function signup(outcome = 'finish'): Promise<{ code: string; event: string; data: Json; token: string }> {
  const done = await complete(outcome);
  expect(done.status).toBe(200);
  const ex = await exchange(done.json.code);
  expect(ex.status).toBe(200);
  return { code: done.json.code, event: done.json.event, data: done.json.data, token: ex.json.access_token };
}
const state = async () => (await call('GET', '/_emulator/state')).json;

beforeAll(async () => {
  emu = await startMetaEmulator({ port: 0, appId: APP, appSecret: SECRET });
});
afterAll(() => emu.close());

describe('server', () => {
  it('listens on the real port when asked for port 0', () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.url.endsWith(':0')).toBe(false);
  });
});

describe('SDK script', () => {
  it('is served for /sdk.js and /{fb_locale}/sdk.js, uncached, and mentions FB.login', async () => {
    for (const [path, locale] of [['/sdk.js', 'en_US'], ['/es_LA/sdk.js', 'es_LA'], ['/ar_AR/sdk.js', 'ar_AR']]) {
      const r = await call('GET', path);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('application/javascript');
      expect(r.headers.get('cache-control')).toContain('no-store');
      expect(r.text).toContain('FB.login');
      expect(r.text).toContain(JSON.stringify(locale));
      expect(r.text).toContain(JSON.stringify(emu.url));
    }
  });

  it('defines FB, calls fbAsyncInit and calls the login callback exactly once, trusting only the emulator origin', async () => {
    const script = (await call('GET', '/en_US/sdk.js')).text;
    const listeners: ((e: Json) => void)[] = [];
    const opened: string[] = [];
    const popup = { closed: false };
    let openResult: unknown = popup;
    const win: Json = {
      location: { origin: 'http://localhost:3000' },
      crypto: globalThis.crypto,
      addEventListener: (type: string, fn: (e: Json) => void) => type === 'message' && listeners.push(fn),
      open: (url: string) => (opened.push(url), openResult),
      fbAsyncInit() {
        win.FB.init({ appId: APP, autoLogAppEvents: true, xfbml: true, version: 'v25.0' });
      },
    };
    runInNewContext(script, { window: win, console, setTimeout, clearTimeout, setInterval, clearInterval });
    expect(win.fbAsyncInit.hasRun).toBe(true);

    const calls: Json[] = [];
    win.FB.login((r: Json) => calls.push(r), {
      config_id: 'cfg-1',
      response_type: 'code',
      override_default_response_type: true,
      extras: { featureType: 'whatsapp_business_app_onboarding', sessionInfoVersion: '3' },
    });
    const u = new URL(opened[0]);
    expect(u.origin + u.pathname).toBe(`${emu.url}/v25.0/dialog/oauth`);
    expect(u.searchParams.get('app_id')).toBe(APP);
    expect(u.searchParams.get('config_id')).toBe('cfg-1');
    expect(u.searchParams.get('origin')).toBe('http://localhost:3000');
    expect(JSON.parse(u.searchParams.get('extras')!).featureType).toBe('whatsapp_business_app_onboarding');
    const st = u.searchParams.get('state')!;
    const emit = (e: Json) => listeners.forEach((fn) => fn(e));
    emit({ origin: 'null', source: popup, data: { type: 'FB_EMULATOR_AUTH', code: 'AQforged', state: st } });
    emit({ origin: emu.url, source: popup, data: { type: 'FB_EMULATOR_AUTH', code: 'AQwrongstate', state: 'x' } });
    expect(calls).toHaveLength(0);
    emit({ origin: emu.url, source: popup, data: { type: 'FB_EMULATOR_AUTH', code: 'AQgood', state: st } });
    emit({ origin: emu.url, source: popup, data: { type: 'FB_EMULATOR_AUTH', code: 'AQagain', state: st } });
    expect(calls).toEqual([{ authResponse: expect.objectContaining({ code: 'AQgood' }), status: 'connected' }]);

    // Closed popup without a result: one "unknown" callback after the grace period.
    const closedCalls: Json[] = [];
    win.FB.login((r: Json) => closedCalls.push(r), { config_id: 'cfg-1', response_type: 'code', override_default_response_type: true });
    popup.closed = true;
    await new Promise((r) => setTimeout(r, 1300));
    expect(closedCalls).toEqual([{ authResponse: null, status: 'unknown' }]);

    // Blocked popup: window.open returns null.
    openResult = null;
    const blocked: Json[] = [];
    win.FB.login((r: Json) => blocked.push(r), { config_id: 'cfg-1', response_type: 'code', override_default_response_type: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(blocked).toEqual([{ authResponse: null, status: 'unknown' }]);
  });
});

describe('dialog', () => {
  const dialogUrl = (extras: Json = {}, appId = APP) =>
    `${V}/dialog/oauth?app_id=${appId}&config_id=cfg-1&response_type=code&override_default_response_type=true&extras=${encodeURIComponent(JSON.stringify(extras))}&locale=pt_BR&origin=${encodeURIComponent('http://localhost:3000')}&state=s1`;

  it('serves the popup with one button per outcome and no opener-breaking headers', async () => {
    const r = await call('GET', dialogUrl());
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    for (const label of ['Finish (dedicated)', 'Finish (coexistence)', 'Cancel', 'Report error', 'Finish, then fail token exchange', 'Finish, then fail number registration']) {
      expect(r.text).toContain(`>${label}</button>`);
    }
    expect(r.text).toContain('Local Meta emulator');
    expect(r.text).toContain('"targetOrigin":"http://localhost:3000"');
    expect(r.text).toContain('"auto":null');
  });

  it('refuses a wrong app id like Meta would', async () => {
    const r = await call('GET', dialogUrl({}, 'someone-else'));
    expect(r.status).toBe(400);
    expect(r.text).toContain('Invalid App ID');
  });

  it('completes outcomes with Meta-shaped event data', async () => {
    const fin = (await complete('finish')).json;
    expect(fin.event).toBe('FINISH');
    expect(fin.code).toMatch(/^AQ/);
    expect(Object.keys(fin.data).sort()).toEqual(['business_id', 'phone_number_id', 'waba_id']);
    for (const id of Object.values(fin.data) as string[]) expect(id).toMatch(/^[1-9]\d{14,15}$/);
    const coex = (await complete('finish_coexistence')).json;
    expect(coex.event).toBe('FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING');
    expect(Object.keys(coex.data).sort()).toEqual(['business_id', 'waba_id']);
    const cancel = (await complete('cancel')).json;
    expect(cancel).toEqual({ code: null, event: 'CANCEL', data: { current_step: 'PHONE_NUMBER_SETUP' } });
    const err = (await complete('error')).json;
    expect(err.code).toBeNull();
    expect(err.event).toBe('CANCEL');
    expect(err.data).toMatchObject({ error_message: 'Something went wrong', error_code: '524126' });
    expect(err.data.error_id).toBeTruthy();
    expect(err.data.session_id).toBeTruthy();
  });

  it('refuses to mint codes for another origin', async () => {
    const r = await call('POST', '/dialog/complete', { body: { outcome: 'finish' }, headers: { Origin: 'http://evil.example' } });
    expect(r.status).toBe(403);
  });

  it('follows the scenario set through the control endpoint or setScenario', async () => {
    let r = await call('POST', '/_emulator/scenario', { body: { scenario: 'finish' } });
    expect(r.status).toBe(200);
    expect((await call('GET', dialogUrl())).text).toContain('"auto":"finish"');
    // "finish" follows the flow the page requested through extras.featureType.
    expect((await call('GET', dialogUrl({ featureType: 'whatsapp_business_app_onboarding' }))).text).toContain('"auto":"finish_coexistence"');
    r = await call('POST', '/_emulator/scenario', { body: { scenario: 'cancel+callback_first', deliver: 'callback_only' } });
    expect(r.json).toEqual({ scenario: 'cancel', delivery: { order: 'callback_first', deliver: 'callback_only', hostile: false } });
    const page = (await call('GET', dialogUrl())).text;
    expect(page).toContain('"auto":"cancel"');
    expect(page).toContain('"order":"callback_first"');
    expect((await state()).scenario).toBe('cancel');
    expect((await call('POST', '/_emulator/scenario', { body: { scenario: 'finsh' } })).status).toBe(400);
    emu.setScenario('register_error');
    expect((await call('GET', dialogUrl())).text).toContain('"auto":"register_error"');
    expect((await call('POST', '/_emulator/scenario', { body: { scenario: null } })).status).toBe(200);
    expect((await call('GET', dialogUrl())).text).toContain('"auto":null');
  });
});

describe('Graph API', () => {
  it('runs the dedicated completion sequence', async () => {
    const before = (await state()).counts;
    const done = await complete('finish');
    const { phone_number_id: phoneId, waba_id: wabaId } = done.json.data;
    const ex = await exchange(done.json.code);
    expect(ex.status).toBe(200);
    expect(ex.json).toEqual({ access_token: expect.stringMatching(/^EAA/), token_type: 'bearer', expires_in: 5183944 });
    const token = ex.json.access_token;

    const dbg = await call('GET', `${V}/debug_token?input_token=${token}&access_token=${encodeURIComponent(`${APP}|${SECRET}`)}`);
    expect(dbg.status).toBe(200);
    expect(dbg.json.data).toMatchObject({ app_id: APP, is_valid: true });
    expect(dbg.json.data.granular_scopes).toContainEqual({ scope: 'whatsapp_business_management', target_ids: [wabaId] });
    expect(dbg.json.data.scopes).toContain('whatsapp_business_messaging');
    expect((await call('GET', `${V}/debug_token?input_token=${token}`, { token })).status).toBe(200);

    const nums = await call('GET', `${V}/${wabaId}/phone_numbers`, { token });
    expect(nums.status).toBe(200);
    expect(nums.json.data[0]).toMatchObject({ id: phoneId, code_verification_status: 'VERIFIED', quality_rating: 'GREEN' });
    expect(nums.json.data[0].display_phone_number).toMatch(/^\+1 \d{3}-555-01\d{2}$/);
    expect(nums.json.paging.cursors).toBeDefined();

    expect((await call('POST', `${V}/${wabaId}/subscribed_apps`, { token })).json).toEqual({ success: true });
    const reg = await call('POST', `${V}/${phoneId}/register`, { token, body: { messaging_product: 'whatsapp', pin: '123456' } });
    expect(reg.status).toBe(200);
    expect(reg.json).toEqual({ success: true });

    const read = await call('GET', `${V}/${phoneId}?fields=display_phone_number,verified_name,status`, { token });
    expect(read.status).toBe(200);
    expect(read.json).toEqual({ id: phoneId, display_phone_number: nums.json.data[0].display_phone_number, verified_name: expect.any(String), status: 'CONNECTED' });

    const after = (await state()).counts;
    expect(after.codes_issued - before.codes_issued).toBe(1);
    expect(after.codes_exchanged - before.codes_exchanged).toBe(1);
    expect(after.subscriptions - before.subscriptions).toBe(1);
    expect(after.registrations - before.registrations).toBe(1);
  });

  it('accepts a form-encoded register body and rejects a bad pin', async () => {
    const s = await signup();
    const form = await fetch(`${emu.url}${V}/${s.data.phone_number_id}/register`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'messaging_product=whatsapp&pin=12ab',
    });
    expect(form.status).toBe(400);
    expect(((await form.json()) as Json).error).toMatchObject({ code: 100, type: 'OAuthException', fbtrace_id: expect.any(String) });
    const missing = await call('POST', `${V}/${s.data.phone_number_id}/register`, { token: s.token, body: { messaging_product: 'whatsapp' } });
    expect(missing.json.error.code).toBe(100);
  });

  it('runs the coexistence sequence: number resolved from the WABA, sync instead of register', async () => {
    const s = await signup('finish_coexistence');
    expect(s.data.phone_number_id).toBeUndefined();
    const nums = await call('GET', `${V}/${s.data.waba_id}/phone_numbers`, { token: s.token });
    const phoneId = nums.json.data[0].id;
    expect((await call('POST', `${V}/${s.data.waba_id}/subscribed_apps`, { token: s.token })).status).toBe(200);
    for (const sync_type of ['smb_app_state_sync', 'history']) {
      const r = await call('POST', `${V}/${phoneId}/smb_app_data`, { token: s.token, body: { messaging_product: 'whatsapp', sync_type } });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ success: true, request_id: expect.any(String) });
    }
    const reg = await call('POST', `${V}/${phoneId}/register`, { token: s.token, body: { messaging_product: 'whatsapp', pin: '123456' } });
    expect(reg.status).toBe(400);
  });

  it('rejects a reused code with subcode 36009', async () => {
    const { code } = (await complete('finish')).json;
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(again.json.error).toMatchObject({ type: 'OAuthException', code: 100, error_subcode: 36009, message: 'This authorization code has been used.' });
    expect(again.json.error.fbtrace_id).toBeTruthy();
  });

  it('rejects an expired code with subcode 36007', async () => {
    const short = await startMetaEmulator({ port: 0, appId: APP, appSecret: SECRET, codeTtlMs: 5 });
    try {
      const r = await fetch(`${short.url}/dialog/complete`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ outcome: 'finish' }) });
      const { code } = (await r.json()) as Json;
      await new Promise((res) => setTimeout(res, 30));
      const ex = await exchange(code, SECRET, APP, short.url);
      expect(ex.status).toBe(400);
      expect(ex.json.error).toMatchObject({ code: 100, error_subcode: 36007 });
    } finally {
      await short.close();
    }
  });

  it('rejects a wrong secret, a wrong app id and unknown codes', async () => {
    const { code } = (await complete('finish')).json;
    const wrong = await exchange(code, 'nope');
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toMatchObject({ code: 1, message: 'Error validating client secret.', type: 'OAuthException' });
    expect((await exchange(code, SECRET, 'other-app')).json.error.code).toBe(101);
    expect((await exchange('AQ' + 'x'.repeat(40))).json.error).toMatchObject({ code: 100, error_subcode: 36008 });
    expect((await exchange('garbage')).json.error.code).toBe(100);
    // Failed client checks did not burn the code.
    expect((await exchange(code)).status).toBe(200);
  });

  it('fails the token_exchange_error code', async () => {
    const { code, event } = (await complete('token_exchange_error')).json;
    expect(event).toBe('FINISH');
    const ex = await exchange(code);
    expect(ex.status).toBe(400);
    expect(ex.json.error).toMatchObject({ code: 100, error_subcode: 36007 });
  });

  it('refuses a token for another WABA and its numbers', async () => {
    const a = await signup();
    const b = await signup();
    const r = await call('GET', `${V}/${b.data.waba_id}/phone_numbers`, { token: a.token });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect(r.json.error.message).toContain('does not exist, cannot be loaded due to missing permissions');
    expect((await call('POST', `${V}/${b.data.waba_id}/subscribed_apps`, { token: a.token })).status).toBe(400);
    expect((await call('POST', `${V}/${b.data.phone_number_id}/register`, { token: a.token, body: { messaging_product: 'whatsapp', pin: '123456' } })).status).toBe(400);
    const dbg = await call('GET', `${V}/debug_token?input_token=${a.token}&access_token=${encodeURIComponent(`${APP}|${SECRET}`)}`);
    expect(JSON.stringify(dbg.json.data.granular_scopes)).not.toContain(b.data.waba_id);
  });

  it('fails registration of the register_error number with a Graph error', async () => {
    const before = (await state()).counts.register_failures;
    const s = await signup('register_error');
    expect((await call('POST', `${V}/${s.data.waba_id}/subscribed_apps`, { token: s.token })).status).toBe(200);
    const r = await call('POST', `${V}/${s.data.phone_number_id}/register`, { token: s.token, body: { messaging_product: 'whatsapp', pin: '123456' } });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 133005, type: 'OAuthException', message: '(#133005) Two step verification PIN Mismatch' });
    expect((await state()).counts.register_failures).toBe(before + 1);
  });

  it('answers missing, invalid and app tokens and unknown paths like Graph', async () => {
    const s = await signup();
    expect((await call('GET', `${V}/${s.data.waba_id}/phone_numbers`)).json.error.code).toBe(104);
    const bad = await call('GET', `${V}/${s.data.waba_id}/phone_numbers`, { token: 'EAAnotatoken' });
    expect(bad.json.error.code).toBe(190);
    expect(bad.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await call('GET', `${V}/debug_token?input_token=${s.token}&access_token=${encodeURIComponent(`${APP}|wrong`)}`)).json.error.code).toBe(190);
    expect((await call('GET', `${V}/debug_token?input_token=EAAunknown&access_token=${encodeURIComponent(`${APP}|${SECRET}`)}`)).json.data.is_valid).toBe(false);
    const unknown = await call('GET', `${V}/nothing_here`, { token: s.token });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: 100 });
    expect(unknown.json.error.message).toMatch(/^Unsupported get request/);
    const field = await call('GET', `${V}/${s.data.phone_number_id}?fields=display_phone_number,bogus`, { token: s.token });
    expect(field.json.error.message).toBe('(#100) Tried accessing nonexisting field (bogus) on node type (WhatsAppBusinessPhoneNumber)');
    expect((await call('GET', `/v21.0/${s.data.phone_number_id}`, { token: s.token })).status).toBe(200);
  });

  it('reports state and resets it', async () => {
    const st = await state();
    expect(st.counts.codes_issued).toBeGreaterThan(0);
    expect(st.requests.length).toBeGreaterThan(0);
    expect(JSON.stringify(st.requests)).not.toContain(SECRET);
    expect((await call('POST', '/_emulator/reset')).status).toBe(200);
    expect((await state()).counts.codes_issued).toBe(0);
  });
});
