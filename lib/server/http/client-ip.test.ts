import { describe, expect, it } from 'vitest';
import { clientIp, normalizeIp, parseTrustedProxies } from './client-ip';

const xff = (value: string | null) => new Headers(value === null ? {} : { 'x-forwarded-for': value });
const none = parseTrustedProxies(undefined);

describe('clientIp', () => {
  it('without trusted proxies, believes only the last hop (the peer): a client cannot choose its address', () => {
    expect(clientIp(xff('203.0.113.9'), none)).toBe('203.0.113.9');
    expect(clientIp(xff('1.1.1.1, 203.0.113.9'), none)).toBe('203.0.113.9');
    expect(clientIp(xff('2.2.2.2,3.3.3.3 ,  203.0.113.9'), none)).toBe('203.0.113.9');
  });

  it('skips trusted proxies right to left (addresses and CIDRs, IPv4 and IPv6)', () => {
    const trusted = parseTrustedProxies('10.0.0.1, 192.168.0.0/16, fd00::/8');
    expect(clientIp(xff('198.51.100.4, 10.0.0.1'), trusted)).toBe('198.51.100.4');
    expect(clientIp(xff('6.6.6.6, 198.51.100.4, 192.168.3.4, 10.0.0.1'), trusted)).toBe('198.51.100.4');
    expect(clientIp(xff('2001:db8::1, fd12::3'), trusted)).toBe('2001:db8::1');
    // 10.0.0.2 is not trusted: it is the client, whatever it claims to the left.
    expect(clientIp(xff('198.51.100.4, 10.0.0.2'), trusted)).toBe('10.0.0.2');
  });

  it('all hops trusted: the request came from inside (the leftmost)', () => {
    expect(clientIp(xff('10.0.0.1, 10.0.0.1'), parseTrustedProxies('10.0.0.0/8'))).toBe('10.0.0.1');
  });

  it('garbage written by the peer is one bucket ("invalid"); no header is null', () => {
    expect(clientIp(xff('1.2.3.4, not-an-ip'), none)).toBe('invalid');
    expect(clientIp(xff('1.2.3.4, 10.0.0.1, <script>'), parseTrustedProxies('10.0.0.1'))).toBe('invalid');
    expect(clientIp(xff(null), none)).toBeNull();
    expect(clientIp(xff(' , '), none)).toBeNull();
  });

  it('normalizes IPv4-mapped IPv6, brackets, ports and case', () => {
    expect(normalizeIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeIp('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeIp('203.0.113.9:8080')).toBe('203.0.113.9');
    expect(normalizeIp('999.1.1.1')).toBeNull();
    expect(clientIp(xff('1.1.1.1, ::ffff:10.0.0.1'), parseTrustedProxies('10.0.0.1'))).toBe('1.1.1.1');
  });
});

describe('parseTrustedProxies', () => {
  it.each(['nope', '10.0.0.0/33', '10.0.0.0/8/1', 'fd00::/129', '10.0.0.0/x', '10.0.0.0/'])('refuses %s', (raw) => {
    expect(() => parseTrustedProxies(raw)).toThrow(/TRUSTED_PROXIES/);
  });
});
