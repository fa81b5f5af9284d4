import { describe, expect, it } from 'vitest';
import { apiClient, call } from '../support/api-client';
import { paths, routes } from '../support/routes';

// Input PostgreSQL cannot store, or that the API would read two ways, is refused in the envelope
// before it reaches the database, and changes nothing.

describe('unstorable and ambiguous input', () => {
  it('refuses NUL characters and unpaired surrogates in bodies (422 naming the field)', async () => {
    const { api, apiKey } = await apiClient();
    const customers = async () => (await api(routes.customers, 'GET', paths.customers())).body.meta.total_count;
    for (const raw of [
      '{"customer": {"name": "Acme\\u0000Bakery"}}',
      '{"customer": {"name": "Acme", "external_customer_id": "x\\u0000"}}',
      '{"customer": {"name": "\\ud800"}}',
      '{"customer": {"name": "ok", "\\udc00": 1}}',
    ]) {
      const res = await call(routes.customers, 'POST', paths.customers(), apiKey, { raw });
      expect(res.status, raw).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'invalid_parameter', param: expect.stringMatching(/^customer/) });
    }
    expect(await customers()).toBe(0);
  });

  it('refuses a body nested thousands deep (422 invalid_body), and still reads one 32 deep', async () => {
    const { api, apiKey } = await apiClient();
    const deep = `{"customer": {"name": "Acme", "metadata": ${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    const res = await call(routes.customers, 'POST', paths.customers(), apiKey, { raw: deep });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_body');
    // Within the limit, the body is read and judged by its schema (customers have no such field).
    const nested = `{"customer": {"name": "Acme", "extra": {"k": ${'['.repeat(29)}${']'.repeat(29)}}}}`;
    const judged = await call(routes.customers, 'POST', paths.customers(), apiKey, { raw: nested });
    expect(judged.status).toBe(422);
    expect(judged.body.error).toMatchObject({ code: 'unknown_parameter', param: 'customer.extra' });
    expect((await api(routes.customers, 'GET', paths.customers())).body.meta.total_count).toBe(0);
  });

  it('refuses a body that is not UTF-8 (400), and a large body without Content-Length (413)', async () => {
    const { apiKey } = await apiClient();
    const bytes = Buffer.concat([
      Buffer.from('{"customer": {"name": "'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}}'),
    ]);
    const bad = await routes.customers.POST(
      new Request('http://localhost:3000/platform/v1/customers', {
        method: 'POST',
        headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
        body: bytes,
      }),
      { params: Promise.resolve({}) as never },
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('malformed_json');

    const big = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new Uint8Array(100 * 1024).fill(32));
        c.close();
      },
    });
    const res = await routes.customers.POST(
      new Request('http://localhost:3000/platform/v1/customers', {
        method: 'POST',
        headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
        body: big,
        duplex: 'half',
      } as RequestInit),
      { params: Promise.resolve({}) as never },
    );
    expect(res.status).toBe(413);
  });

  it('refuses duplicated query parameters, NUL in queries and dates PostgreSQL cannot store', async () => {
    const { api, newCustomer } = await apiClient();
    const customer = await newCustomer();
    const list = (query: string) =>
      api(routes.setupLinks, 'GET', `${paths.setupLinks(customer.id)}?${query}`, {
        params: { customerId: customer.id },
      });
    for (const [query, param] of [
      ['page=1&page=2', 'page'],
      ['status=active&status=used', 'status'],
      ['created_after=0000-01-01T00:00:00Z', 'created_after'],
      ['created_before=9999-12-31T23:59:59-14:00', 'created_before'],
    ]) {
      const res = await list(query);
      expect(res.status, query).toBe(422);
      expect(res.body.error.param, query).toBe(param);
    }
    const nul = await api(routes.customers, 'GET', `${paths.customers()}?q=a%00b`);
    expect(nul.status).toBe(422);
    expect(nul.body.error.param).toBe('q');
  });
});
