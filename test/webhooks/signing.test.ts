import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmacHex } from '@/lib/server/crypto';
import { queueEvent } from '@/lib/server/events';
import { newWebhookSecret, signedHeaders, standardSignature } from '@/lib/server/webhooks/sign';
import { startDeliveryWorker } from '@/lib/server/webhooks/worker';
import { testProject } from '../support/fixtures';
import { startReceiver, waitFor } from '../support/receiver';
import { newEndpoint } from './support';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => (receiver = await startReceiver()));
afterAll(() => receiver.close());

describe('webhook signatures', () => {
  it('passes the Standard Webhooks published test vector', () => {
    const signature = standardSignature(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      new Date(1614265330 * 1000),
      '{"test": 2432232314}',
    );
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    const headers = signedHeaders(
      {
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        msgId: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        type: 'webhook.test',
        body: '{"test": 2432232314}',
      },
      new Date(1614265330 * 1000),
    );
    expect(headers).toMatchObject({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('makes secrets Standard Webhooks accepts (whsec_ + base64 of 32 bytes)', () => {
    const secret = newWebhookSecret();
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(() => new Webhook(secret)).not.toThrow();
  });

  it('sends requests that Webhook.verify accepts, with the event header and the hex HMAC of the body', async () => {
    const { db, project } = await testProject();
    const { endpoint, secret } = await newEndpoint(db, project.id, receiver.url);
    const eventId = await queueEvent(
      { db, projectId: project.id },
      { type: 'setup_link.created', payload: { setup_link: { id: 'x' } } },
    );
    const worker = startDeliveryWorker(db, { projectId: project.id, pollMs: 20 });
    try {
      await waitFor(() => receiver.received.some((r) => r.headers['webhook-id'] === eventId), 10_000, 'delivery');
    } finally {
      await worker.stop();
    }
    const req = receiver.received.find((r) => r.headers['webhook-id'] === eventId)!;
    const verified = new Webhook(secret).verify(req.body, req.headers as Record<string, string>) as Record<
      string,
      unknown
    >;
    expect(verified).toMatchObject({ type: 'setup_link.created', data: { setup_link: { id: 'x' } } });
    expect(verified.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(req.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(req.headers['x-webhook-event']).toBe('setup_link.created');
    expect(req.headers['x-webhook-signature']).toBe(hmacHex(secret, req.body));
    expect(req.headers['content-type']).toBe('application/json');
    // A wrong secret is refused.
    expect(() => new Webhook(newWebhookSecret()).verify(req.body, req.headers as Record<string, string>)).toThrow();
    expect(endpoint.id).toBeTruthy();
  });
});
