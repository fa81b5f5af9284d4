/**
 * Loggable facts about an unexpected error. A drizzle query error's own message lists the query's
 * parameters (ciphertexts among them), so the driver's error (its cause) is described instead.
 */
export function describeError(e: unknown): Record<string, string> {
  if (!(e instanceof Error)) return { error: String(e).slice(0, 300) };
  const inner = e.cause instanceof Error ? e.cause : e;
  return { error: e.name, reason: inner.message.slice(0, 300) };
}
