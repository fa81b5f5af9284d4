import { expect, test } from './support/fixtures';
import {
  createCustomerAndLink,
  demoPartner,
  getLink,
  landedOnPartner,
  manualMetaPopups,
  msg,
  openMetaPopup,
  openSetupPage,
} from './support/hosted';

// Provisioning links against both emulators: the phone step buys the number (one per link, never
// on a GET), Meta's "number from my provider" path texts the code to it through Twilio, the page
// shows the code, and the onboarding completes with the number; unused numbers are released.

test.beforeEach(({ context, emulatorUrl }) => manualMetaPopups(context, emulatorUrl));

const PROVISIONING = {
  provision_phone_number: true,
  phone_number_area_code: '415',
  allowed_connection_types: ['dedicated' as const],
};

async function twilioState(twilioUrl: string) {
  return (await (await fetch(`${twilioUrl}/_emulator/state`)).json()) as {
    incoming_phone_numbers: Array<{ phone_number: string }>;
    released_phone_numbers: Array<{ phoneNumber?: string; phone_number?: string }>;
  };
}

test('the full flow: number bought on the phone step, code shown after the SMS, onboarding completed', async ({
  page,
  api,
  baseURL,
}) => {
  const { link } = await createCustomerAndLink(api, { ...PROVISIONING, ...demoPartner(baseURL!) });
  await openSetupPage(page, link);
  const shown = page.getByTestId('provisioned-number');
  await expect(shown).toHaveText(/^\+1 415/);
  const bought = (await getLink(api, link)).provisioned_phone_number as Record<string, string>;
  expect(bought).toMatchObject({ status: 'active', area_code: '415', country_iso: 'US', country_dial_code: '+1' });
  expect(bought.phone_number).toMatch(/^\+1415\d{7}$/);
  await expect(page.getByText(msg('en', 'PhoneNumber.codeWaiting'))).toBeVisible();

  const popup = await openMetaPopup(page);
  await popup.getByRole('button', { name: 'Use a number from my provider' }).click();
  await popup.getByLabel('Phone number, with country code').fill(bought.phone_number);
  await popup.getByRole('button', { name: 'Send code by SMS' }).click();
  // Meta's SMS reaches the number (Twilio emulator -> signed webhook -> us); the page shows it.
  const code = page.getByTestId('verification-code');
  await expect(code).toHaveText(/^\d{6}$/, { timeout: 5000 });
  await popup.getByLabel('Verification code').fill((await code.textContent())!);
  await popup.getByRole('button', { name: 'Verify and finish' }).click();

  const params = await landedOnPartner(page, 'success');
  expect(params.get('provisioned_phone_number_id')).toBe(bought.id);
  const used = await getLink(api, link);
  expect(used).toMatchObject({ status: 'used', provisioned_phone_number: { id: bought.id, status: 'active' } });
  expect(used.display_phone_number?.replace(/\D/g, '')).toBe(bought.phone_number.replace(/\D/g, ''));
});

test('a GET of the link buys nothing; revoking an opened link releases its number', async ({
  page,
  api,
  request,
  twilioUrl,
}) => {
  const { link } = await createCustomerAndLink(api, PROVISIONING);
  expect((await request.get(link.url)).status()).toBe(200);
  expect((await getLink(api, link)).provisioned_phone_number).toBeNull();

  await openSetupPage(page, link);
  await expect(page.getByTestId('provisioned-number')).toBeVisible();
  await page.reload(); // a second visit answers the same number
  await expect(page.getByTestId('provisioned-number')).toBeVisible();
  const { phone_number } = (await getLink(api, link)).provisioned_phone_number as { phone_number: string };
  const state = await twilioState(twilioUrl);
  expect(state.incoming_phone_numbers.filter((n) => n.phone_number === phone_number)).toHaveLength(1);

  expect((await api.delete(`/customers/${link.customer_id}/setup_links/${link.id}`)).status).toBe(200);
  await expect
    .poll(async () => ((await getLink(api, link)).provisioned_phone_number as { status: string }).status)
    .toBe('released');
  const after = await twilioState(twilioUrl);
  expect(after.incoming_phone_numbers.map((n) => n.phone_number)).not.toContain(phone_number);
});

test('no stock for the area code: a localized message and a failure code, no 5xx', async ({ page, api }) => {
  const { link } = await createCustomerAndLink(api, { ...PROVISIONING, phone_number_area_code: '999' });
  await openSetupPage(page, link);
  await expect(page.getByText(msg('en', 'Failure.reasons.phone_number_unavailable'))).toBeVisible();
  expect(await getLink(api, link)).toMatchObject({
    status: 'active',
    whatsapp_setup_error: 'phone_number_unavailable',
    provisioned_phone_number: null,
  });
});
