import { describe, expect, it } from 'vitest';
import { apiClient, call, type Routes } from '../support/api-client';
import { paths, routes } from '../support/routes';

// Cross-cutting HTTP behaviour of every platform route: auth, body parsing, envelope, 404/405.

const ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

describe('platform API envelope', () => {
  it('answers 401 without a key or with an unknown one, and accepts Bearer', async () => {
    const { apiKey } = await apiClient();
    const missing = await call(routes.customers, 'GET', paths.customers(), null);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ type: 'authentication_error', code: 'missing_api_key' });
    expect(missing.body.error.request_id).toBe(missing.headers.get('x-request-id'));
    const unknown = await call(routes.customers, 'GET', paths.customers(), 'sk_live_' + 'x'.repeat(43));
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('invalid_api_key');
    const bearer = await call(routes.customers, 'GET', paths.customers(), null, {
      headers: { Authorization: `Bearer ${apiKey}` },
    });
    expect(bearer.status).toBe(200);
    const inQuery = await call(routes.customers, 'GET', paths.customers(), null, { query: { api_key: apiKey } });
    expect(inQuery.status).toBe(401);
  });

  it('answers 400 for malformed JSON, 415 for non-JSON and 413 over 1 MB', async () => {
    const { api } = await apiClient();
    const malformed = await api(routes.customers, 'POST', paths.customers(), { raw: '{"customer": {"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');
    const text = await api(routes.customers, 'POST', paths.customers(), {
      raw: 'name=Acme',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
    const huge = await api(routes.customers, 'POST', paths.customers(), {
      body: { customer: { name: 'x'.repeat(1024 * 1024) } },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('body_too_large');
    const notObject = await api(routes.customers, 'POST', paths.customers(), { body: ['Acme'] });
    expect(notObject.status).toBe(422);
    expect(notObject.body.error.code).toBe('invalid_body');
  });

  it('accepts wrapped and flat bodies, and names params with the wrapper prefix', async () => {
    const { api } = await apiClient();
    const wrapped = await api(routes.customers, 'POST', paths.customers(), { body: { customer: { name: 'Wrapped' } } });
    const flat = await api(routes.customers, 'POST', paths.customers(), { body: { name: 'Flat' } });
    expect([wrapped.status, wrapped.body.data.name, flat.status, flat.body.data.name]).toEqual([
      201,
      'Wrapped',
      201,
      'Flat',
    ]);
    const wrappedError = await api(routes.customers, 'POST', paths.customers(), { body: { customer: { name: '' } } });
    expect(wrappedError.body.error).toMatchObject({ code: 'invalid_parameter', param: 'customer.name' });
    const flatError = await api(routes.customers, 'POST', paths.customers(), { body: { name: '' } });
    expect(flatError.body.error.param).toBe('name');
    const extra = await api(routes.customers, 'POST', paths.customers(), {
      body: { customer: { name: 'A' }, name: 'B' },
    });
    expect(extra.body.error).toMatchObject({ code: 'unknown_parameter', param: 'name' });
    const notObject = await api(routes.customers, 'POST', paths.customers(), { body: { customer: 'Acme' } });
    expect(notObject.body.error).toMatchObject({ code: 'invalid_parameter', param: 'customer' });
  });

  const served: Array<[name: string, r: Routes, allowed: string[]]> = [
    ['customers', routes.customers, ['GET', 'POST']],
    ['customer', routes.customer, ['GET', 'PATCH', 'DELETE']],
    ['setup links', routes.setupLinks, ['GET', 'POST']],
    ['setup link', routes.setupLink, ['GET', 'PATCH', 'DELETE']],
    ['whatsapp configs', routes.configs, ['GET', 'POST']],
    ['whatsapp config', routes.config, ['GET', 'PATCH', 'DELETE']],
  ];
  it.each(served)('%s: every other method is a 405 with Allow', async (_name, r, allowed) => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      expect(typeof r[method], method).toBe('function');
      if (allowed.includes(method)) continue;
      const res = await call(r, method, '/x', null);
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe(allowed.join(', '));
      expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code: 'method_not_allowed' });
    }
  });

  it('answers unknown routes with the 404 envelope for every method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await call(routes.unknown, method, '/nope/nothing', null);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ type: 'not_found', code: 'route_not_found' });
      expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    }
  });

  it('answers 404 (not 500) for ids that are not UUIDs', async () => {
    const { api, newCustomer } = await apiClient();
    const c = await newCustomer();
    const cases: Array<[Routes, keyof Routes, string, Record<string, string>, string]> = [
      [routes.customer, 'GET', paths.customer('abc'), { customerId: 'abc' }, 'id'],
      [routes.customer, 'PATCH', paths.customer('abc'), { customerId: 'abc' }, 'id'],
      [routes.customer, 'DELETE', paths.customer('abc'), { customerId: 'abc' }, 'id'],
      [routes.setupLinks, 'GET', paths.setupLinks('1'), { customerId: '1' }, 'customer_id'],
      [routes.setupLinks, 'POST', paths.setupLinks("x'"), { customerId: "x'" }, 'customer_id'],
      [routes.setupLink, 'GET', paths.setupLink(c.id, 'abc'), { customerId: c.id, id: 'abc' }, 'id'],
      [routes.setupLink, 'DELETE', paths.setupLink(c.id, ID + 'x'), { customerId: c.id, id: ID + 'x' }, 'id'],
      [routes.configs, 'GET', paths.configs('abc'), { customerId: 'abc' }, 'customer_id'],
      [routes.config, 'GET', paths.config(c.id, 'abc'), { customerId: c.id, id: 'abc' }, 'id'],
    ];
    for (const [r, method, path, params, param] of cases) {
      const res = await api(r, method, path, { params });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error).toMatchObject({ type: 'not_found', code: 'resource_not_found', param });
    }
  });

  it("answers 404 for another project's customers, links and configs", async () => {
    const owner = await apiClient();
    const other = await apiClient();
    const c = await owner.newCustomer();
    const link = (await owner.newLink(c.id)).body.data;
    const config = await owner.api(routes.configs, 'POST', paths.configs(c.id), {
      params: { customerId: c.id },
      body: { name: 'Main', phone_number_id: '1', business_account_id: '2', access_token: 'EAAtoken' },
    });
    expect(config.status).toBe(201);
    const cfg = config.body.data;
    const cases: Array<[Routes, keyof Routes, string, Record<string, string>, unknown?]> = [
      [routes.customer, 'GET', paths.customer(c.id), { customerId: c.id }],
      [routes.customer, 'PATCH', paths.customer(c.id), { customerId: c.id }, { name: 'Stolen' }],
      [routes.customer, 'DELETE', paths.customer(c.id), { customerId: c.id }],
      [routes.setupLinks, 'GET', paths.setupLinks(c.id), { customerId: c.id }],
      [routes.setupLinks, 'POST', paths.setupLinks(c.id), { customerId: c.id }, {}],
      [routes.setupLink, 'GET', paths.setupLink(c.id, link.id), { customerId: c.id, id: link.id }],
      [
        routes.setupLink,
        'PATCH',
        paths.setupLink(c.id, link.id),
        { customerId: c.id, id: link.id },
        { language: 'es' },
      ],
      [routes.setupLink, 'DELETE', paths.setupLink(c.id, link.id), { customerId: c.id, id: link.id }],
      [routes.configs, 'GET', paths.configs(c.id), { customerId: c.id }],
      [routes.config, 'GET', paths.config(c.id, cfg.id), { customerId: c.id, id: cfg.id }],
      [routes.config, 'DELETE', paths.config(c.id, cfg.id), { customerId: c.id, id: cfg.id }],
    ];
    for (const [r, method, path, params, body] of cases) {
      const res = await other.api(r, method, path, { params, body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.type).toBe('not_found');
    }
    // Nothing changed for the owner.
    const still = await owner.api(routes.setupLink, 'GET', paths.setupLink(c.id, link.id), {
      params: { customerId: c.id, id: link.id },
    });
    expect(still.body.data).toMatchObject({ status: 'active', language: null });
  });
});
