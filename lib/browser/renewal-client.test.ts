import { describe, expect, it, vi } from 'vitest';
import { postRenewal } from './renewal-client';

const reply = (status: number, json: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(json), { status })) as unknown as typeof fetch;
const refused = (status: number, code: string) => reply(status, { error: { code, message: 'x' } });

describe('postRenewal', () => {
  it('posts an empty JSON object to the same-origin endpoint', async () => {
    const f = reply(200, { status: 'requested' });
    expect(await postRenewal(f)).toBe('requested');
    expect(f).toHaveBeenCalledWith(
      '/setup/renewal',
      expect.objectContaining({ method: 'POST', credentials: 'same-origin', body: '{}' }),
    );
  });

  it('tells a request already made and an unavailable partner from a failure', async () => {
    expect(await postRenewal(refused(429, 'renewal_already_requested'))).toBe('already_requested');
    expect(await postRenewal(refused(409, 'renewal_unavailable'))).toBe('unavailable');
    expect(await postRenewal(refused(401, 'missing_link_cookie'))).toBe('failed');
    expect(await postRenewal(refused(409, 'setup_link_active'))).toBe('failed');
  });

  it('never throws: network errors, 5xx and unexpected bodies are failures', async () => {
    const offline = vi.fn(async () => Promise.reject(new TypeError('offline'))) as unknown as typeof fetch;
    expect(await postRenewal(offline)).toBe('failed');
    expect(await postRenewal(reply(500, {}))).toBe('failed');
    expect(await postRenewal(reply(200, { status: 'something else' }))).toBe('failed');
    const html = vi.fn(async () => new Response('<html>', { status: 502 })) as unknown as typeof fetch;
    expect(await postRenewal(html)).toBe('failed');
  });
});
