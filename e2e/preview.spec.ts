import type { Page } from '@playwright/test';
import { DEFAULT_THEME } from '@/lib/shared/theme';
import { expect, test } from './support/fixtures';
import { MESSAGES, rgb } from './support/ui';

// /preview shows every hosted screen with a theme and language from the query string,
// marked "Preview", with no link, no cookie and no Meta call; the editor sets colours, language
// and width, warns about weak contrast and copies theme_config or a shareable URL.

test.describe.configure({ mode: 'parallel' });
test.use({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });

const SCREENS = ['connection_type', 'connect', 'finishing', 'success', 'expired', 'error'] as const;
const en = MESSAGES.en;
const ar = MESSAGES.ar;

const canvas = (page: Page) => page.getByTestId('preview-canvas');
/** The sample Continue button of the first screen (inert, so found by CSS rather than by role). */
const sampleButton = (page: Page) => page.getByTestId('preview-connection_type').locator('button[type=submit]');
const warnings = (page: Page) => page.getByTestId('contrast-warnings');
const colourInput = (page: Page, name: string) => page.getByLabel(name, { exact: true });

/** Opens the preview and waits until its scripts have run: a colour typed before hydration is lost. */
async function openPreview(page: Page, path = '/preview') {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
}
const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test('every screen is rendered with the Preview badge, with no link, no cookie and no Meta request', async ({
  page,
  context,
  emulatorUrl,
}) => {
  const requests: string[] = [];
  const setCookies: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('response', async (r) => {
    const h = await r.headerValue('set-cookie');
    if (h) setCookies.push(`${r.url()}: ${h}`);
  });
  await openPreview(page);
  const headings: Record<(typeof SCREENS)[number], string> = {
    connection_type: en.ConnectionType.heading,
    connect: en.Connect.heading,
    finishing: en.Finishing.heading,
    success: en.Success.heading,
    expired: en.LinkState.expired.title,
    error: en.Failure.heading,
  };
  for (const id of SCREENS) {
    const screen = page.getByTestId(`preview-${id}`);
    await expect(screen).toBeVisible();
    await expect(screen.getByRole('heading', { level: 2 })).toHaveText(en.Preview.screens[id]);
    await expect(screen.getByText(en.Preview.badge, { exact: true })).toBeVisible();
    // The real screen is there, named after its own heading.
    await expect(screen.locator('h1')).toHaveText(headings[id]);
  }
  for (const id of ['success', 'expired', 'error'] as const) {
    const label = await page
      .getByTestId(`preview-${id}`)
      .locator('section[aria-labelledby]')
      .getAttribute('aria-labelledby');
    await expect(page.locator(`[id="${label}"]`)).toHaveText(headings[id]);
  }
  await expect(page.getByTestId('preview-connect').locator('button', { hasText: en.Connect.button })).toBeVisible();

  await page.waitForLoadState('networkidle');
  const emulator = new URL(emulatorUrl).origin;
  expect(
    requests.filter((u) => u.startsWith(emulator) || /facebook\.(net|com)/.test(u)),
    'requests to Meta or its emulator',
  ).toEqual([]);
  expect(
    requests.filter((u) => /\/(s|setup)(\/|$)/.test(new URL(u).pathname)),
    'requests for a setup link',
  ).toEqual([]);
  expect(await page.evaluate(() => 'FB' in window)).toBe(false);
  expect(setCookies).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('changing a colour input repaints the canvas at once', async ({ page }) => {
  await openPreview(page);
  await expect(sampleButton(page)).toHaveCSS('background-color', rgb(DEFAULT_THEME.primary_color));
  await expect(canvas(page)).toHaveCSS('background-color', rgb(DEFAULT_THEME.background_color));

  await colourInput(page, 'Primary').fill('#000000');
  await expect(sampleButton(page)).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  await colourInput(page, 'Page background').fill('#fefce8');
  await expect(canvas(page)).toHaveCSS('background-color', rgb('#fefce8'));
  await colourInput(page, 'Text').fill('#1c1917');
  await expect(canvas(page)).toHaveCSS('color', rgb('#1c1917'));
  await expect(page.getByTestId('preview-success').locator('h1')).toHaveCSS('color', rgb('#1c1917'));
  // Untouched tokens keep their defaults.
  await expect(page.getByTestId('preview-error').locator('[aria-hidden]').first()).toHaveCSS(
    'background-color',
    rgb(DEFAULT_THEME.destructive_color),
  );
  // The address follows, so it can be shared.
  await expect(page).toHaveURL(/primary_color=%23000000/);
});

test('contrast warnings name the weak pairs; the default theme has none', async ({ page }) => {
  await openPreview(page);
  await expect(warnings(page)).toContainText('All text/background pairs reach WCAG AA');
  await expect(warnings(page).locator('li')).toHaveCount(0);

  await openPreview(page, '/preview?text_color=%23eeeeee');
  await expect(warnings(page)).toContainText('Below WCAG AA contrast');
  await expect(warnings(page).locator('li', { hasText: /^Text on Page background: 1\.\d\d:1$/ })).toHaveCount(1);
  await expect(warnings(page).locator('li', { hasText: /^Text on Card: / })).toHaveCount(1);
  await expect(warnings(page)).not.toContainText('Muted text on');

  // Live: a weak muted text colour adds its pairs.
  await colourInput(page, 'Muted text').fill('#fafafa');
  await expect(warnings(page).locator('li', { hasText: /^Muted text on Page background: / })).toHaveCount(1);
  // And a fix removes them again.
  await page.getByRole('button', { name: 'Reset Text' }).click();
  await expect(warnings(page).locator('li', { hasText: /^Text on / })).toHaveCount(0);
});

test('switching the language to Arabic shows the screens right to left, in Arabic', async ({ page }) => {
  await openPreview(page);
  await colourInput(page, 'Primary').fill('#000000');
  await page.getByLabel('Language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page).toHaveURL(/lang=ar/);
  const first = page.getByTestId('preview-connection_type');
  await expect(first.locator('h1')).toHaveText(ar.ConnectionType.heading);
  await expect(first.getByText(ar.Preview.badge, { exact: true })).toBeVisible();
  await expect(page.getByTestId('preview-error').locator('h1')).toHaveText(ar.Failure.heading);
  expect(await canvas(page).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // The theme survived the reload.
  await expect(sampleButton(page)).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  await expect(colourInput(page, 'Primary')).toHaveValue('#000000');
});

test('the width switch changes the canvas width', async ({ page }) => {
  await openPreview(page);
  const phone = (await canvas(page).boundingBox())!.width;
  expect(phone).toBeLessThanOrEqual(390);
  await page.getByRole('radio', { name: 'Desktop' }).check();
  await expect(canvas(page)).toHaveAttribute('data-width', 'desktop');
  await expect.poll(async () => (await canvas(page).boundingBox())!.width).toBeGreaterThan(700);
  await page.getByRole('radio', { name: 'Phone' }).check();
  await expect.poll(async () => (await canvas(page).boundingBox())!.width).toBe(phone);
});

test('"Copy theme_config" copies valid JSON for the API; "Copy preview URL" reproduces the state', async ({
  page,
  context,
  api,
}) => {
  await openPreview(page, '/preview?lang=hi');
  await colourInput(page, 'Primary').fill('#000000');
  await colourInput(page, 'Page background').fill('#fefce8');
  await page.getByRole('radio', { name: 'Desktop' }).check();

  await page.getByRole('button', { name: 'Copy theme_config' }).click();
  await expect(page.getByText('theme_config JSON copied to the clipboard.')).toBeVisible();
  const copied = JSON.parse(await readClipboard(page));
  expect(copied).toEqual({ theme_config: { primary_color: '#000000', background_color: '#fefce8' } });
  // What the editor copies is what the API takes.
  const customer = await api.post('/customers', { customer: { name: 'Preview copy Co' } });
  const created = await api.post(`/customers/${customer.body.data.id}/setup_links`, { setup_link: copied });
  expect(created.status, created.text).toBe(201);
  expect(created.body.data.theme_config).toEqual(copied.theme_config);

  await page.getByRole('button', { name: 'Copy preview URL' }).click();
  await expect(page.getByText('Preview URL copied to the clipboard.')).toBeVisible();
  const url = await readClipboard(page);
  expect(new URL(url).pathname).toBe('/preview');

  const again = await context.newPage();
  await again.goto(url);
  await expect(again.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(colourInput(again, 'Primary')).toHaveValue('#000000');
  await expect(colourInput(again, 'Page background')).toHaveValue('#fefce8');
  await expect(again.getByRole('radio', { name: 'Desktop' })).toBeChecked();
  await expect(canvas(again)).toHaveAttribute('data-width', 'desktop');
  await expect(sampleButton(again)).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  await expect(canvas(again)).toHaveCSS('background-color', rgb('#fefce8'));
  await expect(again.getByTestId('preview-connection_type').locator('h1')).toHaveText(
    MESSAGES.hi.ConnectionType.heading,
  );
});

test("a customer's link open in the same browser leaks nothing into the preview (theme, language)", async ({
  page,
  api,
}) => {
  const customer = (await api.post('/customers', { customer: { name: 'Leak Check Co' } })).body.data;
  const link = (
    await api.post(`/customers/${customer.id}/setup_links`, {
      setup_link: { language: 'ar', theme_config: { background_color: '#fefce8' } },
    })
  ).body.data;
  await page.goto(link.url); // the browser now holds this link's cookie
  await expect(page.locator('body')).toHaveCSS('background-color', rgb('#fefce8'));

  await openPreview(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('body')).toHaveCSS('background-color', rgb(DEFAULT_THEME.background_color));
});
