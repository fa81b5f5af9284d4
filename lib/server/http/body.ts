import { z } from 'zod';
import { InvalidInputError } from '../errors';
import { ApiError, fromZod, PARSE_OPTIONS } from './errors';

const MB = 1024 * 1024;

/**
 * The JSON body of a request (null when empty): 413 over `maxBytes`, 415 when a body is not sent as
 * JSON, 400 when it does not parse. Shared by the API and the hosted page's endpoints.
 */
export async function readJsonBody(req: Request, maxBytes = MB): Promise<unknown> {
  const limit = maxBytes >= MB ? `${maxBytes / MB} MB` : `${maxBytes / 1024} KB`;
  const tooLarge = () => new ApiError('body_too_large', { message: `The request body is over ${limit}.` });
  if (Number(req.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  if (text.trim() === '') return null;
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError('unsupported_media_type', {
      message: 'Send the body as JSON with Content-Type: application/json.',
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('malformed_json', { message: 'The request body is not valid JSON.' });
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The API wraps a resource in its singular name (`{"setup_link": {...}}`); a flat body is
 * accepted too. Returns the inner object and the prefix that error params get when wrapped.
 */
export function unwrapBody(json: unknown, wrapper: string): { body: Record<string, unknown>; prefix?: string } {
  if (json === null || json === undefined) return { body: {} };
  if (!isObject(json)) throw new ApiError('invalid_body', { message: 'The request body must be a JSON object.' });
  if (!(wrapper in json)) return { body: json };
  const { [wrapper]: inner, ...rest } = json;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) {
    const message = `Unknown parameter "${extra}": put every field inside "${wrapper}".`;
    throw new ApiError('unknown_parameter', { message, param: extra });
  }
  if (!isObject(inner))
    throw new ApiError('invalid_parameter', { message: `"${wrapper}" must be an object.`, param: wrapper });
  return { body: inner, prefix: wrapper };
}

/** Unwraps and validates a request body; throws a 422 naming the field (`setup_link.language`). */
export function parseBody<S extends z.ZodType>(json: unknown, wrapper: string, schema: S): z.output<S> {
  const { body, prefix } = unwrapBody(json, wrapper);
  const parsed = schema.safeParse(body, PARSE_OPTIONS);
  if (!parsed.success) throw fromZod(parsed.error, prefix);
  return parsed.data;
}

/**
 * parseBody, then the data function on the parsed input. A field the data function refuses after
 * the schema (InvalidInputError naming its `param`, e.g. a check that needs the database) is
 * answered like a schema error: the param gets the body's prefix (`setup_link.reconnect_phone_number`
 * when wrapped) and leads the message.
 */
export async function withParsedBody<S extends z.ZodType, T>(
  json: unknown,
  wrapper: string,
  schema: S,
  fn: (input: z.output<S>) => Promise<T>,
): Promise<T> {
  const { prefix } = unwrapBody(json, wrapper);
  const input = parseBody(json, wrapper, schema);
  try {
    return await fn(input);
  } catch (e) {
    if (!(e instanceof InvalidInputError) || !e.param) throw e;
    const param = [prefix, e.param].filter(Boolean).join('.');
    throw new ApiError(e.code, { message: `${param}: ${e.message}`, param });
  }
}

/** Validates a body that is not wrapped (the hosted page's endpoints). */
export function parseFlatBody<S extends z.ZodType>(json: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(json, PARSE_OPTIONS);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
}
