import 'server-only';
import { databaseErrorFields } from './db/errors';

// Structured JSON logs, one line each. Secrets are redacted twice: by field name, and by
// value shape (API keys, link tokens, Meta tokens) in case one slips into a message.

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const SECRET_FIELD = /(token|secret|password|pin|api_?key|authorization|cookie|code$|^code)/i;
// Webhook secrets are standard base64 (`+`, `/`, `=`), the others base64url.
const SECRET_VALUE = /\b(sk_live_|sl_|whsec_|EAA)[A-Za-z0-9_\-+/=]{8,}/g;

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(SECRET_VALUE, (_m, p: string) => `${p}[REDACTED]`);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return redact(describeError(value), depth + 1);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      SECRET_FIELD.test(k) && k !== 'error_code' && k !== 'status_code' ? '[REDACTED]' : redact(v, depth + 1),
    ]),
  );
}

function threshold(): number {
  // Read lazily through the env module's parsed value when available, without importing it
  // (the logger must work while the environment itself is being validated).
  const level = (globalThis as { __env?: { logLevel?: Level | 'silent' } }).__env?.logLevel ?? 'info';
  return ORDER[level];
}

function write(level: Level, msg: string, fields?: Record<string, unknown>) {
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    msg: redact(msg),
    ...(redact(fields ?? {}) as object),
  });
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};

/**
 * The one description of an unexpected error that goes into a log line. A database error is told
 * by its own fields only (lib/server/db/errors.ts): SQLSTATE, constraint, table, column, never a message (the
 * query wrapper's lists the parameters, and PostgreSQL's own quotes values: `invalid input syntax
 * for type uuid: "..."`, `Key (name)=(...)`). Other errors give their message's first line. The
 * stack's frames are kept, not the message it starts with. An error that knows its own safe
 * description (`toLog()`, e.g. a Graph API error) gives that instead.
 */
export function describeError(e: unknown): Record<string, unknown> {
  if (e instanceof Error && 'toLog' in e && typeof e.toLog === 'function') return e.toLog();
  if (!(e instanceof Error)) return { error: typeof e, reason: String(e).split('\n')[0].slice(0, 200) };
  const inner = e.cause instanceof Error ? e.cause : e;
  const db = databaseErrorFields(e);
  const frames = (e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return {
    error: e.name,
    ...(db ?? { reason: inner.message.split('\n')[0].slice(0, 300) }),
    ...(frames.length
      ? {
          at: frames
            .slice(0, 6)
            .map((f) => f.trim())
            .join(' < '),
        }
      : {}),
  };
}
