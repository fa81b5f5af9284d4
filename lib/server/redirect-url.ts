import 'server-only';
import { z } from 'zod';
import { env } from './env';
import { classifyHost, hostProblem, STRICT_POLICY, type AddressPolicy } from './security/network-address';
import { defaultPolicy } from './webhooks/address';

// Partner-supplied URLs we send customers to (success/failure redirects) or call (webhook
// endpoints, `webhook_destination_url`). A URL is accepted only as the WHATWG parser (the one
// browsers use) normalizes it, so what we store is where a browser goes: `https:\\evil.com`,
// `https://@evil.com`, full-width or percent-encoded hosts and the like are refused with the
// normalized form in the message instead of being stored raw. The one leniency: a missing root
// path (`https://a.example`) is stored with it (`https://a.example/`). Also refused: user info
// (phishing: https://bank.com@evil.example), port 0, fragments (our parameters are appended to the
// query, and a fragment would hide them; lib/server/redirect-signature.ts), and hosts the policy
// does not allow (lib/server/security/network-address.ts). Plain http only for localhost /
// 127.0.0.1 when the operator allows it (on by default in dev mode).

export const MAX_URL_LENGTH = 2048;
const HTTP_HOSTS = new Set(['localhost', '127.0.0.1']);

export interface UrlRules {
  /** http:// to localhost and 127.0.0.1 (ALLOW_LOCALHOST_REDIRECTS). */
  allowHttpLocalhost: boolean;
  /**
   * Which hosts besides public ones; 'caller': the caller checks the host itself, with DNS
   * (webhook endpoints, lib/server/webhooks/write.ts).
   */
  hosts: AddressPolicy | 'caller';
}

/** Production without ALLOW_LOCALHOST_REDIRECTS: public https hosts only. */
export const STRICT_RULES: UrlRules = { allowHttpLocalhost: false, hosts: STRICT_POLICY };

/** Redirects: loopback when ALLOW_LOCALHOST_REDIRECTS (dev mode by default), never private networks. */
export const redirectRules = (): UrlRules => ({
  allowHttpLocalhost: env.allowLocalhostRedirects,
  hosts: { allowLoopback: env.allowLocalhostRedirects, allowPrivate: false },
});

/** URLs we call: as redirects, plus private networks with WEBHOOK_ALLOW_PRIVATE_NETWORKS. */
export const callRules = (): UrlRules => ({ allowHttpLocalhost: env.allowLocalhostRedirects, hosts: defaultPolicy() });

export interface UrlRefusal {
  /** `host`: the URL is well formed but its host is not allowed. */
  kind: 'form' | 'host';
  message: string;
}

// Whitespace, C0/C1 controls and invisible characters (soft hyphen, zero-width, bidi controls):
// the parser drops or maps some of them, so the host a reader sees is not the one a browser uses.
const INVISIBLE =
  /[\s\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/;

/** Why `value` is not acceptable under `rules`, or the normalized href to store when it is. */
export function checkUrl(value: string, rules: UrlRules): { refusal: UrlRefusal } | { href: string } {
  const form = (message: string) => ({ refusal: { kind: 'form' as const, message } });
  if (value.length > MAX_URL_LENGTH) return form(`must be at most ${MAX_URL_LENGTH} characters`);
  if (INVISIBLE.test(value)) return form('must not contain spaces, control or invisible characters');
  if (value.includes('\\')) return form('must not contain backslashes (browsers read them as "/")');
  if (value.includes('#')) return form('must not contain a fragment (#...)');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return form('must be an absolute https:// URL');
  }
  const local = url.protocol === 'http:' && HTTP_HOSTS.has(url.hostname);
  if (local && !rules.allowHttpLocalhost)
    return form('must use https (http://localhost is not allowed on this server)');
  if (url.protocol !== 'https:' && !local) return form('must be an absolute https:// URL');
  // Any "@" before the path, even with nothing before it (https://@evil.com): user info.
  if (url.username || url.password || /^[^/?]*\/\/[^/?]*@/.test(value))
    return form('must not contain user info (user:password@)');
  if (url.port === '0') return form('must not use port 0');
  if (rules.hosts === 'caller') {
    // Another spelling of an internal address: the caller refuses it (or allows it, normalized).
    if (classifyHost(url.hostname) !== 'public') return { href: url.href };
  } else {
    const problem = hostProblem(url.hostname, rules.hosts);
    if (problem) return { refusal: { kind: 'host', message: `host ${url.hostname} ${problem}` } };
  }
  const rootless = `${url.protocol}//${url.host}${url.search}`;
  if (value !== url.href && !(url.pathname === '/' && value === rootless))
    return form(`must be written as browsers read it: "${url.href}"`);
  return { href: url.href };
}

/** Why `value` is not an acceptable redirect URL, or null when it is. */
export function redirectUrlProblem(value: string, rules: UrlRules = redirectRules()): string | null {
  const result = checkUrl(value, rules);
  return 'refusal' in result ? result.refusal.message : null;
}

/** A URL field: refused with `invalid_url` (or `hostCode` for a refused host), stored normalized. */
function urlSchema(rules: () => UrlRules, hostCode: string) {
  return z.string().transform((value, ctx) => {
    const result = checkUrl(value, rules());
    if ('href' in result) return result.href;
    const code = result.refusal.kind === 'host' ? hostCode : 'invalid_url';
    ctx.addIssue({ code: 'custom', message: result.refusal.message, params: { code } });
    return z.NEVER;
  });
}

/** success_redirect_url, failure_redirect_url. */
export const redirectUrlSchema = urlSchema(redirectRules, 'invalid_url');
/** `webhook_destination_url`: a URL for calls. */
export const webhookUrlSchema = urlSchema(callRules, 'webhook_url_not_allowed');
/** Webhook endpoint URLs: their host (and its DNS answers) is checked by lib/server/webhooks/write.ts. */
export const webhookEndpointUrlSchema = urlSchema(
  () => ({ ...callRules(), hosts: 'caller' }),
  'webhook_url_not_allowed',
);
