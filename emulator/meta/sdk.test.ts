// The SDK script over HTTP, then run in a vm with a fake window to check its callback rules
// (vitest cannot open popups; the e2e suite drives the real popup in Chromium).
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { APP, useEmulator, type Json } from './test-helpers.js';

const t = useEmulator();
const LOGIN_OPTIONS = { config_id: 'cfg-1', response_type: 'code', override_default_response_type: true };

describe('SDK script', () => {
  it('is served for /sdk.js and /{fb_locale}/sdk.js, uncached, and mentions FB.login', async () => {
    for (const [path, locale] of [
      ['/sdk.js', 'en_US'],
      ['/es_LA/sdk.js', 'es_LA'],
      ['/ar_AR/sdk.js', 'ar_AR'],
    ]) {
      const r = await t.call('GET', path);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('application/javascript');
      expect(r.headers.get('cache-control')).toContain('no-store');
      expect(r.text).toContain('FB.login');
      expect(r.text).toContain(JSON.stringify(locale));
      expect(r.text).toContain(JSON.stringify(t.emu.url));
    }
  });

  it('defines FB, calls fbAsyncInit and calls the login callback exactly once, trusting only the emulator origin', async () => {
    const script = (await t.call('GET', '/en_US/sdk.js')).text;
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
      ...LOGIN_OPTIONS,
      extras: { featureType: 'whatsapp_business_app_onboarding', sessionInfoVersion: '3' },
    });
    const u = new URL(opened[0]);
    expect(u.origin + u.pathname).toBe(`${t.emu.url}/v25.0/dialog/oauth`);
    expect(u.searchParams.get('app_id')).toBe(APP);
    expect(u.searchParams.get('config_id')).toBe('cfg-1');
    expect(u.searchParams.get('origin')).toBe('http://localhost:3000');
    expect(JSON.parse(u.searchParams.get('extras')!).featureType).toBe('whatsapp_business_app_onboarding');
    const st = u.searchParams.get('state')!;
    const emit = (e: Json) => listeners.forEach((fn) => fn(e));
    emit({ origin: 'null', source: popup, data: { type: 'FB_EMULATOR_AUTH', code: 'AQforged', state: st } });
    emit({ origin: t.emu.url, source: popup, data: { type: 'FB_EMULATOR_AUTH', code: 'AQwrongstate', state: 'x' } });
    expect(calls).toHaveLength(0);
    emit({ origin: t.emu.url, source: popup, data: { type: 'FB_EMULATOR_AUTH', code: 'AQgood', state: st } });
    emit({ origin: t.emu.url, source: popup, data: { type: 'FB_EMULATOR_AUTH', code: 'AQagain', state: st } });
    expect(calls).toEqual([{ authResponse: expect.objectContaining({ code: 'AQgood' }), status: 'connected' }]);

    // Closed popup without a result: one "unknown" callback after the grace period.
    const closedCalls: Json[] = [];
    win.FB.login((r: Json) => closedCalls.push(r), LOGIN_OPTIONS);
    popup.closed = true;
    await new Promise((r) => setTimeout(r, 1300));
    expect(closedCalls).toEqual([{ authResponse: null, status: 'unknown' }]);

    // Blocked popup: window.open returns null.
    openResult = null;
    const blocked: Json[] = [];
    win.FB.login((r: Json) => blocked.push(r), LOGIN_OPTIONS);
    await new Promise((r) => setTimeout(r, 10));
    expect(blocked).toEqual([{ authResponse: null, status: 'unknown' }]);
  });
});
