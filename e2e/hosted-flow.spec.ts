import type { Page, Request } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  chooseType,
  completeInPopup,
  createCustomerAndLink,
  demoPartner,
  emulatorState,
  getLink,
  manualMetaPopups,
  listConfigs,
  msg,
  openMetaPopup,
  openSetupPage,
  PARTNER,
  POPUP,
  recordCompletions,
  stepIndicator,
  tokenOf,
} from './support/hosted';

// The hosted page end to end (SPEC 6-9): a partner creates a link through the API, a customer opens
// it, goes through the emulated Meta popup by clicking its buttons, and lands where the partner said.

test.beforeEach(({ context, emulatorUrl }) => manualMetaPopups(context, emulatorUrl));

const SUCCESS_PARAMS = ['setup_link_id', 'status', 'phone_number_id', 'business_account_id', 'whatsapp_config_id', 'display_phone_number', 'signature'];
const E164 = /^\+\d{8,15}$/;

/** Waits for the demo partner page and returns the redirect's parameters, in order. */
async function landedOnPartner(page: Page, outcome: 'success' | 'failure') {
  await page.waitForURL((u) => u.pathname === `/demo/partner/${outcome}`);
  await expect(page.getByRole('heading', { name: 'Signature valid', exact: true })).toBeVisible();
  return new URL(page.url()).searchParams;
}

test('dedicated: from the link to the partner page, signed, and the link is used', async ({ page, api, baseURL, request, emulatorUrl }) => {
  const { customer, link } = await createCustomerAndLink(api, demoPartner(baseURL!));
  expect(link.url.startsWith(`${baseURL}/s/`)).toBe(true);
  await openSetupPage(page, link);

  // Three steps while there is a choice of type; the type step is the current one.
  await expect(stepIndicator(page).getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('radio')).toHaveCount(2);
  await chooseType(page, 'dedicated');
  await expect(page.getByRole('heading', { name: msg('en', 'Connect.heading') })).toBeVisible();
  await expect(page.getByText(msg('en', 'Connect.selected', { type: msg('en', 'ConnectionType.dedicated.title') }))).toBeVisible();

  const popup = await openMetaPopup(page);
  await expect(popup.getByText('Dedicated (Cloud API only)')).toBeVisible();
  const { body } = await completeInPopup(page, popup, POPUP.finishDedicated);
  expect(body).toMatchObject({ outcome: 'finish', connection_type: 'dedicated', event: 'FINISH', code: expect.stringMatching(/^AQ/) });

  const params = await landedOnPartner(page, 'success');
  expect([...params.keys()]).toEqual(SUCCESS_PARAMS);
  expect(params.get('status')).toBe('completed');
  expect(params.get('setup_link_id')).toBe(link.id);
  expect(params.get('phone_number_id')).toBe(body.phone_number_id);
  expect(params.get('business_account_id')).toBe(body.waba_id);
  expect(params.get('display_phone_number')).toMatch(E164);
  expect(params.get('signature')).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByRole('heading', { name: 'Onboarding completed' })).toBeVisible();
  await expect(page.getByRole('row', { name: `phone_number_id ${params.get('phone_number_id')}` })).toBeVisible();

  const used = await getLink(api, link);
  expect(used).toMatchObject({
    status: 'used',
    whatsapp_setup_status: 'completed',
    whatsapp_setup_error: null,
    whatsapp_config_id: params.get('whatsapp_config_id'),
    phone_number_id: params.get('phone_number_id'),
    business_account_id: params.get('business_account_id'),
    display_phone_number: params.get('display_phone_number'),
    used_at: expect.any(String),
  });
  const configs = await listConfigs(api, customer.id);
  expect(configs).toHaveLength(1);
  expect(configs[0]).toMatchObject({
    id: params.get('whatsapp_config_id'),
    phone_number_id: params.get('phone_number_id'),
    business_account_id: params.get('business_account_id'),
    connection_type: 'dedicated',
    setup_link_id: link.id,
    access_token_set: true,
  });
  const one = await api.get(`/customers/${customer.id}/whatsapp_configs/${params.get('whatsapp_config_id')}`);
  expect(one.status).toBe(200);

  // Dedicated registers the number with Meta (SPEC 8 step 4) and subscribes the app.
  const meta = await emulatorState(request, emulatorUrl);
  expect(meta.phone_numbers.find((p) => p.id === body.phone_number_id)).toMatchObject({ registered: true });
  expect(meta.wabas.find((w) => w.id === body.waba_id)?.subscribed_apps.length).toBeGreaterThan(0);
});

