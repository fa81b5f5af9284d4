import {
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Locator,
  type Page,
  type Request,
} from '@playwright/test';
import type { ApiClient } from './fixtures';
import {
  CONNECTION_TYPES,
  type ConnectionType,
  type FailureCode,
  type LinkStatus,
  type Locale,
  type SetupStatus,
} from '@/lib/shared/vocabulary';
import { fill, MESSAGES } from './ui';

// Shared steps of the hosted-page specs: a customer and a setup link through the API, opening the
// link in a page, and driving the emulated Meta popup by its buttons (never by the emulator's
// global scenario, which parallel workers share).

export { PARTNER } from './ui';

/** A message of the app's own catalog, `{name}` placeholders filled in (no ICU plurals needed here). */
export function msg(locale: Locale, key: string, values: Record<string, string> = {}): string {
  const found = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], MESSAGES[locale]);
  if (typeof found !== 'string') throw new Error(`No message ${locale}:${key}`);
  return fill(found, values);
}

/** Where the built-in demo partner page receives redirects (http://localhost is allowed in dev mode). */
export const demoPartner = (baseURL: string) => ({
  success_redirect_url: `${baseURL}/demo/partner/success`,
  failure_redirect_url: `${baseURL}/demo/partner/failure`,
});

export interface LinkInput {
  success_redirect_url?: string | null;
  failure_redirect_url?: string | null;
  allowed_connection_types?: ConnectionType[];
  language?: Locale | null;
  theme_config?: Record<string, string>;
  expires_at?: string;
  provision_phone_number?: boolean;
  phone_number_area_code?: string | null;
}

let seq = 0;
export async function createCustomer(api: ApiClient, name = `Hosted Co ${process.pid}-${++seq}`) {
  const res = await api.post('/customers', { customer: { name } });
  expect(res.status, res.text).toBe(201);
  return res.body.data as { id: string; name: string };
}

export async function createLink(api: ApiClient, customerId: string, input: LinkInput = {}) {
  const res = await api.post(`/customers/${customerId}/setup_links`, { setup_link: input });
  expect(res.status, res.text).toBe(201);
  return res.body.data as ApiLink;
}

/** A fresh customer with one active setup link. */
export async function createCustomerAndLink(api: ApiClient, input: LinkInput = {}) {
  const customer = await createCustomer(api);
  const link = await createLink(api, customer.id, input);
  return { customer, link };
}

export interface ApiLink {
  id: string;
  customer_id: string;
  status: LinkStatus;
  url: string;
  whatsapp_setup_status: SetupStatus;
  whatsapp_setup_error: FailureCode | null;
  whatsapp_config_id: string | null;
  phone_number_id: string | null;
  business_account_id: string | null;
  display_phone_number: string | null;
  used_at: string | null;
  [key: string]: unknown;
}

export async function getLink(api: ApiClient, link: { id: string; customer_id: string }): Promise<ApiLink> {
  const res = await api.get(`/customers/${link.customer_id}/setup_links/${link.id}`);
  expect(res.status, res.text).toBe(200);
  return res.body.data as ApiLink;
}

export async function listConfigs(api: ApiClient, customerId: string) {
  const res = await api.get(`/customers/${customerId}/whatsapp_configs`);
  expect(res.status, res.text).toBe(200);
  return res.body.data as Array<Record<string, unknown> & { id: string }>;
}

/** The link token, out of `url` (`{APP_URL}/s/{token}`). */
export const tokenOf = (link: { url: string }) => {
  const token = new URL(link.url).pathname.split('/').pop()!;
  expect(token).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);
  return token;
};

/** Opens the setup link as a customer would, and waits for the hosted page (/setup, token gone). */
export async function openSetupPage(page: Page, link: { url: string }) {
  const response = await page.goto(link.url);
  expect(new URL(page.url()).pathname).toBe('/setup');
  expect(response?.status()).toBe(200);
  return response;
}

/** Step 1: pick a card by its accessible name, then Continue. */
export async function chooseType(page: Page, type: ConnectionType, locale: Locale = 'en') {
  await page.getByRole('radio', { name: msg(locale, `ConnectionType.${type}.title`) }).check();
  await page.getByRole('button', { name: msg(locale, 'ConnectionType.continue'), exact: true }).click();
}

/** "Continue with Facebook": present (under this name) only once Meta's SDK is ready. */
export const connectButton = (page: Page, locale: Locale = 'en') =>
  page.getByRole('button', { name: msg(locale, 'Connect.button'), exact: true });

/** Clicks "Continue with Facebook" and returns Meta's (the emulator's) popup. */
export async function openMetaPopup(page: Page, locale: Locale = 'en'): Promise<Page> {
  const button = connectButton(page, locale);
  await expect(button).toBeVisible();
  const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
  await expect(popup.getByRole('heading', { name: 'Connect WhatsApp Business' })).toBeVisible();
  return popup;
}

