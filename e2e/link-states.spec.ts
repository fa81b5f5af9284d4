import { randomBytes } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  completeLinkInBrowser,
  createCustomer,
  createCustomerAndLink,
  createLink,
  demoPartner,
  getLink,
  manualMetaPopups,
  msg,
  openSetupPage,
  PARTNER,
  tokenOf,
  type ApiLink,
} from './support/hosted';
import type { FinalLinkStatus, Locale } from '@/lib/shared/vocabulary';

// What opening a setup link does in each of its states: unknown, active, used,
// expired, revoked; with and without a failure redirect URL.

test.beforeEach(({ context, emulatorUrl }) => manualMetaPopups(context, emulatorUrl));

const unknownToken = () => `sl_${randomBytes(32).toString('base64url')}`;
/** A page's HTML without what legitimately differs per request: the CSP nonce, wherever it is repeated. */
const stable = (html: string) => {
  const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
  return nonce ? html.split(nonce).join('NONCE') : html;
};

/** Asserts GET {link.url} answers 303 straight to the failure URL with `errorCode`, signed; returns that URL. */
async function expectRedirectToFailure(
  request: APIRequestContext,
  link: ApiLink,
  failureUrl: string,
  errorCode: string,
) {
  const res = await request.get(link.url, { maxRedirects: 0 });
  expect(res.status()).toBe(303);
  const location = new URL(res.headers()['location']);
  const base = new URL(failureUrl);
  expect(`${location.origin}${location.pathname}`).toBe(`${base.origin}${base.pathname}`);
  const ours = [...location.searchParams.keys()].slice([...base.searchParams.keys()].length);
  expect(ours).toEqual(['setup_link_id', 'status', 'error_code', 'timestamp', 'signature']);
  // The partner's own query string is kept, first.
  for (const [k, v] of base.searchParams) expect(location.searchParams.get(k)).toBe(v);
  expect(Object.fromEntries(location.searchParams)).toMatchObject({
    setup_link_id: link.id,
    status: 'failed',
    error_code: errorCode,
    signature: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
  // No cookie for a link that cannot be used.
  expect(res.headers()['set-cookie'] ?? '').not.toContain(tokenOf(link));
  return location;
}

/** Follows the link in a page: the demo partner page receives the redirect and checks its signature. */
async function followToPartner(page: Page, link: ApiLink, errorCode: string) {
  await page.goto(link.url);
  await page.waitForURL((u) => u.pathname === '/demo/partner/failure');
  await expect(page.getByRole('heading', { name: 'Signature valid', exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: `error_code ${errorCode}` })).toBeVisible();
  await expect(page.getByRole('row', { name: `setup_link_id ${link.id}` })).toBeVisible();
}

/** The themed, localized page of an inactive link without a failure URL. */
async function expectStatePage(page: Page, link: ApiLink, state: FinalLinkStatus, locale: Locale, primary: string) {
  const response = await page.goto(link.url);
  expect(response?.status()).toBeLessThan(400);
  expect(new URL(page.url()).pathname).toBe('/setup');
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(msg(locale, `LinkState.${state}.title`));
  await expect(page.getByText(msg(locale, `LinkState.${state}.body`, { partner: PARTNER }))).toBeVisible();
  // Nothing to do here but ask for a new link: no flow, no Meta.
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('button', { name: msg(locale, 'Connect.button') })).toHaveCount(0);
  // The link's theme, applied on the server.
  expect(
    await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--theme-primary').trim().toLowerCase(),
    ),
  ).toBe(primary);
  if (locale !== 'en') await expect(page.getByRole('main')).not.toContainText(msg('en', `LinkState.${state}.title`));
}

test('an unknown token: 404 and the same neutral page for every one', async ({ page, api, request }) => {
  // A browser that opened a real link first must not keep seeing it.
  const { link } = await createCustomerAndLink(api);
  await openSetupPage(page, link);

  const tokens = [unknownToken(), unknownToken(), 'not-even-a-token'];
  const texts: string[] = [];
  const bodies: string[] = [];
  for (const token of tokens) {
    const response = await page.goto(`/s/${token}`);
    expect(response?.status(), token).toBe(404);
    expect(page.url()).not.toContain(token);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(msg('en', 'NotFound.title'));
    await expect(page.getByText(msg('en', 'NotFound.body'))).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(0);
    texts.push(await page.locator('body').innerText());

    const res = await request.get(`/s/${token}`, { headers: { 'Accept-Language': 'es' } });
    expect(res.status()).toBe(404);
    const html = await res.text();
    expect(html).not.toContain(token);
    expect(html).toContain(msg('es', 'NotFound.title'));
    bodies.push(stable(html));
  }
  expect(new Set(texts).size).toBe(1);
  expect(new Set(bodies).size).toBe(1);
});

test('opening a link changes nothing: it stays active and pending', async ({ page, api, baseURL, request }) => {
  const { link } = await createCustomerAndLink(api, demoPartner(baseURL!));
  const token = tokenOf(link);
  // What a mail scanner does, then a customer who looks and leaves.
  const res = await request.get(link.url, { maxRedirects: 0 });
  expect(res.status()).toBe(303);
  expect(res.headers()['location']).toMatch(/^(https?:\/\/[^/]+)?\/setup$/); // the token is gone from the URL
  const cookie = res.headers()['set-cookie'];
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(res.headers()['cache-control']).toContain('no-store');
  expect((await request.head(link.url, { maxRedirects: 0 })).status()).toBeLessThan(500);
  expect((await request.get(link.url)).status()).toBe(200);
  await openSetupPage(page, link);
  await page.reload();
  await expect(page.getByRole('radio')).toHaveCount(2);

  expect(await getLink(api, link)).toMatchObject({
    status: 'active',
    whatsapp_setup_status: 'pending',
    whatsapp_setup_error: null,
    used_at: null,
    revoked_at: null,
    url: link.url,
  });
  expect(cookie).toContain(token); // bound to this link (HttpOnly: no script can read it)
});

