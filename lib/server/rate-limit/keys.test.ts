import { describe, expect, it } from 'vitest';
import { apiKeyBucket, ipBucket, presentedApiKey } from './keys';

describe('rate limit keys', () => {
  it('counts IPv4 by address and IPv6 by its /64', () => {
    expect(ipBucket('203.0.113.9')).toBe('203.0.113.9');
    expect(ipBucket('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('2001:0db8:0001:0002::ffff')).toBe('2001:db8:1:2::/64');
    expect(ipBucket('::1')).toBe('0:0:0:0::/64');
    expect(ipBucket('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(ipBucket(null)).toBe('unknown');
    expect(ipBucket('invalid')).toBe('invalid');
  });

  it('reads the key as authentication does, and stores only a hash of it', () => {
    const key = 'sk_live_' + 'a'.repeat(43);
    expect(presentedApiKey(new Headers({ 'x-api-key': ` ${key} ` }))).toBe(key);
    expect(presentedApiKey(new Headers({ authorization: `bearer   ${key}` }))).toBe(key);
    expect(presentedApiKey(new Headers({ authorization: `Bearer ${key}` }))).toBe(key);
    expect(apiKeyBucket(key)).toMatch(/^[0-9a-f]{32}$/);
    expect(apiKeyBucket(key)).not.toContain('sk_live');
  });
});
