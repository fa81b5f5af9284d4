import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { decryptSecret } from '@/lib/server/crypto';
import { setupLinks } from '@/lib/server/db/schema';
import type { SetupLinkId } from '@/lib/server/ids';
import { getProjectSigningSecret } from '@/lib/server/projects';
import { verifyRedirect } from '@/lib/server/redirect-signature';
import { resolveLinkToken } from '@/lib/server/setup-links/resolve';
import { testProject } from '../support/fixtures';
import { insertTestLink, linkState, startTestMeta } from '../support/onboarding';
import { verifyAttemptId } from '@/lib/server/onboarding/attempt';
import { completeOnboarding, type CompletionInput } from '@/lib/server/onboarding/complete';
import { saveCompletedOnboarding } from '@/lib/server/onboarding/save';

let meta: Awaited<ReturnType<typeof startTestMeta>>;
let ctx: Awaited<ReturnType<typeof testProject>>;

beforeAll(async () => {
  meta = await startTestMeta();
  ctx = await testProject();
});
afterAll(() => meta.emulator.close());
beforeEach(() => fetch(`${meta.emulator.url}/_emulator/reset`, { method: 'POST' }));

async function newLink(values?: Parameters<typeof insertTestLink>[2]) {
  const { token } = await insertTestLink(ctx.db, ctx.project.id, values);
  return { token, link: (await resolveLinkToken(ctx.db, token))! };
}

const complete = (link: Awaited<ReturnType<typeof newLink>>['link'], input: CompletionInput) =>
  completeOnboarding(ctx.db, { link, completion: input, graph: meta.graph });

async function finishInput(
  outcome: 'finish' | 'finish_coexistence' | 'register_error' | 'token_exchange_error',
  connectionType: CompletionInput['connectionType'] = 'dedicated',
) {
  const d = await meta.dialog(outcome);
  return {
    connectionType,
    outcome: 'finish' as const,
    code: d.code!,
    event: d.event,
    wabaId: d.data.waba_id,
    phoneNumberId: d.data.phone_number_id,
    businessId: d.data.business_id,
  };
}

