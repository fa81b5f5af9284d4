import 'server-only';
import { ERROR_CATALOGUE, type ErrorCode } from '../http/error-catalogue';
import { errorEnvelope } from './envelope';

// The error answers of each operation, from the one catalogue (lib/server/http/error-catalogue.ts):
// grouped by status, each code with its meaning and an example body.

/** The seed pages' example request id (seed 004). */
export const EXAMPLE_REQUEST_ID = 'req_01HXYZABCDEFGHJKMNPQRSTVWX';

type Catalogue = Record<string, { status: number; type: string; meaning: string; hosted?: true }>;
const CATALOGUE = ERROR_CATALOGUE as Catalogue;

/** The platform API's codes (the hosted page's endpoints have their own). */
export const apiCodes = (): ErrorCode[] =>
  (Object.keys(CATALOGUE) as ErrorCode[]).filter((code) => !CATALOGUE[code].hosted);

/** API codes whose name matches: codes other features add (idempotency, rate limits) join by name. */
export const codesMatching = (pattern: RegExp) => apiCodes().filter((code) => pattern.test(code));

/** Codes of one HTTP status, e.g. every 429 of the API. */
export const codesWithStatus = (status: number) => apiCodes().filter((code) => CATALOGUE[code].status === status);

export const errorExample = (code: ErrorCode) => ({
  error: {
    type: CATALOGUE[code].type,
    code,
    message: CATALOGUE[code].meaning.replace(/`/g, ''),
    request_id: EXAMPLE_REQUEST_ID,
  },
});

/** components.examples: one example body per code, which the error answers refer to. */
export const errorExamples = () =>
  Object.fromEntries(apiCodes().map((code) => [code, { summary: code, value: errorExample(code) }]));

const int = (description: string) => ({ description, schema: { type: 'integer' } });
const RETRY_AFTER = { 'Retry-After': int('Seconds to wait before trying again.') };
const RATE_LIMIT = {
  'RateLimit-Limit': int('The budget of the window.'),
  'RateLimit-Remaining': int('What is left of it.'),
  'RateLimit-Reset': int('Seconds until it refills.'),
};

/** Headers of an error answer: `Allow` on a 405, `Retry-After` wherever a code says to wait. */
function headersOf(status: number, codes: ErrorCode[]) {
  const waits = status === 429 || codes.some((c) => CATALOGUE[c].meaning.includes('Retry-After'));
  return {
    ...(status === 405 ? { Allow: { description: 'The methods this path serves.', schema: { type: 'string' } } } : {}),
    ...(waits ? RETRY_AFTER : {}),
    ...(status === 429 ? RATE_LIMIT : {}),
  };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Malformed request',
  401: 'Not authenticated',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Not JSON',
  422: 'Invalid input',
  429: 'Too many requests',
  500: 'Internal error',
  502: 'Upstream error',
  503: 'Unavailable',
};

/** OpenAPI `responses` entries for these codes (unknown codes are skipped: the catalogue decides). */
export function errorResponses(codes: readonly string[], extra: Record<number, string> = {}) {
  const known = [...new Set(codes)].filter((c): c is ErrorCode => c in CATALOGUE);
  const statuses = [...new Set([...known.map((c) => CATALOGUE[c].status), ...Object.keys(extra).map(Number)])];
  const out: Record<string, unknown> = {};
  for (const status of statuses.sort()) {
    const mine = known.filter((c) => CATALOGUE[c].status === status);
    const lines = mine.map((c) => `- \`${c}\`: ${CATALOGUE[c].meaning}`);
    const description = [extra[status] ?? STATUS_TEXT[status] ?? 'Error', ...lines].join('\n');
    const examples = Object.fromEntries(mine.map((c) => [c, { $ref: `#/components/examples/${c}` }]));
    out[String(status)] = {
      description,
      ...(Object.keys(headersOf(status, mine)).length ? { headers: headersOf(status, mine) } : {}),
      content: { 'application/json': { schema: errorEnvelope, ...(mine.length ? { examples } : {}) } },
    };
  }
  return out;
}
