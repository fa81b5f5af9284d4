import { describe, expect, it, vi } from 'vitest';
import { POST as postComplete } from '@/app/setup/complete/route';
import { POST as postProgress } from '@/app/setup/progress/route';
import { decryptSecret } from '@/lib/server/crypto';
import { env } from '@/lib/server/env';
import { errorOf, hostedEndpointsSuite, hostedRequest as request } from '../support/hosted-request';
import { linkState } from '../support/onboarding';

// The hosted-page endpoints, called as Next calls them. Their Graph client comes from the
// environment, so the parsed env is pointed at the emulator (started on a free port).
const { suite, newLink } = hostedEndpointsSuite();

const cancelBody = (attemptId: string, setupLinkId: string) => ({
  setup_link_id: setupLinkId,
  attempt_id: attemptId,
  connection_type: 'dedicated',
  outcome: 'cancel',
  current_step: 'PERMISSIONS',
});

describe('POST /setup/complete', () => {
  it('completes through the route: 200, no-store, display number; the link is used', async () => {
    const { token, link, attemptId } = await newLink();
    const d = await suite.meta.dialog('finish');
    const res = await postComplete(
      request(
        '/setup/complete',
        {
          setup_link_id: link.id,
          attempt_id: attemptId,
          connection_type: 'dedicated',
          outcome: 'finish',
          code: d.code,
          event: d.event,
          ...d.data,
        },
        { token },
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({ status: 'completed', display_phone_number: expect.stringMatching(/^\+\d+$/) });
    expect(body.redirect_url).toMatch(/^https:\/\/partner\.example\/done\?ref=abc&setup_link_id=/);
    expect((await linkState(suite.ctx.db, link.id)).link.status).toBe('used');
  });

  it('answers a failure with the error code, the failure redirect and a next attempt id', async () => {
    const { token, link, attemptId } = await newLink();
    const res = await postComplete(request('/setup/complete', cancelBody(attemptId, link.id), { token }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'failed',
      error_code: 'facebook_auth_failed',
      redirect_url: expect.stringContaining('error_code=facebook_auth_failed'),
      next_attempt_id: expect.any(String),
    });
  });

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['no Origin', { origin: null }],
    ['Sec-Fetch-Site cross-site', { site: 'cross-site' }],
    ['Sec-Fetch-Site same-site', { site: 'same-site' }],
  ])('rejects %s with 403 before touching the link', async (_name, opts) => {
    const { token, link, attemptId } = await newLink();
    expect(
      await errorOf(await postComplete(request('/setup/complete', cancelBody(attemptId, link.id), { token, ...opts }))),
    ).toEqual({ status: 403, code: 'cross_site_request' });
    expect((await linkState(suite.ctx.db, link.id)).link.whatsappSetupStatus).toBe('pending');
  });

  it('accepts a request without Sec-Fetch-Site (older browsers) when the Origin is ours', async () => {
    const { token, link, attemptId } = await newLink();
    expect(
      (await postComplete(request('/setup/complete', cancelBody(attemptId, link.id), { token, site: null }))).status,
    ).toBe(200);
  });

  it('requires the link cookie (401) and a known link (404)', async () => {
    const { link, attemptId } = await newLink();
    expect(await errorOf(await postComplete(request('/setup/complete', cancelBody(attemptId, link.id))))).toEqual({
      status: 401,
      code: 'missing_link_cookie',
    });
    const unknown = `sl_${'A'.repeat(43)}`;
    expect(
      await errorOf(await postComplete(request('/setup/complete', cancelBody(attemptId, link.id), { token: unknown }))),
    ).toEqual({ status: 404, code: 'link_not_found' });
  });

  it('rejects a forged attempt id and one minted for another link (403)', async () => {
    const { token, link } = await newLink();
    const other = await newLink();
    for (const attemptId of ['forged.0123456789abcdef', other.attemptId]) {
      expect(
        await errorOf(await postComplete(request('/setup/complete', cancelBody(attemptId, link.id), { token }))),
      ).toEqual({
        status: 403,
        code: 'invalid_attempt',
      });
    }
  });

  it('consumes the attempt id: a second use is 409 attempt_already_used', async () => {
    const { token, link, attemptId } = await newLink();
    expect((await postComplete(request('/setup/complete', cancelBody(attemptId, link.id), { token }))).status).toBe(
      200,
    );
    expect(
      await errorOf(await postComplete(request('/setup/complete', cancelBody(attemptId, link.id), { token }))),
    ).toEqual({
      status: 409,
      code: 'attempt_already_used',
    });
  });

  it('a used id cannot come back with a suffix, and 20 concurrent uses of one id complete once', async () => {
    const { token, link, attemptId } = await newLink();
    const uses = await Promise.all(
      Array.from({ length: 20 }, () =>
        postComplete(request('/setup/complete', cancelBody(attemptId, link.id), { token })),
      ),
    );
    expect(uses.filter((r) => r.status === 200)).toHaveLength(1);
    for (const variant of [`${attemptId}.x`, `${attemptId}.`, `${attemptId}..`])
      expect(
        await errorOf(await postComplete(request('/setup/complete', cancelBody(variant, link.id), { token }))),
      ).toEqual({
        status: 403,
        code: 'invalid_attempt',
      });
  });

  it('validates the body: malformed JSON 400, bad fields 422, disallowed connection type 422', async () => {
    const { token, link, attemptId } = await newLink({ allowedConnectionTypes: ['coexistence'] });
    const post = (body: unknown, raw?: string) =>
      postComplete(request('/setup/complete', body, { token, raw })).then(errorOf);
    expect(await post(null, '{"attempt_id":')).toEqual({ status: 400, code: 'malformed_json' });
    expect(
      await post({ setup_link_id: link.id, attempt_id: attemptId, connection_type: 'coexistence', outcome: 'finish' }),
    ).toMatchObject({
      status: 422,
    });
    expect(
      await post({
        setup_link_id: link.id,
        attempt_id: attemptId,
        connection_type: 'coexistence',
        outcome: 'finish',
        code: 'AQx',
        waba_id: '1 OR 1=1',
      }),
    ).toMatchObject({ status: 422 });
    expect(await post({ ...cancelBody(attemptId, link.id), outcome: 'maybe' })).toMatchObject({ status: 422 });
    expect(await post(cancelBody(attemptId, link.id))).toEqual({ status: 422, code: 'connection_type_not_allowed' });
  });

  it('answers a used link with already_used and no next attempt', async () => {
    const { token, link, attemptId } = await newLink({ status: 'used' });
    const res = await postComplete(request('/setup/complete', cancelBody(attemptId, link.id), { token }));
    expect(await res.json()).toMatchObject({ status: 'failed', error_code: 'already_used', next_attempt_id: null });
  });
});