describe('completeOnboarding', () => {
  it('completes a dedicated onboarding: config with encrypted token and PIN, link used, events, signed redirect', async () => {
    const { link } = await newLink();
    const input = await finishInput('finish');
    const r = await complete(link, input);
    expect(r.status).toBe('completed');
    if (r.status !== 'completed') return;
    expect(r.displayPhoneNumber).toMatch(/^\+1\d{10}$/);

    const { link: row, configs, events } = await linkState(ctx.db, link.id);
    expect(configs).toHaveLength(1);
    const config = configs[0];
    expect(config).toMatchObject({
      phoneNumberId: input.phoneNumberId,
      businessAccountId: input.wabaId,
      connectionType: 'dedicated',
      setupLinkId: link.id,
      displayPhoneNumber: r.displayPhoneNumber,
    });
    expect(config.name).toBeTruthy();
    expect(
      decryptSecret(config.accessTokenEnc!, { column: 'whatsapp_configs.access_token_enc', row: config.id }),
    ).toMatch(/^EAA/);
    expect(config.accessTokenEnc).not.toContain('EAA');
    expect(decryptSecret(config.pinEnc!, { column: 'whatsapp_configs.pin_enc', row: config.id })).toMatch(/^\d{6}$/);
    expect(row).toMatchObject({
      status: 'used',
      whatsappSetupStatus: 'completed',
      whatsappSetupError: null,
      whatsappConfigId: config.id,
      phoneNumberId: input.phoneNumberId,
      businessAccountId: input.wabaId,
      displayPhoneNumber: r.displayPhoneNumber,
    });
    expect(row.usedAt).toBeInstanceOf(Date);
    expect(events.map((e) => e.type).sort()).toEqual([
      'setup_link.used',
      'whatsapp.config.created',
      'whatsapp.phone_number.created',
    ]);
    expect(events.find((e) => e.type === 'whatsapp.phone_number.created')!.payload).toEqual({
      phone_number_id: input.phoneNumberId,
      project: { id: ctx.project.id },
      customer: { id: link.customerId },
      setup_link_id: link.id,
      business_account_id: input.wabaId,
      display_phone_number: r.displayPhoneNumber,
      connection_type: 'dedicated',
    });
    expect(JSON.stringify(events)).not.toMatch(/EAA|pin_enc|access_token_enc/);

    const url = new URL(r.redirectUrl!);
    expect([...url.searchParams.keys()]).toEqual([
      'ref',
      'setup_link_id',
      'status',
      'phone_number_id',
      'business_account_id',
      'whatsapp_config_id',
      'display_phone_number',
      'timestamp',
      'signature',
    ]);
    expect(url.searchParams.get('display_phone_number')).toBe(r.displayPhoneNumber);
    expect(r.redirectUrl).toContain(`display_phone_number=${encodeURIComponent(r.displayPhoneNumber)}`);
    expect(
      verifyRedirect(url.search, await getProjectSigningSecret(ctx.db, ctx.project.id), { now: new Date() }).ok,
    ).toBe(true);
    expect((await meta.counts()).registrations).toBe(1);
  });

  it('completes a coexistence onboarding from only a WABA id: number resolved, syncs requested, no register', async () => {
    const { link } = await newLink({ allowedConnectionTypes: ['coexistence'] });
    const d = await meta.dialog('finish_coexistence');
    expect(d.data.phone_number_id).toBeUndefined();
    const r = await complete(link, {
      connectionType: 'coexistence',
      outcome: 'finish',
      code: d.code!,
      event: d.event,
      wabaId: d.data.waba_id,
    });
    expect(r.status).toBe('completed');
    const { configs } = await linkState(ctx.db, link.id);
    expect(configs).toHaveLength(1);
    expect(configs[0]).toMatchObject({
      connectionType: 'coexistence',
      businessAccountId: d.data.waba_id,
      pinEnc: null,
    });
    const counts = await meta.counts();
    expect(counts).toMatchObject({ smb_syncs: 2, registrations: 0, register_failures: 0, subscriptions: 1 });
    const state = await (await fetch(`${meta.emulator.url}/_emulator/state`)).json();
    expect(state.phone_numbers[0].syncs).toEqual(['smb_app_state_sync', 'history']);
  });

  it('takes the single granted WABA when the browser sent none', async () => {
    const { link } = await newLink();
    const d = await meta.dialog('finish');
    const r = await complete(link, { connectionType: 'dedicated', outcome: 'finish', code: d.code! });
    expect(r.status).toBe('completed');
    expect((await linkState(ctx.db, link.id)).link.businessAccountId).toBe(d.data.waba_id);
  });

  async function expectFailed(linkId: SetupLinkId, errorCode: string) {
    const { link, configs, events } = await linkState(ctx.db, linkId);
    expect(link).toMatchObject({
      status: 'active',
      whatsappSetupStatus: 'failed',
      whatsappSetupError: errorCode,
      usedAt: null,
      whatsappConfigId: null,
    });
    expect(configs).toHaveLength(0);
    const failed = events.filter((e) => e.type === 'setup_link.failed' || e.type === 'setup_link.cancelled');
    expect(failed.at(-1)?.payload).toMatchObject({ error_code: errorCode, setup_link: { id: linkId } });
    return link;
  }

  it('token exchange failure: link stays active, failed + token_exchange_failed, failure redirect, new attempt id', async () => {
    const { link } = await newLink();
    const r = await complete(link, await finishInput('token_exchange_error'));
    expect(r).toMatchObject({ status: 'failed', errorCode: 'token_exchange_failed' });
    if (r.status !== 'failed') return;
    await expectFailed(link.id, 'token_exchange_failed');
    const url = new URL(r.redirectUrl!);
    expect(url.origin + url.pathname).toBe('https://partner.example/failed');
    expect([...url.searchParams]).toEqual([
      ['setup_link_id', link.id],
      ['status', 'failed'],
      ['error_code', 'token_exchange_failed'],
      ['timestamp', expect.stringMatching(/^\d+$/)],
      ['signature', expect.any(String)],
    ]);
    expect(
      verifyRedirect(url.search, await getProjectSigningSecret(ctx.db, ctx.project.id), { now: new Date() }).ok,
    ).toBe(true);
    expect(verifyAttemptId(link.id, r.nextAttemptId)).toBe(true);
  });

  it('register failure -> phone_registration_failed (and register is tried once)', async () => {
    const { link } = await newLink();
    const r = await complete(link, await finishInput('register_error'));
    expect(r).toMatchObject({ status: 'failed', errorCode: 'phone_registration_failed' });
    await expectFailed(link.id, 'phone_registration_failed');
    expect((await meta.counts()).register_failures).toBe(1);
  });

  it('a WABA the token does not grant -> waba_not_granted, before anything is changed at Meta', async () => {
    const { link } = await newLink();
    const mine = await finishInput('finish');
    const other = await meta.dialog('finish');
    const r = await complete(link, { ...mine, wabaId: other.data.waba_id, phoneNumberId: other.data.phone_number_id });
    expect(r).toMatchObject({ status: 'failed', errorCode: 'waba_not_granted' });
    await expectFailed(link.id, 'waba_not_granted');
    expect(await meta.counts()).toMatchObject({ subscriptions: 0, registrations: 0 });
  });

  it('a phone number outside the granted WABA -> phone_verification_failed', async () => {
    const { link } = await newLink();
    const mine = await finishInput('finish');
    const other = await meta.dialog('finish');
    const r = await complete(link, { ...mine, phoneNumberId: other.data.phone_number_id });
    expect(r).toMatchObject({ status: 'failed', errorCode: 'phone_verification_failed' });
    expect((await meta.counts()).registrations).toBe(0);
  });

  it("cancel records facebook_auth_failed and Meta's step as setup_link.cancelled, without calling Graph", async () => {
    const { link } = await newLink();
    const r = await complete(link, {
      connectionType: 'dedicated',
      outcome: 'cancel',
      event: 'CANCEL',
      currentStep: 'PHONE_NUMBER_SETUP',
    });
    expect(r).toMatchObject({ status: 'failed', errorCode: 'facebook_auth_failed' });
    const row = await expectFailed(link.id, 'facebook_auth_failed');
    expect(row.lastStep).toBe('cancelled');
    const { events } = await linkState(ctx.db, link.id);
    expect(events.at(-1)).toMatchObject({
      type: 'setup_link.cancelled',
      payload: { current_step: 'PHONE_NUMBER_SETUP', connection_type: 'dedicated' },
    });
    expect((await meta.counts()).graph_requests).toBe(0);
  });

  it('a popup error also records facebook_auth_failed', async () => {
    const { link } = await newLink();
    const r = await complete(link, {
      connectionType: 'coexistence',
      outcome: 'error',
      event: 'CANCEL',
      errorMessage: 'Something went wrong',
      errorCode: '524126',
    });
    expect(r).toMatchObject({ status: 'failed', errorCode: 'facebook_auth_failed' });
    await expectFailed(link.id, 'facebook_auth_failed');
  });

  it('a code works once: reusing it fails with token_exchange_failed', async () => {
    const first = await newLink();
    const input = await finishInput('finish');
    expect((await complete(first.link, input)).status).toBe('completed');
    const second = await newLink();
    expect(await complete(second.link, input)).toMatchObject({ status: 'failed', errorCode: 'token_exchange_failed' });
    await expectFailed(second.link.id, 'token_exchange_failed');
  });

  it('two concurrent completions of one link: one wins, the other is refused or finds the link used', async () => {
    const { link } = await newLink();
    const [a, b] = await Promise.all([finishInput('finish'), finishInput('finish')]);
    // The loser either meets the winner's lease (409 completion_in_progress, before any change at
    // Meta) or, when the winner already finished, the used link.
    const results = await Promise.all(
      [a, b].map((input) =>
        complete(link, input).catch((e: unknown) => ({ status: 'refused', code: (e as { code?: string }).code })),
      ),
    );
    expect(results.filter((r) => r.status === 'completed')).toHaveLength(1);
    const loser = results.find((r) => r.status !== 'completed');
    if (loser!.status === 'refused') expect(loser).toEqual({ status: 'refused', code: 'completion_in_progress' });
    else expect(loser).toMatchObject({ status: 'failed', errorCode: 'already_used', nextAttemptId: null });
    expect((await meta.counts()).subscriptions).toBe(1);
    const { link: row, configs } = await linkState(ctx.db, link.id);
    expect(configs).toHaveLength(1);
    expect(row).toMatchObject({ status: 'used', whatsappSetupStatus: 'completed', whatsappConfigId: configs[0].id });
  });

  it('the save itself is race-safe: two concurrent saves of one link leave one config', async () => {
    const { link } = await newLink();
    const number = (id: string) => ({
      connectionType: 'dedicated' as const,
      accessToken: `EAA${id}`,
      pin: '123456',
      wabaId: '1000',
      phone: {
        id,
        displayPhoneNumber: `+1555${id}`,
        verifiedName: 'Bakery',
        isOnBizApp: false,
        lastOnboardedTime: null,
      },
    });
    const results = await Promise.all([
      saveCompletedOnboarding(ctx.db, { link, connected: number('0001') }),
      saveCompletedOnboarding(ctx.db, { link, connected: number('0002') }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, status: 'used' });
    const { configs, events } = await linkState(ctx.db, link.id);
    expect(configs).toHaveLength(1);
    expect(events.filter((e) => e.type === 'setup_link.used')).toHaveLength(1);
  });

  it.each([
    ['used', 'already_used'],
    ['revoked', 'link_revoked'],
  ] as const)('a %s link answers %s without any Graph call', async (status, errorCode) => {
    const { link } = await newLink({ status });
    const r = await complete(link, await finishInput('finish'));
    expect(r).toMatchObject({ status: 'failed', errorCode, nextAttemptId: null });
    expect((await meta.counts()).graph_requests).toBe(0);
    expect((await linkState(ctx.db, link.id)).link.whatsappSetupStatus).toBe('pending');
  });

  it('an expired link answers link_expired without any Graph call', async () => {
    const { link } = await newLink({ expiresAt: new Date(Date.now() - 1000) });
    expect(link.status).toBe('expired');
    const r = await complete(link, await finishInput('finish'));
    expect(r).toMatchObject({ status: 'failed', errorCode: 'link_expired', nextAttemptId: null });
    expect((await meta.counts()).graph_requests).toBe(0);
  });

  it('a link that expires while Meta is being called is not used (checked again under the lock)', async () => {
    const { link } = await newLink();
    const input = await finishInput('finish');
    await ctx.db
      .update(setupLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(setupLinks.id, link.id));
    expect(await complete(link, input)).toMatchObject({ status: 'failed', errorCode: 'link_expired' });
    expect((await linkState(ctx.db, link.id)).configs).toHaveLength(0);
  });
});
