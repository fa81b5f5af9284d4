import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { expect, test, watchServerErrors } from './support/fixtures';
import { LOCALES, type Locale } from '@/lib/shared/vocabulary';
import { englishLeaks, fill, MESSAGES, newLink, openLink, unknownToken } from './support/ui';

// Language: six locales, <html lang dir>, translated text and titles, and the order
// switcher choice > link language > Accept-Language > en.

const en = MESSAGES.en;

// Every test makes its own links and contexts.
test.describe.configure({ mode: 'parallel' });

/** A fresh browser context (its 5xx answers are checked like the `page` fixture's). */
async function newContext(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const errors = watchServerErrors(context);
  return { context, page: await context.newPage(), errors };
}

/** The first step's heading and button, and the document language, in `locale`. */
async function expectTypeStepIn(page: Page, locale: Locale) {
  const m = MESSAGES[locale];
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.ConnectionType.heading);
  await expect(page.getByRole('button', { name: m.ConnectionType.continue })).toBeVisible();
  await expect(page).toHaveTitle(fill(m.Common.pageTitle));
}

for (const locale of LOCALES) {
  test(`a link with language "${locale}" renders the page in ${locale}`, async ({ api, browser }) => {
    const m = MESSAGES[locale];
    // A browser that asks for another language: the link's language must still win.
    const { context, page, errors } = await newContext(browser, { locale: locale === 'es' ? 'pt-BR' : 'es-ES' });
    const { link } = await newLink(api, { language: locale });
    await openLink(page, link.url);
    await expectTypeStepIn(page, locale);

    const heading = await page.getByRole('heading', { level: 1 }).innerText();
    const button = await page.getByRole('button', { name: m.ConnectionType.continue }).innerText();
    const title = await page.title();
    if (locale === 'en') {
      expect(heading).toBe(en.ConnectionType.heading);
    } else {
      expect(heading).not.toBe(en.ConnectionType.heading);
      expect(button.trim()).not.toBe(en.ConnectionType.continue);
      expect(title).not.toBe(fill(en.Common.pageTitle));
      // No English sentence anywhere on the first step (labels, cards, step names, switcher...).
      expect(await englishLeaks(page.locator('body'), locale), `English text on the ${locale} page`).toEqual([]);
      // The options' own names stay, but the switcher's label and button are translated.
      await expect(page.getByLabel(m.LanguageSwitcher.label, { exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: m.LanguageSwitcher.submit })).toBeVisible();
    }
    // Layout follows the direction: step 1 sits right of step 2 in Arabic, and the forward arrow
    // on Continue points left (mirrored).
    const steps = page.getByRole('list', { name: m.Steps.label }).getByRole('listitem');
    const [first, second] = [(await steps.nth(0).boundingBox())!, (await steps.nth(1).boundingBox())!];
    expect(first.x > second.x, 'step 1 right of step 2').toBe(locale === 'ar');
    const arrow = page.getByRole('button', { name: m.ConnectionType.continue }).locator('svg');
    // Mirrored by the `scale` property (Tailwind 4) or by a transform: either flips x.
    const mirrored = await arrow.evaluate((el) => {
      const c = getComputedStyle(el);
      return parseFloat(c.scale) < 0 || new DOMMatrixReadOnly(c.transform === 'none' ? undefined : c.transform).a < 0;
    });
    expect(mirrored, 'forward arrow mirrored').toBe(locale === 'ar');
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('Accept-Language decides when the link has no language, else English', async ({ api, browser }) => {
  const { link } = await newLink(api, { language: null });
  for (const [browserLocale, expected] of [
    ['es-ES', 'es'],
    ['ar-EG', 'ar'],
    ['de-DE', 'en'],
  ] as const) {
    const c = await newContext(browser, { locale: browserLocale });
    await openLink(c.page, link.url);
    await expectTypeStepIn(c.page, expected);
    expect(c.errors).toEqual([]);
    await c.context.close();
  }
});

test('Accept-Language q-values are honoured (over HTTP)', async ({ api, playwright, baseURL }) => {
  const { link } = await newLink(api, { language: null });
  for (const [header, expected] of [
    ['de-DE, id;q=0.5, hi-IN;q=0.8', 'hi'],
    ['fr-FR, pt-BR;q=0.7, es;q=0.9', 'es'],
    ['es;q=0, pt;q=0.1', 'pt'],
    ['zz, fr;q=0.9', 'en'],
  ] as const) {
    // A cookie jar per request context: /s/{token} binds the link, /setup renders it.
    const http = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'Accept-Language': header } });
    const res = await http.get(link.url);
    expect(res.status(), header).toBe(200);
    expect(new URL(res.url()).pathname).toBe('/setup');
    const html = await res.text();
    expect(html, header).toMatch(new RegExp(`<html[^>]* lang="${expected}"`));
    expect(html, header).toContain(`>${MESSAGES[expected].ConnectionType.heading}<`);
    await http.dispose();
  }
});

