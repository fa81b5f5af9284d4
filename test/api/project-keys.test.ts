import { describe, expect, it } from 'vitest';
import {
  createApiKey,
  getProjectSigningSecret,
  listApiKeys,
  revokeApiKey,
  rotateProjectSigningSecret,
} from '@/lib/server/projects';
import { verifyRedirect } from '@/lib/server/redirect-signature';
import { failureRedirect } from '@/lib/server/redirects';
import { apiClient, call } from '../support/api-client';
import { paths, routes } from '../support/routes';

// What `npm run api-key -- revoke | rotate-signing-secret` do (scripts/api-key.test.ts runs them
// as processes), seen by the API and by a partner verifying redirects.

describe('a revoked API key', () => {
  it("answers 401 in the envelope from the next request on; the project's other keys keep working", async () => {
    const { db, project, apiKey } = await apiClient();
    const other = await createApiKey(db, project.id);
    const customers = (key: string) => call(routes.customers, 'GET', paths.customers(), key);
    expect((await customers(apiKey)).status).toBe(200);

    const keys = await listApiKeys({ db, projectId: project.id });
    const first = keys.find((k) => k.masked === `sk_live_…${apiKey.slice(-4)}`)!;
    const result = await revokeApiKey({ db, projectId: project.id }, { ref: first.id.slice(0, 8) });
    expect(result).toMatchObject({ outcome: 'revoked', activeLeft: 1 });

    const refused = await customers(apiKey);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key' });
    expect((await customers(other)).status).toBe(200);
    expect(JSON.stringify(await listApiKeys({ db, projectId: project.id }))).not.toContain(apiKey);
  });

  it("cannot be another project's key, and an unknown or malformed id changes nothing", async () => {
    const mine = await apiClient();
    const theirs = await apiClient();
    const [key] = await listApiKeys({ db: theirs.db, projectId: theirs.project.id });
    const scope = { db: mine.db, projectId: mine.project.id };
    for (const ref of [key.id, '00000000', 'sk_live_', "a%' or 1=1 --", ''])
      expect(await revokeApiKey(scope, { ref })).toEqual({ outcome: 'unknown' });
    expect((await call(routes.customers, 'GET', paths.customers(), theirs.apiKey)).status).toBe(200);
  });
});

describe('a rotated signing secret', () => {
  it('signs the redirects made from then on; the old secret verifies none of them', async () => {
    const { db, project } = await apiClient();
    const old = await getProjectSigningSecret(db, project.id);
    const link = {
      id: crypto.randomUUID() as never,
      projectId: project.id,
      failureRedirectUrl: 'https://app.example.com/wa/done?ref=42',
    };
    const before = new URL((await failureRedirect(db, { link, errorCode: 'link_revoked' }))!);
    expect(verifyRedirect(before.search, old, { now: new Date() }).ok).toBe(true);

    const secret = await rotateProjectSigningSecret({ db, projectId: project.id });
    expect(secret).toMatch(/^ss_/);
    expect(secret).not.toBe(old);
    expect(await getProjectSigningSecret(db, project.id)).toBe(secret);

    const after = new URL((await failureRedirect(db, { link, errorCode: 'link_revoked' }))!);
    expect(verifyRedirect(after.search, secret, { now: new Date() })).toMatchObject({
      ok: true,
      redirect: { status: 'failed', errorCode: 'link_revoked' },
    });
    expect(verifyRedirect(after.search, old, { now: new Date() })).toEqual({
      ok: false,
      reason: 'the signature does not match',
    });
  });
});
