import 'server-only';
import { z } from 'zod';
import { env } from './env';

// Partner-supplied URLs we send customers (or events) to. Absolute https, at most
// 2,048 characters, no user info (phishing: https://bank.com@evil.example), no fragment (our
// parameters are appended to the query and a fragment would hide them). Plain http only for
// localhost / 127.0.0.1 when the operator allows it (on by default in dev mode).

export const MAX_URL_LENGTH = 2048;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** Why `value` is not an acceptable redirect URL, or null when it is. */
export function redirectUrlProblem(value: string, allowLocalhost = env.allowLocalhostRedirects): string | null {
  if (value.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  // The URL parser silently drops tabs and newlines; refuse them instead.
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return 'must not contain spaces or control characters';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute https:// URL';
  }
  if (url.username || url.password) return 'must not contain user info (user:password@)';
  if (value.includes('#')) return 'must not contain a fragment (#...)';
  if (url.protocol === 'https:' && url.hostname) return null;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) {
    return allowLocalhost ? null : 'must use https (http://localhost is not allowed on this server)';
  }
  return 'must be an absolute https:// URL';
}

export const redirectUrlSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = redirectUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'invalid_url' } });
  });
