import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { webhookDeliveries } from '@/lib/server/db/schema';
import { queueEvent } from '@/lib/server/events';
import { testProject } from '@/test/support/fixtures';
import { toApiWebhookDelivery, toApiWebhookEndpoint, webhookDeliveryOutput, webhookEndpointOutput } from './schema';
import { createWebhookEndpoint } from './write';

describe('webhook output schemas', () => {
  it('describe exactly what the serializers return', async () => {
    const { db, project } = await testProject();
    const scope = { db, projectId: project.id };
    const { endpoint, secret } = await createWebhookEndpoint(scope, {
      input: { url: 'https://hooks.example.com/', events: ['setup_link.used'], description: 'x' },
    });
    for (const api of [toApiWebhookEndpoint(endpoint), toApiWebhookEndpoint(endpoint, secret)])
      expect(webhookEndpointOutput.parse(api)).toEqual(api);
    const eventId = await queueEvent(scope, { type: 'setup_link.used', payload: {} });
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId));
    const api = toApiWebhookDelivery(delivery);
    expect(webhookDeliveryOutput.parse(api)).toEqual(api);
  });
});
