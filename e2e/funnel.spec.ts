import { expect, test, type ApiClient } from './support/fixtures';
import {
  chooseType,
  completeInPopup,
  createCustomerAndLink,
  manualMetaPopups,
  openMetaPopup,
  openSetupPage,
  POPUP,
} from './support/hosted';

// The partner's funnel, as a real browser produces it: the page's script reports each step,
// Meta's CANCEL ends the attempt, and the link's timeline lists them in order. A plain fetch of
// the link (a mail scanner) reports nothing.

test.beforeEach(({ context, emulatorUrl }) => manualMetaPopups(context, emulatorUrl));

async function timeline(api: ApiClient, link: { id: string; customer_id: string }): Promise<string[]> {
  const res = await api.get(`/customers/${link.customer_id}/setup_links/${link.id}/events`);
  expect(res.status, res.text).toBe(200);
  return res.body.data.map((e: { type: string }) => e.type);
}

test('open, choose a type, open Meta’s window and cancel: the events in order', async ({ page, api }) => {
  const { link } = await createCustomerAndLink(api);
  await openSetupPage(page, link);
  await expect.poll(() => timeline(api, link)).toEqual(['setup_link.created', 'setup_link.opened']);
  await chooseType(page, 'coexistence');
  const popup = await openMetaPopup(page);
  await completeInPopup(page, popup, POPUP.cancel);
  await expect
    .poll(() => timeline(api, link))
    .toEqual([
      'setup_link.created',
      'setup_link.opened',
      'setup_link.connection_type_selected',
      'setup_link.facebook_opened',
      'setup_link.cancelled',
    ]);
  const res = await api.get(`/customers/${link.customer_id}/setup_links/${link.id}`);
  expect(res.body.data).toMatchObject({ last_step: 'cancelled', opened_at: expect.any(String) });
  const events = (await api.get(`/customers/${link.customer_id}/setup_links/${link.id}/events`)).body.data;
  expect(events[2].data).toMatchObject({ connection_type: 'coexistence' });
  expect(events[4].data).toMatchObject({ current_step: 'PHONE_NUMBER_SETUP', error_code: 'facebook_auth_failed' });
});

test('a plain GET of the link, as a mail scanner makes it, reports nothing', async ({ request, api }) => {
  const { link } = await createCustomerAndLink(api);
  const res = await request.get(link.url); // follows the 303 to /setup with the cookie
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain('<html');
  expect(await timeline(api, link)).toEqual(['setup_link.created']);
  const after = await api.get(`/customers/${link.customer_id}/setup_links/${link.id}`);
  expect(after.body.data).toMatchObject({ opened_at: null, last_step: null });
});