test("the link's language beats Accept-Language", async ({ api, browser }) => {
  const { link } = await newLink(api, { language: 'pt' });
  const { context, page, errors } = await newContext(browser, { locale: 'es-ES' });
  await openLink(page, link.url);
  await expectTypeStepIn(page, 'pt');
  expect(errors).toEqual([]);
  await context.close();
});

test("the customer's choice in the switcher (by keyboard) beats the link's language and is remembered", async ({
  api,
  browser,
}) => {
  const { link } = await newLink(api, { language: 'pt' });
  const { context, page, errors } = await newContext(browser, { locale: 'es-ES' });
  await openLink(page, link.url);
  await expectTypeStepIn(page, 'pt');

  // Keyboard only: Tab to the select, arrow to Hindi, Tab to the button, Enter.
  const select = page.getByLabel(MESSAGES.pt.LanguageSwitcher.label, { exact: true });
  await page.locator('body').focus();
  for (let i = 0; i < 30 && !(await select.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(select).toBeFocused();
  for (let i = 0; i < 6 && (await select.inputValue()) !== 'hi'; i++) await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('hi');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: MESSAGES.pt.LanguageSwitcher.submit })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectTypeStepIn(page, 'hi');
  await expect(page.getByLabel(MESSAGES.hi.LanguageSwitcher.label, { exact: true })).toHaveValue('hi');

  // Remembered in a cookie: a reload, and even a new link with another language, stay in Hindi.
  const cookie = (await context.cookies()).find((c) => c.value === 'hi');
  expect(cookie, 'a cookie holding the chosen language').toBeTruthy();
  expect(cookie!.expires, 'the choice outlives the browser session').toBeGreaterThan(
    Date.now() / 1000 + 30 * 24 * 3600,
  );
  await page.reload();
  await expectTypeStepIn(page, 'hi');
  const { link: arabicLink } = await newLink(api, { language: 'ar' });
  await openLink(page, arabicLink.url);
  await expectTypeStepIn(page, 'hi');

  // Without the cookie the link's language is back.
  await context.clearCookies({ name: cookie!.name });
  await openLink(page, arabicLink.url);
  await expectTypeStepIn(page, 'ar');
  expect(errors).toEqual([]);
  await context.close();
});

for (const locale of ['en', 'es', 'ar'] as const) {
  test(`the unknown-link page follows Accept-Language (${locale})`, async ({ browser }) => {
    // The context's locale is what Chromium sends as Accept-Language (extraHTTPHeaders cannot override it).
    const { context, page, errors } = await newContext(browser, {
      locale: { en: 'en-GB', es: 'es-MX', ar: 'ar-EG' }[locale],
    });
    const res = await page.goto(`/s/${unknownToken()}`);
    expect(res?.status()).toBe(404);
    const m = MESSAGES[locale].NotFound;
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.title);
    await expect(page.getByText(m.body)).toBeVisible();
    await expect(page).toHaveTitle(m.title);
    if (locale !== 'en') expect(m.title).not.toBe(en.NotFound.title);
    expect(errors).toEqual([]);
    await context.close();
  });
}
