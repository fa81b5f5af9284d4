import { describe, expect, it, vi } from 'vitest';
import { isLinkMismatched, resetLinkMismatch } from './link-mismatch';
import { postRenewal } from './renewal-client';

const reply = (status: number, json: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(json), { status })) as unknown as typeof fetch;
const refused = (status: number, code: string) => reply(status, { error: { code, message: 'x' } });

describe('postRenewal', () => {
  it("posts the page's link id as JSON to the same-origin endpoint", async () => {
    const f = reply(200, { status: 'requested' });
    expect(await postRenewal('link-1', f)).toBe('requested');
    expect(f).toHaveBeenCalledWith(
      '/setup/renewal',
      expect.objectContaining({ method: 'POST', credentials: 'same-origin', body: '{"setup_link_id":"link-1"}' }),
    );
  });

  it('a link_mismatch refusal is a failure that switches the page to the mismatch screen', async () => {
    resetLinkMismatch();
    expect(await postRenewal('link-1', refused(409, 'link_mismatch'))).toBe('failed');
    expect(isLinkMismatched()).toBe(true);
    resetLinkMismatch();
  });

  it('tells a request already made and an unavailable partner from a failure', async () => {
    expect(await postRenewal('l', refused(429, 'renewal_already_requested'))).toBe('already_requested');
    expect(await postRenewal('l', refused(409, 'renewal_unavailable'))).toBe('unavailable');
    expect(await postRenewal('l', refused(401, 'missing_link_cookie'))).toBe('failed');
    expect(await postRenewal('l', refused(409, 'setup_link_active'))).toBe('failed');
  });

  it('never throws: network errors, 5xx and unexpected bodies are failures', async () => {
    const offline = vi.fn(async () => Promise.reject(new TypeError('offline'))) as unknown as typeof fetch;
    expect(await postRenewal('l', offline)).toBe('failed');
    expect(await postRenewal('l', reply(500, {}))).toBe('failed');
    expect(await postRenewal('l', reply(200, { status: 'something else' }))).toBe('failed');
    const html = vi.fn(async () => new Response('<html>', { status: 502 })) as unknown as typeof fetch;
    expect(await postRenewal('l', html)).toBe('failed');
  });
});
