import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret } from '@/lib/server/crypto';
import { setupLinks, webhookEvents, whatsappConfigs } from '@/lib/server/db/schema';
import type { CustomerId, SetupLinkId } from '@/lib/server/ids';
import { completeOnboarding } from '@/lib/server/onboarding/complete';
import { getProjectSigningSecret } from '@/lib/server/projects';
import { verifyRedirect } from '@/lib/server/redirect-signature';
import { resolveLinkToken } from '@/lib/server/setup-links/resolve';
import { insertWhatsappConfig } from '@/lib/server/whatsapp-configs/write';
import type { ConnectionType } from '@/lib/shared/vocabulary';
import { apiClient } from '../support/api-client';
import { startTestMeta } from '../support/onboarding';
import { paths, routes } from '../support/routes';

// Reconnect links (Kapso's reconnect_phone_number): created through the route handlers, completed
// through lib/server/onboarding/complete.ts against the Meta emulator.

let meta: Awaited<ReturnType<typeof startTestMeta>>;
beforeAll(async () => {
  meta = await startTestMeta();
});
afterAll(() => meta.emulator.close());

type Client = Awaited<ReturnType<typeof apiClient>>;

async function setup() {
  const client = await apiClient();
  const c = await client.newCustomer();
  const scope = { db: client.db, projectId: client.project.id };
  /** A config as a completed link would have made it, without going through Meta. */
  const config = (displayPhoneNumber: string | null, connectionType: ConnectionType | null, customerId = c.id) =>
    client.db.transaction((tx) =>
      insertWhatsappConfig(
        { db: tx, projectId: client.project.id },
        {
          customerId: customerId as CustomerId,
          config: {
            name: 'Bakery',
            phoneNumberId: '1055501',
            businessAccountId: '2055501',
            displayPhoneNumber,
            verifiedName: 'Bakery',
            accessToken: 'EAAold',
            webhookVerifyToken: null,
            webhookDestinationUrl: null,
            pin: null,
            connectionType,
            setupLinkId: null,
          },
        },
      ),
    );
  return { ...client, c, scope, config };
}

async function linksOf(client: Client, customerId: string) {
  return client.db
    .select()
    .from(setupLinks)
    .where(eq(setupLinks.customerId, customerId as CustomerId));
}

async function configsOf(client: Client, customerId: string) {
  return client.db
    .select()
    .from(whatsappConfigs)
    .where(eq(whatsappConfigs.customerId, customerId as CustomerId));
}

async function eventsOf(client: Client, linkId: string) {
  return client.db
    .select()
    .from(webhookEvents)
    .where(eq(webhookEvents.setupLinkId, linkId as SetupLinkId))
    .orderBy(asc(webhookEvents.seq));
}

/** Meta's popup, finishing with this display number (the emulator formats it as Meta does). */
async function dialog(displayPhoneNumber: string) {
  const res = await fetch(`${meta.emulator.url}/dialog/complete`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ outcome: 'finish', display_phone_number: displayPhoneNumber }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { code: string; event: string; data: Record<string, string> };
}

/** Completes the link (from its API object) with a dedicated number shown as `displayPhoneNumber`. */
async function completeLink(client: Client, apiLink: { url: string }, displayPhoneNumber: string) {
  const link = (await resolveLinkToken(client.db, new URL(apiLink.url).pathname.split('/').at(-1)))!;
  const d = await dialog(displayPhoneNumber);
  const result = await completeOnboarding(client.db, {
    link,
    graph: meta.graph,
    completion: {
      connectionType: 'dedicated',
      outcome: 'finish',
      code: d.code,
      event: d.event,
      wabaId: d.data.waba_id,
      phoneNumberId: d.data.phone_number_id,
      businessId: d.data.business_id,
    },
  });
  return { result, dialog: d };
}

const REDIRECTS = {
  success_redirect_url: 'https://partner.example/wa/done?ref=7',
  failure_redirect_url: 'https://partner.example/wa/failed',
};