test('a used link: back to the partner with already_used, or a page saying it was used', async ({
  page,
  api,
  baseURL,
  request,
}) => {
  const failure = `${baseURL}/demo/partner/failure`;
  const withUrl = await createLink(api, (await createCustomer(api)).id, {
    allowed_connection_types: ['dedicated'],
    failure_redirect_url: failure,
  });
  const withoutUrl = await createLink(api, (await createCustomer(api)).id, {
    allowed_connection_types: ['dedicated'],
    language: 'pt',
    theme_config: { primary_color: '#8a2be2' },
  });
  await completeLinkInBrowser(page, withUrl);
  await completeLinkInBrowser(page, withoutUrl, 'dedicated', 'pt');
  for (const link of [withUrl, withoutUrl]) expect(await getLink(api, link)).toMatchObject({ status: 'used' });

  await expectRedirectToFailure(request, withUrl, failure, 'already_used');
  await followToPartner(page, withUrl, 'already_used');
  await expectStatePage(page, withoutUrl, 'used', 'pt', '#8a2be2');
  // Opening it again changed nothing.
  expect(await getLink(api, withoutUrl)).toMatchObject({ status: 'used', whatsapp_setup_status: 'completed' });
});

test('an expired link: back to the partner with link_expired, or a page saying it expired', async ({
  page,
  api,
  baseURL,
  request,
}) => {
  const failure = `${baseURL}/demo/partner/failure`;
  const expiresAt = new Date(Date.now() + 3000).toISOString();
  const [withUrl, withoutUrl] = await Promise.all([
    createCustomer(api).then((c) => createLink(api, c.id, { expires_at: expiresAt, failure_redirect_url: failure })),
    createCustomer(api).then((c) =>
      createLink(api, c.id, { expires_at: expiresAt, language: 'es', theme_config: { primary_color: '#0a7d4f' } }),
    ),
  ]);
  // Usable until it expires: the hosted page, not the failure URL.
  const before = await request.get(withUrl.url, { maxRedirects: 0 });
  expect(before.headers()['location']).toMatch(/\/setup$/);
  await expect
    .poll(async () => (await getLink(api, withUrl)).status, { timeout: 8000, intervals: [250] })
    .toBe('expired');
  expect((await getLink(api, withoutUrl)).status).toBe('expired');

  await expectRedirectToFailure(request, withUrl, failure, 'link_expired');
  await followToPartner(page, withUrl, 'link_expired');
  await expectStatePage(page, withoutUrl, 'expired', 'es', '#0a7d4f');
  expect(await getLink(api, withoutUrl)).toMatchObject({ status: 'expired', whatsapp_setup_status: 'pending' });
});

test('a revoked link: back to the partner with link_revoked, or a page saying it was cancelled', async ({
  page,
  api,
  baseURL,
  request,
}) => {
  // The partner's own query string stays in front of ours.
  const failure = `${baseURL}/demo/partner/failure?ref=crm-42`;
  const customer = await createCustomer(api);
  const replaced = await createLink(api, customer.id, { failure_redirect_url: failure });
  await createLink(api, customer.id); // a newer link revokes it
  const deleted = await createLink(api, (await createCustomer(api)).id, {
    language: 'ar',
    theme_config: { primary_color: '#b3261e' },
  });
  expect((await api.delete(`/customers/${deleted.customer_id}/setup_links/${deleted.id}`)).status).toBe(200);
  for (const link of [replaced, deleted]) expect(await getLink(api, link)).toMatchObject({ status: 'revoked' });

  await expectRedirectToFailure(request, replaced, failure, 'link_revoked');
  await followToPartner(page, replaced, 'link_revoked');
  await expect(page.getByRole('row', { name: 'ref crm-42' })).toBeVisible();
  await expectStatePage(page, deleted, 'revoked', 'ar', '#b3261e');
});

test('the demo partner page trusts only the signed run: every forged variant is "not valid"', async ({
  page,
  api,
  baseURL,
  request,
}) => {
  const failure = `${baseURL}/demo/partner/failure?ref=crm-7`;
  const customer = await createCustomer(api);
  const link = await createLink(api, customer.id, { failure_redirect_url: failure });
  await createLink(api, customer.id); // revokes it: opening it now redirects with a signed failure
  const genuine = (await expectRedirectToFailure(request, link, failure, 'link_revoked')).search;

  // The signed status decides what the page says, not its path.
  await page.goto(`/demo/partner/success${genuine}`);
  await expect(page.getByRole('heading', { name: 'Signature valid', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Onboarding did not complete');

  const forged = [
    genuine.replace('?ref=crm-7', '?status=completed&phone_number_id=1&ref=crm-7'), // ours before the run
    `${genuine}&phone_number_id=123`, // after the signature
    genuine.replace('&timestamp=', '&status=completed&timestamp='), // duplicated inside
    genuine.replace(/setup_link_id=([^&]+)&status=failed/, 'status=failed&setup_link_id=$1'), // reordered
    genuine.replace(/timestamp=(\d+)/, (_m, t) => `timestamp=${Number(t) - 3600}`), // too old (and changed)
  ];
  for (const query of forged) {
    await page.goto(`/demo/partner/success${query}`);
    await expect(page.getByRole('heading', { name: 'Signature NOT valid', exact: true }), query).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redirect not verified');
    await expect(page.getByText('Onboarding completed')).toHaveCount(0);
  }
});