/**
 * Makes every Meta popup of `context` wait for a click, whatever another spec has set as the
 * emulator's global scenario or delivery (POST /_emulator/scenario applies to every worker): the
 * popup is asked for the default delivery and its unattended outcome is switched off.
 */
export async function manualMetaPopups(context: BrowserContext, emulatorUrl: string) {
  const origin = new URL(emulatorUrl).origin;
  await context.route(
    (url) => url.origin === origin && /\/dialog\/oauth$/.test(url.pathname),
    async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('order', 'message_first');
      url.searchParams.set('deliver', 'both');
      url.searchParams.set('hostile', '0');
      const response = await route.fetch({ url: url.toString() });
      const body = (await response.text()).replace(/"auto":"[a-z_]+"/, '"auto":null');
      if (response.ok() && !body.includes('"auto":null'))
        throw new Error('The emulator popup changed: cannot switch off its scenario');
      await route.fulfill({ response, body });
    },
  );
}

/** The emulator popup's outcome buttons (emulator/meta/dialog-page.ts). */
export const POPUP = {
  finishDedicated: 'Finish (dedicated)',
  finishCoexistence: 'Finish (coexistence)',
  cancel: 'Cancel',
  reportError: 'Report error',
  tokenExchangeError: 'Finish, then fail token exchange',
  registerError: 'Finish, then fail number registration',
} as const;

export const popupButton = (popup: Page, label: (typeof POPUP)[keyof typeof POPUP]): Locator =>
  popup.getByRole('button', { name: label, exact: true });

export interface CompletionCall {
  request: Request;
  /** The JSON body the page posted to /setup/complete. */
  body: Record<string, string>;
}

/** Records every POST /setup/complete a page makes (the code and the ids it reports to the server). */
export function recordCompletions(page: Page): CompletionCall[] {
  const calls: CompletionCall[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/setup/complete') {
      calls.push({ request, body: request.postDataJSON() as Record<string, string> });
    }
  });
  return calls;
}

/**
 * Clicks an outcome in the popup and waits for the page's completion request, its answer, and the
 * popup closing itself (as Meta's does: a retry clicked before that would reuse the closing window).
 * `answer` is null when the page navigated away at once (a redirect): its body is gone by then.
 */
export async function completeInPopup(
  page: Page,
  popup: Page,
  label: (typeof POPUP)[keyof typeof POPUP],
  // Two tabs racing: the one that finds the link claimed by the other gets 409 completion_in_progress.
  statuses: number[] = [200],
) {
  const closed = popup.waitForEvent('close');
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/setup/complete'),
    popupButton(popup, label).click(),
  ]);
  const response = await request.response();
  expect(response, 'POST /setup/complete got no answer').not.toBeNull();
  expect(statuses).toContain(response!.status());
  const answer = (await response!.json().catch(() => null)) as Record<string, unknown> | null;
  await closed;
  return { body: request.postDataJSON() as Record<string, string>, answer };
}

/** Waits for the demo partner page and returns the redirect's parameters, in order. */
export async function landedOnPartner(page: Page, outcome: 'success' | 'failure') {
  await page.waitForURL((u) => u.pathname === `/demo/partner/${outcome}`);
  await expect(page.getByRole('heading', { name: 'Signature valid', exact: true })).toBeVisible();
  return new URL(page.url()).searchParams;
}

/** The emulator's counters and objects (GET /_emulator/state). */
export async function emulatorState(request: APIRequestContext, emulatorUrl: string) {
  const res = await request.get(`${emulatorUrl}/_emulator/state`);
  return (await res.json()) as {
    counts: Record<string, number>;
    phone_numbers: Array<{
      id: string;
      waba_id: string;
      display_phone_number: string;
      coexistence: boolean;
      registered: boolean;
      syncs: string[];
    }>;
    wabas: Array<{ id: string; subscribed_apps: string[] }>;
    requests: Array<{ method: string; path: string; status: number }>;
  };
}

/** The step indicator (an ordered list named "Setup steps"). */
export const stepIndicator = (page: Page, locale: Locale = 'en') =>
  page.getByRole('list', { name: msg(locale, 'Steps.label') });

/**
 * The whole customer journey on one page, in the page's language `locale`: open, choose (when
 * there is a choice), connect, finish in the popup. Returns what the page reported and the answer.
 */
export async function completeLinkInBrowser(
  page: Page,
  link: ApiLink,
  type: ConnectionType = 'dedicated',
  locale: Locale = 'en',
) {
  await openSetupPage(page, link);
  const types = (link.allowed_connection_types as ConnectionType[] | undefined) ?? [...CONNECTION_TYPES];
  if (types.length > 1) await chooseType(page, type, locale);
  const popup = await openMetaPopup(page, locale);
  return completeInPopup(page, popup, type === 'dedicated' ? POPUP.finishDedicated : POPUP.finishCoexistence);
}
