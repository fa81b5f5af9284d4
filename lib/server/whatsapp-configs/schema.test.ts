import { describe, expect, it } from 'vitest';
import { testProject } from '@/test/support/fixtures';
import { createCustomer } from '../customers/write';
import { createSetupLink } from '../setup-links/write';
import { setupLinkCreateSchema } from '../setup-links/schema';
import { toApiWhatsappConfig, whatsappConfigEvent, whatsappConfigOutput } from './schema';
import { createWhatsappConfig, insertWhatsappConfig } from './write';

describe('whatsappConfigOutput', () => {
  it('describes exactly what toApiWhatsappConfig returns, for configs by hand and from a link', async () => {
    const { db, project } = await testProject();
    const scope = { db, projectId: project.id };
    const customer = await createCustomer(scope, { input: { name: 'Schema Co' } });
    const byHand = await createWhatsappConfig(scope, {
      customerId: customer.id,
      input: {
        name: 'Support',
        phone_number_id: '1234567890',
        business_account_id: '98765432109',
        access_token: 'EAAsecret',
        webhook_verify_token: 'verify',
        webhook_destination_url: 'https://partner.example/hooks',
        display_phone_number: '+1 415 555 0100',
      },
    });
    const link = await createSetupLink(scope, { customerId: customer.id, input: setupLinkCreateSchema.parse({}) });
    const fromLink = await insertWhatsappConfig(scope, {
      customerId: customer.id,
      config: {
        name: 'Bakery',
        phoneNumberId: '555',
        businessAccountId: '1000',
        displayPhoneNumber: '+15550001',
        verifiedName: 'Bakery',
        accessToken: 'EAAother',
        webhookVerifyToken: null,
        webhookDestinationUrl: null,
        pin: '123456',
        connectionType: 'dedicated',
        setupLinkId: link.id,
      },
    });
    for (const config of [byHand, fromLink]) {
      const api = toApiWhatsappConfig(config);
      expect(whatsappConfigOutput.parse(api)).toEqual(api);
      expect(whatsappConfigOutput.parse(whatsappConfigEvent(config).whatsapp_config)).toEqual(api);
    }
  });
});
