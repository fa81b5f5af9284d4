import { expect, test } from './support/fixtures';

// The API's routing contract: both prefixes, the error envelope everywhere, request ids.

const expectEnvelope = (body: any, type: string) => {
  expect(body).toMatchObject({
    error: { type, code: expect.any(String), message: expect.any(String), request_id: expect.any(String) },
  });
};

test('/api/v1 answers exactly like /platform/v1', async ({ api }) => {
  const created = await api.post('/customers', { customer: { name: 'Routing Co' } });
  expect(created.status).toBe(201);
  const id = created.body.data.id;
  const viaPlatform = await api.get(`/platform/v1/customers/${id}`);
  const viaApi = await api.get(`/api/v1/customers/${id}`);
  expect(viaPlatform.status).toBe(200);
  expect(viaApi.status).toBe(200);
  expect(viaApi.body.data).toEqual(viaPlatform.body.data);
  // Lists too, envelope and pagination meta included.
  for (const prefix of ['/platform/v1', '/api/v1']) {
    const list = await api.get(`${prefix}/customers?per_page=1`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ data: expect.any(Array), meta: { page: 1, per_page: 1 } });
  }
});

test('an unknown route is a 404 in the error envelope, with a request id', async ({ api }) => {
  for (const path of [
    '/platform/v1/no-such-thing',
    '/api/v1/no-such-thing',
    '/platform/v1/customers/x/y/z',
    '/platform/v1',
    '/api/v1',
  ]) {
    const res = await api.get(path);
    expect(res.status, path).toBe(404);
    expectEnvelope(res.body, 'not_found');
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.body.error.request_id).toBe(res.headers['x-request-id']);
  }
});

test('no key, an unknown key: 401 in the envelope', async ({ api }) => {
  const none = await api.withKey(null).get('/customers');
  expect(none.status).toBe(401);
  expectEnvelope(none.body, 'authentication_error');
  expect(none.headers['x-request-id']).toBeTruthy();
  const unknown = await api.withKey(`sk_live_${'x'.repeat(43)}`).get('/api/v1/customers');
  expect(unknown.status).toBe(401);
  expectEnvelope(unknown.body, 'authentication_error');
});

test('a key in the query string is refused', async ({ api }) => {
  const res = await api.withKey(null).get(`/customers?api_key=${api.key}`);
  expect(res.status).toBe(401);
});

test('a method a route does not serve: 405 with Allow', async ({ api }) => {
  for (const path of ['/platform/v1/customers', '/api/v1/customers']) {
    const res = await api.put(path, { customer: { name: 'x' } });
    expect(res.status, path).toBe(405);
    expectEnvelope(res.body, 'invalid_request_error');
    expect(res.headers['allow']).toMatch(/\bGET\b/);
    expect(res.headers['allow']).toMatch(/\bPOST\b/);
  }
});

test('another project cannot see the customer (404, not 403)', async ({ api, otherApi }) => {
  const created = await api.post('/customers', { customer: { name: 'Private Co' } });
  const res = await otherApi.get(`/customers/${created.body.data.id}`);
  expect(res.status).toBe(404);
  expectEnvelope(res.body, 'not_found');
});
