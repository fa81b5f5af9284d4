import { z } from 'zod';
import { isDatabaseUnavailable } from '../db/errors';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { ERROR_CATALOGUE, type ErrorCode, type ErrorType } from './error-catalogue';

export type { ErrorCode, ErrorType };

interface ApiErrorOptions {
  message: string;
  param?: string;
  headers?: Record<string, string>;
}

/**
 * Every non-2xx answer is one of these, rendered as {"error": {type, code, message, param?, request_id}}.
 * It is raised by its code; the status and type come from the catalogue, so they cannot disagree.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly type: ErrorType;
  readonly param?: string;
  readonly headers?: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    { message, param, headers }: ApiErrorOptions,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = ERROR_CATALOGUE[code].status;
    this.type = ERROR_CATALOGUE[code].type;
    this.param = param;
    this.headers = headers;
  }
}

/** The answer for an error a handler threw, or null when it is unexpected (a bug: logged, then a 500). */
export function toApiError(e: unknown): ApiError | null {
  if (e instanceof ApiError) return e;
  if (e instanceof z.ZodError) return fromZod(e);
  if (e instanceof NotFoundError) return new ApiError('resource_not_found', { message: e.message, param: e.param });
  if (e instanceof ConflictError) return new ApiError(e.code, { message: e.message, param: e.param });
  if (e instanceof InvalidInputError) return new ApiError(e.code, { message: e.message, param: e.param });
  if (isDatabaseUnavailable(e)) return DATABASE_UNAVAILABLE();
  return null;
}

// A database restart is not a bug: 503 and a hint when to retry, not a logged 500.
const DATABASE_UNAVAILABLE = () =>
  new ApiError('database_unavailable', {
    message:
      'The service cannot reach its database right now. Retry in a few seconds (with the same Idempotency-Key, ' +
      'so that a request that did go through is not repeated).',
    headers: { 'Retry-After': '2' },
  });

// zod 4 leaves `input` out of issues unless asked; fromZod needs it to tell a missing field
// (missing_parameter) from one of the wrong type (invalid_parameter). Parse with these options.
export const PARSE_OPTIONS = { reportInput: true } as const;

/** Codes a zod custom issue may carry (`ctx.addIssue({params: {code}})`) for cross-field rules. */
const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in ERROR_CATALOGUE;

/** Turns the first zod issue into a 422 that names the field. */
export function fromZod(error: z.ZodError, prefix?: string): ApiError {
  const issue = error.issues[0];
  const path = issue.path.map(String);
  let code: ErrorCode = 'invalid_parameter';
  if (issue.code === 'unrecognized_keys') {
    code = 'unknown_parameter';
    path.push(issue.keys[0]);
  } else if (issue.code === 'invalid_type' && issue.input === undefined) {
    code = 'missing_parameter';
  } else if (issue.code === 'custom') {
    const custom = (issue.params as { code?: unknown } | undefined)?.code;
    if (isErrorCode(custom)) code = custom;
  }
  const param = [prefix, ...path].filter(Boolean).join('.') || undefined;
  const message = param ? `${param}: ${issue.message}` : issue.message;
  return new ApiError(code, { message, param });
}

export function errorBody(err: ApiError, requestId: string) {
  return {
    error: {
      type: err.type,
      code: err.code,
      message: err.message,
      ...(err.param ? { param: err.param } : {}),
      request_id: requestId,
    },
  };
}