describe('POST /setup/progress', () => {
  it('marks the link in progress with the step (204)', async () => {
    const { token, link, attemptId } = await newLink();
    const body = {
      setup_link_id: link.id,
      attempt_id: attemptId,
      step: 'facebook_opened',
      connection_type: 'dedicated',
    };
    const res = await postProgress(request('/setup/progress', body, { token }));
    expect(res.status).toBe(204);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await linkState(suite.ctx.db, link.id)).link).toMatchObject({
      status: 'active',
      whatsappSetupStatus: 'in_progress',
      lastStep: 'facebook_opened',
    });
  });

  it('applies the same guards, and refuses a link that is no longer active (409)', async () => {
    const { token, link, attemptId } = await newLink({ status: 'revoked' });
    const body = { setup_link_id: link.id, attempt_id: attemptId, step: 'opened' };
    expect(
      await errorOf(await postProgress(request('/setup/progress', body, { token, origin: 'https://evil.example' }))),
    ).toEqual({ status: 403, code: 'cross_site_request' });
    expect(await errorOf(await postProgress(request('/setup/progress', body)))).toEqual({
      status: 401,
      code: 'missing_link_cookie',
    });
    expect(
      await errorOf(await postProgress(request('/setup/progress', { ...body, step: '<script>' }, { token }))),
    ).toMatchObject({ status: 422 });
    expect(await errorOf(await postProgress(request('/setup/progress', body, { token })))).toEqual({
      status: 409,
      code: 'link_revoked',
    });
  });
});

describe('logs', () => {
  it('never contain the Meta code, the access token, the PIN or the link token', async () => {
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const level = env.logLevel;
    env.logLevel = 'debug';
    const secrets: string[] = [];
    try {
      for (const outcome of ['finish', 'register_error', 'token_exchange_error'] as const) {
        const { token, link, attemptId } = await newLink();
        const d = await suite.meta.dialog(outcome);
        secrets.push(token, d.code!);
        await postComplete(
          request(
            '/setup/complete',
            {
              setup_link_id: link.id,
              attempt_id: attemptId,
              connection_type: 'dedicated',
              outcome: 'finish',
              code: d.code,
              event: d.event,
              ...d.data,
            },
            { token },
          ),
        );
        const { configs } = await linkState(suite.ctx.db, link.id);
        for (const c of configs)
          secrets.push(
            decryptSecret(c.accessTokenEnc!, { column: 'whatsapp_configs.access_token_enc', row: c.id }),
            decryptSecret(c.pinEnc!, { column: 'whatsapp_configs.pin_enc', row: c.id }),
          );
      }
    } finally {
      env.logLevel = level;
      out.mockRestore();
      err.mockRestore();
    }
    const logged = lines.join('');
    expect(secrets).toHaveLength(8); // 3 link tokens, 3 codes, one access token and one PIN
    expect(logged).toContain('onboarding_completed');
    expect(logged).toContain('phone_registration_failed');
    expect(logged).toContain('token_exchange_failed');
    for (const secret of secrets) expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/EAA[A-Za-z0-9]{8}|AQ[A-Za-z0-9_-]{20}|client_secret|emulator-secret/);
  });
});
