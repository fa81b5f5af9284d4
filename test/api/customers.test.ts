import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupLinks, webhookEvents, whatsappConfigs } from '@/lib/server/db/schema';
import { apiClient } from '../support/api-client';
import { paths, routes } from '../support/routes';

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

describe('customers API', () => {
  it('creates, reads, updates and lists customers', async () => {
    const { api } = await apiClient();
    const created = await api(routes.customers, 'POST', paths.customers(), {
      body: { customer: { name: ' Acme ', external_customer_id: 'crm-1' } },
    });
    expect(created.status).toBe(201);
    const c = created.body.data;
    expect(c).toMatchObject({ object: 'customer', name: 'Acme', external_customer_id: 'crm-1' });
    expect(c.created_at).toMatch(RFC3339);
    const got = await api(routes.customer, 'GET', paths.customer(c.id), { params: { customerId: c.id } });
    expect(got.body.data).toEqual(c);
    const patched = await api(routes.customer, 'PATCH', paths.customer(c.id), {
      params: { customerId: c.id },
      body: { customer: { name: 'Acme Inc' } },
    });
    expect(patched.body.data).toMatchObject({ name: 'Acme Inc', external_customer_id: 'crm-1' });
    const cleared = await api(routes.customer, 'PATCH', paths.customer(c.id), {
      params: { customerId: c.id },
      body: { external_customer_id: null },
    });
    expect(cleared.body.data.external_customer_id).toBeNull();
    const list = await api(routes.customers, 'GET', paths.customers());
    expect(list.body).toEqual({
      request_id: expect.stringMatching(/^req_/),
      data: [cleared.body.data],
      meta: { page: 1, per_page: 20, total_pages: 1, total_count: 1 },
    });
  });

  it('filters by name (q, case-insensitive, no wildcards) and external_customer_id', async () => {
    const { api } = await apiClient();
    for (const [name, ext] of [
      ['Acme Bakery', 'a'],
      ['ACME Tools', 'b'],
      ['Zeta 100%', 'c'],
      ['Zeta 1000', null],
    ]) {
      await api(routes.customers, 'POST', paths.customers(), { body: { name, external_customer_id: ext } });
    }
    const names = async (query: Record<string, string>) =>
      (await api(routes.customers, 'GET', paths.customers(), { query })).body.data.map((c: { name: string }) => c.name);
    expect(await names({ q: 'acme' })).toEqual(['ACME Tools', 'Acme Bakery']);
    expect(await names({ q: '100%' })).toEqual(['Zeta 100%']);
    expect(await names({ q: '_' })).toEqual([]);
    expect(await names({ external_customer_id: 'b' })).toEqual(['ACME Tools']);
    expect(await names({ external_customer_id: 'zzz' })).toEqual([]);
  });

  it('keeps external_customer_id unique within a project (409), not across projects', async () => {
    const a = await apiClient();
    const b = await apiClient();
    expect(
      (await a.api(routes.customers, 'POST', paths.customers(), { body: { name: 'One', external_customer_id: 'x' } }))
        .status,
    ).toBe(201);
    const dup = await a.api(routes.customers, 'POST', paths.customers(), {
      body: { name: 'Two', external_customer_id: 'x' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({
      type: 'conflict',
      code: 'external_customer_id_taken',
      param: 'external_customer_id',
    });
    const other = (await a.api(routes.customers, 'POST', paths.customers(), { body: { name: 'Three' } })).body.data;
    const dupPatch = await a.api(routes.customer, 'PATCH', paths.customer(other.id), {
      params: { customerId: other.id },
      body: { external_customer_id: 'x' },
    });
    expect(dupPatch.status).toBe(409);
    expect(
      (
        await b.api(routes.customers, 'POST', paths.customers(), {
          body: { name: 'Elsewhere', external_customer_id: 'x' },
        })
      ).status,
    ).toBe(201);
  });

  it('validates names and rejects unknown parameters', async () => {
    const { api } = await apiClient();
    const post = (body: unknown) => api(routes.customers, 'POST', paths.customers(), { body });
    expect((await post({ customer: {} })).body.error).toMatchObject({
      code: 'missing_parameter',
      param: 'customer.name',
    });
    expect((await post({ customer: { name: 'x'.repeat(201) } })).body.error).toMatchObject({
      code: 'invalid_parameter',
      param: 'customer.name',
    });
    expect((await post({ customer: { name: 'A', email: 'a@b.c' } })).body.error).toMatchObject({
      code: 'unknown_parameter',
      param: 'customer.email',
    });
    expect((await post({ customer: { name: 42 } })).body.error).toMatchObject({
      code: 'invalid_parameter',
      param: 'customer.name',
    });
  });

  it('paginates newest first with meta, and refuses out-of-range paging with 422', async () => {
    const { api } = await apiClient();
    for (let i = 0; i < 25; i++) await api(routes.customers, 'POST', paths.customers(), { body: { name: `C${i}` } });
    const page2 = await api(routes.customers, 'GET', paths.customers(), { query: { page: 2, per_page: 10 } });
    expect(page2.body.meta).toEqual({ page: 2, per_page: 10, total_pages: 3, total_count: 25 });
    expect(page2.body.data.map((c: { name: string }) => c.name)).toEqual([
      'C14',
      'C13',
      'C12',
      'C11',
      'C10',
      'C9',
      'C8',
      'C7',
      'C6',
      'C5',
    ]);
    for (const [query, param] of [
      [{ page: 0 }, 'page'],
      [{ per_page: 101 }, 'per_page'],
      [{ per_page: 0 }, 'per_page'],
      [{ page: '1.5' }, 'page'],
      [{ page: 'abc' }, 'page'],
      [{ page: '' }, 'page'],
    ] as const) {
      const res = await api(routes.customers, 'GET', paths.customers(), { query });
      expect(res.status, JSON.stringify(query)).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'invalid_parameter', param });
    }
  });

  it('deletes a customer with its links and configs (204) and reports the removed configs', async () => {
    const { api, db, project, newCustomer, newLink } = await apiClient();
    const c = await newCustomer();
    await newLink(c.id);
    const cfg = await api(routes.configs, 'POST', paths.configs(c.id), {
      params: { customerId: c.id },
      body: { whatsapp_config: { name: 'Main', phone_number_id: '1', business_account_id: '2', access_token: 'EAAx' } },
    });
    const res = await api(routes.customer, 'DELETE', paths.customer(c.id), { params: { customerId: c.id } });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(await db.select().from(setupLinks).where(eq(setupLinks.customerId, c.id))).toHaveLength(0);
    expect(await db.select().from(whatsappConfigs).where(eq(whatsappConfigs.customerId, c.id))).toHaveLength(0);
    const events = await db.select().from(webhookEvents).where(eq(webhookEvents.projectId, project.id));
    expect(events.find((e) => e.type === 'whatsapp.config.deleted')?.payload).toMatchObject({
      whatsapp_config: { id: cfg.body.data.id },
    });
    expect((await api(routes.customer, 'GET', paths.customer(c.id), { params: { customerId: c.id } })).status).toBe(
      404,
    );
  });
});
