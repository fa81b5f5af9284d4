import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  chooseType,
  completeInPopup,
  connectButton,
  createCustomerAndLink,
  getLink,
  manualMetaPopups,
  msg,
  openMetaPopup,
  openSetupPage,
  POPUP,
  recordCompletions,
  tokenOf,
} from './support/hosted';
import type { Locale } from '@/lib/shared/vocabulary';

// Before Meta's window opens, the page detects what would stop it (a Meta in-app
// browser, a blocked SDK, a blocked popup) and tells the customer how to continue.

// The same scan as e2e/a11y.spec.ts.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectAxeClean(page: Page, what: string) {
  const { violations, incomplete } = await new AxeBuilder({ page })
    .withTags(TAGS)
    .options({ resultTypes: ['violations', 'incomplete'] })
    .analyze();
  const certain = [...violations, ...incomplete.filter((r) => r.id === 'duplicate-id-aria')];
  const summary = certain.map(
    (v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Uncaught exceptions and unhandled rejections of the page. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** `{arg, select, a {…} other {…}}` resolved for `value` (msg() fills only simple placeholders). */
function icuSelect(message: string, arg: string, value: string): string {
  const head = `{${arg}, select,`;
  const start = message.indexOf(head);
  if (start < 0) throw new Error(`No ${arg} select in: ${message}`);
  let depth = 0;
  let end = start;
  for (; end < message.length; end++) {
    if (message[end] === '{') depth++;
    else if (message[end] === '}' && --depth === 0) break;
  }
  const options = Object.fromEntries(
    [...message.slice(start + head.length, end).matchAll(/(\w+)\s*\{([^{}]*)\}/g)].map((m) => [m[1], m[2]]),
  );
  return message.slice(0, start) + (options[value] ?? options.other) + message.slice(end + 1);
}

test.describe.configure({ mode: 'parallel' });
test.beforeEach(({ context, emulatorUrl }) => manualMetaPopups(context, emulatorUrl));

// Real user agents of the three webviews (iOS Facebook, Android Instagram, Android WhatsApp).
const IN_APP = {
  facebook:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/21E236 [FBAN/FBIOS;FBAV/458.0.0.38.109;FBBV/586915497;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.4;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBRV/0]',
  instagram:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A.240205.004; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0.6261.105 Mobile Safari/537.36 Instagram 321.0.0.39.106 Android (34/14; 420dpi; 1080x2400; Google/google; Pixel 8; shiba; shiba; en_US; 580117890)',
  whatsapp:
    'Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/121.0.6167.178 Mobile Safari/537.36 WhatsApp/2.24.5.76',
} as const;

for (const [app, userAgent] of Object.entries(IN_APP)) {
  for (const locale of ['en', 'ar'] as const satisfies readonly Locale[]) {
    test.describe(() => {
      test.use({
        userAgent,
        viewport: { width: 390, height: 844 },
        permissions: ['clipboard-read', 'clipboard-write'],
      });

      test(`in-app browser (${app}, ${locale}): how to continue, no Meta SDK, the link to copy`, async ({
        context,
        page,
        api,
        emulatorUrl,
      }) => {
        const errors = pageErrors(page);
        const emulatorOrigin = new URL(emulatorUrl).origin;
        const toMeta: string[] = [];
        context.on('request', (r) => {
          const url = new URL(r.url());
          if (
            url.origin === emulatorOrigin ||
            /facebook\.(net|com)$/.test(url.hostname) ||
            url.pathname.endsWith('/sdk.js')
          )
            toMeta.push(r.url());
        });
        const { link } = await createCustomerAndLink(api, { language: locale });
        tokenOf(link); // the API's url is /s/sl_…
        const response = await openSetupPage(page, link);
        // The server recognised the webview: the link to copy is in the first HTML already.
        expect((await response!.text()).includes(`value="${link.url}"`), 'the link to copy in the HTML of /setup').toBe(
          true,
        );

        const notice = page.getByRole('main');
        await expect(page.getByRole('heading', { level: 1, name: msg(locale, 'InAppBrowser.title') })).toBeVisible();
        await expect(notice).toContainText(icuSelect(msg(locale, 'InAppBrowser.body'), 'app', app));
        await expect(notice).toContainText(msg(locale, 'InAppBrowser.howTo'));
        // Nothing to start that cannot work here: no type picker, no Facebook button.
        await expect(page.getByRole('radio')).toHaveCount(0);
        await expect(connectButton(page, locale)).toHaveCount(0);
        await expect(page.getByRole('button', { name: msg(locale, 'Connect.preparing') })).toHaveCount(0);
        const field = page.getByRole('textbox', { name: msg(locale, 'InAppBrowser.linkLabel') });
        await expect(field).toHaveValue(link.url);
        await expect(field).toHaveAttribute('readonly', '');

        // The copy button works once the page is interactive (by then the SDK would have been asked for).
        await page.getByRole('button', { name: msg(locale, 'InAppBrowser.copy'), exact: true }).click();
        await expect(page.getByRole('status').filter({ hasText: msg(locale, 'InAppBrowser.copied') })).toBeVisible();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link.url);

        // Meta's SDK is never loaded in a webview.
        expect(
          await page.evaluate(() => ({ fb: 'FB' in window, script: !!document.getElementById('facebook-jssdk') })),
        ).toEqual({ fb: false, script: false });
        expect(toMeta, 'requests to Meta (the emulator)').toEqual([]);

        await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
        await expectAxeClean(page, `in-app notice (${app}, ${locale})`);
        expect(errors).toEqual([]);
      });
    });
  }
}

/** Requests for Meta's SDK (the emulator's sdk.js). */
const isSdk = (emulatorUrl: string) => {
  const origin = new URL(emulatorUrl).origin;
  return (url: URL) => url.origin === origin && url.pathname.endsWith('/sdk.js');
};

test('blocked SDK (request refused): the Connect step says what to do, and a reload recovers', async ({
  context,
  page,
  api,
  emulatorUrl,
}) => {
  const errors = pageErrors(page);
  const sdk = isSdk(emulatorUrl);
  let refused = 0;
  await context.route(sdk, (route) => {
    refused++;
    return route.abort('blockedbyclient'); // what an ad blocker does
  });
  const { link } = await createCustomerAndLink(api);
  await openSetupPage(page, link);
  await chooseType(page, 'dedicated');
  await expect(page.getByRole('heading', { level: 1, name: msg('en', 'Connect.heading') })).toBeVisible();

  const notice = page.getByRole('alert').filter({ hasText: msg('en', 'SdkBlocked.title') });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(msg('en', 'SdkBlocked.body'));
  const reload = notice.getByRole('link', { name: msg('en', 'SdkBlocked.reload') });
  await expect(reload).toBeVisible();
  // No button that could not work: neither "Continue with Facebook" nor a spinner that never ends.
  await expect(connectButton(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: msg('en', 'Connect.preparing') })).toHaveCount(0);
  expect(refused).toBeGreaterThan(0);
  await expectAxeClean(page, 'SDK-blocked notice');

  // The filter turned off, "Reload page" brings Facebook's button back.
  await context.unroute(sdk);
  await reload.click();
  await page.waitForURL((u) => u.pathname === '/setup');
  await chooseType(page, 'dedicated');
  await expect(connectButton(page)).toBeVisible();
  await expect(connectButton(page)).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('alert').filter({ hasText: msg('en', 'SdkBlocked.title') })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('blocked SDK (filtered script, Meta never shows up): the notice comes after the timeout', async ({
  context,
  page,
  api,
  emulatorUrl,
}) => {
  const errors = pageErrors(page);
  // A network filter that answers with an empty script: it loads, but window.FB never appears.
  await context.route(isSdk(emulatorUrl), (route) =>
    route.fulfill({ contentType: 'text/javascript', body: '/* filtered */' }),
  );
  await page.clock.install();
  const { link } = await createCustomerAndLink(api, { allowed_connection_types: ['dedicated'] });
  await openSetupPage(page, link);
  // Until the product's timeout the page waits for Facebook.
  const preparing = page.getByRole('button', { name: msg('en', 'Connect.preparing') });
  await expect(preparing).toHaveAttribute('aria-disabled', 'true');
  const notice = page.getByRole('alert').filter({ hasText: msg('en', 'SdkBlocked.title') });
  await expect.poll(() => page.evaluate(() => !!document.getElementById('facebook-jssdk'))).toBe(true);
  await expect(notice).toHaveCount(0);

  await page.clock.fastForward(15_000);
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(msg('en', 'SdkBlocked.body'));
  await expect(notice.getByRole('link', { name: msg('en', 'SdkBlocked.reload') })).toHaveAttribute('href', '/setup');
  await expect(preparing).toHaveCount(0);
  await expect(connectButton(page)).toHaveCount(0);
  await expectAxeClean(page, 'SDK-blocked notice after the timeout');
  expect(errors).toEqual([]);
});

test('blocked popup: the notice, then a retry once popups are allowed completes the setup', async ({
  context,
  page,
  api,
}) => {
  const errors = pageErrors(page);
  // What a popup blocker does: window.open answers null. __allowPopups() undoes it in a page.
  await context.addInitScript(() => {
    const real = window.open;
    (window as unknown as { __allowPopups: () => void }).__allowPopups = () => {
      window.open = real;
    };
    window.open = () => null;
  });
  const completions = recordCompletions(page);
  const popups: Page[] = [];
  context.on('page', (p) => popups.push(p));
  const { link } = await createCustomerAndLink(api, { allowed_connection_types: ['dedicated'] });
  await openSetupPage(page, link);

  const button = connectButton(page);
  await expect(button).not.toHaveAttribute('aria-disabled', 'true');
  await expect(button).toBeVisible();
  await button.click();
  const notice = page.getByRole('alert').filter({ hasText: msg('en', 'PopupBlocked.title') });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(msg('en', 'PopupBlocked.body'));
  // The button stays for the retry; nothing opened, nothing reported as a result.
  await expect(button).toBeVisible();
  await expect(page.getByText(msg('en', 'Connect.windowOpen'))).toHaveCount(0);
  expect(popups).toEqual([]);
  expect(completions).toEqual([]);
  await expectAxeClean(page, 'popup-blocked notice');

  // Popups allowed for the site: the same button now opens Meta's window.
  await page.evaluate(() => (window as unknown as { __allowPopups: () => void }).__allowPopups());
  const popup = await openMetaPopup(page);
  await expect(notice).toHaveCount(0);
  const { answer } = await completeInPopup(page, popup, POPUP.finishDedicated);
  expect(answer).toMatchObject({ status: 'completed' });
  await expect(page.getByRole('heading', { level: 1, name: msg('en', 'Success.heading') })).toBeVisible();
  expect(completions).toHaveLength(1);
  expect(await getLink(api, link)).toMatchObject({ status: 'used', whatsapp_setup_status: 'completed' });
  expect(errors).toEqual([]);
});
