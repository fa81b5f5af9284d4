import { describe, expect, it } from 'vitest';
import { buildCsp, hostedResponseHeaders, metaSources, newNonce, NO_META } from './csp';

const directives = (csp: string) =>
  Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('buildCsp', () => {
  const meta = metaSources({ sdk: 'https://connect.facebook.net', emulator: null });

  it('pins scripts to the nonce and locks down objects, base, framing and forms', () => {
    const d = directives(buildCsp({ nonce: 'abc123==', dev: false, meta, frameAncestors: "'none'" }));
    expect(d['script-src']).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'", 'https://connect.facebook.net']);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(d['form-action']).toEqual(["'self'"]);
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d['frame-src']).toContain('https://*.facebook.com');
    expect(d['img-src']).toEqual(["'self'", 'data:', 'https://*.facebook.com']);
    expect(d['script-src']).not.toContain("'unsafe-eval'");
    expect(d['script-src']).not.toContain("'unsafe-inline'");
  });

  it('adds the emulator where the SDK and popup need it, and eval only in dev', () => {
    const emu = metaSources({ sdk: 'http://localhost:4010', emulator: 'http://localhost:4010' });
    const d = directives(buildCsp({ nonce: 'n', dev: true, meta: emu, frameAncestors: "'none'" }));
    expect(d['script-src']).toEqual([
      "'self'",
      "'nonce-n'",
      "'strict-dynamic'",
      'http://localhost:4010',
      "'unsafe-eval'",
    ]);
    expect(d['connect-src']).toEqual(["'self'", 'https://*.facebook.com', 'http://localhost:4010']);
    expect(d['frame-src']).toEqual(["'self'", 'https://*.facebook.com', 'http://localhost:4010']);
  });

  it('names no Meta host on pages that never talk to Meta', () => {
    const csp = buildCsp({ nonce: 'n', dev: false, meta: NO_META, frameAncestors: "'self'" });
    expect(csp).not.toMatch(/facebook|localhost/);
    expect(directives(csp)['frame-ancestors']).toEqual(["'self'"]);
  });
});

describe('hostedResponseHeaders and newNonce', () => {
  it('sets the companion headers', () => {
    expect(hostedResponseHeaders('x')).toEqual({
      'Content-Security-Policy': 'x',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
  });
  it('makes a fresh 128-bit base64 nonce each time', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
