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
