import { expect, test, type ApiClient } from './support/fixtures';
import { SEED_001_FULL_EXAMPLE, SEED_001_QUICK_START, SEED_002_WHATSAPP_CONFIG } from '@/test/support/seeds';

// The reference pages' request bodies (test/support/seeds.ts), sent verbatim over HTTP under both
// prefixes, and the
// one-active-link rule under 100 concurrent creates.

test.describe.configure({ mode: 'parallel' });

const PREFIXES = ['/platform/v1', '/api/v1'] as const;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const DAY = 86_400_000;

/** Every field of a setup link. */
const LINK_FIELDS = [
  'id',
  'object',
  'customer_id',
  'status',
  'url',
  'created_at',
  'expires_at',
  'success_redirect_url',
  'failure_redirect_url',
  'allowed_connection_types',
  'language',
  'theme_config',
  'provision_phone_number',
  'phone_number_country_isos',
  'phone_number_area_code',
  'whatsapp_setup_status',
  'whatsapp_setup_error',
  'last_step',
  'opened_at',
  'provisioned_phone_number',
  'used_at',
  'revoked_at',
  'whatsapp_config_id',
  'phone_number_id',
  'business_account_id',
  'display_phone_number',
  'metadata',
];

const JSON_HEADERS = { 'Content-Type': 'application/json' };

async function newCustomer(api: ApiClient, prefix: string, name: string) {
  const res = await api.post(`${prefix}/customers`, { customer: { name } });
  expect(res.status, res.text).toBe(201);
  return res.body.data.id as string;
}