describe('reconnect links: create', () => {
  it('stores the number and its config, pins the connection type and shows reconnect_phone_number', async () => {
    const client = await setup();
    const { c, newLink, config } = client;
    const existing = await config('+1 415-555-0123', 'dedicated');
    const ordinary = await newLink(c.id, {});
    expect(ordinary.body.data.reconnect_phone_number).toBeNull();

    const res = await newLink(c.id, { reconnect_phone_number: '+14155550123' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      reconnect_phone_number: '+14155550123',
      allowed_connection_types: ['dedicated'],
      provision_phone_number: false,
      status: 'active',
    });
    const [row] = (await linksOf(client, c.id)).filter((l) => l.id === res.body.data.id);
    expect(row).toMatchObject({ reconnectPhoneNumber: '+14155550123', reconnectWhatsappConfigId: existing.id });
  });

  it('narrows a partner list that includes the config type to that type', async () => {
    const { c, newLink, config } = await setup();
    await config('+14155550124', 'coexistence');
    const res = await newLink(c.id, {
      reconnect_phone_number: '+14155550124',
      allowed_connection_types: ['dedicated', 'coexistence'],
    });
    expect(res.status).toBe(201);
    expect(res.body.data.allowed_connection_types).toEqual(['coexistence']);
  });

  it("a config written by hand (no connection type) keeps the partner's types, or both", async () => {
    const { c, newLink, config } = await setup();
    await config('+1 (415) 555-0125', null);
    const both = await newLink(c.id, { reconnect_phone_number: '+14155550125' });
    expect(both.status).toBe(201);
    expect(both.body.data.allowed_connection_types).toEqual(['coexistence', 'dedicated']);
    const one = await newLink(c.id, {
      reconnect_phone_number: '+14155550125',
      allowed_connection_types: ['coexistence'],
    });
    expect(one.status).toBe(201);
    expect(one.body.data.allowed_connection_types).toEqual(['coexistence']);
  });

  const invalid: Array<[string, Record<string, unknown>, string, string]> = [
    ['no "+"', { reconnect_phone_number: '14155550123' }, 'setup_link.reconnect_phone_number', 'invalid_parameter'],
    ['spaces', { reconnect_phone_number: '+1 415 555 0123' }, 'setup_link.reconnect_phone_number', 'invalid_parameter'],
    [
      'a leading zero',
      { reconnect_phone_number: '+04155550123' },
      'setup_link.reconnect_phone_number',
      'invalid_parameter',
    ],
    [
      '16 digits',
      { reconnect_phone_number: '+1415555012345678' },
      'setup_link.reconnect_phone_number',
      'invalid_parameter',
    ],
    ['not a string', { reconnect_phone_number: 14155550123 }, 'setup_link.reconnect_phone_number', 'invalid_parameter'],
    [
      'a number without a config',
      { reconnect_phone_number: '+14155550999' },
      'setup_link.reconnect_phone_number',
      'reconnect_number_not_found',
    ],
    [
      "another customer's number",
      { reconnect_phone_number: '+14155550777' },
      'setup_link.reconnect_phone_number',
      'reconnect_number_not_found',
    ],
    [
      'provisioning with it',
      { reconnect_phone_number: '+14155550123', provision_phone_number: true },
      'setup_link.provision_phone_number',
      'parameter_conflict',
    ],
    [
      'types without the config type',
      { reconnect_phone_number: '+14155550123', allowed_connection_types: ['coexistence'] },
      'setup_link.allowed_connection_types',
      'reconnect_connection_type_mismatch',
    ],
  ];
  it.each(invalid)('refuses %s: 422 with the param, nothing created or revoked', async (_name, body, param, code) => {
    const client = await setup();
    const { c, newLink, newCustomer, config } = client;
    await config('+14155550123', 'dedicated');
    const other = await newCustomer('Other Co');
    await config('+14155550777', 'dedicated', other.id);
    const previous = await newLink(c.id, {});
    const res = await newLink(c.id, body);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code, param });
    expect(res.body.error.message).toContain(param);
    const links = await linksOf(client, c.id);
    expect(links.map((l) => [l.id, l.status])).toEqual([[previous.body.data.id, 'active']]);
    expect((await eventsOf(client, previous.body.data.id)).map((e) => e.type)).toEqual(['setup_link.created']);
  });

  it('a flat body gets the bare param', async () => {
    const { c, api } = await setup();
    const res = await api(routes.setupLinks, 'POST', paths.setupLinks(c.id), {
      params: { customerId: c.id },
      body: { reconnect_phone_number: '+14155550999' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'reconnect_number_not_found', param: 'reconnect_phone_number' });
  });

  it('PATCH cannot set or change it, and cannot unpin the connection type', async () => {
    const { c, api, newLink, config } = await setup();
    await config('+14155550123', 'dedicated');
    const ordinary = (await newLink(c.id, {})).body.data;
    const patch = (id: string, setupLink: Record<string, unknown>) =>
      api(routes.setupLink, 'PATCH', paths.setupLink(c.id, id), {
        params: { customerId: c.id, id },
        body: { setup_link: setupLink },
      });
    const set = await patch(ordinary.id, { reconnect_phone_number: '+14155550123' });
    expect(set.status).toBe(422);
    expect(set.body.error).toMatchObject({ code: 'unknown_parameter', param: 'setup_link.reconnect_phone_number' });

    const link = (await newLink(c.id, { reconnect_phone_number: '+14155550123' })).body.data;
    const unpin = await patch(link.id, { allowed_connection_types: ['coexistence'] });
    expect(unpin.status).toBe(422);
    expect(unpin.body.error).toMatchObject({
      code: 'reconnect_connection_type_mismatch',
      param: 'setup_link.allowed_connection_types',
    });
    const widen = await patch(link.id, { allowed_connection_types: ['coexistence', 'dedicated'], language: 'es' });
    expect(widen.status).toBe(200);
    expect(widen.body.data).toMatchObject({
      allowed_connection_types: ['dedicated'],
      language: 'es',
      reconnect_phone_number: '+14155550123',
    });
  });
});

