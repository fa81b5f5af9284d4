import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret } from '@/lib/server/crypto';
import { webhookDeliveries, webhookEndpoints } from '@/lib/server/db/schema';
import { queueEvent } from '@/lib/server/events';
import type { WebhookEndpointId } from '@/lib/server/ids';
import { EVENT_TYPES } from '@/lib/shared/vocabulary';
import { apiClient } from '../support/api-client';
import { startReceiver } from '../support/receiver';
import { paths, routes } from '../support/routes';

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => (receiver = await startReceiver()));
afterAll(() => receiver.close());

describe('webhooks API', () => {
  it('creates (secret once), reads, updates, lists and deletes endpoints', async () => {
    const { api, db } = await apiClient();
    const created = await api(routes.webhooks, 'POST', paths.webhooks(), {
      body: { webhook: { url: 'https://hooks.example.com/wa', events: ['*'], description: ' CRM ' } },
    });
    expect(created.status).toBe(201);
    const w = created.body.data;
    expect(w).toMatchObject({
      object: 'webhook',
      url: 'https://hooks.example.com/wa',
      events: ['*'],
      active: true,
      description: 'CRM',
    });
    expect(w.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(w.created_at).toMatch(RFC3339);
    // Stored encrypted, never in clear.
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, w.id));
    expect(row.secretEnc).not.toContain(w.secret.slice(6));
    expect(decryptSecret(row.secretEnc, { column: 'webhook_endpoints.secret_enc', row: row.id })).toBe(w.secret);

    const got = await api(routes.webhook, 'GET', paths.webhook(w.id), { params: { id: w.id } });
    expect(got.status).toBe(200);
    expect(got.body.data.secret).toBeUndefined();
    const { secret: _secret, ...withoutSecret } = w;
    expect(got.body.data).toEqual(withoutSecret);

    const patched = await api(routes.webhook, 'PATCH', paths.webhook(w.id), {
      params: { id: w.id },
      body: { events: ['setup_link.used', 'whatsapp.phone_number.created'], active: false },
    });
    expect(patched.body.data).toMatchObject({
      events: ['setup_link.used', 'whatsapp.phone_number.created'],
      active: false,
      description: 'CRM',
    });
    expect(patched.body.data.secret).toBeUndefined();

    const second = await api(routes.webhooks, 'POST', paths.webhooks(), {
      body: { url: 'https://two.example.com/', events: ['setup_link.created'] },
    });
    const list = await api(routes.webhooks, 'GET', paths.webhooks());
    expect(list.body.meta).toEqual({ page: 1, per_page: 20, total_pages: 1, total_count: 2 });
    expect(list.body.data.map((x: { id: string }) => x.id)).toEqual([second.body.data.id, w.id]);
    expect(list.body.data.every((x: object) => !('secret' in x))).toBe(true);

    const del = await api(routes.webhook, 'DELETE', paths.webhook(w.id), { params: { id: w.id } });
    expect(del.status).toBe(204);
    expect((await api(routes.webhook, 'GET', paths.webhook(w.id), { params: { id: w.id } })).status).toBe(404);
  });

  it('rotates the secret: the new one is answered once and stored', async () => {
    const { api, db } = await apiClient();
    const w = (await api(routes.webhooks, 'POST', paths.webhooks(), { body: { url: receiver.url, events: ['*'] } }))
      .body.data;
    const rotated = await api(routes.rotateSecret, 'POST', paths.rotateSecret(w.id), { params: { id: w.id } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.secret).toMatch(/^whsec_/);
    expect(rotated.body.data.secret).not.toBe(w.secret);
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, w.id));
    expect(decryptSecret(row.secretEnc, { column: 'webhook_endpoints.secret_enc', row: row.id })).toBe(
      rotated.body.data.secret,
    );
  });

  it('validates url, events and fields (422), and refuses private addresses', async () => {
    const { api } = await apiClient();
    const post = (webhook: unknown) => api(routes.webhooks, 'POST', paths.webhooks(), { body: { webhook } });
    const cases: Array<[unknown, string, string]> = [
      [{ events: ['*'] }, 'missing_parameter', 'webhook.url'],
      [{ url: 'https://a.example.com' }, 'missing_parameter', 'webhook.events'],
      [{ url: 'ftp://a.example.com', events: ['*'] }, 'invalid_url', 'webhook.url'],
      [{ url: 'http://a.example.com', events: ['*'] }, 'invalid_url', 'webhook.url'],
      [{ url: 'https://u:p@a.example.com', events: ['*'] }, 'invalid_url', 'webhook.url'],
      [{ url: 'https://a.example.com', events: [] }, 'invalid_parameter', 'webhook.events'],
      [{ url: 'https://a.example.com', events: ['setup_link.nope'] }, 'unknown_event_type', 'webhook.events.0'],
      [{ url: 'https://a.example.com', events: ['*', 'setup_link.used'] }, 'invalid_parameter', 'webhook.events'],
      [{ url: 'https://a.example.com', events: 'setup_link.used' }, 'invalid_parameter', 'webhook.events'],
      [{ url: 'https://a.example.com', events: ['*'], secret: 'whsec_x' }, 'unknown_parameter', 'webhook.secret'],
      [{ url: 'https://a.example.com', events: ['*'], active: 'yes' }, 'invalid_parameter', 'webhook.active'],
    ];
    for (const [body, code, param] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error, JSON.stringify(body)).toMatchObject({ code, param });
    }
    for (const url of [
      'https://10.1.2.3/hook',
      'https://172.16.0.1/',
      'https://192.168.1.10/',
      'https://169.254.169.254/latest/meta-data',
      'https://[fd00:ec2::254]/',
      'https://[fe80::1]/',
      'https://[fc00::1]/',
      'https://0.0.0.0/',
      'https://[::ffff:10.0.0.1]/',
    ]) {
      const res = await post({ url, events: ['*'] });
      expect(res.status, url).toBe(422);
      expect(res.body.error, url).toMatchObject({ code: 'webhook_url_not_allowed', param: 'url' });
    }
    // Every event type of the vocabulary is accepted.
    expect((await post({ url: 'https://a.example.com', events: [...EVENT_TYPES] })).status).toBe(201);
  });

  it('keeps endpoints and deliveries inside their project (404), and 404s non-UUID ids', async () => {
    const a = await apiClient();
    const b = await apiClient();
    const w = (await a.api(routes.webhooks, 'POST', paths.webhooks(), { body: { url: receiver.url, events: ['*'] } }))
      .body.data;
    for (const [r, method, path] of [
      [routes.webhook, 'GET', paths.webhook(w.id)],
      [routes.webhook, 'PATCH', paths.webhook(w.id)],
      [routes.webhook, 'DELETE', paths.webhook(w.id)],
      [routes.rotateSecret, 'POST', paths.rotateSecret(w.id)],
      [routes.webhookTest, 'POST', paths.webhookTest(w.id)],
      [routes.deliveries, 'GET', paths.deliveries(w.id)],
    ] as const) {
      const res = await b.api(r, method, path, { params: { id: w.id }, body: method === 'PATCH' ? {} : undefined });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'resource_not_found', param: 'id' });
    }
    expect((await a.api(routes.webhook, 'GET', paths.webhook('nope'), { params: { id: 'nope' } })).status).toBe(404);
    const retry = await a.api(routes.retryDelivery, 'POST', paths.retryDelivery('x'), { params: { id: 'x' } });
    expect(retry.status).toBe(404);
  });

  it('fans events out to subscribed active endpoints only; lists deliveries newest first, filtered by status', async () => {
    const { api, db, project } = await apiClient();
    const mk = async (body: object) =>
      (await api(routes.webhooks, 'POST', paths.webhooks(), { body: { webhook: body } })).body.data;
    const all = await mk({ url: receiver.url, events: ['*'] });
    const used = await mk({ url: receiver.url, events: ['setup_link.used'] });
    const off = await mk({ url: receiver.url, events: ['*'], active: false });
    const scope = { db, projectId: project.id };
    await queueEvent(scope, { type: 'setup_link.created', payload: { n: 1 } });
    await queueEvent(scope, { type: 'setup_link.used', payload: { n: 2 } });
    const count = async (id: string) =>
      (
        await db
          .select()
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.endpointId, id as WebhookEndpointId))
      ).length;
    expect([await count(all.id), await count(used.id), await count(off.id)]).toEqual([2, 1, 0]);

    const list = await api(routes.deliveries, 'GET', paths.deliveries(all.id), { params: { id: all.id } });
    expect(list.body.meta.total_count).toBe(2);
    expect(list.body.data.map((d: { event_type: string }) => d.event_type)).toEqual([
      'setup_link.used',
      'setup_link.created',
    ]);
    expect(list.body.data[0]).toMatchObject({
      object: 'webhook_delivery',
      webhook_id: all.id,
      status: 'pending',
      attempts: 0,
      last_status_code: null,
      delivered_at: null,
    });
    const failed = await api(routes.deliveries, 'GET', paths.deliveries(all.id), {
      params: { id: all.id },
      query: { status: 'failed' },
    });
    expect(failed.body.data).toEqual([]);
    const bad = await api(routes.deliveries, 'GET', paths.deliveries(all.id), {
      params: { id: all.id },
      query: { status: 'lost' },
    });
    expect(bad.body.error).toMatchObject({ code: 'invalid_parameter', param: 'status' });
  });

  it('POST /webhooks/{id}/test sends webhook.test to that endpoint alone and answers the delivery', async () => {
    const { api } = await apiClient();
    const w = (await api(routes.webhooks, 'POST', paths.webhooks(), { body: { url: receiver.url, events: ['*'] } }))
      .body.data;
    const other = (await api(routes.webhooks, 'POST', paths.webhooks(), { body: { url: receiver.url, events: ['*'] } }))
      .body.data;
    const before = receiver.received.length;
    const res = await api(routes.webhookTest, 'POST', paths.webhookTest(w.id), { params: { id: w.id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      object: 'webhook_delivery',
      webhook_id: w.id,
      event_type: 'webhook.test',
      status: 'succeeded',
      attempts: 1,
      last_status_code: 200,
      next_attempt_at: null,
    });
    expect(res.body.data.delivered_at).toMatch(RFC3339);
    expect(receiver.received.length).toBe(before + 1);
    const got = receiver.received.at(-1)!;
    expect(got.headers['x-webhook-event']).toBe('webhook.test');
    expect(JSON.parse(got.body)).toMatchObject({ type: 'webhook.test', data: { webhook: { id: w.id } } });
    expect(got.body).not.toContain('whsec_');
    const otherLog = await api(routes.deliveries, 'GET', paths.deliveries(other.id), { params: { id: other.id } });
    expect(otherLog.body.data).toEqual([]);
    // A succeeded delivery is not retried.
    const again = await api(routes.retryDelivery, 'POST', paths.retryDelivery(res.body.data.id), {
      params: { id: res.body.data.id },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('delivery_already_succeeded');
  });

  it('answers 405 with Allow for methods a webhook route does not serve', async () => {
    const { api } = await apiClient();
    const res = await api(routes.webhooks, 'PUT', paths.webhooks());
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, POST');
  });
});
