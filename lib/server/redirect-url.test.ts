import { describe, expect, it } from 'vitest';
import { checkUrl, redirectUrlProblem, STRICT_RULES, type UrlRules } from './redirect-url';

// The rules as production applies them (STRICT_RULES) and as dev mode does (loopback allowed);
// the API-level table of bypass strings is test/api/redirect-bypass.test.ts.

const DEV: UrlRules = { allowHttpLocalhost: true, hosts: { allowLoopback: true, allowPrivate: false } };

describe('redirect URL rules', () => {
  it.each([
    'https://app.example.com/done',
    'https://app.example.com/done?ref=partner&plan=pro',
    'https://app.example.com/done?q=a%20b&flag&x=%7E+y',
    'https://app.example.com:8443/x',
    'https://xn--bcher-kva.example/',
    `https://example.com/${'a'.repeat(2048 - 20)}`,
  ])('accepts %s as written', (url) => {
    expect(redirectUrlProblem(url, STRICT_RULES)).toBeNull();
    expect(checkUrl(url, STRICT_RULES)).toEqual({ href: url });
  });

  it('stores a URL without a path with its root path, and nothing else normalized', () => {
    expect(checkUrl('https://app.example.com', STRICT_RULES)).toEqual({ href: 'https://app.example.com/' });
    expect(checkUrl('https://app.example.com?x=1', STRICT_RULES)).toEqual({ href: 'https://app.example.com/?x=1' });
  });

  it.each([
    ['http://app.example.com/done', 'https'],
    ['ftp://example.com/x', 'https'],
    ['//example.com/x', 'absolute'],
    ['/relative', 'absolute'],
    ['javascript:alert(1)', 'https'],
    ['https://user:pass@example.com/', 'user info'],
    ['https://user@example.com/', 'user info'],
    ['https://@example.com/', 'user info'],
    ['https://:@example.com/', 'user info'],
    ['https://example.com/x#section', 'fragment'],
    ['https://example.com/x#', 'fragment'],
    ['https://exa\nmple.com/', 'control'],
    [' https://example.com/', 'spaces'],
    ['https://exa\u00admple.com/', 'invisible'],
    ['https://exa\u200bmple.com/', 'invisible'],
    ['https:\\\\example.com/', 'backslash'],
    ['https://example.com:0/', 'port 0'],
    ['https://EXAMPLE.com/', '"https://example.com/"'],
    ['https://ｅｘａｍｐｌｅ.com/', '"https://example.com/"'],
    ['https://example。com/', '"https://example.com/"'],
    ['https://%65xample.com/', '"https://example.com/"'],
    ['https:example.com/', '"https://example.com/"'],
    ['https://example.com:443/', '"https://example.com/"'],
    ['https://bücher.example/', '"https://xn--bcher-kva.example/"'],
    [`https://example.com/${'a'.repeat(2048)}`, '2048'],
  ])('refuses %s', (url, why) => {
    expect(redirectUrlProblem(url, STRICT_RULES)).toContain(why);
    expect(redirectUrlProblem(url, DEV)).toContain(why);
  });

  it.each([
    'https://127.0.0.1/',
    'https://[::1]/',
    'https://localhost/',
    'https://app.localhost/',
    'https://10.0.0.1/',
    'https://[fc00::1]/',
    'https://169.254.169.254/',
    'https://0.0.0.0/',
    'https://metadata.google.internal/',
    'https://db.internal/',
    'https://intranet/',
    // Other spellings of internal addresses: refused for the host, whatever the spelling.
    'https://0/',
    'https://2130706433/',
    'https://0x7f.1/',
    'https://127.1/',
    'https://[::ffff:127.0.0.1]/',
  ])('refuses the internal host of %s in production', (url) => {
    expect(checkUrl(url, STRICT_RULES)).toMatchObject({ refusal: { kind: 'host' } });
  });

  it('allows http on localhost and 127.0.0.1 (any port) only when the operator allows it', () => {
    for (const url of ['http://localhost/done', 'http://localhost:4000/done', 'http://127.0.0.1:3001/x?y=1']) {
      expect(redirectUrlProblem(url, DEV)).toBeNull();
      expect(redirectUrlProblem(url, STRICT_RULES)).toContain('https');
    }
    expect(redirectUrlProblem('https://127.0.0.1/x', DEV)).toBeNull();
    expect(redirectUrlProblem('https://10.0.0.1/x', DEV)).toContain('private');
    expect(redirectUrlProblem('https://169.254.169.254/', DEV)).toContain('metadata');
    expect(redirectUrlProblem('http://localhost.evil.example/', DEV)).toContain('https');
    expect(redirectUrlProblem('http://127.0.0.2/', DEV)).toContain('https');
  });

  it('leaves the host to the caller for webhook endpoints, storing another spelling normalized', () => {
    const caller: UrlRules = { ...STRICT_RULES, hosts: 'caller' };
    expect(checkUrl('https://[::ffff:10.0.0.1]/', caller)).toEqual({ href: 'https://[::ffff:a00:1]/' });
    expect(checkUrl('https://10.0.0.1/', caller)).toEqual({ href: 'https://10.0.0.1/' });
    expect(checkUrl('https://EXAMPLE.com/', caller)).toMatchObject({ refusal: { kind: 'form' } });
  });
});
