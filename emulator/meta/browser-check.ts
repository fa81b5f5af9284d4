// Real-browser smoke check of the SDK + popup (vitest cannot open popups):
//   node --import tsx emulator/meta/browser-check.ts      (needs /usr/bin/chromium or CHROMIUM_PATH)
// A page on a second origin, with the hosted page's COOP and nonce CSP, loads the SDK, clicks
// "connect" and records what arrives. Exits non-zero on the first broken expectation.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { chromium, type Page } from '@playwright/test';
import { startMetaEmulator } from './server.js';

const APP = 'check-app';
const emu = await startMetaEmulator({ port: 0, appId: APP, appSecret: 'check-secret' });

function pageHtml(featureType: string | null) {
  const extras = featureType ? { featureType, sessionInfoVersion: '3' } : { sessionInfoVersion: '3' };
  return `<!doctype html><html lang="en"><title>opener</title><button id="go">Connect</button>
<script nonce="n0nce">
window.log = [];
window.addEventListener('message', function (e) {
  if (e.origin !== ${JSON.stringify(emu.url)}) { window.log.push({ kind: 'ignored', origin: e.origin }); return; }
  var d = e.data;
  if (typeof d === 'string') { try { d = JSON.parse(d); } catch (err) { window.log.push({ kind: 'noise' }); return; } }
  if (d && d.type === 'WA_EMBEDDED_SIGNUP') window.log.push({ kind: 'message', event: d.event, data: d.data, version: d.version });
});
window.fbAsyncInit = function () { FB.init({ appId: ${JSON.stringify(APP)}, autoLogAppEvents: true, xfbml: true, version: 'v25.0' }); };
document.getElementById('go').addEventListener('click', function () {
  FB.login(function (r) { window.log.push({ kind: 'callback', response: r }); },
    { config_id: 'cfg-1', response_type: 'code', override_default_response_type: true, extras: ${JSON.stringify(extras)} });
});
</script>
<script nonce="n0nce" async src="${emu.url}/es_LA/sdk.js"></script></html>`;
}

const app = createServer((req, res) => {
  const feature = new URL(req.url ?? '/', 'http://x').searchParams.get('feature');
  res.writeHead(200, {
    'Content-Type': 'text/html',
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
    'Content-Security-Policy': `script-src 'nonce-n0nce' ${emu.url}; frame-src ${emu.url}; object-src 'none'; base-uri 'none'`,
  });
  res.end(pageHtml(feature));
});
await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
type Entry = { kind: string; event?: string; origin?: string; response?: { status: string; authResponse: { code: string } | null } };

async function run(name: string, spec: string | null, opts: { feature?: string; inPopup?: (p: Page) => Promise<void> } = {}) {
  await fetch(`${emu.url}/_emulator/scenario`, { method: 'POST', body: JSON.stringify({ scenario: spec }) });
  const page = await browser.newPage();
  await page.goto(appUrl + (opts.feature ? `/?feature=${opts.feature}` : '/'));
  await page.waitForFunction(() => !!(window as unknown as { FB?: unknown }).FB);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#go')]);
  if (opts.inPopup) await opts.inPopup(popup);
  await page.waitForFunction(() => (window as unknown as { log: Entry[] }).log.some((e) => e.kind === 'callback'), null, { timeout: 10_000 });
  await page.waitForTimeout(300);
  const log = (await page.evaluate(() => (window as unknown as { log: Entry[] }).log)) as Entry[];
  await page.close();
  console.log(`${name}: ${log.map((e) => e.kind + (e.event ? `:${e.event}` : '') + (e.response ? `:${e.response.status}` : '')).join(', ')}`);
  return log;
}
const relevant = (log: Entry[]) => log.filter((e) => e.kind === 'message' || e.kind === 'callback');

try {
  let log = await run('finish', 'finish');
  assert.deepEqual(relevant(log).map((e) => e.kind), ['message', 'callback']);
  const code = relevant(log)[1].response!.authResponse!.code;
  const ex = await fetch(`${emu.url}/v25.0/oauth/access_token?client_id=${APP}&client_secret=check-secret&code=${encodeURIComponent(code)}`);
  assert.equal(ex.status, 200, 'code from the browser exchanges');

  log = await run('coexistence via extras', 'finish', { feature: 'whatsapp_business_app_onboarding' });
  assert.equal(relevant(log)[0].event, 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING');

  log = await run('callback first + hostile', 'finish+callback_first+hostile');
  assert.deepEqual(relevant(log).map((e) => e.kind), ['callback', 'message']);
  assert.ok(log.filter((e) => e.kind === 'ignored' && e.origin === 'null').length >= 2, 'forged messages came from origin "null"');
  assert.ok(!relevant(log)[0].response!.authResponse!.code.includes('forged'), 'SDK ignored the forged code');

  log = await run('callback only', 'finish+callback_only');
  assert.deepEqual(relevant(log).map((e) => e.kind), ['callback']);

  log = await run('manual cancel click', null, { inPopup: (p) => p.getByRole('button', { name: 'Cancel' }).click() });
  assert.equal(relevant(log)[0].event, 'CANCEL');
  assert.equal(relevant(log)[1].response!.authResponse, null);

  log = await run('user closes popup', null, { inPopup: (p) => p.close() });
  assert.deepEqual(relevant(log).map((e) => e.kind), ['callback']);
  assert.equal(relevant(log)[0].response!.status, 'unknown');
  console.log('browser check: all passed');
} finally {
  await browser.close();
  await emu.close();
  app.close();
}
