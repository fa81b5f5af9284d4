import { expect, test } from './support/fixtures';
import {
  chooseType,
  completeInPopup,
  createCustomerAndLink,
  demoPartner,
  getLink,
  manualMetaPopups,
  msg,
  openMetaPopup,
  openSetupPage,
  POPUP,
  tokenOf,
} from './support/hosted';
import { SECRET_SHAPES } from '@/scripts/lib/canary-scan';
import { E2E_PROJECTS } from '@/scripts/lib/test-keys';
import { readServerLog, serverLogSettled } from './support/server-log';
import { expectNotInServerLog } from './support/teardown';

// Secrets are never logged. Everything the server under test (and the Meta emulator beside
// it) prints goes to test-results/server.log; after real onboardings, failed and completed, none of
// the secrets involved may be found there.

test.beforeEach(({ context, emulatorUrl }) => manualMetaPopups(context, emulatorUrl));

// Secret shapes (scripts/lib/canary-scan.ts), for the secrets a test cannot learn: Meta user tokens,
// project signing secrets, and any link token, API key or Meta code of any test.

test('no secret reaches the server log after failed and completed onboardings', async ({ page, api, baseURL }) => {
  const { link } = await createCustomerAndLink(api, {
    ...demoPartner(baseURL!),
    allowed_connection_types: ['dedicated', 'coexistence'],
  });
  const token = tokenOf(link);
  const codes: string[] = [];

  await openSetupPage(page, link);
  await chooseType(page, 'dedicated');
  // 1. Meta refuses the code; 2. the code works (the server holds a Meta token) but registering the
  // number fails; 3. it completes.
  for (const [outcome, error] of [
    [POPUP.tokenExchangeError, 'token_exchange_failed'],
    [POPUP.registerError, 'phone_registration_failed'],
  ] as const) {
    const popup = await openMetaPopup(page);
    const { body } = await completeInPopup(page, popup, outcome);
    codes.push(body.code);
    await expect(page.getByText(msg('en', `Failure.reasons.${error}`))).toBeVisible();
    expect((await getLink(api, link)).whatsapp_setup_error).toBe(error);
    await page.getByRole('button', { name: msg('en', 'Failure.tryAgain') }).click();
  }
  const popup = await openMetaPopup(page);
  const { body } = await completeInPopup(page, popup, POPUP.finishDedicated);
  codes.push(body.code);
  await page.waitForURL((u) => u.pathname === '/demo/partner/success');
  expect((await getLink(api, link)).status).toBe('used');
  expect(codes).toHaveLength(3);
  for (const code of codes) expect(code).toMatch(/^AQ[A-Za-z0-9_-]{40,}$/);

  // The log did record these onboardings (a check against an empty log would prove nothing).
  await serverLogSettled();
  const entries = readServerLog()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((e) => e.setup_link_id === link.id);
  expect(entries.map((e) => `${e.msg}${e.error_code ? `:${e.error_code}` : ''}`)).toEqual(
    expect.arrayContaining([
      'onboarding_failed:token_exchange_failed',
      'onboarding_failed:phone_registration_failed',
      'onboarding_completed',
    ]),
  );

  await expectNotInServerLog(E2E_PROJECTS.primary.key, 'API key');
  await expectNotInServerLog(E2E_PROJECTS.other.key, 'other API key');
  await expectNotInServerLog(token, 'link token');
  for (const [i, code] of codes.entries()) await expectNotInServerLog(code, `Meta code #${i + 1}`);
  const log = readServerLog();
  for (const [what, shape] of Object.entries(SECRET_SHAPES)) {
    const found = new RegExp(shape.source).exec(log);
    // Show only where, never the value.
    expect(found, `${what} appears in the server log at offset ${found?.index}`).toBeNull();
  }
});
