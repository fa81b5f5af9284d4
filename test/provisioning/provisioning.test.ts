import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as postNumber } from '@/app/setup/phone-number/route';
import { POST as postCode } from '@/app/setup/phone-number/code/route';
import { POST as postSms } from '@/app/webhooks/twilio/sms/route';
import { provisionedNumbers, setupLinks } from '@/lib/server/db/schema';
import { env } from '@/lib/server/env';
import { releaseUnusedNumbers } from '@/lib/server/provisioning/release';
import { twilioSignature } from '@/lib/server/twilio/signature';
import { testProject } from '../support/fixtures';
import { errorOf, hostedRequest } from '../support/hosted-request';
import { resolveLinkToken } from '@/lib/server/setup-links/resolve';
import { insertTestLink, linkState } from '../support/onboarding';
import { startTestTwilio, TEST_TWILIO } from '../support/twilio';

// Provisioning links against the Twilio emulator: the page's POST buys one number per link, the
// inbound SMS webhook (signed) brings Meta's code to the page, and unused numbers are released.

let twilio: Awaited<ReturnType<typeof startTestTwilio>>;
let ctx: Awaited<ReturnType<typeof testProject>>;
beforeAll(async () => {
  twilio = await startTestTwilio();
  Object.assign(env.twilio, { apiUrl: twilio.emulator.url, ...TEST_TWILIO });
  ctx = await testProject();
});
afterAll(() => twilio.emulator.close());
beforeEach(() => twilio.reset());

const SMS_URL = `${env.appUrl}/webhooks/twilio/sms`;

async function provisioningLink(values: Parameters<typeof insertTestLink>[2] = {}) {
  return insertTestLink(ctx.db, ctx.project.id, {
    provisionPhoneNumber: true,
    phoneNumberAreaCode: '415',
    allowedConnectionTypes: ['dedicated'],
    ...values,
  });
}

// The page sends the id of the link it shows with every call (the cookie's link must match).
const linkBody = async (token: string) => ({ setup_link_id: (await resolveLinkToken(ctx.db, token))!.id });
const buy = async (token: string) => postNumber(hostedRequest('/setup/phone-number', await linkBody(token), { token }));
const codeOf = async (token: string) =>
  (await postCode(hostedRequest('/setup/phone-number/code', await linkBody(token), { token }))).json();

function inboundSms(
  params: Record<string, string>,
  signature = twilioSignature(TEST_TWILIO.authToken, SMS_URL, params),
) {
  return postSms(
    new Request(SMS_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    }),
  );
}

const numbersOf = (linkId: string) =>
  ctx.db
    .select()
    .from(provisionedNumbers)
    .where(eq(provisionedNumbers.setupLinkId, linkId as never));

