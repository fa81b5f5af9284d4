import type { Locator, Page } from '@playwright/test';
import ar from '../../messages/ar.json' with { type: 'json' };
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import hi from '../../messages/hi.json' with { type: 'json' };
import id from '../../messages/id.json' with { type: 'json' };
import pt from '../../messages/pt.json' with { type: 'json' };
import { expect, type ApiClient } from './fixtures';
import { E2E_PROJECTS } from '@/scripts/lib/test-keys';
import type { ConnectionType, Locale } from '@/lib/shared/vocabulary';

// Helpers of the customer-facing UI specs (locales, a11y, theme, preview): links made through the
// API, the messages the pages must show, and the emulated Meta popup driven by its buttons.

export type Messages = typeof en;
export const MESSAGES: Record<Locale, Messages> = { en, es, pt, hi, id, ar };

/** The partner name the hosted page shows: the primary e2e project's. */
export const PARTNER = E2E_PROJECTS.primary.name;

/** A message with its simple `{name}` placeholders filled (enough for the strings the specs compare). */
export const fill = (message: string, values: Record<string, string> = { partner: PARTNER }) =>
  message.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

/** Every leaf string of a message file, by dotted key. */
export function flatMessages(messages: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(messages)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else Object.assign(out, flatMessages(v, `${prefix}${k}.`));
  }
  return out;
}

/** English fragments (text between placeholders, 12+ characters) that must not show up in another locale. */
const ENGLISH_FRAGMENTS = [
  ...new Set(
    Object.values(flatMessages(en))
      .flatMap((m) => m.split(/\{[^}]*\}|[.…:?]/))
      .map((s) => s.trim())
      .filter((s) => s.length >= 12),
  ),
];

/** The English message fragments visible in `locator`'s text that `locale`'s own messages do not contain. */
export async function englishLeaks(locator: Locator, locale: Locale): Promise<string[]> {
  if (locale === 'en') return [];
  const text = await locator.innerText();
  const own = Object.values(flatMessages(MESSAGES[locale])).join('\n');
  return ENGLISH_FRAGMENTS.filter((f) => text.includes(f) && !own.includes(f));
}

let seq = 0;
/** A new customer of the primary project and a setup link for it (body in the API's field names). */
export async function newLink(api: ApiClient, setupLink: Record<string, unknown> = {}, customerName?: string) {
  const customer = await api.post('/customers', {
    customer: { name: customerName ?? `UI customer ${process.pid}-${++seq}-${Date.now()}` },
  });
  expect(customer.status, customer.text).toBe(201);
  const link = await api.post(`/customers/${customer.body.data.id}/setup_links`, { setup_link: setupLink });
  expect(link.status, link.text).toBe(201);
  return {
    customerId: customer.body.data.id as string,
    link: link.body.data as { id: string; url: string; [k: string]: unknown },
  };
}

/** Opens a setup link: /s/{token} sets the cookie and sends the browser on to /setup. */
export async function openLink(page: Page, url: string) {
  const res = await page.goto(url);
  await expect(page).toHaveURL(/\/setup$/);
  return res;
}

/** The Connect screen's Facebook button once Meta's SDK (the emulator's) has loaded. */
export async function connectReady(page: Page, locale: Locale) {
  const button = page.getByRole('button', { name: MESSAGES[locale].Connect.button, exact: true });
  await expect(button).toBeVisible();
  await expect(button).not.toHaveAttribute('aria-disabled', 'true');
  return button;
}

export type PopupOutcome = 'Cancel' | 'Finish (dedicated)' | 'Finish (coexistence)';

/** Presses "Continue with Facebook" and picks an outcome in the emulated Meta popup. */
export async function runPopup(page: Page, locale: Locale, outcome: PopupOutcome) {
  const button = await connectReady(page, locale);
  const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
  // The emulator's scenario (POST /_emulator/scenario) is global: if a spec running alongside set
  // one, this popup completes by itself with that outcome instead of the one clicked here.
  await popup.waitForLoadState('domcontentloaded');
  const status = await popup.locator('#status').textContent();
  expect(status, 'the Meta emulator has a global scenario set; this popup would not wait for a click').not.toMatch(
    /^Scenario /,
  );
  await popup.getByRole('button', { name: outcome, exact: true }).click();
  await popup.waitForEvent('close');
}

/** Chooses a connection type on the first step and continues to Connect. */
export async function chooseType(page: Page, locale: Locale, type: ConnectionType) {
  const m = MESSAGES[locale].ConnectionType;
  await page.getByRole('radio', { name: m[type].title, exact: true }).check();
  await page.getByRole('button', { name: m.continue }).click();
  await expect(page.getByRole('heading', { level: 1, name: MESSAGES[locale].Connect.heading })).toBeVisible();
}

/** Fails when the page scrolls sideways at its current viewport width. */
export async function expectNoHorizontalScroll(page: Page, what: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${what}: the page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(
    clientWidth,
  );
}

/** `#rrggbb` -> `rgb(r, g, b)`, the form getComputedStyle returns. */
export const rgb = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
};

/** A token that looks real but names no link. */
export const unknownToken = () => `sl_${'A'.repeat(43)}`;
