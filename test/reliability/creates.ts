import { eq } from 'drizzle-orm';
import { setupLinks, webhookEvents } from '@/lib/server/db/schema';
import { call } from '../support/api-client';
import { testProject } from '../support/fixtures';
import { paths, routes } from '../support/routes';

// N setup-link creates fired at once over C customers of one project, through the route handler
// (as Next calls it), and what they left: one active link per customer, and it is the newest.
// Shared by test/reliability/concurrent-creates.test.ts and bench/reliability/concurrent-creates.ts.

export interface CreateFigures {
  creates: number;
  customers: number;
  /** Answers by status code. */
  statuses: Record<number, number>;
  s5xx: number;
  links: number;
  activeLinks: number;
  customersWithOneActive: number;
  /** Customers whose active link is their newest (no link created after it). */
  activeIsNewest: number;
  revokedEvents: number;
  ms: number;
}

export async function concurrentCreates(opts: { creates: number; customers: number }): Promise<CreateFigures> {
  const { db, project, apiKey } = await testProject(`creates-${crypto.randomUUID()}`);
  const ids: string[] = [];
  for (let i = 0; i < opts.customers; i++) {
    const a = await call(routes.customers, 'POST', paths.customers(), apiKey, { body: { name: `Customer ${i}` } });
    ids.push(a.body.data.id);
  }
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: opts.creates }, (_, i) => {
      const customerId = ids[i % ids.length];
      return call(routes.setupLinks, 'POST', paths.setupLinks(customerId), apiKey, {
        params: { customerId },
        body: { setup_link: { metadata: { i: String(i) } } },
      }).catch(() => ({ status: 599 }));
    }),
  );
  const ms = performance.now() - started;
  const statuses: Record<number, number> = {};
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;

  const rows = await db.select().from(setupLinks).where(eq(setupLinks.projectId, project.id));
  const byCustomer = new Map<string, typeof rows>();
  for (const r of rows) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r]);
  let one = 0;
  let newest = 0;
  for (const links of byCustomer.values()) {
    const active = links.filter((l) => l.status === 'active');
    if (active.length !== 1) continue;
    one++;
    if (links.every((l) => l.createdAt <= active[0].createdAt)) newest++;
  }
  const events = await db.select().from(webhookEvents).where(eq(webhookEvents.projectId, project.id));
  return {
    creates: opts.creates,
    customers: opts.customers,
    statuses,
    s5xx: answers.filter((a) => a.status >= 500).length,
    links: rows.length,
    activeLinks: rows.filter((r) => r.status === 'active').length,
    customersWithOneActive: one,
    activeIsNewest: newest,
    revokedEvents: events.filter((e) => e.type === 'setup_link.revoked').length,
    ms,
  };
}
