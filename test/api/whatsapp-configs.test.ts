import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { decryptSecret } from '@/lib/server/crypto';
import { webhookEvents, whatsappConfigs } from '@/lib/server/db/schema';
import { apiClient } from '../support/api-client';
import { paths, routes } from '../support/routes';
import { SEED_002_WHATSAPP_CONFIG } from '../support/seeds';

// Seed 002's create body, verbatim (placeholders included).
const SEED_BODY = JSON.parse(SEED_002_WHATSAPP_CONFIG);

async function setup() {
  const client = await apiClient();
  const c = await client.newCustomer();
  const create = (body: unknown) =>
    client.api(routes.configs, 'POST', paths.configs(c.id), { params: { customerId: c.id }, body });
  const one = (id: string) => ({ params: { customerId: c.id, id } });
  return { ...client, c, create, one };
}

describe('WhatsApp configs API', () => {
  it('accepts the seed 002 body verbatim and answers in its shape without secrets', async () => {
    const { create, db, c } = await setup();
    const res = await create(SEED_BODY);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      object: 'whatsapp_config',
      name: 'WhatsApp Business Account',
      display_name: 'WhatsApp Business Account',
      phone_number_id: '1234567890',
      business_account_id: '98765432109',
      customer_id: c.id,
      webhook_destination_url: null,
      webhook_verify_token_set: true,
      access_token_set: true,
      connection_type: null,
      setup_link_id: null,
    });
    expect(res.body.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(res.body.data).not.toHaveProperty('access_token');
    expect(res.body.data).not.toHaveProperty('webhook_verify_token');
    const [row] = await db.select().from(whatsappConfigs).where(eq(whatsappConfigs.id, res.body.data.id));
    expect(row.accessTokenEnc).not.toContain('<string>');
    expect(decryptSecret(row.accessTokenEnc!, { column: 'whatsapp_configs.access_token_enc', row: row.id })).toBe(
      '<string>',
    );
  });

  it('builds display_name from the number and keeps real webhook URLs', async () => {
    const { create } = await setup();
    const res = await create({
      name: 'Client WhatsApp',
      phone_number_id: '1',
      business_account_id: '2',
      access_token: 'EAAsecret',
      display_phone_number: '+1234567890',
      webhook_destination_url: 'https://partner.example/hooks/wa',
    });
    expect(res.body.data).toMatchObject({
      display_name: 'Client WhatsApp (+1234567890)',
      webhook_destination_url: 'https://partner.example/hooks/wa',
      webhook_verify_token_set: false,
    });
    expect(JSON.stringify(res.body)).not.toContain('EAAsecret');
  });

  const invalid: Array<[string, Record<string, unknown>, string, string]> = [
    ['missing name', { name: undefined }, 'whatsapp_config.name', 'missing_parameter'],
    ['missing access_token', { access_token: undefined }, 'whatsapp_config.access_token', 'missing_parameter'],
    ['missing phone_number_id', { phone_number_id: undefined }, 'whatsapp_config.phone_number_id', 'missing_parameter'],
    [
      'missing business_account_id',
      { business_account_id: undefined },
      'whatsapp_config.business_account_id',
      'missing_parameter',
    ],
    ['numeric phone_number_id', { phone_number_id: 123 }, 'whatsapp_config.phone_number_id', 'invalid_parameter'],
    [
      'http webhook URL',
      { webhook_destination_url: 'http://partner.example/hook' },
      'whatsapp_config.webhook_destination_url',
      'invalid_url',
    ],
    [
      'not a URL',
      { webhook_destination_url: 'partner hook' },
      'whatsapp_config.webhook_destination_url',
      'invalid_url',
    ],
    ['unknown key', { pin: '123456' }, 'whatsapp_config.pin', 'unknown_parameter'],
  ];
  it.each(invalid)('rejects %s with 422', async (_name, change, param, code) => {
    const { create } = await setup();
    const res = await create({
      whatsapp_config: { ...SEED_BODY.whatsapp_config, webhook_destination_url: null, ...change },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code, param });
  });

  it('lists, reads, updates and deletes, queueing created/deleted events', async () => {
    const { api, db, project, create, c, one } = await setup();
    const first = (await create(SEED_BODY)).body.data;
    const second = (await create({ ...SEED_BODY.whatsapp_config, name: 'Second' })).body.data;
    const list = await api(routes.configs, 'GET', paths.configs(c.id), {
      params: { customerId: c.id },
      query: { per_page: 1 },
    });
    expect(list.body.meta).toEqual({ page: 1, per_page: 1, total_pages: 2, total_count: 2 });
    expect(list.body.data.map((x: { id: string }) => x.id)).toEqual([second.id]);
    const got = await api(routes.config, 'GET', paths.config(c.id, first.id), one(first.id));
    expect(got.body.data).toEqual(first);

    const patched = await api(routes.config, 'PATCH', paths.config(c.id, first.id), {
      ...one(first.id),
      body: {
        whatsapp_config: {
          name: 'Renamed',
          display_phone_number: '+1 415 555 0100',
          access_token: 'EAAnew',
          webhook_verify_token: null,
        },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({
      name: 'Renamed',
      display_name: 'Renamed (+1 415 555 0100)',
      webhook_verify_token_set: false,
      phone_number_id: '1234567890',
    });
    const [row] = await db.select().from(whatsappConfigs).where(eq(whatsappConfigs.id, first.id));
    expect(decryptSecret(row.accessTokenEnc!, { column: 'whatsapp_configs.access_token_enc', row: row.id })).toBe(
      'EAAnew',
    );
    const badPatch = await api(routes.config, 'PATCH', paths.config(c.id, first.id), {
      ...one(first.id),
      body: { name: '' },
    });
    expect(badPatch.body.error).toMatchObject({ code: 'invalid_parameter', param: 'name' });

    const deleted = await api(routes.config, 'DELETE', paths.config(c.id, first.id), one(first.id));
    expect(deleted.status).toBe(204);
    expect((await api(routes.config, 'GET', paths.config(c.id, first.id), one(first.id))).status).toBe(404);
    expect((await api(routes.config, 'DELETE', paths.config(c.id, first.id), one(first.id))).status).toBe(404);

    const events = await db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.projectId, project.id)));
    expect(events.map((e) => e.type).sort()).toEqual([
      'whatsapp.config.created',
      'whatsapp.config.created',
      'whatsapp.config.deleted',
    ]);
    expect(events.find((e) => e.type === 'whatsapp.config.deleted')?.payload).toMatchObject({
      customer: { id: c.id },
      whatsapp_config: { id: first.id },
    });
    expect(JSON.stringify(events)).not.toMatch(/EAAnew|access_token"/);
  });

  it('answers 404 with param customer_id for an unknown customer', async () => {
    const { api } = await setup();
    const id = crypto.randomUUID();
    const res = await api(routes.configs, 'POST', paths.configs(id), { params: { customerId: id }, body: SEED_BODY });
    expect(res.status).toBe(404);
    expect(res.body.error.param).toBe('customer_id');
  });
});
