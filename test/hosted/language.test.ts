import { describe, expect, it } from 'vitest';
import { POST } from '@/app/setup/language/route';
import { LOCALE_COOKIE } from '@/i18n/config';
import { HOSTED_ORIGIN } from '../support/hosted-request';

// The language switcher's form POST: our page only, a small form, a known language.

const post = (body: string, headers: Record<string, string> = { origin: HOSTED_ORIGIN }) =>
  POST(
    new Request(`${HOSTED_ORIGIN}/setup/language`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    }),
  );

describe('POST /setup/language', () => {
  it('sets the language cookie and goes back to the page', async () => {
    const res = await post('locale=ar');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/setup');
    expect(res.headers.get('set-cookie')).toMatch(new RegExp(`^${LOCALE_COOKIE}=ar;`));
  });

  it("takes the browser's form POST under no-referrer (Origin null, Sec-Fetch-Site same-origin)", async () => {
    const res = await post('locale=hi', { origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(new RegExp(`^${LOCALE_COOKIE}=hi;`));
  });

  it('refuses other origins, a missing Origin, large bodies and unknown languages, setting nothing', async () => {
    for (const [res, status] of [
      [await post('locale=ar', { origin: 'https://evil.example' }), 403],
      [await post('locale=ar', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }), 403],
      [await post('locale=ar', { origin: 'null', 'sec-fetch-site': 'cross-site' }), 403],
      [await post('locale=ar', { origin: 'null' }), 403],
      [await post('locale=ar', {}), 403],
      [await post(`locale=ar&pad=${'x'.repeat(4096)}`), 413],
      [await post('locale=xx'), 400],
    ] as const) {
      expect(res.status).toBe(status);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });
});
