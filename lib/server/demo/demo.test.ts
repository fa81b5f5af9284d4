import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../db/client';
import { setupLinks } from '../db/schema';
import { authenticateApiKey } from '../http/api-key';
import { getProjectSigningSecret } from '../projects';
import { createCustomer } from '../customers/write';
import { createSetupLink } from '../setup-links/write';
import { setupLinkCreateSchema } from '../setup-links/schema';
import { signRedirect } from '../redirect-signature';
import { testProject } from '@/test/support/fixtures';
import { seedDemo } from './seed';
import { checkRedirectSignature } from './verify';

/** Runs `fn` with stdout captured (the demo box is written there on purpose). */
async function captureStdout(fn: () => Promise<void>): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('demo seed', () => {
  it('prints the key once, keeps the active link, and replaces it once it is no longer active', async () => {
    const db = await getDb();
    const name = `Demo ${crypto.randomUUID()}`;
    const first = await captureStdout(() => seedDemo(db, name));
    const key = /sk_live_[A-Za-z0-9_-]{43}/.exec(first)?.[0];
    expect(key, 'the first boot prints a working key').toBeDefined();
    const project = await authenticateApiKey(db, {
      headers: new Headers({ 'x-api-key': key! }),
      url: new URL('http://localhost/'),
    });
    expect(project.name).toBe(name);
    const firstUrl = /http:\/\/localhost:3000\/s\/sl_\S+/.exec(first)?.[0];
    expect(firstUrl).toBeDefined();

    const second = await captureStdout(() => seedDemo(db, name));
    expect(second).not.toMatch(/sk_live_/);
    expect(second).toContain(`npm run api-key -- create --project "${name}"`);
    expect(second).toContain(firstUrl!); // same active link

    const [link] = await db.select().from(setupLinks).where(eq(setupLinks.projectId, project.id));
    expect(link.successRedirectUrl).toBe('http://localhost:3000/demo/partner/success');
    expect(link.failureRedirectUrl).toBe('http://localhost:3000/demo/partner/failure');
    await db.update(setupLinks).set({ status: 'used', usedAt: new Date() }).where(eq(setupLinks.id, link.id));
    const third = await captureStdout(() => seedDemo(db, name));
    const thirdUrl = /http:\/\/localhost:3000\/s\/sl_\S+/.exec(third)?.[0];
    expect(thirdUrl).toBeDefined();
    expect(thirdUrl).not.toBe(firstUrl);
  });
});

describe('demo partner page: signature check', () => {
  async function signedLink() {
    const { db, project } = await testProject();
    const scope = { db, projectId: project.id };
    const customer = await createCustomer(scope, { input: { name: 'Signed Co' } });
    const link = await createSetupLink(scope, { customerId: customer.id, input: setupLinkCreateSchema.parse({}) });
    const secret = await getProjectSigningSecret(db, project.id);
    const params: Array<[string, string]> = [
      ['setup_link_id', link.id],
      ['status', 'failed'],
      ['error_code', 'link_revoked'],
    ];
    return { db, link, secret, params };
  }
  const query = (url: string) => new URL(url).search;
  const sign = (base: string, secret: string, params: Array<[string, string]>) =>
    signRedirect(base, secret, params, new Date());

  it('accepts what the server signed, with or without the partner’s own parameters first', async () => {
    const { db, secret, params } = await signedLink();
    expect(await checkRedirectSignature(db, query(sign('https://p.example/done', secret, params)))).toMatchObject({
      state: 'valid',
    });
    expect(
      await checkRedirectSignature(db, query(sign('https://p.example/done?ref=42&x=y', secret, params))),
    ).toMatchObject({ state: 'valid' });
  });

  it('rejects tampered parameters and another secret', async () => {
    const { db, secret, params } = await signedLink();
    const tampered = query(sign('https://p.example/done', secret, params)).replace('link_revoked', 'internal_error');
    expect(await checkRedirectSignature(db, tampered)).toMatchObject({ state: 'invalid' });
    expect(await checkRedirectSignature(db, query(sign('https://p.example/done', 'ss_other', params)))).toMatchObject({
      state: 'invalid',
    });
  });

  it('says when it cannot check: no signature, no or unknown link', async () => {
    const { db, link } = await signedLink();
    expect(await checkRedirectSignature(db, `?${new URLSearchParams({ setup_link_id: link.id })}`)).toEqual({
      state: 'missing',
    });
    expect(await checkRedirectSignature(db, `?${new URLSearchParams({ signature: 'ab' })}`)).toEqual({
      state: 'unknown_link',
    });
    expect(
      await checkRedirectSignature(db, `?${new URLSearchParams({ setup_link_id: 'not-a-uuid', signature: 'ab' })}`),
    ).toEqual({ state: 'unknown_link' });
    expect(
      await checkRedirectSignature(
        db,
        `?${new URLSearchParams({ setup_link_id: crypto.randomUUID(), signature: 'ab' })}`,
      ),
    ).toEqual({ state: 'unknown_link' });
  });
});
