import { expect, test } from './support/fixtures';
import { chooseType, createCustomer, createLink, demoPartner, msg, openSetupPage } from './support/hosted';

// Each hosted page is bound to its link. A browser has one link cookie: opening a second link
// replaces it, and the first tab's page must not act on the other customer's link. Its next call
// is refused, and it says so (localized, right to left in Arabic), with nothing changed.

test('the page names the customer whose WhatsApp is set up, escaped', async ({ page, api, baseURL }) => {
  const name = `<b>Pizza & Co</b> ${Date.now()}`;
  const link = await createLink(api, (await createCustomer(api, name)).id, demoPartner(baseURL!));
  await openSetupPage(page, link);
  await expect(page.getByTestId('customer-name')).toHaveText(msg('en', 'Common.forCustomer', { customer: name }));
  await expect(page.locator('b', { hasText: 'Pizza' })).toHaveCount(0); // text, never markup
});

test('a tab of an older link shows "you opened another setup link" and changes nothing', async ({
  context,
  api,
  baseURL,
}) => {
  const first = await createLink(api, (await createCustomer(api)).id, demoPartner(baseURL!));
  const second = await createLink(api, (await createCustomer(api)).id, demoPartner(baseURL!));
  const tab1 = await context.newPage();
  await openSetupPage(tab1, first);
  const tab2 = await context.newPage();
  await openSetupPage(tab2, second); // the browser's cookie is now the second link's

  // The first tab goes on: choosing a type reports a step, refused for the other link.
  await chooseType(tab1, 'dedicated');
  await expect(tab1.getByRole('heading', { name: msg('en', 'LinkMismatch.title') })).toBeVisible();
  await expect(tab1.getByText(msg('en', 'LinkMismatch.hint'))).toBeVisible();
  await expect(tab1.getByRole('button', { name: msg('en', 'Connect.button'), exact: true })).toHaveCount(0);

  // Nothing happened to either link; the second tab still works.
  const state = async (link: typeof first) =>
    (await api.get(`/customers/${link.customer_id}/setup_links/${link.id}`)).body.data;
  // The first tab reported only that it was opened, before the second link took the cookie.
  expect(await state(first)).toMatchObject({ status: 'active', whatsapp_setup_status: 'pending' });
  expect([null, 'opened']).toContain((await state(first)).last_step);
  expect(await state(second)).toMatchObject({ status: 'active', whatsapp_setup_status: 'pending' });
  await chooseType(tab2, 'dedicated');
  await expect(tab2.getByRole('button', { name: msg('en', 'Connect.button'), exact: true })).toBeVisible();
});

test('the mismatch screen in Arabic, right to left', async ({ context, api, baseURL }) => {
  const first = await createLink(api, (await createCustomer(api)).id, { ...demoPartner(baseURL!), language: 'ar' });
  const second = await createLink(api, (await createCustomer(api)).id, { ...demoPartner(baseURL!), language: 'ar' });
  const tab1 = await context.newPage();
  await openSetupPage(tab1, first);
  await openSetupPage(await context.newPage(), second);
  await chooseType(tab1, 'coexistence', 'ar');
  await expect(tab1.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(tab1.getByRole('heading', { name: msg('ar', 'LinkMismatch.title') })).toBeVisible();
});
