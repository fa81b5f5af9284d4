import type { Page } from '@playwright/test';
import { cssVarName, DEFAULT_THEME, type Theme } from '@/lib/shared/theme';
import { THEME_KEYS } from '@/lib/shared/vocabulary';
import { expect, test, watchServerErrors } from './support/fixtures';
import { MESSAGES, newLink, openLink, rgb } from './support/ui';

// Theme: the link's theme_config over the built-in default, applied on the server as CSS
// variables on <html> (no flash of another theme).

test.describe.configure({ mode: 'parallel' });

const BRAND = { primary_color: '#7c3aed', background_color: '#fefce8', text_color: '#1c1917' };
const EXPECTED: Theme = { ...DEFAULT_THEME, ...BRAND };

const continueButton = (page: Page) => page.getByRole('button', { name: MESSAGES.en.ConnectionType.continue });
const style = (page: Page, selector: string, prop: 'background-color' | 'color') =>
  page
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);

/** The computed colours of the elements each token paints, and every variable on <html>. */
async function expectTheme(page: Page, theme: Theme) {
  await expect(continueButton(page)).toHaveCSS('background-color', rgb(theme.primary_color));
  await expect(continueButton(page)).toHaveCSS('color', rgb(theme.primary_foreground_color));
  expect(await style(page, 'body', 'background-color')).toBe(rgb(theme.background_color));
  expect(await style(page, 'body', 'color')).toBe(rgb(theme.text_color));
  expect(await style(page, 'h1', 'color')).toBe(rgb(theme.text_color));
  expect(await style(page, 'main', 'background-color')).toBe(rgb(theme.card_color));
  const vars = await page
    .locator('html')
    .evaluate(
      (el, names) => Object.fromEntries(names.map((n) => [n, getComputedStyle(el).getPropertyValue(n).trim()])),
      THEME_KEYS.map(cssVarName),
    );
  expect(vars).toEqual(Object.fromEntries(THEME_KEYS.map((k) => [cssVarName(k), theme[k]])));
}

test("the link's theme_config reaches the computed styles; missing keys take the defaults", async ({ api, page }) => {
  const { link } = await newLink(api, { theme_config: BRAND });
  expect(link.theme_config).toEqual(BRAND);
  await openLink(page, link.url);
  await expectTheme(page, EXPECTED);
  // Sanity: the brand really differs from the default, so the check above means something.
  for (const [k, v] of Object.entries(BRAND)) expect(DEFAULT_THEME[k as keyof Theme]).not.toBe(v);
});

test('a link without theme_config gets the built-in default theme', async ({ api, page }) => {
  const { link } = await newLink(api);
  expect(link.theme_config).toEqual({});
  await openLink(page, link.url);
  await expectTheme(page, DEFAULT_THEME);
});

test("the state page of a revoked link wears the link's theme too", async ({ api, page }) => {
  const { customerId, link } = await newLink(api, { theme_config: BRAND });
  expect((await api.delete(`/customers/${customerId}/setup_links/${link.id}`)).status).toBe(200);
  await openLink(page, link.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MESSAGES.en.LinkState.revoked.title);
  expect(await style(page, 'body', 'background-color')).toBe(rgb(BRAND.background_color));
  expect(await style(page, 'h1', 'color')).toBe(rgb(BRAND.text_color));
});

test('the theme is in the server HTML: no script is needed to apply it', async ({
  api,
  playwright,
  baseURL,
  browser,
}) => {
  const { link } = await newLink(api, { theme_config: BRAND });

  // 1. The HTML as the server sends it: the variables are on <html> before any script runs.
  const http = await playwright.request.newContext({ baseURL });
  const res = await http.get(link.url); // follows the 303 to /setup with the link cookie
  expect(res.status()).toBe(200);
  const html = await res.text();
  await http.dispose();
  const htmlTag = /<html[^>]*>/.exec(html)?.[0] ?? '';
  const inline = /style="([^"]*)"/.exec(htmlTag)?.[1] ?? '';
  const declared = Object.fromEntries(
    inline
      .split(';')
      .map((d) => d.split(':').map((x) => x.trim()))
      .filter(([k]) => k),
  );
  expect(declared, `inline style of ${htmlTag}`).toEqual(
    Object.fromEntries(THEME_KEYS.map((k) => [cssVarName(k), EXPECTED[k]])),
  );

  // 2. A browser with JavaScript off paints the theme all the same (so there is nothing to flash).
  const context = await browser.newContext({ javaScriptEnabled: false });
  const errors = watchServerErrors(context);
  const page = await context.newPage();
  await openLink(page, link.url);
  await expectTheme(page, EXPECTED);
  expect(errors).toEqual([]);
  await context.close();
});