test('coexistence: Meta reports only the WABA, the server finds the number', async ({ page, api, baseURL, request, emulatorUrl }) => {
  const { customer, link } = await createCustomerAndLink(api, demoPartner(baseURL!));
  await openSetupPage(page, link);
  await chooseType(page, 'coexistence');
  const popup = await openMetaPopup(page);
  await expect(popup.getByText('Coexistence (WhatsApp Business app)')).toBeVisible();
  const { body } = await completeInPopup(page, popup, POPUP.finishCoexistence);
  expect(body).toMatchObject({ outcome: 'finish', connection_type: 'coexistence', event: 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING', waba_id: expect.any(String) });
  expect(body.phone_number_id).toBeUndefined();

  const params = await landedOnPartner(page, 'success');
  expect([...params.keys()]).toEqual(SUCCESS_PARAMS);
  expect(params.get('status')).toBe('completed');
  expect(params.get('business_account_id')).toBe(body.waba_id);
  // The number the server resolved is the one Meta has in that WABA.
  const meta = await emulatorState(request, emulatorUrl);
  const phone = meta.phone_numbers.find((p) => p.waba_id === body.waba_id)!;
  expect(phone).toBeDefined();
  expect(params.get('phone_number_id')).toBe(phone.id);
  expect(params.get('display_phone_number')).toBe(`+${phone.display_phone_number.replace(/\D/g, '')}`);
  // Coexistence never registers the number (it would cut the app off); it asks for the syncs.
  expect(phone.registered).toBe(false);
  expect(phone.syncs).toEqual(expect.arrayContaining(['smb_app_state_sync', 'history']));

  expect(await getLink(api, link)).toMatchObject({ status: 'used', whatsapp_setup_status: 'completed', phone_number_id: phone.id });
  const configs = await listConfigs(api, customer.id);
  expect(configs).toHaveLength(1);
  expect(configs[0]).toMatchObject({ id: params.get('whatsapp_config_id'), connection_type: 'coexistence', phone_number_id: phone.id });
});

test('Arabic: a right-to-left page, localized through to the success screen', async ({ page, api }) => {
  const sdkRequests: string[] = [];
  page.on('request', (r) => r.url().endsWith('/sdk.js') && sdkRequests.push(new URL(r.url()).pathname));
  const { customer, link } = await createCustomerAndLink(api, { language: 'ar' });
  await openSetupPage(page, link);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page).toHaveTitle(msg('ar', 'Common.pageTitle', { partner: PARTNER }));
  await expect(page.getByRole('heading', { name: msg('ar', 'ConnectionType.heading') })).toBeVisible();
  // Steps run right to left: the first one is the rightmost.
  const steps = stepIndicator(page, 'ar').getByRole('listitem');
  await expect(steps).toHaveCount(3);
  const [first, last] = [await steps.nth(0).boundingBox(), await steps.nth(2).boundingBox()];
  expect(first!.x).toBeGreaterThan(last!.x);

  await chooseType(page, 'dedicated', 'ar');
  await expect(page.getByRole('heading', { name: msg('ar', 'Connect.heading') })).toBeVisible();
  const popup = await openMetaPopup(page, 'ar');
  // Meta's own window follows the page's language.
  expect(sdkRequests).toEqual(['/ar_AR/sdk.js']);
  await expect(popup.getByText('ar_AR', { exact: true })).toBeVisible();
  const { answer } = await completeInPopup(page, popup, POPUP.finishDedicated);
  expect(answer).toMatchObject({ status: 'completed', redirect_url: null });

  await expect(page.getByRole('heading', { name: msg('ar', 'Success.heading') })).toBeVisible();
  await expect(page.getByText(msg('ar', 'Success.close'))).toBeVisible();
  const number = page.getByTestId('connected-number');
  await expect(number).toHaveText(answer?.display_phone_number as string);
  // The phone number itself still reads left to right.
  await expect(number).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await getLink(api, link)).toMatchObject({ status: 'used', whatsapp_setup_status: 'completed' });
  expect(await listConfigs(api, customer.id)).toHaveLength(1);
});

test('a link allowing one type skips the picker: two steps, Connect first', async ({ page, api }) => {
  const { customer, link } = await createCustomerAndLink(api, { allowed_connection_types: ['coexistence'] });
  await openSetupPage(page, link);
  await expect(page.getByRole('heading', { name: msg('en', 'Connect.heading') })).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('radiogroup')).toHaveCount(0);
  const steps = stepIndicator(page).getByRole('listitem');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
  await expect(steps.nth(0)).toContainText(msg('en', 'Steps.connect'));
  await expect(steps.nth(1)).toContainText(msg('en', 'Steps.finish'));
  // The preselected type is named, and there is nothing to change it to.
  await expect(page.getByText(msg('en', 'Connect.selected', { type: msg('en', 'ConnectionType.coexistence.title') }))).toBeVisible();
  await expect(page.getByRole('button', { name: msg('en', 'Connect.changeType') })).toHaveCount(0);

  const popup = await openMetaPopup(page);
  await expect(popup.getByText('Coexistence (WhatsApp Business app)')).toBeVisible();
  const { answer } = await completeInPopup(page, popup, POPUP.finishCoexistence);
  expect(answer?.status).toBe('completed');
  await expect(page.getByRole('heading', { name: msg('en', 'Success.heading') })).toBeVisible();
  expect((await listConfigs(api, customer.id))[0]).toMatchObject({ connection_type: 'coexistence' });
});

