import 'server-only';
import { z } from 'zod';
import { ERROR_CATALOGUE, type ErrorType } from '../http/error-catalogue';
import { pageMetaOutput } from '../http/pagination';

// The answer envelopes of lib/server/http/api-route.ts and lib/server/http/errors.ts, as schemas
// for the OpenAPI document. Every answer has `request_id` (also in the `X-Request-Id` header).

const requestId = z
  .string()
  .regex(/^req_[A-Za-z0-9_-]+$/)
  .meta({ description: 'Also in the `X-Request-Id` header.' });

const ERROR_TYPES = [...new Set(Object.values(ERROR_CATALOGUE).map((e) => e.type))] as [ErrorType, ...ErrorType[]];

/** `{"error": {type, code, message, param?, request_id}}`: every non-2xx answer. */
export const errorEnvelope = z
  .strictObject({
    error: z.strictObject({
      type: z.enum(ERROR_TYPES),
      code: z
        .string()
        .meta({ description: 'Stable: branch on it (the list is in each answer and docs/ERROR_CODES.md).' }),
      message: z.string().meta({ description: 'For humans; may change.' }),
      param: z
        .string()
        .optional()
        .meta({ description: 'The offending field or query parameter, e.g. `setup_link.language`.' }),
      request_id: requestId,
    }),
  })
  .meta({ description: 'The error envelope of every non-2xx answer.' });

export const pageMeta = pageMetaOutput.meta({ description: 'Where this page stands: lists are newest first.' });

/** `{"data": <object>, "request_id"}`. */
export const dataAnswer = (object: z.ZodType) => z.strictObject({ data: object, request_id: requestId });

/** `{"data": [<object>...], "meta": {page, per_page, total_pages, total_count}, "request_id"}`. */
export const listAnswer = (object: z.ZodType) =>
  z.strictObject({ data: z.array(object), meta: pageMeta, request_id: requestId });
