import { describe, expect, it, vi } from 'vitest';
import { isLinkMismatched, resetLinkMismatch } from '../link-mismatch';
import { postCompletion, postProgress } from './completion-client';

const body = { setup_link_id: 'l', attempt_id: 'a', connection_type: 'dedicated', outcome: 'cancel' } as const;
const reply = (status: number, json: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(json), { status })) as unknown as typeof fetch;

describe('postCompletion', () => {
  it('returns the server answer for completed and failed', async () => {
    const done = { status: 'completed', redirect_url: null, display_phone_number: '+1 555' };
    expect(await postCompletion(body, reply(200, done))).toEqual(done);
    const failed = { status: 'failed', error_code: 'facebook_auth_failed', redirect_url: null, next_attempt_id: 'n' };
    expect(await postCompletion(body, reply(200, failed))).toEqual(failed);
  });
  it('maps 4xx to rejected with its code, and network or 5xx to unreachable', async () => {
    expect(await postCompletion(body, reply(409, { error: { code: 'attempt_used', message: 'x' } }))).toEqual({
      status: 'rejected',
      code: 'attempt_used',
    });
    expect(await postCompletion(body, reply(403, 'nope'))).toEqual({ status: 'rejected', code: 'http_403' });
    expect(await postCompletion(body, reply(500, {}))).toEqual({ status: 'unreachable' });
    expect(
      await postCompletion(
        body,
        vi.fn(async () => Promise.reject(new TypeError('offline'))) as unknown as typeof fetch,
      ),
    ).toEqual({ status: 'unreachable' });
  });
  it('posts JSON to the same-origin endpoint', async () => {
    const f = reply(200, { status: 'completed', redirect_url: null, display_phone_number: '' });
    await postCompletion(body, f);
    expect(f).toHaveBeenCalledWith(
      '/setup/complete',
      expect.objectContaining({ method: 'POST', body: JSON.stringify(body) }),
    );
  });
});

describe('postProgress', () => {
  it('never throws, even when fetch rejects', () => {
    const f = vi.fn(async () => Promise.reject(new Error('x'))) as unknown as typeof fetch;
    const body = {
      setup_link_id: 'l',
      attempt_id: 'a',
      step: 'facebook_opened',
      connection_type: 'dedicated',
    } as const;
    expect(() => postProgress(body, f)).not.toThrow();
    expect(f).toHaveBeenCalledWith('/setup/progress', expect.objectContaining({ body: JSON.stringify(body) }));
  });
});

describe('link_mismatch answers', () => {
  const mismatch = () => reply(409, { error: { code: 'link_mismatch', message: 'x' } });

  it('switch the page to the mismatch screen, from a completion or a progress report', async () => {
    resetLinkMismatch();
    expect(await postCompletion(body, reply(409, { error: { code: 'attempt_already_used' } }))).toMatchObject({
      status: 'rejected',
    });
    expect(isLinkMismatched()).toBe(false);
    expect(await postCompletion(body, mismatch())).toEqual({ status: 'rejected', code: 'link_mismatch' });
    expect(isLinkMismatched()).toBe(true);

    resetLinkMismatch();
    postProgress({ setup_link_id: 'l', attempt_id: 'a', step: 'opened' }, mismatch());
    await vi.waitFor(() => expect(isLinkMismatched()).toBe(true));
  });
});
