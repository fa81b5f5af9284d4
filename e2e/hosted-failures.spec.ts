import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  chooseType,
  completeInPopup,
  createCustomerAndLink,
  demoPartner,
  getLink,
  landedOnPartner,
  listConfigs,
  manualMetaPopups,
  msg,
  openMetaPopup,
  openSetupPage,
  PARTNER,
  POPUP,
} from './support/hosted';

// The hosted page when something goes wrong: the customer cancels in Meta's window, the
// token exchange fails, or two tabs race on one link. Each time the customer is told why, and the
// link is used up only by a connection that succeeded.

test.beforeEach(({ context, emulatorUrl }) => manualMetaPopups(context, emulatorUrl));

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
  expect([...href.searchParams.keys()]).toEqual(['setup_link_id', 'status', 'error_code', 'timestamp', 'signature']);
  expect(Object.fromEntries(href.searchParams)).toMatchObject({
    setup_link_id: link.id,
    status: 'failed',
    error_code: 'facebook_auth_failed',
    signature: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
  // The partner can trust it: the demo partner page checks the signature.
  const partnerPage = await request.get(href.toString());
  expect(await partnerPage.text()).toContain('Signature valid');

  // A cancel does not use the link up.
  expect(await getLink(api, link)).toMatchObject({
    status: 'active',
    whatsapp_setup_status: 'failed',
    whatsapp_setup_error: 'facebook_auth_failed',
    used_at: null,
  });
  expect(await listConfigs(api, customer.id)).toHaveLength(0);

  await page.getByRole('button', { name: msg('en', 'Failure.tryAgain') }).click();
  await expect(page.getByRole('heading', { name: msg('en', 'Connect.heading') })).toBeVisible();
  popup = await openMetaPopup(page);
  const finished = await completeInPopup(page, popup, POPUP.finishDedicated);
  // A fresh one-time attempt id for the second try.
  expect(finished.body.attempt_id).not.toBe(cancelled.body.attempt_id);
  const params = await landedOnPartner(page, 'success');
  expect(params.get('status')).toBe('completed');
  expect(await getLink(api, link)).toMatchObject({
    status: 'used',
    whatsapp_setup_status: 'completed',
    whatsapp_setup_error: null,
  });
});

test('token exchange failure: a localized explanation, and the link stays usable', async ({ page, api }) => {
  const { customer, link } = await createCustomerAndLink(api, {
    allowed_connection_types: ['dedicated'],
    language: 'es',
  });
  await openSetupPage(page, link);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  const popup = await openMetaPopup(page, 'es');
  const { answer } = await completeInPopup(page, popup, POPUP.tokenExchangeError);
  expect(answer).toMatchObject({
    status: 'failed',
    error_code: 'token_exchange_failed',
    redirect_url: null,
    next_attempt_id: expect.any(String),
  });

  await expect(page.getByRole('heading', { name: msg('es', 'Failure.heading') })).toBeVisible();
  await expect(page.getByText(msg('es', 'Failure.reasons.token_exchange_failed'))).toBeVisible();
  await expect(page.getByText(msg('es', 'Failure.code', { code: 'token_exchange_failed' }))).toBeVisible();
  await expect(page.getByRole('button', { name: msg('es', 'Failure.tryAgain') })).toBeVisible();
  // No English on the screen.
  await expect(page.getByRole('main')).not.toContainText(msg('en', 'Failure.heading'));
  await expect(page.getByRole('main')).not.toContainText(msg('en', 'Failure.reasons.token_exchange_failed'));

  expect(await getLink(api, link)).toMatchObject({
    status: 'active',
    whatsapp_setup_status: 'failed',
    whatsapp_setup_error: 'token_exchange_failed',
    whatsapp_config_id: null,
  });
  expect(await listConfigs(api, customer.id)).toHaveLength(0);
});

test('two tabs on one link: exactly one connects, the other is told the link was used or busy', async ({
  context,
  api,
}) => {
  const { customer, link } = await createCustomerAndLink(api, { allowed_connection_types: ['dedicated'] });
  const tabs = [await context.newPage(), await context.newPage()];
  for (const tab of tabs) await openSetupPage(tab, link);
  const popups: Page[] = [];
  for (const tab of tabs) popups.push(await openMetaPopup(tab));
  // Both finish at the same time.
  const results = await Promise.all(
    tabs.map((tab, i) => completeInPopup(tab, popups[i], POPUP.finishDedicated, [200, 409])),
  );

  const winner = results.findIndex((r) => r.answer?.status === 'completed');
  expect(winner).toBeGreaterThanOrEqual(0);
  const loser = tabs[1 - winner];
  const lost = results[1 - winner].answer as { error_code?: string; error?: { code: string } } | null;
  // After the winner: the link is used. During it: the link is claimed (the completion lease).
  const reason = lost?.error ? lost.error.code : lost?.error_code;
  expect(['already_used', 'completion_in_progress']).toContain(reason);
  await expect(tabs[winner].getByRole('heading', { name: msg('en', 'Success.heading') })).toBeVisible();
  await expect(loser.getByText(msg('en', `Failure.reasons.${reason as 'already_used'}`))).toBeVisible();

  const used = await getLink(api, link);
  expect(used).toMatchObject({
    status: 'used',
    whatsapp_setup_status: 'completed',
    phone_number_id: results[winner].body.phone_number_id,
  });
  const configs = await listConfigs(api, customer.id);
  expect(configs).toHaveLength(1);
  expect(configs[0].id).toBe(used.whatsapp_config_id);
});
