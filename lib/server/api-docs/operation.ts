import 'server-only';
import { z } from 'zod';
import type { ErrorCode } from '../http/error-catalogue';
import { dataAnswer, listAnswer } from './envelope';
import { codesMatching, codesWithStatus, errorResponses } from './errors';

// One API operation as the document describes it, and how it becomes an OpenAPI operation.

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Example {
  summary: string;
  /** Where it comes from (a seed page, the README). */
  source?: string;
  value: unknown;
}

export interface OperationSpec {
  method: Method;
  /** OpenAPI path under the base path, e.g. `/customers/{customer_id}`. */
  path: string;
  tag: string;
  operationId: string;
  summary: string;
  description?: string;
  /** List endpoints: their filters (page and per_page are added). */
  list?: { filters: z.ZodObject };
  /** The request body: its wrapper name and the schema of the object inside. */
  body?: { wrapper: string; schema: z.ZodType; required: boolean; examples?: Record<string, Example> };
  /** The success answer; no `object` for 204. */
  response: { status: 200 | 201 | 204; description: string; object?: z.ZodType; examples?: Record<string, Example> };
  /** Codes this operation adds to the common ones. */
  errors?: ErrorCode[];
  /** Public: no API key (the document itself). */
  public?: boolean;
}

const PATH_PARAMS: Record<string, z.ZodType> = {
  customer_id: z.uuid().meta({ description: 'The customer (a UUID: anything else is a 404 `resource_not_found`).' }),
  id: z.uuid().meta({ description: "The resource's id (a UUID: anything else is a 404 `resource_not_found`)." }),
};

export const paginationQuery = {
  page: z.int().min(1).max(1_000_000).default(1).meta({ description: 'Page number, from 1.' }),
  per_page: z.int().min(1).max(100).default(20).meta({ description: 'Items per page, 1 to 100.' }),
};

const idempotencyKey = z
  .string()
  .regex(/^[\x20-\x7e]{1,255}$/)
  .meta({
    description:
      'Optional, 1 to 255 printable ASCII characters. The same key with the same body within 24 hours replays the first answer byte for byte (status, ' +
      'body and `X-Request-Id` of the original); the same key with another body is a 422; the same key while the ' +
      'first request is still running is a 409. Keys are scoped to your project.',
    example: 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  });

const BODY_CODES: ErrorCode[] = [
  'malformed_json',
  'body_too_large',
  'unsupported_media_type',
  'invalid_body',
  'missing_parameter',
  'invalid_parameter',
  'unknown_parameter',
];
const AUTH_CODES: ErrorCode[] = ['malformed_authorization_header', 'missing_api_key', 'invalid_api_key'];

const pathParamsOf = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

const content = (schema: z.ZodType, examples?: Record<string, Example>) => ({
  'application/json': {
    schema,
    ...(examples ? { examples: Object.fromEntries(Object.entries(examples).map(([k, e]) => [k, toExample(e)])) } : {}),
  },
});
const toExample = (e: Example) => ({
  summary: e.summary,
  ...(e.source ? { description: e.source } : {}),
  value: e.value,
});

/** The codes an operation can answer: its own, and those every request of its kind can get. */
export function errorCodesOf(op: OperationSpec): string[] {
  if (op.public) return [...(op.errors ?? [])];
  const params = pathParamsOf(op.path);
  return [
    ...AUTH_CODES,
    ...(op.body ? BODY_CODES : []),
    ...(op.list ? ['invalid_parameter'] : []),
    ...(params.length ? ['resource_not_found'] : []),
    ...(op.method === 'post' ? codesMatching(/idempotency/) : []),
    ...codesWithStatus(429),
    ...(op.errors ?? []),
    'internal_error',
    ...codesMatching(/^database_unavailable$/),
  ];
}

/** The schema of the whole success answer (`{data, request_id}`, lists with `meta`), or null for 204. */
export const answerSchema = (op: OperationSpec): z.ZodType | null =>
  op.response.object ? (op.list ? listAnswer(op.response.object) : dataAnswer(op.response.object)) : null;

/** The schema of the request body: the fields wrapped in their name, or flat. */
export const bodySchema = (body: NonNullable<OperationSpec['body']>) =>
  z.union([z.strictObject({ [body.wrapper]: body.schema }), body.schema]);

/** The zod-openapi operation object of a spec. */
export function toOperation(op: OperationSpec) {
  const params = pathParamsOf(op.path);
  const path = params.length ? z.object(Object.fromEntries(params.map((p) => [p, PATH_PARAMS[p]]))) : undefined;
  const query = op.list ? z.object({ ...op.list.filters.shape, ...paginationQuery }) : undefined;
  const header =
    !op.public && op.method === 'post' ? z.object({ 'Idempotency-Key': idempotencyKey.optional() }) : undefined;
  const answer = answerSchema(op);
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.public ? { security: [] } : {}),
    ...(path || query || header
      ? { requestParams: { ...(path && { path }), ...(query && { query }), ...(header && { header }) } }
      : {}),
    ...(op.body
      ? {
          requestBody: {
            required: op.body.required,
            description: `The fields, wrapped in \`${op.body.wrapper}\` (\`{"${op.body.wrapper}": {...}}\`) or flat.`,
            content: content(bodySchema(op.body), op.body.examples),
          },
        }
      : {}),
    responses: {
      [op.response.status]: {
        description: op.response.description,
        headers: { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } },
        ...(answer ? { content: content(answer, op.response.examples) } : {}),
      },
      ...errorResponses(errorCodesOf(op), op.public ? {} : { 429: 'Too many requests: wait `Retry-After` seconds.' }),
    },
  };
}
