import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { expectNoHorizontalScroll } from './support/ui';

// The OpenAPI document under both prefixes without an API key, and /docs/api: rendered from our
// own bundle (no request leaves the origin), navigable by keyboard, readable at 320 px, axe clean.

test('the OpenAPI document is public under both prefixes', async ({ request }) => {
  const platform = await request.get('/platform/v1/openapi.json');
  expect(platform.status()).toBe(200);
  expect(platform.headers()['content-type']).toMatch(/^application\/json/);
  const doc = await platform.json();
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toContain('/customers/{customer_id}/setup_links');
  const api = await request.get('/api/v1/openapi.json');
  expect(api.status()).toBe(200);
  expect(await api.json()).toEqual(doc);
  const post = await request.post('/platform/v1/openapi.json');
  expect(post.status()).toBe(405);
  expect((await post.json()).error.code).toBe('method_not_allowed');
});

test('/docs/api renders the reference from our own origin', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(new URL(baseURL!).origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  const res = await page.goto('/docs/api');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('WhatsApp setup links API');
  await expect(page.getByRole('heading', { name: 'Setup links', level: 2 })).toBeVisible();
  expect(foreign).toEqual([]);

  // Keyboard: Tab reaches the contents; Enter on an entry moves to its operation.
  const entry = page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: /Create a setup link/ });
  await entry.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#createSetupLink$/);
  await expect(page.locator('#createSetupLink')).toBeInViewport();

  // An example opens with the keyboard too (a native <details>).
  const example = page.locator('#createSetupLink summary', { hasText: 'Quick start' });
  await example.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#createSetupLink pre').first()).toContainText('your-app.com/whatsapp/success');

  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});

test('/docs/api is readable on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/docs/api');
  await expectNoHorizontalScroll(page, '/docs/api at 320 px');
});
