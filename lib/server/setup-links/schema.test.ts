import { describe, expect, it } from 'vitest';
import { testProject } from '@/test/support/fixtures';
import { createCustomer } from '../customers/write';
import { insertWhatsappConfig } from '../whatsapp-configs/write';
import { setupLinkCreateSchema, setupLinkOutput, toApiSetupLink } from './schema';
import { createSetupLink, markLinkUsed, revokeSetupLink } from './write';

describe('setupLinkOutput', () => {
  it('describes exactly what toApiSetupLink returns: active, revoked and used links', async () => {
    const { db, project } = await testProject();
    const scope = { db, projectId: project.id };
    const customer = await createCustomer(scope, { input: { name: 'Schema Co' } });
    const create = (body: Record<string, unknown>) =>
      createSetupLink(scope, { customerId: customer.id, input: setupLinkCreateSchema.parse(body) });

    const active = await create({});
    const revoked = await revokeSetupLink(scope, { customerId: customer.id, setupLinkId: active.id });
    const full = await create({
      success_redirect_url: 'https://partner.example/ok?ref=1',
      failure_redirect_url: 'https://partner.example/failed',
      allowed_connection_types: ['dedicated'],
      language: 'es',
      theme_config: { primary_color: '#10b981' },
      metadata: { plan: 'gold' },
      provision_phone_number: true,
      phone_number_area_code: '415',
      expires_in_hours: 2,
    });
    const used = await db.transaction(async (tx) => {
      const txScope = { db: tx, projectId: project.id };
      const config = await insertWhatsappConfig(txScope, {
        customerId: customer.id,
        config: {
          name: 'Bakery',
          phoneNumberId: '555',
          businessAccountId: '1000',
          displayPhoneNumber: '+15550001',
          verifiedName: 'Bakery',
          accessToken: 'EAAsecret',
          webhookVerifyToken: null,
          webhookDestinationUrl: null,
          pin: null,
          connectionType: 'dedicated',
          setupLinkId: full.id,
        },
      });
      return markLinkUsed(txScope, {
        setupLinkId: full.id,
        use: {
          whatsappConfigId: config.id,
          phoneNumberId: '555',
          businessAccountId: '1000',
          displayPhoneNumber: '+15550001',
        },
      });
    });

    expect([active, revoked, used].map((l) => l.status)).toEqual(['active', 'revoked', 'used']);
    for (const link of [active, revoked, full, used]) {
      const api = toApiSetupLink(link);
      expect(setupLinkOutput.parse(api)).toEqual(api);
    }
  });
});
