import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupLinks, webhookEvents } from '@/lib/server/db/schema';
import { apiClient } from '../support/api-client';

// Events never need a link's token (their payload has no `url`), so a row whose token no longer
// decrypts (e.g. written under a retired ENCRYPTION_KEY) cannot break what touches it.
describe('a previous link whose token no longer decrypts', () => {
  it('is revoked by the next create (201) and reported without its token', async () => {
    const { db, newCustomer, newLink } = await apiClient();
    const customer = await newCustomer();
    const first = (await newLink(customer.id)).body.data;
    await db.update(setupLinks).set({ tokenEnc: 'v1.undecryptable' }).where(eq(setupLinks.id, first.id));
    const second = await newLink(customer.id);
    expect(second.status).toBe(201);
    const events = await db.select().from(webhookEvents).where(eq(webhookEvents.setupLinkId, first.id));
    expect(events.map((e) => e.type)).toEqual(['setup_link.created', 'setup_link.revoked']);
  });
});
