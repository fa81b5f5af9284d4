import { describe, expect, it } from 'vitest';
import { apiClient, type Routes } from '../support/api-client';
import { paths, routes } from '../support/routes';

// No input may cause a 5xx or change anything: odd bodies, odd ids and odd query strings against
// every write and list endpoint each get a 4xx in the error envelope.

// (A `null` body means "no body", like an empty one: not hostile, so not here.)
const BODIES: unknown[] = [
  [],
  'text',
  42,
  true,
  { setup_link: null },
  { setup_link: [] },
  { setup_link: 'x' },
  { customer: { name: {} } },
  { customer: { name: 'x'.repeat(100_000) } },
  { whatsapp_config: { name: ['a'] } },
  { setup_link: { theme_config: { primary_color: { $gt: '' } } } },
  { setup_link: { metadata: { a: { b: 'nested' } } } },
  { setup_link: { expires_at: '2026-02-30T00:00:00Z' } },
  { setup_link: { expires_in_hours: 1e309 } },
  { setup_link: { allowed_connection_types: [null] } },
  { setup_link: { success_redirect_url: 'javascript:alert(1)' } },
  { setup_link: { language: '\u0000' } },
  { status: 'used' },
  { __proto__: { polluted: true }, constructor: { prototype: { x: 1 } } },
];
const RAW = ['{', '{"a":', '\u0000', '{"setup_link": {"language": "en"}} trailing', '['.repeat(5000)];
const PAGING: Array<Record<string, string>> = [
  { page: '1e309' },
  { page: '-1' },
  { per_page: 'NaN' },
  { per_page: '0x10' },
];
const LINK_FILTERS: Array<Record<string, string>> = [
  { status: 'everything' },
  { created_after: 'yesterday' },
  { created_before: '2026-13-40T99:99:99Z' },
];
// Valid parameters with hostile values: searched for literally, found nowhere.
const SEARCHES: Array<Record<string, string>> = [
  { q: "'; drop table customers; --" },
  { q: '%_\\' },
  { external_customer_id: '%' },
];
const IDS = ['..', '%00', 'null', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", 'x'.repeat(5000)];

function expectClientError(
  res: { status: number; body: { error?: { type: string; request_id: string } } },
  what: string,
) {
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  expect(res.body?.error?.request_id, what).toMatch(/^req_/);
}

describe('hostile input', () => {
  it('never causes a 5xx and changes nothing', async () => {
    const { api, newCustomer, newLink } = await apiClient();
    const c = await newCustomer('Target Co');
    const link = (await newLink(c.id)).body.data;
    const writes: Array<[Routes, 'POST' | 'PATCH', string, Record<string, string>]> = [
      [routes.customers, 'POST', paths.customers(), {}],
      [routes.customer, 'PATCH', paths.customer(c.id), { customerId: c.id }],
      [routes.setupLinks, 'POST', paths.setupLinks(c.id), { customerId: c.id }],
      [routes.setupLink, 'PATCH', paths.setupLink(c.id, link.id), { customerId: c.id, id: link.id }],
      [routes.configs, 'POST', paths.configs(c.id), { customerId: c.id }],
    ];
    for (const [r, method, path, params] of writes) {
      for (const body of BODIES)
        expectClientError(
          await api(r, method, path, { params, body }),
          `${method} ${path} ${JSON.stringify(body)?.slice(0, 80)}`,
        );
      for (const raw of RAW)
        expectClientError(await api(r, method, path, { params, raw }), `${method} ${path} raw ${raw.slice(0, 20)}`);
    }
    for (const query of PAGING)
      expectClientError(
        await api(routes.customers, 'GET', paths.customers(), { query }),
        `customers ${JSON.stringify(query)}`,
      );
    for (const query of [...PAGING, ...LINK_FILTERS]) {
      expectClientError(
        await api(routes.setupLinks, 'GET', paths.setupLinks(c.id), { params: { customerId: c.id }, query }),
        `links ${JSON.stringify(query)}`,
      );
    }
    for (const query of SEARCHES) {
      const res = await api(routes.customers, 'GET', paths.customers(), { query });
      expect(res.status, JSON.stringify(query)).toBe(200);
      expect(res.body.data).toEqual([]);
    }
    for (const id of IDS) {
      expectClientError(
        await api(routes.customer, 'GET', paths.customer(id), { params: { customerId: id } }),
        `customer id ${id.slice(0, 20)}`,
      );
      expectClientError(
        await api(routes.setupLink, 'DELETE', paths.setupLink(c.id, id), { params: { customerId: c.id, id } }),
        `link id ${id.slice(0, 20)}`,
      );
    }

    // Nothing changed: one customer, its one active link as it was, no config.
    const customers = await api(routes.customers, 'GET', paths.customers());
    expect(customers.body.data.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const after = await api(routes.setupLink, 'GET', paths.setupLink(c.id, link.id), {
      params: { customerId: c.id, id: link.id },
    });
    expect(after.body.data).toEqual(link);
    const configs = await api(routes.configs, 'GET', paths.configs(c.id), { params: { customerId: c.id } });
    expect(configs.body.meta.total_count).toBe(0);
  }, 60_000);
});
