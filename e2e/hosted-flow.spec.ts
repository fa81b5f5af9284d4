import { expect, test } from './support/fixtures';
import {
  chooseType,
  completeInPopup,
  createCustomerAndLink,
  demoPartner,
  emulatorState,
  getLink,
  landedOnPartner,
  listConfigs,
  manualMetaPopups,
  msg,
  openMetaPopup,
  openSetupPage,
  PARTNER,
  POPUP,
  stepIndicator,
} from './support/hosted';

// The hosted page end to end, when all goes well: a partner creates a link through the
// API, a customer opens it, goes through the emulated Meta popup by clicking its buttons, and lands
// where the partner said. Failures are in hosted-failures.spec.ts, the token's and the page's
// defences in hosted-security.spec.ts.

test.beforeEach(({ context, emulatorUrl }) => manualMetaPopups(context, emulatorUrl));

const SUCCESS_PARAMS = [
  'setup_link_id',
  'status',
  'phone_number_id',
  'business_account_id',
  'whatsapp_config_id',
  'display_phone_number',
  'timestamp',
  'signature',
];
const E164 = /^\+\d{8,15}$/;

test('dedicated: from the link to the partner page, signed, and the link is used', async ({
  page,
  api,
  baseURL,
  request,
  emulatorUrl,
}) => {
  const { customer, link } = await createCustomerAndLink(api, demoPartner(baseURL!));
  expect(link.url.startsWith(`${baseURL}/s/`)).toBe(true);
  await openSetupPage(page, link);

  // Three steps while there is a choice of type; the type step is the current one.
  await expect(stepIndicator(page).getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('radio')).toHaveCount(2);
  await chooseType(page, 'dedicated');
  await expect(page.getByRole('heading', { name: msg('en', 'Connect.heading') })).toBeVisible();
  await expect(
    page.getByText(msg('en', 'Connect.selected', { type: msg('en', 'ConnectionType.dedicated.title') })),
  ).toBeVisible();

  const popup = await openMetaPopup(page);
  await expect(popup.getByText('Dedicated (Cloud API only)')).toBeVisible();
  const { body } = await completeInPopup(page, popup, POPUP.finishDedicated);
  expect(body).toMatchObject({
    outcome: 'finish',
    connection_type: 'dedicated',
    event: 'FINISH',
    code: expect.stringMatching(/^AQ/),
  });

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

  // Dedicated registers the number with Meta and subscribes the app.
  const meta = await emulatorState(request, emulatorUrl);
  expect(meta.phone_numbers.find((p) => p.id === body.phone_number_id)).toMatchObject({ registered: true });
  expect(meta.wabas.find((w) => w.id === body.waba_id)?.subscribed_apps.length).toBeGreaterThan(0);
});

test('coexistence: Meta reports only the WABA, the server finds the number', async ({
  page,
  api,
  baseURL,
  request,
  emulatorUrl,
}) => {
  const { customer, link } = await createCustomerAndLink(api, demoPartner(baseURL!));
  await openSetupPage(page, link);
  await chooseType(page, 'coexistence');
  const popup = await openMetaPopup(page);
  await expect(popup.getByText('Coexistence (WhatsApp Business app)')).toBeVisible();
  const { body } = await completeInPopup(page, popup, POPUP.finishCoexistence);
  expect(body).toMatchObject({
    outcome: 'finish',
    connection_type: 'coexistence',
    event: 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING',
    waba_id: expect.any(String),
  });
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

  expect(await getLink(api, link)).toMatchObject({
    status: 'used',
    whatsapp_setup_status: 'completed',
    phone_number_id: phone.id,
  });
  const configs = await listConfigs(api, customer.id);
  expect(configs).toHaveLength(1);
  expect(configs[0]).toMatchObject({
    id: params.get('whatsapp_config_id'),
    connection_type: 'coexistence',
    phone_number_id: phone.id,
  });
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
  await expect(
    page.getByText(msg('en', 'Connect.selected', { type: msg('en', 'ConnectionType.coexistence.title') })),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: msg('en', 'Connect.changeType') })).toHaveCount(0);

  const popup = await openMetaPopup(page);
  await expect(popup.getByText('Coexistence (WhatsApp Business app)')).toBeVisible();
  const { answer } = await completeInPopup(page, popup, POPUP.finishCoexistence);
  expect(answer?.status).toBe('completed');
  await expect(page.getByRole('heading', { name: msg('en', 'Success.heading') })).toBeVisible();
  expect((await listConfigs(api, customer.id))[0]).toMatchObject({ connection_type: 'coexistence' });
});

test('no redirect URLs: the error offers only "Try again", the success page shows the number', async ({
  page,
  api,
}) => {
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
  expect(answer).toMatchObject({
    status: 'completed',
    redirect_url: null,
    display_phone_number: expect.stringMatching(E164),
  });
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
