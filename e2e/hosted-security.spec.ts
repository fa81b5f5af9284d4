import type { Request } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  chooseType,
  completeInPopup,
  createCustomerAndLink,
  demoPartner,
  emulatorState,
  getLink,
  manualMetaPopups,
  msg,
  openMetaPopup,
  openSetupPage,
  POPUP,
  recordCompletions,
  tokenOf,
} from './support/hosted';

// What the hosted page keeps from Meta and from other windows: Meta's script runs in the page and
// its popup is Meta's, so the link token must never be readable by either, and only Meta's own
// origin may report a signup result.

test.beforeEach(({ context, emulatorUrl }) => manualMetaPopups(context, emulatorUrl));

test('the link token never reaches Meta: address bar, page, requests, referrers, popup', async ({
  context,
  page,
  api,
  baseURL,
  emulatorUrl,
  request,
}) => {
  const { link } = await createCustomerAndLink(api, demoPartner(baseURL!));
  const token = tokenOf(link);
  const emulatorOrigin = new URL(emulatorUrl).origin;
  const toMeta: { request: Request; headers: Promise<Record<string, string>> }[] = [];
  const documentUrls: string[] = [];
  let sdkRequestedFrom: string | null = null;
  context.on('request', (r) => {
    if (new URL(r.url()).origin !== emulatorOrigin) return;
    // Read at once: a popup's requests are gone once it has closed itself.
    toMeta.push({ request: r, headers: r.allHeaders() });
    if (new URL(r.url()).pathname.endsWith('/sdk.js')) sdkRequestedFrom = r.frame().url();
  });
  page.on('framenavigated', (f) => f === page.mainFrame() && documentUrls.push(f.url()));

  await openSetupPage(page, link);
  await page.waitForFunction(() => 'FB' in window); // Meta's SDK has loaded and runs in the page
  expect(sdkRequestedFrom).toBe(`${baseURL}/setup`);
  expect([...new Set(documentUrls)]).toEqual([`${baseURL}/setup`]); // the /s/ URL never commits
  // Meta's script runs in the page: nothing it can read there holds the token.
  expect(await page.content()).not.toContain(token);
  expect(await page.evaluate(() => document.cookie + location.href + document.referrer + history.length)).not.toContain(
    token,
  );

  await chooseType(page, 'dedicated');
  const popup = await openMetaPopup(page);
  expect(popup.url()).not.toContain(token);
  expect(await popup.evaluate(() => document.referrer + location.href)).not.toContain(token);
  await completeInPopup(page, popup, POPUP.finishDedicated);
  await page.waitForURL((u) => u.pathname === '/demo/partner/success');
  expect(page.url()).not.toContain(token);

  // SDK script, popup document, the popup's own calls: URL, every header (Referer included), body.
  const paths = toMeta.map(({ request: r }) => new URL(r.url()).pathname);
  expect(paths).toEqual(expect.arrayContaining(['/en_US/sdk.js', '/dialog/complete']));
  expect(paths.some((p) => p.endsWith('/dialog/oauth'))).toBe(true);
  for (const { request: r, headers: pending } of toMeta) {
    const headers = await pending;
    const seen = [r.url(), JSON.stringify(headers), r.postData() ?? ''].join('\n');
    expect(seen, `${r.method()} ${r.url()}`).not.toContain(token);
    expect(headers['referer'] ?? '', 'Referrer-Policy: no-referrer').toBe('');
  }
  // Nor does the server send it to Graph.
  const meta = await emulatorState(request, emulatorUrl);
  expect(JSON.stringify(meta.requests)).not.toContain(token);
});

test('forged Embedded Signup messages from other origins are ignored', async ({ context, page, api }) => {
  const { link } = await createCustomerAndLink(api, { allowed_connection_types: ['dedicated'] });
  const completions = recordCompletions(page);
  const forged = JSON.stringify({
    type: 'WA_EMBEDDED_SIGNUP',
    event: 'FINISH',
    version: '3',
    data: { phone_number_id: '100000000000991', waba_id: '100000000000992', business_id: '100000000000993' },
  });
  // Look-alike and wrong-scheme Facebook origins, served by the test itself.
  for (const host of ['https://facebook.com.evil.test', 'http://www.facebook.com']) {
    await context.route(`${host}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>forger</title>' }),
    );
  }
  await openSetupPage(page, link);
  // Meta's window is open, so the page is waiting for a result: the moment a forgery could work.
  const popup = await openMetaPopup(page);
  await expect(page.getByText(msg('en', 'Connect.windowOpen'))).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { __markers: string[] };
    w.__markers = [];
    window.addEventListener(
      'message',
      (e) => typeof e.data === 'string' && e.data.startsWith('marker:') && w.__markers.push(e.data),
    );
  });
  const markers = () => page.evaluate(() => (window as unknown as { __markers: string[] }).__markers);

  // 1. From the page's own origin (e.g. an injected script or a same-origin frame).
  await page.evaluate((m) => {
    window.postMessage(m, '*');
    window.postMessage(JSON.parse(m), '*');
    window.postMessage('marker:self', '*');
  }, forged);
  // 2. From windows on other origins that hold a reference to the page.
  for (const host of ['https://facebook.com.evil.test', 'http://www.facebook.com']) {
    const [forger] = await Promise.all([
      page.waitForEvent('popup'),
      page.evaluate((u) => void window.open(u, '_blank'), `${host}/`),
    ]);
    await forger.waitForLoadState();
    await forger.evaluate(
      ([m, marker]) => {
        window.opener.postMessage(m, '*');
        window.opener.postMessage(marker, '*');
      },
      [forged, `marker:${host}`],
    );
    await forger.close();
  }
  // Messages from one sender arrive in order: once its marker is in, its forgery was handled.
  await expect
    .poll(markers)
    .toEqual(['marker:self', 'marker:https://facebook.com.evil.test', 'marker:http://www.facebook.com']);
  // The page did not react: same screen, still waiting for Meta, nothing sent to the server.
  await expect(page.getByRole('heading', { name: msg('en', 'Connect.heading') })).toBeVisible();
  await expect(page.getByText(msg('en', 'Connect.windowOpen'))).toBeVisible();
  expect(completions).toHaveLength(0);

  // 3. The emulator's hostile delivery: a sandboxed frame in Meta's window (origin "null") posts a
  // forged FINISH and auth result first, then the real result follows. Had any forgery been taken,
  // the first (forged) ids would be sent and the server would refuse them (WABA not granted).
  await popup.getByRole('checkbox', { name: 'First send a forged result from another origin' }).check();
  const { body, answer } = await completeInPopup(page, popup, POPUP.finishDedicated);
  expect(completions).toHaveLength(1);
  expect(body.phone_number_id).not.toBe('100000000000991');
  expect(body.phone_number_id).not.toBe('100000000000001'); // the emulator's forged ids
  expect(body.code).not.toBe('AQforgedByAnotherOrigin000000000000');
  expect(answer?.status).toBe('completed');
  expect(await getLink(api, link)).toMatchObject({
    status: 'used',
    phone_number_id: body.phone_number_id,
    business_account_id: body.waba_id,
  });
});
