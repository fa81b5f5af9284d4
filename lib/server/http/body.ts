import { z } from 'zod';
import { fromZod, invalid, PARSE_OPTIONS } from './errors';

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

/** Unwraps and validates a request body; throws a 422 naming the field (`setup_link.language`). */
export function parseBody<S extends z.ZodType>(json: unknown, wrapper: string, schema: S): z.output<S> {
  const { body, prefix } = unwrapBody(json, wrapper);
  const parsed = schema.safeParse(body, PARSE_OPTIONS);
  if (!parsed.success) throw fromZod(parsed.error, prefix);
  return parsed.data;
}
