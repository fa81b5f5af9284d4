import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRetrySchedule } from '@/lib/server/env';
import { webhookDeliveries } from '@/lib/server/db/schema';
import { queueEvent } from '@/lib/server/events';
import type { WebhookEventId } from '@/lib/server/ids';
import { retryAfterMs } from '@/lib/server/webhooks/send';
import { startDeliveryWorker, type DeliveryWorker } from '@/lib/server/webhooks/worker';
import { apiClient } from '../support/api-client';
import { startReceiver, waitFor } from '../support/receiver';
import { paths, routes } from '../support/routes';

let worker: DeliveryWorker | undefined;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  for (const close of closers.splice(0)) await close();
});

async function setup(respond: Parameters<typeof startReceiver>[0]) {
  const client = await apiClient();
  const receiver = await startReceiver(respond);
  closers.push(receiver.close);
  const w = (
    await client.api(routes.webhooks, 'POST', paths.webhooks(), {
      body: { webhook: { url: receiver.url, events: ['setup_link.created'] } },
    })
  ).body.data;
  const scope = { db: client.db, projectId: client.project.id };
  const deliveryOf = async (eventId: WebhookEventId) =>
    (await client.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId)))[0];
  return { ...client, receiver, w, scope, deliveryOf };
}

describe('retry schedule', () => {
  it('retries a 500 twice, then succeeds, with the scheduled gaps; the delivery log shows it', async () => {
    const { receiver, w, scope, db, api } = await setup((_r, n) => ({ status: n <= 2 ? 500 : 200 }));
    const eventId = await queueEvent(scope, { type: 'setup_link.created', payload: { n: 1 } });
    worker = startDeliveryWorker(db, { projectId: scope.projectId, pollMs: 10, schedule: [0.3, 0.6, 5] });
    await waitFor(() => receiver.received.length >= 3, 10_000, 'three attempts');
    await worker.stop();
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids).toEqual([eventId, eventId, eventId]); // stable across retries
    const [a, b, c] = receiver.received.map((r) => r.at);
    // ±10% jitter; the upper bounds leave room for a loaded CI machine (the next gap would be 5 s).
    expect(b - a).toBeGreaterThanOrEqual(270);
    expect(b - a).toBeLessThan(2000);
    expect(c - b).toBeGreaterThanOrEqual(540);
    expect(c - b).toBeLessThan(3000);
    const log = await api(routes.deliveries, 'GET', paths.deliveries(w.id), { params: { id: w.id } });
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({
      event_id: eventId,
      status: 'succeeded',
      attempts: 3,
      last_status_code: 200,
      last_error: null,
      next_attempt_at: null,
    });
  });

  it('honours a Retry-After longer than the schedule (seconds and HTTP date)', async () => {
    const { receiver, scope, db, deliveryOf } = await setup((_r, n) =>
      n === 1 ? { status: 503, headers: { 'Retry-After': '1' } } : { status: 200 },
    );
    const eventId = await queueEvent(scope, { type: 'setup_link.created', payload: {} });
    worker = startDeliveryWorker(db, { projectId: scope.projectId, pollMs: 10, schedule: [0.05] });
    await waitFor(() => receiver.received.length >= 1, 5000, 'first attempt');
    await waitFor(async () => (await deliveryOf(eventId)).lastStatusCode === 503, 5000, 'recorded 503');
    const pending = await deliveryOf(eventId);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
    await waitFor(() => receiver.received.length >= 2, 5000, 'second attempt');
    expect(receiver.received[1].at - receiver.received[0].at).toBeGreaterThanOrEqual(950);
    await waitFor(async () => (await deliveryOf(eventId)).status === 'succeeded', 5000, 'success');
    const t = new Date('2030-01-01T00:00:00Z');
    expect(retryAfterMs('120', t)).toBe(120_000);
    expect(retryAfterMs('Tue, 01 Jan 2030 00:02:00 GMT', t)).toBe(120_000);
    expect(retryAfterMs('soon', t)).toBeNull();
  });

  it('marks a dead endpoint failed after the last retry; POST /deliveries/{id}/retry succeeds once it is back', async () => {
    // A port with nothing listening: connection refused.
    const probe = await startReceiver();
    const port = probe.port;
    await probe.close();
    const client = await apiClient();
    const url = `http://127.0.0.1:${port}/hooks`;
    const w = (await client.api(routes.webhooks, 'POST', paths.webhooks(), { body: { url, events: ['*'] } })).body.data;
    const eventId = await queueEvent(
      { db: client.db, projectId: client.project.id },
      { type: 'setup_link.revoked', payload: {} },
    );
    worker = startDeliveryWorker(client.db, { projectId: client.project.id, pollMs: 10, schedule: [0.05, 0.05] });
    const failedLog = async () =>
      (
        await client.api(routes.deliveries, 'GET', paths.deliveries(w.id), {
          params: { id: w.id },
          query: { status: 'failed' },
        })
      ).body.data;
    await waitFor(async () => (await failedLog()).length === 1, 10_000, 'failed');
    await worker.stop();
    worker = undefined;
    const [failed] = await failedLog();
    expect(failed).toMatchObject({ event_id: eventId, attempts: 3, last_error: 'ECONNREFUSED', next_attempt_at: null });

    const back = await startReceiver(() => ({ status: 204 }), port);
    closers.push(back.close);
    const retried = await client.api(routes.retryDelivery, 'POST', paths.retryDelivery(failed.id), {
      params: { id: failed.id },
    });
    expect(retried.status).toBe(200);
    expect(retried.body.data).toMatchObject({
      id: failed.id,
      status: 'succeeded',
      attempts: 4,
      last_status_code: 204,
      last_error: null,
    });
    expect(back.received.map((r) => r.headers['webhook-id'])).toEqual([eventId]);
  });

  it('does not follow redirects, and times out slow receivers', async () => {
    const { receiver, scope, db, deliveryOf } = await setup((_r, n) =>
      n === 1 ? { status: 302, headers: { Location: 'http://127.0.0.1:1/elsewhere' } } : { status: 200, delayMs: 2000 },
    );
    const eventId = await queueEvent(scope, { type: 'setup_link.created', payload: {} });
    worker = startDeliveryWorker(db, { projectId: scope.projectId, pollMs: 10, schedule: [0.05, 60], timeoutMs: 300 });
    await waitFor(() => receiver.received.length >= 2, 5000, 'two attempts');
    await waitFor(
      async () => (await deliveryOf(eventId)).attempts === 2 && !(await deliveryOf(eventId)).leasedUntil,
      5000,
      'recorded',
    );
    const d = await deliveryOf(eventId);
    expect(d).toMatchObject({ status: 'pending', lastStatusCode: null, lastError: 'no answer within 0.3 s' });
    expect(receiver.received).toHaveLength(2);
  });
});

describe('WEBHOOK_RETRY_SCHEDULE', () => {
  it('defaults to 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h and validates overrides', () => {
    expect(parseRetrySchedule(undefined)).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(parseRetrySchedule('1, 2,0.5')).toEqual([1, 2, 0.5]);
    for (const bad of ['', 'a', '1,,2', '-1', '0', '1e3', '700000'])
      expect(() => parseRetrySchedule(bad), bad).toThrow(/WEBHOOK_RETRY_SCHEDULE/);
  });
});
