import { createCipheriv, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { decryptLegacySecret, decryptSecret, encryptSecret, keyring, type SecretPlace } from './crypto';
import { rebindLegacySecrets } from './crypto-rebind';
import { setupLinks, webhookEndpoints, webhookEvents } from './db/schema';
import { apiClient } from '@/test/support/api-client';
import { routes, paths } from '@/test/support/routes';

const token: SecretPlace = { column: 'setup_links.token_enc', row: crypto.randomUUID() };

/** A value as versions before binding wrote it: `<key version>:<iv>:<ciphertext>:<tag>`, no AAD. */
function legacyEncrypt(plain: string): string {
  const { current, keys } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.get(current)!, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [current, iv, body, cipher.getAuthTag()]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join(':');
}

describe('secrets at rest (AES-256-GCM bound to their row and column)', () => {
  it('decrypts only in the place it was encrypted for', () => {
    const stored = encryptSecret('sl_secret', token);
    expect(stored).not.toContain('sl_secret');
    expect(decryptSecret(stored, token)).toBe('sl_secret');
    expect(() => decryptSecret(stored, { ...token, row: crypto.randomUUID() })).toThrow();
    expect(() => decryptSecret(stored, { ...token, column: 'whatsapp_configs.access_token_enc' })).toThrow();
  });

  it('refuses a truncated or missing tag, and a tampered ciphertext', () => {
    const stored = encryptSecret('EAAtoken', token);
    const [format, version, iv, body, tag] = stored.split(':');
    const tagBytes = Buffer.from(tag, 'base64url');
    for (const short of [12, 8, 4, 0]) {
      const cut = [format, version, iv, body, tagBytes.subarray(0, short).toString('base64url')].join(':');
      expect(() => decryptSecret(cut, token), `${short}-byte tag`).toThrow();
    }
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => decryptSecret([format, version, iv, flipped.toString('base64url'), tag].join(':'), token)).toThrow();
  });

  it('reads a legacy value only through the legacy path, and its truncated tag not at all', () => {
    const legacy = legacyEncrypt('whsec_old');
    expect(() => decryptSecret(legacy, token)).toThrow();
    expect(decryptLegacySecret(legacy)).toBe('whsec_old');
    const parts = legacy.split(':');
    parts[3] = Buffer.from(parts[3], 'base64url').subarray(0, 12).toString('base64url');
    expect(() => decryptLegacySecret(parts.join(':'))).toThrow();
  });

  it('re-encrypts stored legacy values bound to their row, once', async () => {
    const { db, api, newCustomer, newLink, project } = await apiClient();
    const link = (await newLink((await newCustomer()).id)).body.data;
    const hook = await api(routes.webhooks, 'POST', paths.webhooks(), {
      body: { webhook: { url: 'https://hooks.example.com/wa', events: ['*'] } },
    });
    expect(hook.status).toBe(201);
    const linkToken = new URL(link.url).pathname.split('/').pop()!;
    await db
      .update(setupLinks)
      .set({ tokenEnc: legacyEncrypt(linkToken) })
      .where(eq(setupLinks.id, link.id));
    const hookId = hook.body.data.id;
    await db
      .update(webhookEndpoints)
      .set({ secretEnc: legacyEncrypt(hook.body.data.secret) })
      .where(eq(webhookEndpoints.id, hookId));

    expect(await rebindLegacySecrets(db)).toBeGreaterThanOrEqual(2);
    const [linkRow] = await db.select().from(setupLinks).where(eq(setupLinks.id, link.id));
    const [hookRow] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hookId));
    expect(decryptSecret(linkRow.tokenEnc, { column: 'setup_links.token_enc', row: link.id })).toBe(linkToken);
    expect(decryptSecret(hookRow.secretEnc, { column: 'webhook_endpoints.secret_enc', row: hookId })).toBe(
      hook.body.data.secret,
    );
    // The API shows the link as before.
    const got = await api(routes.setupLink, 'GET', paths.setupLink(link.customer_id, link.id), {
      params: { customerId: link.customer_id, id: link.id },
    });
    expect(got.body.data.url).toBe(link.url);
    // Idempotent: a second run leaves these rows as they are.
    await rebindLegacySecrets(db);
    const [again] = await db.select().from(setupLinks).where(eq(setupLinks.id, link.id));
    expect(again.tokenEnc).toBe(linkRow.tokenEnc);
    expect(project.id).toBeTruthy();
  });

  it("a link token moved to another link's row does not decrypt there: the next create still answers 201", async () => {
    const { db, newCustomer, newLink } = await apiClient();
    const customer = await newCustomer();
    const first = (await newLink(customer.id)).body.data;
    const other = (await newLink((await newCustomer('Other Co')).id)).body.data;
    const [otherRow] = await db.select().from(setupLinks).where(eq(setupLinks.id, other.id));
    await db.update(setupLinks).set({ tokenEnc: otherRow.tokenEnc }).where(eq(setupLinks.id, first.id));
    expect(() => decryptSecret(otherRow.tokenEnc, { column: 'setup_links.token_enc', row: first.id })).toThrow();
    const second = await newLink(customer.id);
    expect(second.status).toBe(201);
    expect(second.body.data.url).not.toBe(other.url);
    const events = await db.select().from(webhookEvents).where(eq(webhookEvents.setupLinkId, first.id));
    expect(events.map((e) => e.type)).toEqual(['setup_link.created', 'setup_link.revoked']);
  });
});
