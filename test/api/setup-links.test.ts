import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupLinks, webhookEvents } from '@/lib/server/db/schema';
import { env } from '@/lib/server/env';
import { apiClient } from '../support/api-client';
import { paths, routes } from '../support/routes';
import { SEED_001_FULL_EXAMPLE, SEED_001_QUICK_START } from '../support/seeds';

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const DAY = 86_400_000;

// Seed 001, verbatim.
const QUICK_START = JSON.parse(SEED_001_QUICK_START);
const FULL_EXAMPLE = SEED_001_FULL_EXAMPLE;

describe('setup links API: create', () => {
  it('accepts the seed 001 quick start verbatim and answers every field with the defaults', async () => {
    const { api, newCustomer } = await apiClient();
    const c = await newCustomer();
    const before = Date.now();
    const res = await api(routes.setupLinks, 'POST', paths.setupLinks(c.id), {
      params: { customerId: c.id },
      body: QUICK_START,
    });
    expect(res.status).toBe(201);
    const link = res.body.data;
    expect(link).toMatchObject({
      object: 'setup_link',
      customer_id: c.id,
      status: 'active',
      revoked: false,
      success_redirect_url: 'https://your-app.com/whatsapp/success',
      failure_redirect_url: 'https://your-app.com/whatsapp/failed',
      allowed_connection_types: ['coexistence', 'dedicated'],
      language: null,
      theme_config: {},
      provision_phone_number: false,
      phone_number_country_isos: ['US'],
      phone_number_area_code: null,
      whatsapp_setup_status: 'pending',
      whatsapp_setup_error: null,
      provisioned_phone_number: null,
      used_at: null,
      revoked_at: null,
      whatsapp_config_id: null,
      phone_number_id: null,
      business_account_id: null,
      display_phone_number: null,
      metadata: {},
    });
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/s\/sl_[A-Za-z0-9_-]{43}$/);
    expect(link.created_at).toMatch(RFC3339);
    expect(link.expires_at).toMatch(RFC3339);
    const expires = Date.parse(link.expires_at);
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 30 * DAY - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 30 * DAY);
  });

  it('accepts the seed 001 full example verbatim', async () => {
    const { api, newCustomer } = await apiClient();
    const c = await newCustomer();
    const res = await api(routes.setupLinks, 'POST', paths.setupLinks(c.id), {
      params: { customerId: c.id },
      body: FULL_EXAMPLE,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ ...FULL_EXAMPLE.setup_link, status: 'active' });
  });

  it('accepts a flat body and an empty one', async () => {
    const { api, newCustomer } = await apiClient();
    const c = await newCustomer();
    const flat = await api(routes.setupLinks, 'POST', paths.setupLinks(c.id), {
      params: { customerId: c.id },
      body: { language: 'ar', metadata: { plan: 'pro' } },
    });
    expect(flat.status).toBe(201);
    expect(flat.body.data).toMatchObject({ language: 'ar', metadata: { plan: 'pro' } });
    const empty = await api(routes.setupLinks, 'POST', paths.setupLinks(c.id), { params: { customerId: c.id } });
    expect(empty.status).toBe(201);
  });

  it('takes expires_in_hours or expires_at', async () => {
    const { newCustomer, newLink } = await apiClient();
    const c = await newCustomer();
    const inHours = (await newLink(c.id, { expires_in_hours: 2 })).body.data;
    expect(Date.parse(inHours.expires_at) - Date.parse(inHours.created_at)).toBeGreaterThan(2 * 3_600_000 - 2000);
    expect(Date.parse(inHours.expires_at) - Date.parse(inHours.created_at)).toBeLessThanOrEqual(2 * 3_600_000 + 1000);
    const at = new Date(Date.now() + 5 * DAY);
    at.setUTCMilliseconds(0);
    expect((await newLink(c.id, { expires_at: at.toISOString() })).body.data.expires_at).toBe(
      at.toISOString().replace('.000Z', 'Z'),
    );
  });

  const future = (ms: number) => new Date(Date.now() + ms).toISOString();
  const invalid: Array<[name: string, body: Record<string, unknown>, param: string, code?: string]> = [
    [
      'http redirect',
      { success_redirect_url: 'http://example.com/ok' },
      'setup_link.success_redirect_url',
      'invalid_url',
    ],
    ['relative redirect', { failure_redirect_url: '/failed' }, 'setup_link.failure_redirect_url', 'invalid_url'],
    [
      'redirect with user info',
      { success_redirect_url: 'https://user:pw@example.com/' },
      'setup_link.success_redirect_url',
      'invalid_url',
    ],
    [
      'redirect with fragment',
      { success_redirect_url: 'https://example.com/#done' },
      'setup_link.success_redirect_url',
      'invalid_url',
    ],
    [
      'redirect over 2048 chars',
      { success_redirect_url: `https://example.com/${'a'.repeat(2030)}` },
      'setup_link.success_redirect_url',
      'invalid_url',
    ],
    [
      'javascript redirect',
      { success_redirect_url: 'javascript:alert(1)' },
      'setup_link.success_redirect_url',
      'invalid_url',
    ],
    [
      'redirect using one of our parameter names',
      { failure_redirect_url: 'https://example.com/back?status=x' },
      'setup_link.failure_redirect_url',
      'invalid_url',
    ],
    ['unknown language', { language: 'fr' }, 'setup_link.language'],
    ['empty connection types', { allowed_connection_types: [] }, 'setup_link.allowed_connection_types'],
    [
      'duplicate connection types',
      { allowed_connection_types: ['dedicated', 'dedicated'] },
      'setup_link.allowed_connection_types',
    ],
    ['unknown connection type', { allowed_connection_types: ['cloud'] }, 'setup_link.allowed_connection_types.0'],
    ['theme colour format', { theme_config: { primary_color: 'red' } }, 'setup_link.theme_config.primary_color'],
    ['theme short hex', { theme_config: { text_color: '#fff' } }, 'setup_link.theme_config.text_color'],
    [
      'theme unknown key',
      { theme_config: { accent_color: '#000000' } },
      'setup_link.theme_config.accent_color',
      'unknown_parameter',
    ],
    [
      'metadata over 50 keys',
      { metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) },
      'setup_link.metadata',
    ],
    ['metadata long value', { metadata: { note: 'x'.repeat(501) } }, 'setup_link.metadata.note'],
    ['metadata non-string value', { metadata: { n: 1 } }, 'setup_link.metadata.n'],
    ['lowercase country', { phone_number_country_isos: ['us'] }, 'setup_link.phone_number_country_isos.0'],
    ['unassigned country', { phone_number_country_isos: ['UK'] }, 'setup_link.phone_number_country_isos.0'],
    ['no countries', { phone_number_country_isos: [] }, 'setup_link.phone_number_country_isos'],
    ['area code letters', { phone_number_area_code: '41a' }, 'setup_link.phone_number_area_code'],
    [
      'area code outside the US',
      { phone_number_country_isos: ['CL'], phone_number_area_code: '415' },
      'setup_link.phone_number_area_code',
    ],
    [
      'provisioning outside the US',
      { provision_phone_number: true, phone_number_country_isos: ['US', 'CL'] },
      'setup_link.phone_number_country_isos',
      'provisioning_country_not_supported',
    ],
    ['expires_in_hours 0', { expires_in_hours: 0 }, 'setup_link.expires_in_hours'],
    ['expires_in_hours 721', { expires_in_hours: 721 }, 'setup_link.expires_in_hours'],
    ['expires_in_hours fraction', { expires_in_hours: 1.5 }, 'setup_link.expires_in_hours'],
    ['expires_at in the past', { expires_at: future(-60_000) }, 'setup_link.expires_at'],
    ['expires_at beyond 30 days', { expires_at: future(31 * DAY) }, 'setup_link.expires_at'],
    ['expires_at not a time', { expires_at: 'tomorrow' }, 'setup_link.expires_at'],
    [
      'both expiries',
      { expires_at: future(DAY), expires_in_hours: 5 },
      'setup_link.expires_in_hours',
      'parameter_conflict',
    ],
    ['unknown key', { redirect_url: 'https://example.com' }, 'setup_link.redirect_url', 'unknown_parameter'],
    ['status on create', { status: 'active' }, 'setup_link.status', 'unknown_parameter'],
  ];
  it.each(invalid)('rejects %s with 422', async (_name, body, param, code = 'invalid_parameter') => {
    const { newCustomer, newLink } = await apiClient();
    const c = await newCustomer();
    const res = await newLink(c.id, body);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code, param });
    expect(res.body.error.message).toContain(param);
  });

  it('accepts the edges of each rule', async () => {
    const { newCustomer, newLink } = await apiClient();
    const c = await newCustomer();
    const ok = async (body: Record<string, unknown>) =>
      expect((await newLink(c.id, body)).status, JSON.stringify(body).slice(0, 80)).toBe(201);
    await ok({ success_redirect_url: 'https://example.com/ok?ref=partner&x=1', failure_redirect_url: null });
    await ok({ success_redirect_url: `https://example.com/${'a'.repeat(2048 - 20)}` });
    await ok({ success_redirect_url: 'http://localhost:4000/done', failure_redirect_url: 'http://127.0.0.1/failed' }); // dev mode in tests
    await ok({ metadata: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'.repeat(500)])) });
    await ok({ phone_number_country_isos: ['US', 'CL', 'BR'], phone_number_area_code: '415' });
    await ok({ provision_phone_number: true, phone_number_area_code: '212' });
    await ok({ expires_in_hours: 720 });
    await ok({ expires_in_hours: 1, theme_config: null, language: null });
  });

  it('refuses http://localhost redirects when the operator has not allowed them', async () => {
    const { newCustomer, newLink } = await apiClient();
    const c = await newCustomer();
    const allowed = env.allowLocalhostRedirects;
    env.allowLocalhostRedirects = false;
    try {
      const res = await newLink(c.id, { success_redirect_url: 'http://localhost:4000/done' });
      expect(res.body.error).toMatchObject({ code: 'invalid_url', param: 'setup_link.success_redirect_url' });
    } finally {
      env.allowLocalhostRedirects = allowed;
    }
    expect((await newLink(c.id, { success_redirect_url: 'http://localhost:4000/done' })).status).toBe(201);
  });

  it('answers 404 with param customer_id for an unknown customer', async () => {
    const { newLink } = await apiClient();
    const res = await newLink(crypto.randomUUID());
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'resource_not_found', param: 'customer_id' });
  });

  it('revokes the previous active link and queues setup_link.revoked and setup_link.created', async () => {
    const { api, db, project, newCustomer, newLink } = await apiClient();
    const c = await newCustomer();
    const first = (await newLink(c.id)).body.data;
    const second = (await newLink(c.id)).body.data;
    const old = await api(routes.setupLink, 'GET', paths.setupLink(c.id, first.id), {
      params: { customerId: c.id, id: first.id },
    });
    expect(old.body.data).toMatchObject({ status: 'revoked', revoked: true });
    expect(old.body.data.revoked_at).toMatch(RFC3339);
    expect(second.status).toBe('active');
    const events = await db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.projectId, project.id))
      .orderBy(webhookEvents.createdAt);
    expect(events.map((e) => [e.type, (e.payload.setup_link as { id: string }).id])).toEqual([
      ['setup_link.created', first.id],
      ['setup_link.revoked', first.id],
      ['setup_link.created', second.id],
    ]);
    expect(events[0].payload).toMatchObject({
      project: { id: project.id },
      customer: { id: c.id },
      setup_link: { status: 'active' },
    });
    // The outbox never holds the link token.
    expect(JSON.stringify(events)).not.toMatch(/sl_[A-Za-z0-9_-]{43}/);
    expect(
      await db
        .select()
        .from(setupLinks)
        .where(and(eq(setupLinks.customerId, c.id), eq(setupLinks.status, 'active'))),
    ).toHaveLength(1);
  });
});
