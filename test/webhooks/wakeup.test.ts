import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LISTENER_APPLICATION_NAME } from '@/lib/server/db/notify';
import { webhookEvents } from '@/lib/server/db/schema';
import { queueEvent } from '@/lib/server/events';
import type { WebhookEventId } from '@/lib/server/ids';
import { startDeliveryWorker, type DeliveryWorker } from '@/lib/server/webhooks/worker';
import { testProject } from '../support/fixtures';
import { startReceiver, waitFor } from '../support/receiver';
import { newEndpoint } from './support';

// Workers wake when deliveries are committed (LISTEN/NOTIFY). Each worker here polls once a minute:
// a delivery that arrives within the 10 s of waitFor came by the wake-up, not the poll.
const POLL_MS = 60_000;

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let worker: DeliveryWorker | undefined;
beforeAll(async () => (receiver = await startReceiver()));
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});
afterAll(() => receiver.close());

const arrived = (eventId: WebhookEventId) => receiver.received.some((r) => r.headers['webhook-id'] === eventId);

/** A project with an endpoint to the receiver, and its idle worker, listening. */
async function setup() {
  const { db, project } = await testProject();
  await newEndpoint(db, project.id, receiver.url, ['setup_link.used']);
  worker = startDeliveryWorker(db, { projectId: project.id, pollMs: POLL_MS });
  // From here on, only a wake-up (or the poll, a minute away) sends what is committed.
  await worker.listening;
  const scope = { db, projectId: project.id };
  const commit = () =>
    db.transaction((tx) => queueEvent({ ...scope, db: tx }, { type: 'setup_link.used', payload: { n: 1 } }));
  return { db, scope, commit };
}

describe('waking the delivery worker', () => {
  it('sends a delivery as soon as its transaction commits, not at the next poll', async () => {
    const { commit } = await setup();
    const eventId = await commit();
    await waitFor(() => arrived(eventId), 10_000, 'the delivery');
    // And again: the worker went back to sleep and is woken once more.
    const second = await commit();
    await waitFor(() => arrived(second), 10_000, 'the second delivery');
  });

  it('sends nothing for a rolled-back transaction', async () => {
    const { db, scope, commit } = await setup();
    let rolledBack: WebhookEventId | undefined;
    await expect(
      db.transaction(async (tx) => {
        rolledBack = await queueEvent({ ...scope, db: tx }, { type: 'setup_link.used', payload: { n: 0 } });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    // A later commit is delivered; by then the worker has looked, and the rolled-back one is not there.
    const committed = await commit();
    await waitFor(() => arrived(committed), 10_000, 'the committed delivery');
    expect(arrived(rolledBack!)).toBe(false);
    expect(await db.$count(webhookEvents, eq(webhookEvents.id, rolledBack!))).toBe(0);
  });

  // PGlite is one session: a query beside an open transaction would wait for it.
  it.skipIf(!process.env.DATABASE_URL)('sends an open transaction’s delivery at its commit, not before', async () => {
    const { db, scope, commit } = await setup();
    let finish = () => {};
    const hold = new Promise<void>((resolve) => (finish = resolve));
    let queued = () => {};
    const isQueued = new Promise<void>((resolve) => (queued = resolve));
    let pending: WebhookEventId | undefined;
    const open = db.transaction(async (tx) => {
      pending = await queueEvent({ ...scope, db: tx }, { type: 'setup_link.used', payload: { n: 0 } });
      queued();
      await hold;
    });
    await isQueued;
    const other = await commit();
    await waitFor(() => arrived(other), 10_000, 'the other delivery');
    expect(arrived(pending!)).toBe(false);
    finish();
    await open;
    await waitFor(() => arrived(pending!), 10_000, 'the delivery after its commit');
  });

  it.skipIf(!process.env.DATABASE_URL)('listens again after its connection is lost, and catches up', async () => {
    const { db, commit } = await setup();
    // Other test files' listeners go too: they connect again like this one.
    // node-postgres's result (this test runs on PostgreSQL only).
    const killed = (await db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = ${LISTENER_APPLICATION_NAME} and pid <> pg_backend_pid()`,
    )) as unknown as { rows: unknown[] };
    expect(killed.rows.length).toBeGreaterThan(0);
    // Committed while no one listens: the notification is lost; reconnecting claims it anyway.
    const eventId = await commit();
    await waitFor(() => arrived(eventId), 10_000, 'the delivery after reconnecting');
    const next = await commit();
    await waitFor(() => arrived(next), 10_000, 'the next delivery, by notification');
  });
});
