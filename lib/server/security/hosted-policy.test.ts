import { describe, expect, it } from 'vitest';
import { hostedHeadersFor } from './hosted-policy';

// Unit tests run in dev mode (no Meta credentials): the SDK and popup come from the emulator.
const csp = (path: string) => hostedHeadersFor(path, 'n0nce')['Content-Security-Policy'];

describe('hostedHeadersFor', () => {
  it('lets the hosted page load the SDK and talk to Meta, and nobody frame it', () => {
    for (const path of ['/setup', '/setup/complete', '/s/sl_x']) {
      expect(csp(path)).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic' http://localhost:4010");
      expect(csp(path)).toContain("frame-src 'self' https://*.facebook.com http://localhost:4010");
      expect(csp(path)).toContain("frame-ancestors 'none'");
    }
  });

  it('names no Meta host on the preview and demo, and lets only the preview be framed by its own editor', () => {
    expect(csp('/preview')).not.toMatch(/facebook|4010/);
    expect(csp('/preview/frame')).toContain("frame-ancestors 'self'");
    expect(csp('/demo/partner')).not.toMatch(/facebook|4010/);
    expect(csp('/demo/partner')).toContain("frame-ancestors 'none'");
    expect(csp('/setupx')).not.toMatch(/facebook/); // only /setup and below
  });

  it('always sends the companion headers', () => {
    expect(hostedHeadersFor('/setup', 'n')).toMatchObject({
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
  });
});
