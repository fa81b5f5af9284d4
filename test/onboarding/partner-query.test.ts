import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProjectSigningSecret } from '@/lib/server/projects';
import { openLink } from '@/lib/server/hosted/open-link';
import { completeOnboarding } from '@/lib/server/onboarding/complete';
import { verifyRedirect } from '@/lib/server/redirect-signature';
import { resolveLinkToken } from '@/lib/server/setup-links/resolve';
import { apiClient } from '../support/api-client';
import { insertTestLink, startTestMeta } from '../support/onboarding';
import { paths, routes } from '../support/routes';

// The partner's own query string reaches the partner byte for byte, through full redirects: our
// signed run is appended to its raw text, never re-serialized (lib/server/redirect-signature.ts).

const SUCCESS = 'https://partner.example/wa/done?q=a%20b&flag&plus=x+y&tilde=%7e&empty=&dup=1&dup=2';
const FAILURE = 'https://partner.example/wa/failed?q=a%20b&flag';

let meta: Awaited<ReturnType<typeof startTestMeta>>;
let ctx: Awaited<ReturnType<typeof apiClient>>;
beforeAll(async () => {
  meta = await startTestMeta();
  ctx = await apiClient();
});
afterAll(() => meta.emulator.close());

async function apiLink() {
  const c = await ctx.newCustomer();
  const res = await ctx.newLink(c.id, { success_redirect_url: SUCCESS, failure_redirect_url: FAILURE });
  expect(res.status).toBe(201);
  expect(res.body.data).toMatchObject({ success_redirect_url: SUCCESS, failure_redirect_url: FAILURE });
  const token = String(res.body.data.url).split('/s/')[1];
  return { token, link: (await resolveLinkToken(ctx.db, token))!, customerId: c.id as string };
}

async function finish(outcome: 'finish' | 'token_exchange_error') {
  const d = await meta.dialog(outcome);
  return {
    connectionType: 'dedicated' as const,
    outcome: 'finish' as const,
    code: d.code!,
    event: d.event,
    wabaId: d.data.waba_id,
    phoneNumberId: d.data.phone_number_id,
    businessId: d.data.business_id,
  };
}

/** The redirect is `base`, then `&`, then only our signed run, and it verifies. */
async function expectPartnerQueryKept(redirect: string | null, base: string) {
  expect(redirect).not.toBeNull();
  expect(redirect!.startsWith(`${base}&setup_link_id=`)).toBe(true);
  const ours = redirect!.slice(base.length + 1);
  expect(ours).toMatch(/^setup_link_id=[^&]+&status=[a-z]+&.*&timestamp=\d+&signature=[0-9a-f]{64}$/);
  const secret = await getProjectSigningSecret(ctx.db, ctx.project.id);
  const verified = verifyRedirect(new URL(redirect!).search, secret, { now: new Date() });
  expect(verified.ok).toBe(true);
}

describe('partner query string in redirects', () => {
  it('is kept byte for byte in the success redirect', async () => {
    const { link } = await apiLink();
    const r = await completeOnboarding(ctx.db, { link, completion: await finish('finish'), graph: meta.graph });
    expect(r.status).toBe('completed');
    await expectPartnerQueryKept(r.status === 'completed' ? r.redirectUrl : null, SUCCESS);
  });

  it('is kept byte for byte in the failure redirect, after a failed completion and on reopening a revoked link', async () => {
    const { link, token, customerId } = await apiLink();
    const r = await completeOnboarding(ctx.db, {
      link,
      completion: await finish('token_exchange_error'),
      graph: meta.graph,
    });
    expect(r.status).toBe('failed');
    await expectPartnerQueryKept(r.status === 'failed' ? r.redirectUrl : null, FAILURE);

    const revoked = await ctx.api(routes.setupLink, 'DELETE', paths.setupLink(customerId, link.id), {
      params: { customerId, id: link.id },
    });
    expect(revoked.status).toBe(200);
    const opened = await openLink(ctx.db, token);
    expect(opened.kind).toBe('redirect');
    await expectPartnerQueryKept((opened as { location: string }).location, FAILURE);
    expect((opened as { location: string }).location).toContain('&error_code=link_revoked&');
  });

  it('sends no browser to a stored URL that the current rules refuse (stored before them)', async () => {
    const { token } = await insertTestLink(ctx.db, ctx.project.id, {
      status: 'revoked',
      revokedAt: new Date(),
      failureRedirectUrl: 'https://evil.com\\@partner.example/failed',
    });
    expect(await openLink(ctx.db, token)).toMatchObject({ kind: 'bind' });
  });
});
