import 'server-only';
import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { API_OBJECTS } from './objects';
import { errorExamples } from './errors';
import { toOperation } from './operation';
import { OPERATIONS, TAGS } from './operations';

// The OpenAPI 3.1 document of the platform API (GET /platform/v1/openapi.json, rendered at
// /docs/api), generated from the zod schemas the routes parse and answer with.

export const API_BASE_PATH = '/platform/v1';

const DESCRIPTION = [
  'Hosted WhatsApp onboarding links: create a customer and a setup link, send the link, receive the result.',
  '',
  'Base path `/platform/v1` (also answered under `/api/v1`). Authenticate with `X-API-Key: <key>` or ' +
    '`Authorization: Bearer <key>`; never in the URL. Bodies are JSON, wrapped in the resource name ' +
    '(`{"setup_link": {...}}`) or flat. Answers are `{"data": ..., "request_id"}`; lists add ' +
    '`meta: {page, per_page, total_pages, total_count}` (`page` from 1, `per_page` 1 to 100, default 20; a ' +
    'query parameter given twice is a 422). Every answer has an `X-Request-Id` header.',
  '',
  'Every error is `{"error": {type, code, message, param?, request_id}}`; branch on `code`. A method a path ' +
    'does not serve is a 405 `method_not_allowed` with an `Allow` header; an unknown path a 404 `route_not_found`.',
  '',
  'Every POST takes an optional `Idempotency-Key` header (24 hours, per project). Requests are rate limited per ' +
    'API key: a 429 in the error envelope says in `Retry-After` how many seconds to wait.',
].join('\n');

function paths(): ZodOpenApiPathsObject {
  const out: ZodOpenApiPathsObject = {};
  for (const op of OPERATIONS) out[op.path] = { ...out[op.path], [op.method]: toOperation(op) };
  out['/openapi.json'] = {
    get: {
      operationId: 'getOpenApiDocument',
      tags: ['Reference'],
      summary: 'This OpenAPI document',
      description: 'Public: no API key needed. Also at `/api/v1/openapi.json`; rendered at `/docs/api`.',
      security: [],
      responses: {
        '200': {
          description: 'The OpenAPI 3.1 document.',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  };
  return out;
}

// A format says it all; zod's own patterns for uuid and date-time are hundreds of characters each.
const override = ({ jsonSchema }: { jsonSchema: { format?: string; pattern?: string } }) => {
  if (jsonSchema.format === 'uuid' || jsonSchema.format === 'date-time') delete jsonSchema.pattern;
};

export function buildOpenApiDocument() {
  return createDocument(
    {
      openapi: '3.1.0',
      info: { title: 'WhatsApp setup links API', version: '1.0.0', description: DESCRIPTION },
      servers: [
        { url: API_BASE_PATH, description: 'This server' },
        { url: '/api/v1', description: 'The same API under its other prefix' },
      ],
      tags: TAGS,
      security: [{ ApiKey: [] }, { Bearer: [] }],
      paths: paths(),
      components: {
        schemas: API_OBJECTS,
        examples: errorExamples(),
        securitySchemes: {
          ApiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'Your API key.' },
          Bearer: { type: 'http', scheme: 'bearer', description: 'The same key as `Authorization: Bearer <key>`.' },
        },
        headers: {
          RequestId: { description: "This answer's request id (also in error bodies).", schema: { type: 'string' } },
        },
      },
    },
    { override },
  );
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let cached: OpenApiDocument | undefined;
/** Built once per process: the schemas do not change while it runs. */
export const openApiDocument = (): OpenApiDocument => (cached ??= buildOpenApiDocument());
