import { describe, expect, it } from 'vitest';
import { redirectUrlProblem } from './redirect-url';

describe('redirect URL rules', () => {
  it.each([
    'https://app.example.com/done',
    'https://app.example.com/done?ref=partner&plan=pro',
    'https://app.example.com:8443/x',
    `https://example.com/${'a'.repeat(2048 - 20)}`,
  ])('accepts %s', (url) => expect(redirectUrlProblem(url, false)).toBeNull());

  it.each([
    ['http://app.example.com/done', 'https'],
    ['ftp://example.com/x', 'https'],
    ['//example.com/x', 'absolute'],
    ['/relative', 'absolute'],
    ['javascript:alert(1)', 'https'],
    ['https://user:pass@example.com/', 'user info'],
    ['https://user@example.com/', 'user info'],
    ['https://example.com/x#section', 'fragment'],
    ['https://example.com/x#', 'fragment'],
    ['https://exa\nmple.com/', 'control'],
    [`https://example.com/${'a'.repeat(2048)}`, '2048'],
  ])('refuses %s', (url, why) => expect(redirectUrlProblem(url, true)).toContain(why));

  it('allows http on localhost and 127.0.0.1 (any port) only when the operator allows it', () => {
    for (const url of ['http://localhost/done', 'http://localhost:4000/done', 'http://127.0.0.1:3001/x?y=1']) {
      expect(redirectUrlProblem(url, true)).toBeNull();
      expect(redirectUrlProblem(url, false)).toContain('https');
    }
    expect(redirectUrlProblem('http://localhost.evil.example/', true)).toContain('https');
    expect(redirectUrlProblem('http://127.0.0.2/', true)).toContain('https');
  });
});