/** The shape of a fresh link, with what the body did not set at its defaults. */
function expectFreshLink(link: any, customerId: string, baseURL: string) {
  for (const field of LINK_FIELDS) expect(link, `setup_link.${field}`).toHaveProperty(field);
  expect(link).toMatchObject({
    object: 'setup_link',
    customer_id: customerId,
    status: 'active',
    whatsapp_setup_status: 'pending',
    whatsapp_setup_error: null,
    last_step: null,
    opened_at: null,
    used_at: null,
    revoked_at: null,
    whatsapp_config_id: null,
    phone_number_id: null,
    business_account_id: null,
    display_phone_number: null,
    metadata: {},
  });
  expect(link.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(link.url).toMatch(new RegExp(`^${baseURL.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/s/sl_[A-Za-z0-9_-]{43}$`));
  expect(link.created_at).toMatch(RFC3339);
  expect(link.expires_at).toMatch(RFC3339);
  const lifetime = Date.parse(link.expires_at) - Date.parse(link.created_at);
  expect(Math.abs(lifetime - 30 * DAY), 'expires_at = created_at + 30 days').toBeLessThanOrEqual(1000);
  expect(Math.abs(Date.parse(link.created_at) - Date.now())).toBeLessThan(60_000);
}

for (const prefix of PREFIXES) {
  test(`seed 001 "Quick start" body verbatim on ${prefix}`, async ({ api, baseURL }) => {
    const customerId = await newCustomer(api, prefix, `Quick start ${prefix}`);
    const res = await api.post(`${prefix}/customers/${customerId}/setup_links`, SEED_001_QUICK_START, JSON_HEADERS);
    expect(res.status, res.text).toBe(201);
    expect(res.headers['x-request-id']).toBeTruthy();
    const link = res.body.data;
    expectFreshLink(link, customerId, baseURL!);
    expect(link).toMatchObject({
      success_redirect_url: 'https://your-app.com/whatsapp/success',
      failure_redirect_url: 'https://your-app.com/whatsapp/failed',
      allowed_connection_types: ['coexistence', 'dedicated'],
      language: null,
      theme_config: {},
      provision_phone_number: false,
      phone_number_country_isos: ['US'],
      phone_number_area_code: null,
      provisioned_phone_number: null,
    });
    // The same link reads back the same under the other prefix.
    const other = PREFIXES.find((p) => p !== prefix)!;
    const read = await api.get(`${other}/customers/${customerId}/setup_links/${link.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(link);
  });

  test(`seed 001 "Full example" body verbatim on ${prefix}; it replaces the previous link`, async ({
    api,
    baseURL,
  }) => {
    const customerId = await newCustomer(api, prefix, `Full example ${prefix}`);
    const first = await api.post(`${prefix}/customers/${customerId}/setup_links`, SEED_001_QUICK_START, JSON_HEADERS);
    expect(first.status).toBe(201);

    const res = await api.post(
      `${prefix}/customers/${customerId}/setup_links`,
      JSON.stringify(SEED_001_FULL_EXAMPLE),
      JSON_HEADERS,
    );
    expect(res.status, res.text).toBe(201);
    const link = res.body.data;
    expectFreshLink(link, customerId, baseURL!);
    expect(link).toMatchObject({ ...SEED_001_FULL_EXAMPLE.setup_link, phone_number_area_code: null });
    expect(link.theme_config).toEqual(SEED_001_FULL_EXAMPLE.setup_link.theme_config);

    // "Creating a new link revokes the previous one."
    const previous = await api.get(`${prefix}/customers/${customerId}/setup_links/${first.body.data.id}`);
    expect(previous.body.data).toMatchObject({ status: 'revoked', revoked_at: expect.stringMatching(RFC3339) });
  });
}

test('seed 002 whatsapp_config body verbatim on /api/v1', async ({ api }) => {
  const customerId = await newCustomer(api, '/api/v1', 'Config Co');
  const res = await api.post(
    `/api/v1/customers/${customerId}/whatsapp_configs`,
    SEED_002_WHATSAPP_CONFIG,
    JSON_HEADERS,
  );
  expect(res.status, res.text).toBe(201);
  const config = res.body.data;
  expect(config).toMatchObject({
    object: 'whatsapp_config',
    name: 'WhatsApp Business Account',
    phone_number_id: '1234567890',
    business_account_id: '98765432109',
    customer_id: customerId,
    created_at: expect.stringMatching(RFC3339),
    updated_at: expect.stringMatching(RFC3339),
  });
  expect(typeof config.id).toBe('string');
  // display_name is "{name} ({display number})" once a number is known; here there is none yet.
  expect(config.display_name).toMatch(/^WhatsApp Business Account( \(.+\))?$/);
  expect(config).toHaveProperty('webhook_destination_url');
  // Write-only secrets never come back.
  expect(config).not.toHaveProperty('access_token');
  expect(config).not.toHaveProperty('webhook_verify_token');
  expect(res.text).not.toContain('<string>');
  const read = await api.get(`/platform/v1/customers/${customerId}/whatsapp_configs/${config.id}`);
  expect(read.status).toBe(200);
  expect(read.body.data).toEqual(config);
});

for (const prefix of PREFIXES) {
  test(`seed 004 revoke with a Bearer key on ${prefix}: 200 revoked, then 409 setup_link_not_active`, async ({
    api,
  }) => {
    const customerId = await newCustomer(api, prefix, `Revoke ${prefix}`);
    const created = await api.post(`${prefix}/customers/${customerId}/setup_links`, SEED_001_QUICK_START, JSON_HEADERS);
    const path = `${prefix}/customers/${customerId}/setup_links/${created.body.data.id}`;
    const bearer = api.withKey(null);
    const auth = { Authorization: `Bearer ${api.key}` };

    const res = await bearer.delete(path, auth);
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toMatchObject({
      id: created.body.data.id,
      object: 'setup_link',
      revoked: true,
      status: 'revoked',
      revoked_at: expect.stringMatching(RFC3339),
    });
    expect((await api.get(path)).body.data.status).toBe('revoked');

    const again = await bearer.delete(path, auth);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      type: 'conflict',
      code: 'setup_link_not_active',
      message: expect.any(String),
      request_id: expect.any(String),
    });
    expect(again.body.error.request_id).toBe(again.headers['x-request-id']);
  });
}

test('100 concurrent creates for one customer: all 201, exactly one active link afterwards', async ({ api }) => {
  test.setTimeout(90_000);
  const customerId = await newCustomer(api, '/platform/v1', 'Race Co');
  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      api.post(`/customers/${customerId}/setup_links`, { setup_link: { metadata: { n: String(i) } } }),
    ),
  );
  // ApiClient already fails on any 5xx; every create must have succeeded.
  expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
  const ids = results.map((r) => r.body.data.id);
  expect(new Set(ids).size).toBe(100);

  const list = await api.get(`/customers/${customerId}/setup_links?per_page=100`);
  expect(list.status).toBe(200);
  expect(list.body.meta).toMatchObject({ page: 1, per_page: 100, total_count: 100, total_pages: 1 });
  expect(list.body.data).toHaveLength(100);
  expect(new Set(list.body.data.map((l: any) => l.id))).toEqual(new Set(ids));
  const active = list.body.data.filter((l: any) => l.status === 'active');
  expect(active, 'active links after 100 concurrent creates').toHaveLength(1);
  expect(list.body.data.filter((l: any) => l.status === 'revoked')).toHaveLength(99);
  // The survivor is the newest link (the list is newest first).
  expect(Date.parse(active[0].created_at)).toBe(Math.max(...list.body.data.map((l: any) => Date.parse(l.created_at))));

  const onlyActive = await api.get(`/api/v1/customers/${customerId}/setup_links?status=active`);
  expect(onlyActive.body.meta.total_count).toBe(1);
  expect(onlyActive.body.data[0].id).toBe(active[0].id);
});
