import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveries, webhookEvents } from '@/lib/server/db/schema';
import { queueEvent } from '@/lib/server/events';
import { claimDeliveries } from '@/lib/server/webhooks/deliveries';
import { startDeliveryWorker } from '@/lib/server/webhooks/worker';
import { testProject } from '../support/fixtures';
import { startReceiver, waitFor } from '../support/receiver';
import { newEndpoint } from './support';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => (receiver = await startReceiver()));
afterAll(() => receiver.close());

describe('several workers', () => {
  it('deliver 1,000 queued events exactly once each to a healthy receiver', { timeout: 120_000 }, async () => {
    const { db, project } = await testProject();
    const { endpoint } = await newEndpoint(db, project.id, receiver.url, ['setup_link.created']);
    const scope = { db, projectId: project.id };
    const N = 1000;
    await db.transaction(async (tx) => {
      for (let i = 0; i < N; i++)
        await queueEvent({ db: tx, projectId: project.id }, { type: 'setup_link.created', payload: { i } });
    });
    const started = Date.now();
    const workers = [
      startDeliveryWorker(db, { projectId: project.id, pollMs: 10 }),
      startDeliveryWorker(db, { projectId: project.id, pollMs: 10 }),
    ];
    try {
      await waitFor(
        async () =>
          (await db.$count(
            webhookDeliveries,
            and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.status, 'succeeded')),
          )) === N,
        100_000,
        'all delivered',
      );
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    const seconds = (Date.now() - started) / 1000;
    const counts = new Map<string, number>();
    for (const r of receiver.received) {
      const id = String(r.headers['webhook-id']);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const events = await db
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(eq(webhookEvents.projectId, scope.projectId));
    expect(counts.size).toBe(N);
    expect(events.every((e) => counts.get(e.id) === 1)).toBe(true);
    // Both workers took part.
    expect(workers.every((w) => w.attempts > 0)).toBe(true);
    expect(workers[0].attempts + workers[1].attempts).toBe(N);
    process.stdout.write(
      `webhook throughput, 2 workers: ${Math.round(N / seconds)} events/s (${workers.map((w) => w.attempts).join(' + ')})\n`,
    );
  });

  it("claims a row once, even when claims race, and a crashed worker's lease expires", async () => {
    const { db, project } = await testProject();
    await newEndpoint(db, project.id, receiver.url, ['setup_link.created']);
    for (let i = 0; i < 20; i++)
      await queueEvent({ db, projectId: project.id }, { type: 'setup_link.created', payload: { i } });
    const claims = await Promise.all(
      Array.from({ length: 8 }, () => claimDeliveries(db, { limit: 5, leaseMs: 200, projectId: project.id })),
    );
    const ids = claims.flat().map((c) => c.delivery.id);
    expect(new Set(ids).size).toBe(ids.length);
    const mine = ids.filter((id) => claims.flat().some((c) => c.delivery.id === id && c.endpoint.url === receiver.url));
    expect(mine.length).toBe(ids.length);
    // Nobody records a result ("crash"): after the lease, the rows are due again, attempt 2.
    expect(await claimDeliveries(db, { limit: 100, leaseMs: 200, projectId: project.id })).toHaveLength(
      20 - ids.length,
    );
    await new Promise((r) => setTimeout(r, 250));
    const again = await claimDeliveries(db, { limit: 100, leaseMs: 60_000, projectId: project.id });
    expect(again).toHaveLength(20);
    expect(again.every((c) => c.delivery.attempts === 2)).toBe(true);
  });
});
