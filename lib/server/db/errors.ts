import { DrizzleQueryError } from 'drizzle-orm';
// Drizzle wraps driver errors (DrizzleQueryError.cause); node-postgres and PGlite both carry the
// SQLSTATE in `code` and the index name in `constraint`.
interface PgErrorLike {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

/** True when `e` is a unique violation (23505), optionally of the named constraint or index. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as PgErrorLike).cause, depth++) {
    const err = cur as PgErrorLike;
    if (err.code === '23505') return !constraint || err.constraint === constraint;
  }
  return false;
}

// Classes are digits or F0, HV, P0, XX: Node's own codes (EPIPE) are not SQLSTATEs.
const SQLSTATE = /^[0-9FHPX][0-9A-Z]{4}$/;
// The fields PostgreSQL (node-postgres and PGlite alike) sets that name things, never values
// (`detail`, `where` and the message itself may quote them).
const NAMED_FIELDS = ['constraint', 'table', 'column', 'schema', 'dataType', 'routine'] as const;

/**
 * What may be logged of a database error: the SQLSTATE and the names of what failed, or null when
 * `e` is not one. Drizzle's wrapper (DrizzleQueryError: message "Failed query: ... params: ...")
 * is looked through; a driver error without a SQLSTATE (a refused connection) keeps its first line.
 */
export function databaseErrorFields(e: unknown): Record<string, string> | null {
  const wrapped = e instanceof DrizzleQueryError;
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as PgErrorLike).cause, depth++) {
    const err = cur as PgErrorLike & Record<string, unknown>;
    if (typeof err.code === 'string' && SQLSTATE.test(err.code)) {
      const named = NAMED_FIELDS.filter((k) => typeof err[k] === 'string').map((k) => [k, String(err[k])]);
      return { reason: 'database error', sqlstate: err.code, ...Object.fromEntries(named) };
    }
  }
  if (!wrapped) return null;
  const cause = (e as DrizzleQueryError).cause;
  const first = cause instanceof Error ? cause.message.split('\n')[0].slice(0, 300) : '';
  return { reason: first ? `database query failed: ${first}` : 'database query failed' };
}

// SQLSTATE classes and driver errors that mean "the database is not there" rather than "this query
// is wrong": connection exceptions (08), shutdowns and start-ups (57P01-57P03), too many connections.
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]$|53300$)/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGE = /^Connection terminated|^timeout exceeded when trying to connect/;

/** True when `e` says the database could not be reached (so retrying later may work). */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as PgErrorLike).cause, depth++) {
    const err = cur as PgErrorLike & { message?: unknown };
    if (typeof err.code === 'string' && (UNAVAILABLE_SQLSTATE.test(err.code) || UNAVAILABLE_NODE_CODES.has(err.code)))
      return true;
    if (typeof err.message === 'string' && UNAVAILABLE_MESSAGE.test(err.message)) return true;
  }
  return false;
}