describe('POST /setup/phone-number', () => {
  it('buys one number in the area code, with its SMS webhook pointing at us; asking again answers it', async () => {
    const { token, link } = await provisioningLink();
    const first = await buy(token);
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ status: 'ready', phone_number: expect.stringMatching(/^\+1415/), country_iso: 'US' });
    expect(body.display_number).toMatch(/^\+1 415/);
    expect(await (await buy(token)).json()).toEqual(body);
    const state = await twilio.state();
    expect(state.incoming_phone_numbers.map((n: { phone_number: string }) => n.phone_number)).toEqual([
      body.phone_number,
    ]);
    expect(state.incoming_phone_numbers[0].sms_url).toBe(SMS_URL);
    const [row] = await numbersOf(link.id);
    expect(row).toMatchObject({ status: 'active', areaCode: '415', countryDialCode: '+1', ownAccount: false });
  });

  it('buys one number for a double click or two tabs', async () => {
    const { token, link } = await provisioningLink();
    const answers = await Promise.all([buy(token), buy(token), buy(token)]);
    const ready = await Promise.all(answers.filter((a) => a.status === 200).map((a) => a.json()));
    expect(new Set(ready.map((r) => r.phone_number)).size).toBe(1);
    for (const a of answers) expect([200, 202]).toContain(a.status);
    expect((await twilio.state()).incoming_phone_numbers).toHaveLength(1);
    expect(await numbersOf(link.id)).toHaveLength(1);
  });

  it('no stock in the area code: a clear 409, the failure on the link, nothing bought, a later try may buy', async () => {
    const { token, link } = await provisioningLink({ phoneNumberAreaCode: '999' });
    expect(await errorOf(await buy(token))).toEqual({ status: 409, code: 'phone_number_unavailable' });
    expect((await twilio.state()).incoming_phone_numbers).toHaveLength(0);
    expect(await numbersOf(link.id)).toHaveLength(0);
    const { link: row, events } = await linkState(ctx.db, link.id);
    expect(row).toMatchObject({ status: 'active', whatsappSetupError: 'phone_number_unavailable' });
    expect(events.at(-1)).toMatchObject({
      type: 'setup_link.failed',
      payload: { error_code: 'phone_number_unavailable' },
    });
  });

  it('is refused for a link without provisioning, and for a link no longer active', async () => {
    const plain = await insertTestLink(ctx.db, ctx.project.id);
    expect(await errorOf(await buy(plain.token))).toEqual({ status: 409, code: 'not_a_provisioning_link' });
    const revoked = await provisioningLink({ status: 'revoked' });
    expect(await errorOf(await buy(revoked.token))).toEqual({ status: 409, code: 'link_revoked' });
    expect((await twilio.state()).incoming_phone_numbers).toHaveLength(0);
  });
});

describe('the verification code, by SMS', () => {
  it('reaches the page through the signed webhook; unsigned or badly signed ones change nothing', async () => {
    const { token } = await provisioningLink();
    const { phone_number: to } = await (await buy(token)).json();
    expect(await codeOf(token)).toEqual({ code: null, received_at: null });

    const params = {
      MessageSid: 'SM' + '0'.repeat(32),
      From: '+15550000000',
      To: to,
      Body: '<#> 482-913 is your code',
    };
    expect((await inboundSms(params, 'bm90IGEgc2lnbmF0dXJl')).status).toBe(403);
    expect((await inboundSms(params, '')).status).toBe(403);
    const forged = { ...params, Body: '111111' };
    expect((await inboundSms(forged, twilioSignature(TEST_TWILIO.authToken, SMS_URL, params))).status).toBe(403);
    expect((await inboundSms({ ...params, To: '+14155550000' })).status).toBe(403); // not our number
    expect(await codeOf(token)).toEqual({ code: null, received_at: null });

    const ok = await inboundSms(params);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/xml');
    expect(await codeOf(token)).toMatchObject({ code: '482913', received_at: expect.any(String) });
  });
});

describe('releasing unused numbers', () => {
  it('releases the number of a revoked or expired link once; a used link keeps its number', async () => {
    const revoked = await provisioningLink();
    const expired = await provisioningLink();
    const used = await provisioningLink();
    for (const l of [revoked, expired, used]) expect((await buy(l.token)).status).toBe(200);
    await ctx.db.update(setupLinks).set({ status: 'revoked' }).where(eq(setupLinks.id, revoked.link.id));
    await ctx.db
      .update(setupLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(setupLinks.id, expired.link.id));
    await ctx.db.update(setupLinks).set({ status: 'used' }).where(eq(setupLinks.id, used.link.id));

    expect(await releaseUnusedNumbers(ctx.db)).toBeGreaterThanOrEqual(2);
    expect(await releaseUnusedNumbers(ctx.db)).toBe(0); // idempotent
    for (const l of [revoked, expired]) expect((await numbersOf(l.link.id))[0]).toMatchObject({ status: 'released' });
    expect((await numbersOf(used.link.id))[0].status).toBe('active');
    expect((await twilio.state()).released_phone_numbers).toHaveLength(2);
  });
});
