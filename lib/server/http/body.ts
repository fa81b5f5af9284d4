import { z } from 'zod';
import { InvalidInputError } from '../errors';
import { ApiError, fromZod, PARSE_OPTIONS } from './errors';

const MB = 1024 * 1024;

/** Reads at most `maxBytes` of the body, counting as it streams (a missing Content-Length included). */
async function readBytes(req: Request, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

// PostgreSQL text holds neither NUL nor unpaired UTF-16 surrogates (JSON's "\ud800"): refused
// here, so such input is a 422 naming the field, never a database error or a silent U+FFFD.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Deeper than any body of ours (the deepest is metadata in a wrapper): refused before anything walks it. */
export const MAX_BODY_DEPTH = 32;

/**
 * The path of the first key or string in `value` that PostgreSQL could not store, or null; a
 * walk with its own stack, so a body nested thousands deep cannot overflow ours.
 */
export function unstorablePath(value: unknown): string | null {
  // [value, its path, the key it sits under]: the same order as a recursive walk (a key, then its value).
  const stack: Array<[unknown, string, string | null]> = [[value, '', null]];
  while (stack.length) {
    const [v, path, key] = stack.pop()!;
    if (key !== null && UNSTORABLE.test(key)) return path;
    if (typeof v === 'string' && UNSTORABLE.test(v)) return path || '(body)';
    if (typeof v !== 'object' || v === null) continue;
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i];
      stack.push([child, path ? `${path}.${k}` : k, k]);
    }
  }
  return null;
}

/** How deep `value` nests (objects and arrays), counting up to `limit + 1` at most. */
function depthOver(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The JSON body of a request (null when empty): 413 over `maxBytes`, 415 when a body is not sent as
 * JSON, 400 when it is not UTF-8 or does not parse, 422 for text PostgreSQL cannot store. Shared by
 * the API and the hosted page's endpoints.
 */
export async function readJsonBody(req: Request, maxBytes = MB): Promise<unknown> {
  return (await readJsonBodyAndBytes(req, maxBytes)).json;
}

/** readJsonBody, plus the bytes as received (the Idempotency-Key fingerprint, lib/server/idempotency). */
export async function readJsonBodyAndBytes(req: Request, maxBytes = MB): Promise<{ json: unknown; bytes: Buffer }> {
  const limit = maxBytes >= MB ? `${maxBytes / MB} MB` : `${maxBytes / 1024} KB`;
  const tooLarge = () => new ApiError('body_too_large', { message: `The request body is over ${limit}.` });
  if (Number(req.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge();
  const bytes = await readBytes(req, maxBytes, tooLarge);
  const malformed = (what: string) =>
    new ApiError('malformed_json', { message: `The request body is not valid ${what}.` });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw malformed('UTF-8');
  }
  if (text.trim() === '') return { json: null, bytes };
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError('unsupported_media_type', {
      message: 'Send the body as JSON with Content-Type: application/json.',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw malformed('JSON');
  }
  if (depthOver(json, MAX_BODY_DEPTH))
    throw new ApiError('invalid_body', { message: `The request body nests deeper than ${MAX_BODY_DEPTH} levels.` });
  const bad = unstorablePath(json);
  if (bad)
    throw new ApiError('invalid_parameter', {
      message: `${bad} must not contain NUL characters or unpaired surrogates.`,
      param: bad,
    });
  return { json, bytes };
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
