import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/server/api-docs/document';
import { ERROR_CATALOGUE } from '@/lib/server/http/error-catalogue';
import * as openapiRoute from '@/app/platform/v1/openapi.json/route';
import { routeFiles, routeModuleFor, servedMethods } from './route-files';

// The OpenAPI document: valid 3.1, complete (every method of every route file under
// app/platform/v1), and served without an API key.

type Doc = ReturnType<typeof buildOpenApiDocument>;

const operations = (doc: Doc) =>
  Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, any>).map(([method, op]) => ({ path, method, op })),
  );

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, as served (JSON)', async () => {
    const doc = JSON.parse(JSON.stringify(buildOpenApiDocument()));
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents exactly the methods every route file under app/platform/v1 serves', async () => {
    const documented = operations(buildOpenApiDocument()).map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    const served: string[] = [];
    for (const { docPath } of routeFiles()) {
      const mod = await routeModuleFor(docPath);
      for (const method of await servedMethods(mod!, docPath)) served.push(`${method} ${docPath}`);
    }
    expect(served.length).toBeGreaterThan(40);
    expect(served.filter((s) => !documented.includes(s))).toEqual([]); // a new endpoint without docs fails here
    expect(documented.filter((s) => !served.includes(s))).toEqual([]); // and docs of an endpoint that is gone
  });

  it('gives every operation its security, envelope, error codes, 429 and Idempotency-Key', () => {
    const doc = buildOpenApiDocument();
    const examples = doc.components?.examples ?? {};
    for (const { path, method, op } of operations(doc)) {
      const at = `${method} ${path}`;
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => s.startsWith('2')),
        at,
      ).toBe(true);
      if (path === '/openapi.json') {
        expect(op.security, at).toEqual([]);
        continue;
      }
      expect(op.security, at).toBeUndefined(); // the document-wide X-API-Key / Bearer schemes apply
      for (const status of ['401', '429', '500']) expect(statuses, at).toContain(status);
      expect(op.responses['429'].headers['Retry-After'], at).toBeDefined();
      for (const status of statuses.filter((s) => !s.startsWith('2'))) {
        const content = op.responses[status].content['application/json'];
        expect(content.schema, at).toEqual({ $ref: '#/components/schemas/Error' });
        for (const [code, ref] of Object.entries<any>(content.examples ?? {})) {
          expect(String((ERROR_CATALOGUE as any)[code]?.status), `${at} ${code}`).toBe(status);
          expect(examples[ref.$ref.split('/').pop()], `${at} ${code}`).toBeDefined();
        }
      }
      const header = (op.parameters ?? []).find((p: any) => p.in === 'header' && p.name === 'Idempotency-Key');
      expect(Boolean(header), at).toBe(method === 'post');
      if (statuses.includes('404'))
        expect(Object.keys(op.responses['404'].content['application/json'].examples)).toContain('resource_not_found');
    }
    const codes = (path: string, method: string, status: string) =>
      Object.keys((doc.paths as any)[path][method].responses[status].content['application/json'].examples);
    expect(codes('/customers', 'post', '401')).toEqual(['missing_api_key', 'invalid_api_key']);
    expect(codes('/customers/{customer_id}/setup_links', 'post', '422')).toEqual(
      expect.arrayContaining(['invalid_parameter', 'invalid_url', 'parameter_conflict', 'reconnect_number_not_found']),
    );
    expect(codes('/customers/{customer_id}/setup_links/{id}', 'delete', '409')).toEqual(['setup_link_not_active']);
    expect(codes('/deliveries/{id}/retry', 'post', '409')).toContain('delivery_already_succeeded');
  });

  it('documents pagination on every list and the filters each list takes', () => {
    const doc = buildOpenApiDocument() as any;
    const names = (path: string) => doc.paths[path].get.parameters.map((p: any) => `${p.in}:${p.name}`);
    expect(names('/customers')).toEqual(['query:q', 'query:external_customer_id', 'query:page', 'query:per_page']);
    expect(names('/customers/{customer_id}/setup_links')).toEqual([
      'path:customer_id',
      'query:status',
      'query:created_after',
      'query:created_before',
      'query:page',
      'query:per_page',
    ]);
    const perPage = doc.paths['/webhooks'].get.parameters.find((p: any) => p.name === 'per_page').schema;
    expect(perPage).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 20 });
  });

  it('is served at /platform/v1/openapi.json without an API key', async () => {
    const res = await openapiRoute.GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    const post = await openapiRoute.POST(
      new Request('http://localhost:3000/platform/v1/openapi.json', { method: 'POST' }),
    );
    expect(post.status).toBe(405);
    expect((await post.json()).error.code).toBe('method_not_allowed');
  });
});
