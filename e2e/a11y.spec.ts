import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  chooseType,
  englishLeaks,
  expectNoHorizontalScroll,
  MESSAGES,
  newLink,
  openLink,
  runPopup,
  unknownToken,
} from './support/ui';
import { LOCALES, type Locale } from '@/lib/shared/vocabulary';

// WCAG 2.2 AA, automated axe scan clean in every locale, no layout breaks from 320 px.
// One test per locale walks one link through every hosted screen (type, connect, failure, success,
// used) and scans each as it appears; a second link is revoked, a third expires along the way.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 320, height: 640 };

async function checkScreen(page: Page, what: string, locale: Locale, root = page.locator('body')) {
  expect(await englishLeaks(root, locale), `English text on ${what}`).toEqual([]);
  const { violations, incomplete } = await new AxeBuilder({ page })
    .withTags(TAGS)
    .options({ resultTypes: ['violations', 'incomplete'] })
    .analyze();
  // axe files ids shared by ARIA references under "incomplete"; they are certain failures all the
  // same (aria-labelledby then names an element after some other element's text).
  const certain = [...violations, ...incomplete.filter((r) => r.id === 'duplicate-id-aria')];
  const summary = certain.map(
    (v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page, `${what} at 320 px`);
  await page.setViewportSize(DESKTOP);
}

test.use({ viewport: DESKTOP });
// One link per locale, independent of the others: spread them over the workers. Each walks every
// screen with an axe scan at two widths, which takes most of the default 30 s on a busy 2-core machine.
test.describe.configure({ mode: 'parallel', timeout: 90_000 });

for (const locale of LOCALES) {
  test.describe(() => {
    // The browser asks for this language too (the unknown-link page has nothing else to go by).
    test.use({ locale });
    test(`every hosted screen passes axe and fits 320 px (${locale})`, async ({ api, page }) => {
      const m = MESSAGES[locale];
      const h1 = page.getByRole('heading', { level: 1 });
      const { customerId, link } = await newLink(api, { language: locale });
      // A link that expires while the walk below runs (it takes longer than this).
      const expiring = await newLink(api, { language: locale, expires_at: new Date(Date.now() + 3000).toISOString() });
      await openLink(page, link.url);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);

      // The first step, scanned in its fullest state: with the "choose one" error shown.
      await expect(h1).toHaveText(m.ConnectionType.heading);
      await page.getByRole('button', { name: m.ConnectionType.continue }).click();
      await expect(page.getByRole('alert').filter({ hasText: m.ConnectionType.required })).toBeVisible();
      await checkScreen(page, `${locale} connection type`, locale);

      await chooseType(page, locale, 'dedicated');
      await checkScreen(page, `${locale} connect`, locale);

      await runPopup(page, locale, 'Cancel');
      await expect(h1).toHaveText(m.Failure.heading);
      await expect(page.getByRole('button', { name: m.Failure.tryAgain })).toBeVisible();
      await checkScreen(page, `${locale} failure`, locale);

      await page.getByRole('button', { name: m.Failure.tryAgain }).click();
      await runPopup(page, locale, 'Finish (dedicated)');
      await expect(h1).toHaveText(m.Success.heading, { timeout: 20_000 });
      await expect(page.getByTestId('connected-number')).not.toBeEmpty();
      await checkScreen(page, `${locale} success`, locale);

      // The same link, now used.
      await page.reload();
      await expect(h1).toHaveText(m.LinkState.used.title);
      await checkScreen(page, `${locale} used link`, locale);

      // A revoked link.
      const second = await api.post(`/customers/${customerId}/setup_links`, { setup_link: { language: locale } });
      expect((await api.delete(`/customers/${customerId}/setup_links/${second.body.data.id}`)).status).toBe(200);
      await openLink(page, second.body.data.url);
      await expect(h1).toHaveText(m.LinkState.revoked.title);
      await checkScreen(page, `${locale} revoked link`, locale);

      // The expired link.
      const expiringPath = `/customers/${expiring.customerId}/setup_links/${expiring.link.id}`;
      await expect
        .poll(async () => (await api.get(expiringPath)).body.data.status, { timeout: 10_000 })
        .toBe('expired');
      await openLink(page, expiring.link.url);
      await expect(h1).toHaveText(m.LinkState.expired.title);
      await checkScreen(page, `${locale} expired link`, locale);

      // An unknown link (localized by Accept-Language).
      const res = await page.goto(`/s/${unknownToken()}`);
      expect(res?.status()).toBe(404);
      await expect(h1).toHaveText(m.NotFound.title);
      await checkScreen(page, `${locale} invalid link`, locale);

      // The theme preview, whose canvas holds the finishing screen too.
      await page.goto(`/preview?lang=${locale}`);
      await expect(page.getByTestId('preview-expired').getByRole('heading', { level: 1 })).toHaveText(
        m.LinkState.expired.title,
      );
      // The editor beside the canvas is an English tool by design: only the canvas must be translated.
      await checkScreen(page, `${locale} preview`, locale, page.getByTestId('preview-canvas'));
    });
  });
}
