import { describe, expect, it } from 'vitest';
import { testProject } from '@/test/support/fixtures';
import { insertTestLink } from '@/test/support/onboarding';
import { recordLinkStep } from '../setup-links/write-progress';
import { createWebhookEndpoint } from '../webhooks/write';
import { listLinkEvents } from './queries';
import { linkEventOutput, toApiLinkEvent } from './schema';

describe('link event output schema', () => {
  it('describes exactly what the serializer returns, with and without deliveries', async () => {
    const { db, project } = await testProject();
    const scope = { db, projectId: project.id };
    const { link } = await insertTestLink(db, project.id);
    await recordLinkStep(scope, { setupLinkId: link.id, step: 'opened' });
    await createWebhookEndpoint(scope, { input: { url: 'https://hooks.example.com/', events: ['*'] } });
    await recordLinkStep(scope, { setupLinkId: link.id, step: 'facebook_opened', connectionType: 'dedicated' });
    const page = { page: 1, perPage: 20 };
    const { items } = await listLinkEvents(scope, { customerId: link.customerId, setupLinkId: link.id, page });
    expect(items.map((e) => e.deliveries.length)).toEqual([0, 1]);
    for (const event of items) {
      const api = toApiLinkEvent(event);
      expect(linkEventOutput.parse(api)).toEqual(api);
    }
  });
});