describe('reconnect links: completion', () => {
  /** A customer whose dedicated number was connected by an ordinary link, and a reconnect link for it. */
  async function connected(number: string) {
    const client = await setup();
    const first = (await client.newLink(client.c.id, { ...REDIRECTS, allowed_connection_types: ['dedicated'] })).body
      .data;
    const made = await completeLink(client, first, number);
    expect(made.result.status).toBe('completed');
    const [config] = await configsOf(client, client.c.id);
    const e164 = `+${number.replace(/\D/g, '')}`;
    expect(config.displayPhoneNumber).toBe(e164);
    const res = await client.newLink(client.c.id, { ...REDIRECTS, reconnect_phone_number: e164 });
    expect(res.status).toBe(201);
    return { ...client, config, link: res.body.data, e164, first: made.dialog };
  }

  it('the same number refreshes the existing config, uses the link and queues whatsapp.phone_number.reconnected', async () => {
    const ctx = await connected('+1 212-555-0142');
    const { result, dialog: d } = await completeLink(ctx, ctx.link, '+1 (212) 555 0142');
    expect(result.status).toBe('completed');
    if (result.status !== 'completed') return;

    // One config, the same one: new token, PIN and Meta ids, same name and origin.
    const configs = await configsOf(ctx, ctx.c.id);
    expect(configs).toHaveLength(1);
    const [config] = configs;
    expect(config).toMatchObject({
      id: ctx.config.id,
      name: ctx.config.name,
      setupLinkId: ctx.config.setupLinkId,
      connectionType: 'dedicated',
      displayPhoneNumber: ctx.e164,
      phoneNumberId: d.data.phone_number_id,
      businessAccountId: d.data.waba_id,
    });
    expect(config.phoneNumberId).not.toBe(ctx.config.phoneNumberId);
    expect(
      decryptSecret(config.accessTokenEnc!, { column: 'whatsapp_configs.access_token_enc', row: config.id }),
    ).toMatch(/^EAA/);
    expect(
      decryptSecret(config.accessTokenEnc!, { column: 'whatsapp_configs.access_token_enc', row: config.id }),
    ).not.toBe(
      decryptSecret(ctx.config.accessTokenEnc!, { column: 'whatsapp_configs.access_token_enc', row: ctx.config.id }),
    );
    expect(decryptSecret(config.pinEnc!, { column: 'whatsapp_configs.pin_enc', row: config.id })).toMatch(/^\d{6}$/);
    expect(config.updatedAt.getTime()).toBeGreaterThan(ctx.config.updatedAt.getTime());

    const [row] = (await linksOf(ctx, ctx.c.id)).filter((l) => l.id === ctx.link.id);
    expect(row).toMatchObject({
      status: 'used',
      whatsappSetupStatus: 'completed',
      whatsappConfigId: ctx.config.id,
      phoneNumberId: d.data.phone_number_id,
      businessAccountId: d.data.waba_id,
      displayPhoneNumber: ctx.e164,
    });

    const events = await eventsOf(ctx, ctx.link.id);
    expect(events.map((e) => e.type)).toEqual([
      'setup_link.created',
      'whatsapp.phone_number.reconnected',
      'setup_link.used',
    ]);
    expect(events[1].payload).toEqual({
      phone_number_id: d.data.phone_number_id,
      business_account_id: d.data.waba_id,
      display_phone_number: ctx.e164,
      connection_type: 'dedicated',
      setup_link_id: ctx.link.id,
      whatsapp_config_id: ctx.config.id,
      project: { id: ctx.project.id },
      customer: { id: ctx.c.id },
    });
    expect(JSON.stringify(events)).not.toMatch(/EAA/);

    const url = new URL(result.redirectUrl!);
    expect(url.origin + url.pathname).toBe('https://partner.example/wa/done');
    expect(url.searchParams.get('whatsapp_config_id')).toBe(ctx.config.id);
    expect(url.searchParams.get('display_phone_number')).toBe(ctx.e164);
    const secret = await getProjectSigningSecret(ctx.db, ctx.project.id);
    expect(verifyRedirect(url.search, secret, { now: new Date() }).ok).toBe(true);
  });

  it('a different number fails with reconnect_number_mismatch before registering: config untouched, link active', async () => {
    const ctx = await connected('+1 312-555-0150');
    const registrations = (await meta.counts()).registrations;
    const { result } = await completeLink(ctx, ctx.link, '+1 312-555-0151');
    expect(result).toMatchObject({ status: 'failed', errorCode: 'reconnect_number_mismatch' });
    if (result.status !== 'failed') return;
    expect(result.nextAttemptId).toBeTruthy();
    const url = new URL(result.redirectUrl!);
    expect(url.searchParams.get('error_code')).toBe('reconnect_number_mismatch');

    expect(await configsOf(ctx, ctx.c.id)).toEqual([ctx.config]);
    const [row] = (await linksOf(ctx, ctx.c.id)).filter((l) => l.id === ctx.link.id);
    expect(row).toMatchObject({
      status: 'active',
      whatsappSetupStatus: 'failed',
      whatsappSetupError: 'reconnect_number_mismatch',
      whatsappConfigId: null,
    });
    const events = await eventsOf(ctx, ctx.link.id);
    expect(events.map((e) => e.type)).toEqual(['setup_link.created', 'setup_link.failed']);
    expect(events[1].payload).toMatchObject({ error_code: 'reconnect_number_mismatch' });
    expect((await meta.counts()).registrations).toBe(registrations);

    // The customer may try again with the right number.
    const retry = await completeLink(ctx, ctx.link, ctx.e164);
    expect(retry.result.status).toBe('completed');
  });

  it('a config deleted meanwhile fails with reconnect_number_mismatch and creates none', async () => {
    const ctx = await connected('+1 617-555-0160');
    const del = await ctx.api(routes.config, 'DELETE', paths.config(ctx.c.id, ctx.config.id), {
      params: { customerId: ctx.c.id, id: ctx.config.id },
    });
    expect(del.status).toBe(204);
    const { result } = await completeLink(ctx, ctx.link, ctx.e164);
    expect(result).toMatchObject({ status: 'failed', errorCode: 'reconnect_number_mismatch' });
    expect(await configsOf(ctx, ctx.c.id)).toEqual([]);
    const [row] = (await linksOf(ctx, ctx.c.id)).filter((l) => l.id === ctx.link.id);
    expect(row).toMatchObject({ status: 'active', whatsappSetupError: 'reconnect_number_mismatch' });
    expect((await eventsOf(ctx, ctx.link.id)).map((e) => e.type)).toEqual(['setup_link.created', 'setup_link.failed']);
  });

  it('a config written by hand is reconnected too and learns its connection type', async () => {
    const ctx = await setup();
    const made = await ctx.api(routes.configs, 'POST', paths.configs(ctx.c.id), {
      params: { customerId: ctx.c.id },
      body: {
        whatsapp_config: {
          name: 'Front desk',
          phone_number_id: '111',
          business_account_id: '222',
          access_token: 'EAAbyhand',
          display_phone_number: '+1 (808) 555-0170',
        },
      },
    });
    expect(made.status).toBe(201);
    const link = (await ctx.newLink(ctx.c.id, { reconnect_phone_number: '+18085550170' })).body.data;
    expect(link.allowed_connection_types).toEqual(['coexistence', 'dedicated']);
    const { result } = await completeLink(ctx, link, '+1 808-555-0170');
    expect(result.status).toBe('completed');
    const configs = await configsOf(ctx, ctx.c.id);
    expect(configs).toHaveLength(1);
    expect(configs[0]).toMatchObject({
      id: made.body.data.id,
      name: 'Front desk',
      connectionType: 'dedicated',
      displayPhoneNumber: '+18085550170',
    });
    expect(
      decryptSecret(configs[0].accessTokenEnc!, { column: 'whatsapp_configs.access_token_enc', row: configs[0].id }),
    ).not.toBe('EAAbyhand');
  });
});
