import { z } from 'zod';

export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found'
  | 'conflict'
  | 'rate_limit_error'
  | 'api_error';

/** Every non-2xx API answer is one of these, rendered as {"error": {type, code, message, param?, request_id}}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly param?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string, param?: string) =>
  new ApiError(404, 'not_found', 'resource_not_found', `No such ${what}.`, param);

export const conflict = (code: string, message: string) => new ApiError(409, 'conflict', code, message);

export const invalid = (code: string, message: string, param?: string) =>
  new ApiError(422, 'invalid_request_error', code, message, param);

// zod 4 leaves `input` out of issues unless asked; fromZod needs it to tell a missing field
// (missing_parameter) from one of the wrong type (invalid_parameter). Parse with these options.
export const PARSE_OPTIONS = { reportInput: true } as const;

/**
 * Turns the first zod issue into a 422 that names the field. A custom issue may carry its own
 * stable code (`ctx.addIssue({params: {code: 'parameter_conflict'}})`) for cross-field rules.
 */
export function fromZod(error: z.ZodError, prefix?: string): ApiError {
  const issue = error.issues[0];
  const path = issue.path.map(String);
  let code = 'invalid_parameter';
  if (issue.code === 'unrecognized_keys') {
    code = 'unknown_parameter';
    path.push(issue.keys[0]);
  } else if (issue.code === 'invalid_type' && issue.input === undefined) {
    code = 'missing_parameter';
  } else if (issue.code === 'custom') {
    code = (issue.params as { code?: string } | undefined)?.code ?? code;
  }
  const param = [prefix, ...path].filter(Boolean).join('.') || undefined;
  const message = param ? `${param}: ${issue.message}` : issue.message;
  return new ApiError(422, 'invalid_request_error', code, message, param);
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
