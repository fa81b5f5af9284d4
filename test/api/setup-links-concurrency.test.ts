import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupLinks, webhookEvents } from '@/lib/server/db/schema';
import { apiClient } from '../support/api-client';

// Concurrent creates for one customer never fail and leave exactly one active link.
describe('setup links: one active link per customer', () => {
  it('100 concurrent creates all answer 201 and leave exactly one active link', async () => {
    const { db, project, newCustomer, newLink } = await apiClient();
    const c = await newCustomer();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => newLink(c.id, { metadata: { i: String(i) } })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(201));
    const rows = await db.select().from(setupLinks).where(eq(setupLinks.customerId, c.id));
    expect(rows).toHaveLength(100);
    expect(rows.filter((r) => r.status === 'active')).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'revoked')).toHaveLength(99);
    const revokedEvents = await db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.projectId, project.id), eq(webhookEvents.type, 'setup_link.revoked')));
    expect(revokedEvents).toHaveLength(99);
  });
});
