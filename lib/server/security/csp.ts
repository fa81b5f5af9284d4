// The Content-Security-Policy and companion headers of the customer-facing pages.
// Pure functions: the proxy (proxy.ts) supplies the nonce and the Meta origins from the environment.

/** Request headers the proxy sets for the page renderer (never trusted from the client). */
export const NONCE_HEADER = 'x-nonce';
export const LOCALE_OVERRIDE_HEADER = 'x-locale-override';
/** The demo partner page's query string exactly as it arrived (a signature covers it byte for byte). */
export const RAW_QUERY_HEADER = 'x-raw-query';

export interface CspOptions {
  nonce: string;
  /** Next's dev server needs eval for its error overlay and source maps. */
  dev: boolean;
  /** Meta's SDK and popup origins; empty on pages that never talk to Meta. */
  meta: { script: string[]; connect: string[]; frame: string[]; img: string[] };
  /** 'self' lets the theme preview frame itself; every other page refuses all framing. */
  frameAncestors: "'none'" | "'self'";
}

export function buildCsp({ nonce, dev, meta, frameAncestors }: CspOptions): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    // 'strict-dynamic': scripts loaded by a nonced script (Next's chunks, Meta's SDK) are trusted too.
    [
      'script-src',
      ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...meta.script, ...(dev ? ["'unsafe-eval'"] : [])],
    ],
    ['connect-src', ["'self'", ...meta.connect]],
    ['frame-src', ["'self'", ...meta.frame]],
    ['img-src', ["'self'", 'data:', ...meta.img]],
    // Theme colours are inline CSS variables rendered on the server.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['font-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', [frameAncestors]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, values]) => `${name} ${[...new Set(values)].join(' ')}`).join('; ');
}

export interface MetaOrigins {
  /** Origin of the SDK script (connect.facebook.net, or the emulator's). */
  sdk: string | null;
  /** The local Meta emulator (its popup and SDK), when enabled. */
  emulator: string | null;
}

const FACEBOOK = 'https://*.facebook.com';

/** Meta hosts for the page that runs Embedded Signup: only where the SDK and its popup need them. */
export function metaSources({ sdk, emulator }: MetaOrigins): CspOptions['meta'] {
  const own = [sdk, emulator].filter((o): o is string => !!o);
  return { script: own, connect: [FACEBOOK, ...own], frame: [FACEBOOK, ...own], img: [FACEBOOK] };
}

export const NO_META: CspOptions['meta'] = { script: [], connect: [], frame: [], img: [] };

/** The headers of every hosted page response, CSP included. */
export function hostedResponseHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
    // same-origin would cut the link to Meta's popup (window.opener), breaking Embedded Signup.
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

/** 128 random bits, base64: unguessable per request. Web Crypto works in every runtime. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
