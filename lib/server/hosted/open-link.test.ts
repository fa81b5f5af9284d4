import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers, setupLinks } from '../db/schema';
import { getProjectSigningSecret } from '../projects';
import { verifyRedirect } from '../redirect-signature';
import { newLinkToken } from '../setup-links/token';
import { testProject } from '@/test/support/fixtures';
import { linkCookieFor } from '../http/link-cookie';
import { openLink } from './open-link';

const DAY = 24 * 3600 * 1000;

async function linkWith(values: Partial<typeof setupLinks.$inferInsert> = {}) {
  const { db, project } = await testProject();
  const [customer] = await db.insert(customers).values({ projectId: project.id, name: 'Shop' }).returning();
  const { token, tokenHash, tokenEnc } = newLinkToken();
  const [link] = await db
    .insert(setupLinks)
    .values({
      projectId: project.id,
      customerId: customer.id,
      tokenHash,
      tokenEnc,
      allowedConnectionTypes: ['coexistence', 'dedicated'],
      phoneNumberCountryIsos: ['US'],
      expiresAt: new Date(Date.now() + 30 * DAY),
      ...values,
    })
    .returning();
  const statusOf = async () => (await db.select().from(setupLinks).where(eq(setupLinks.id, link.id)))[0];
  return { db, project, link, token, statusOf };
}

describe('openLink (GET /s/{token})', () => {
  it('binds an active link and leaves it untouched', async () => {
    const { db, link, token, statusOf } = await linkWith();
    const before = await statusOf();
    expect(await openLink(db, token)).toEqual({ kind: 'bind', token, expiresAt: link.expiresAt });
    const after = await statusOf();
    expect(after.status).toBe('active');
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.whatsappSetupStatus).toBe('pending');
  });

  it('sends inactive links with a failure URL back to the partner, signed, with the right error code', async () => {
    const cases = [
      [{ status: 'used' as const, usedAt: new Date() }, 'already_used'],
      [{ status: 'revoked' as const, revokedAt: new Date() }, 'link_revoked'],
      [{ expiresAt: new Date(Date.now() - 1000) }, 'link_expired'], // still stored as active: expired by time
    ] as const;
    for (const [values, code] of cases) {
      const { db, project, link, token } = await linkWith({
        ...values,
        failureRedirectUrl: 'https://partner.example/back?x=1',
      });
      const decision = await openLink(db, token);
      expect(decision.kind).toBe('redirect');
      const url = new URL((decision as { location: string }).location);
      expect(url.origin + url.pathname).toBe('https://partner.example/back');
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        x: '1',
        setup_link_id: link.id,
        status: 'failed',
        error_code: code,
      });
      expect(verifyRedirect(url.search, await getProjectSigningSecret(db, project.id), { now: new Date() }).ok).toBe(
        true,
      );
      expect(url.toString()).not.toContain(token);
    }
  });

  it('binds inactive links without a failure URL, so /setup can explain', async () => {
    const { db, token } = await linkWith({ status: 'used', usedAt: new Date() });
    expect(await openLink(db, token)).toMatchObject({ kind: 'bind', token });
  });

  it('treats unknown and malformed tokens alike', async () => {
    const { db } = await linkWith();
    for (const t of [newLinkToken().token, 'sl_short', '../../etc/passwd', ''])
      expect(await openLink(db, t)).toEqual({ kind: 'invalid' });
  });
});

describe('linkCookieFor', () => {
  it('is __Host-, Secure and site-wide over https; plain, not Secure and /setup only on http; 12 h at most', () => {
    const base = { httpOnly: true, sameSite: 'lax', maxAge: 43200 };
    expect(linkCookieFor('https://setup.example.com')).toEqual({
      name: '__Host-wa_setup_link',
      options: { ...base, secure: true, path: '/' },
    });
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:3000'])
      expect(linkCookieFor(url)).toEqual({
        name: 'wa_setup_link',
        options: { ...base, secure: false, path: '/setup' },
      });
  });
});