test('cancel in Meta’s window, then try again and succeed', async ({ page, api, baseURL, request }) => {
  const urls = demoPartner(baseURL!);
  const { customer, link } = await createCustomerAndLink(api, urls);
  await openSetupPage(page, link);
  await chooseType(page, 'dedicated');
  let popup = await openMetaPopup(page);
  const cancelled = await completeInPopup(page, popup, POPUP.cancel);
  expect(cancelled.body).toMatchObject({ outcome: 'cancel', event: 'CANCEL', current_step: 'PHONE_NUMBER_SETUP' });

  await expect(page.getByRole('heading', { name: msg('en', 'Failure.heading') })).toBeVisible();
  await expect(page.getByText(msg('en', 'Failure.reasons.facebook_auth_failed'))).toBeVisible();
  await expect(page.getByText(msg('en', 'Failure.retryHint'))).toBeVisible();
  const back = page.getByRole('link', { name: msg('en', 'Failure.back', { partner: PARTNER }) });
  await expect(back).toBeVisible();
  const href = new URL((await back.getAttribute('href'))!);
  expect(`${href.origin}${href.pathname}`).toBe(urls.failure_redirect_url);
  expect([...href.searchParams.keys()]).toEqual(['setup_link_id', 'status', 'error_code', 'signature']);
  expect(Object.fromEntries(href.searchParams)).toMatchObject({ setup_link_id: link.id, status: 'failed', error_code: 'facebook_auth_failed', signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
  // The partner can trust it: the demo partner page checks the signature.
  const partnerPage = await request.get(href.toString());
  expect(await partnerPage.text()).toContain('Signature valid');

  // A cancel does not use the link up.
  expect(await getLink(api, link)).toMatchObject({ status: 'active', whatsapp_setup_status: 'failed', whatsapp_setup_error: 'facebook_auth_failed', used_at: null });
  expect(await listConfigs(api, customer.id)).toHaveLength(0);

  await page.getByRole('button', { name: msg('en', 'Failure.tryAgain') }).click();
  await expect(page.getByRole('heading', { name: msg('en', 'Connect.heading') })).toBeVisible();
  popup = await openMetaPopup(page);
  const finished = await completeInPopup(page, popup, POPUP.finishDedicated);
  // A fresh one-time attempt id for the second try.
  expect(finished.body.attempt_id).not.toBe(cancelled.body.attempt_id);
  const params = await landedOnPartner(page, 'success');
  expect(params.get('status')).toBe('completed');
  expect(await getLink(api, link)).toMatchObject({ status: 'used', whatsapp_setup_status: 'completed', whatsapp_setup_error: null });
});

test('no redirect URLs: the error offers only "Try again", the success page shows the number', async ({ page, api }) => {
  const { customer, link } = await createCustomerAndLink(api, { allowed_connection_types: ['dedicated'] });
  await openSetupPage(page, link);
  let popup = await openMetaPopup(page);
  await completeInPopup(page, popup, POPUP.cancel);
  await expect(page.getByRole('heading', { name: msg('en', 'Failure.heading') })).toBeVisible();
  const tryAgain = page.getByRole('button', { name: msg('en', 'Failure.tryAgain') });
  await expect(tryAgain).toBeVisible();
  await expect(page.getByRole('link', { name: msg('en', 'Failure.back', { partner: PARTNER }) })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('link')).toHaveCount(0);

  await tryAgain.click();
  popup = await openMetaPopup(page);
  const { answer } = await completeInPopup(page, popup, POPUP.finishDedicated);
  expect(answer).toMatchObject({ status: 'completed', redirect_url: null, display_phone_number: expect.stringMatching(E164) });
  await expect(page.getByRole('heading', { name: msg('en', 'Success.heading') })).toBeVisible();
  await expect(page.getByText(msg('en', 'Success.body', { partner: PARTNER }))).toBeVisible();
  await expect(page.getByText(msg('en', 'Success.close'))).toBeVisible();
  const apiLink = await getLink(api, link);
  await expect(page.getByTestId('connected-number')).toHaveText(apiLink.display_phone_number!);
  expect(new URL(page.url()).pathname).toBe('/setup');
  // All steps done.
  await expect(stepIndicator(page).locator('[aria-current="step"]')).toHaveCount(0);
  expect(await listConfigs(api, customer.id)).toHaveLength(1);
});

test('two tabs on one link: exactly one connects, the other is told the link was used', async ({ context, api }) => {
  const { customer, link } = await createCustomerAndLink(api, { allowed_connection_types: ['dedicated'] });
  const tabs = [await context.newPage(), await context.newPage()];
  for (const tab of tabs) await openSetupPage(tab, link);
  const popups: Page[] = [];
  for (const tab of tabs) popups.push(await openMetaPopup(tab));
  // Both finish at the same time.
  const results = await Promise.all(tabs.map((tab, i) => completeInPopup(tab, popups[i], POPUP.finishDedicated)));

  const statuses = results.map((r) => r.answer?.status).sort();
  expect(statuses).toEqual(['completed', 'failed']);
  const winner = results.findIndex((r) => r.answer?.status === 'completed');
  const loser = tabs[1 - winner];
  expect(results[1 - winner].answer).toMatchObject({ error_code: 'already_used', next_attempt_id: null });
  await expect(tabs[winner].getByRole('heading', { name: msg('en', 'Success.heading') })).toBeVisible();
  await expect(loser.getByRole('heading', { name: msg('en', 'Failure.heading') })).toBeVisible();
  await expect(loser.getByText(msg('en', 'Failure.reasons.already_used'))).toBeVisible();
  // Nothing left to try: the link is gone.
  await expect(loser.getByRole('button', { name: msg('en', 'Failure.tryAgain') })).toHaveCount(0);

  const used = await getLink(api, link);
  expect(used).toMatchObject({ status: 'used', whatsapp_setup_status: 'completed', phone_number_id: results[winner].body.phone_number_id });
  const configs = await listConfigs(api, customer.id);
  expect(configs).toHaveLength(1);
  expect(configs[0].id).toBe(used.whatsapp_config_id);
});

test('the link token never reaches Meta: address bar, page, requests, referrers, popup', async ({ context, page, api, baseURL, emulatorUrl, request }) => {
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
  expect(await page.evaluate(() => document.cookie + location.href + document.referrer + history.length)).not.toContain(token);

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
    await context.route(`${host}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>forger</title>' }));
  }
  await openSetupPage(page, link);
  // Meta's window is open, so the page is waiting for a result: the moment a forgery could work.
  const popup = await openMetaPopup(page);
  await expect(page.getByText(msg('en', 'Connect.windowOpen'))).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { __markers: string[] };
    w.__markers = [];
    window.addEventListener('message', (e) => typeof e.data === 'string' && e.data.startsWith('marker:') && w.__markers.push(e.data));
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
    const [forger] = await Promise.all([page.waitForEvent('popup'), page.evaluate((u) => void window.open(u, '_blank'), `${host}/`)]);
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
  await expect.poll(markers).toEqual(['marker:self', 'marker:https://facebook.com.evil.test', 'marker:http://www.facebook.com']);
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
  expect(await getLink(api, link)).toMatchObject({ status: 'used', phone_number_id: body.phone_number_id, business_account_id: body.waba_id });
});

test('token exchange failure: a localized explanation, and the link stays usable', async ({ page, api }) => {
  const { customer, link } = await createCustomerAndLink(api, { allowed_connection_types: ['dedicated'], language: 'es' });
  await openSetupPage(page, link);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  const popup = await openMetaPopup(page, 'es');
  const { answer } = await completeInPopup(page, popup, POPUP.tokenExchangeError);
  expect(answer).toMatchObject({ status: 'failed', error_code: 'token_exchange_failed', redirect_url: null, next_attempt_id: expect.any(String) });

  await expect(page.getByRole('heading', { name: msg('es', 'Failure.heading') })).toBeVisible();
  await expect(page.getByText(msg('es', 'Failure.reasons.token_exchange_failed'))).toBeVisible();
  await expect(page.getByText(msg('es', 'Failure.code', { code: 'token_exchange_failed' }))).toBeVisible();
  await expect(page.getByRole('button', { name: msg('es', 'Failure.tryAgain') })).toBeVisible();
  // No English on the screen.
  await expect(page.getByRole('main')).not.toContainText(msg('en', 'Failure.heading'));
  await expect(page.getByRole('main')).not.toContainText(msg('en', 'Failure.reasons.token_exchange_failed'));

  expect(await getLink(api, link)).toMatchObject({ status: 'active', whatsapp_setup_status: 'failed', whatsapp_setup_error: 'token_exchange_failed', whatsapp_config_id: null });
  expect(await listConfigs(api, customer.id)).toHaveLength(0);
});
