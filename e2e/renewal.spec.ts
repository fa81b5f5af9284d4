import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type ApiClient } from './support/fixtures';
import { createCustomer, createLink, msg, PARTNER, type ApiLink } from './support/hosted';
import { expectNoHorizontalScroll } from './support/ui';
import { E2E_PROJECTS } from '@/scripts/lib/test-keys';
import type { Locale } from '@/lib/shared/vocabulary';

// "Ask {partner} for a new link" on the page of a link that is no longer active: offered only when
// the partner receives setup_link.renewal_requested, once per link per hour.
//
// The endpoint is created in the other e2e project and deleted afterwards, so that the primary
// project (every other spec's) never has a subscriber: its state pages keep showing no button.

const EVENT = 'setup_link.renewal_requested';

/** A revoked link without a failure URL: opening it shows the state page. */
async function revokedLink(api: ApiClient, input: { language?: Locale } = {}): Promise<ApiLink> {
  const link = await createLink(api, (await createCustomer(api)).id, input);
  const res = await api.delete(`/customers/${link.customer_id}/setup_links/${link.id}`);
  expect(res.status, res.text).toBe(200);
  return link;
}

async function openStatePage(page: Page, link: ApiLink, locale: Locale) {
  const response = await page.goto(link.url);
  expect(response?.status()).toBeLessThan(400);
  expect(new URL(page.url()).pathname).toBe('/setup');
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(msg(locale, 'LinkState.revoked.title'));
}

const renewalButton = (page: Page, locale: Locale, partner: string) =>
  page.getByRole('button', { name: msg(locale, 'LinkState.renewal.button', { partner }), exact: true });

/** Clicks the button; the page's POST /setup/renewal must be answered 200. */
async function askForNewLink(page: Page, locale: Locale, partner: string) {
  const button = renewalButton(page, locale, partner);
  await expect(button).toBeVisible();
  await expect(button).toBeEnabled(); // aria-disabled until hydrated
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/setup/renewal'),
    button.click(),
  ]);
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'requested' });
  const sent = msg(locale, 'LinkState.renewal.sent', { partner });
  await expect(page.getByText(sent)).toBeVisible();
  await expect(button).toHaveCount(0);
  // Focus moved to the answer rather than falling back to the page's top.
  await expect(page.locator(':focus')).toContainText(sent);
}

test('a revoked link whose partner receives renewal requests: ask once, confirmed, also after a reload', async ({
  page,
  otherApi,
  baseURL,
}) => {
  const partner = E2E_PROJECTS.other.name;
  const created = await otherApi.post('/webhooks', {
    webhook: { url: 'https://example.com/hooks', events: [EVENT] },
  });
  expect(created.status, created.text).toBe(201);
  const endpointId = created.body.data.id as string;
  try {
    const link = await revokedLink(otherApi);
    await openStatePage(page, link, 'en');
    // The text still says what happened; the button does the asking.
    await expect(page.getByText(msg('en', 'LinkState.revoked.body', { partner }))).toBeVisible();
    await askForNewLink(page, 'en', partner);

    // The request went to the partner's endpoint as the event.
    const deliveries = await otherApi.get(`/webhooks/${endpointId}/deliveries`);
    expect(deliveries.status, deliveries.text).toBe(200);
    expect((deliveries.body.data as Array<{ event_type: string }>).map((d) => d.event_type)).toEqual([EVENT]);

    // Once per hour: the page remembers it, and the endpoint says when to ask again.
    await page.reload();
    await expect(page.getByText(msg('en', 'LinkState.renewal.sent', { partner }))).toBeVisible();
    await expect(renewalButton(page, 'en', partner)).toHaveCount(0);
    const again = await page.request.post('/setup/renewal', {
      data: { setup_link_id: link.id },
      headers: { Origin: new URL(baseURL!).origin },
      failOnStatusCode: false,
    });
    expect(again.status()).toBe(429);
    expect((await again.json()).error.code).toBe('renewal_already_requested');
    expect(Number(again.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await otherApi.get(`/webhooks/${endpointId}/deliveries`)).body.data).toHaveLength(1);

    // Right to left, in Arabic: the same button and confirmation, accessible, fitting a phone.
    const arabic = await revokedLink(otherApi, { language: 'ar' });
    await openStatePage(page, arabic, 'ar');
    await expect(renewalButton(page, 'ar', partner)).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page, 'the Arabic state page at 320 px');
    await askForNewLink(page, 'ar', partner);
  } finally {
    expect((await otherApi.delete(`/webhooks/${endpointId}`)).status).toBe(204);
  }
});

test('a revoked link whose partner receives no renewal requests: no button, the text says to ask them', async ({
  page,
  api,
  baseURL,
}) => {
  const link = await revokedLink(api);
  await openStatePage(page, link, 'en');
  await expect(page.getByText(msg('en', 'LinkState.revoked.body', { partner: PARTNER }))).toBeVisible();
  await expect(renewalButton(page, 'en', PARTNER)).toHaveCount(0);
  await expect(page.getByText(msg('en', 'LinkState.renewal.sent', { partner: PARTNER }))).toHaveCount(0);
  // Nor does the endpoint take a request nobody would receive.
  const res = await page.request.post('/setup/renewal', {
    data: { setup_link_id: link.id },
    headers: { Origin: new URL(baseURL!).origin },
    failOnStatusCode: false,
  });
  expect(res.status()).toBe(409);
  expect((await res.json()).error.code).toBe('renewal_unavailable');
});
