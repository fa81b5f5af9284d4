import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers, setupLinks } from '../db/schema';
import { getProjectSigningSecret } from '../projects';
import { verifyRedirect } from '../redirect-signature';
import { newLinkToken } from '../setup-links/token';
import { testProject } from '@/test/support/fixtures';
import { linkCookieOptions } from '../http/cookies';
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

describe('linkCookieOptions', () => {
  it('is HttpOnly, Lax, site-wide, and lives until the link expires (at least a day)', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(linkCookieOptions(new Date('2026-01-11T00:00:00Z'), now)).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: false,
      maxAge: 10 * 86400,
    });
    expect(linkCookieOptions(new Date('2025-12-01T00:00:00Z'), now).maxAge).toBe(86400);
  });
});
