import { z } from 'zod';
import { ApiError, fromZod, invalid } from './errors';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The seeds wrap the resource in its singular name (`{"setup_link": {...}}`); a flat body is
 * accepted too. Returns the inner object and the prefix that error params get when wrapped.
 */
export function unwrapBody(json: unknown, wrapper: string): { body: Record<string, unknown>; prefix?: string } {
  if (json === null || json === undefined) return { body: {} };
  if (!isObject(json)) throw invalid('invalid_body', 'The request body must be a JSON object.');
  if (!(wrapper in json)) return { body: json };
  const { [wrapper]: inner, ...rest } = json;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) {
    throw invalid('unknown_parameter', `Unknown parameter "${extra}": put every field inside "${wrapper}".`, extra);
  }
  if (!isObject(inner)) throw invalid('invalid_parameter', `"${wrapper}" must be an object.`, wrapper);
  return { body: inner, prefix: wrapper };
}

// zod 4 leaves `input` out of issues unless asked; fromZod needs it to tell a missing field
// (missing_parameter) from one of the wrong type (invalid_parameter).
export const PARSE_OPTIONS = { reportInput: true } as const;

/**
 * fromZod, plus the stable code a custom issue names (`ctx.addIssue({params: {code}})`), so
 * cross-field rules can say e.g. `parameter_conflict` instead of the generic `invalid_parameter`.
 */
export function zodError(error: z.ZodError, prefix?: string): ApiError {
  const base = fromZod(error, prefix);
  const issue = error.issues[0];
  const code = issue.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : undefined;
  return code ? new ApiError(base.status, base.type, code, base.message, base.param) : base;
}

/** Unwraps and validates a request body; throws a 422 naming the field (`setup_link.language`). */
export function parseBody<S extends z.ZodType>(json: unknown, wrapper: string, schema: S): z.output<S> {
  const { body, prefix } = unwrapBody(json, wrapper);
  const parsed = schema.safeParse(body, PARSE_OPTIONS);
  if (!parsed.success) throw zodError(parsed.error, prefix);
  return parsed.data;
}
