import 'server-only';

// Example API objects for the document. Field values follow the reference pages this API follows
// (seeds 000-004, named in each example's `source`; their request bodies are in
// test/support/seeds.ts), with their "<string>" placeholders and non-UUID ids replaced by values
// the API really answers: test/api-docs/examples.test.ts parses each one with its schema.

const T = '2023-11-07T05:31:56Z';
const LATER = '2023-12-07T05:31:56Z';
export const IDS = {
  customer: '5a7b3c1d-2e4f-4a6b-8c9d-0e1f2a3b4c5d',
  setupLink: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  config: '7e1d2c3b-4a5f-4e6d-9c8b-7a6f5e4d3c2b',
  webhook: '9f8e7d6c-5b4a-4398-8776-655443322110',
  delivery: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e',
  event: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  project: '9d1e2f3a-4b5c-4d6e-8f7a-6b5c4d3e2f1a',
  agent: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
  session: '123e4567-e89b-12d3-a456-426614174000',
  number: '6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b',
} as const;

export const customer = {
  id: IDS.customer,
  object: 'customer',
  name: 'Pizza Palace',
  external_customer_id: 'crm-42',
  created_at: T,
  updated_at: T,
};

/** Seed 000's list item (a provisioning link, seed 001's full example). */
export const setupLink = {
  id: IDS.setupLink,
  object: 'setup_link',
  customer_id: IDS.customer,
  status: 'active',
  revoked: false,
  url: 'https://links.example.com/s/sl_9mK2pQ7vX4tR8wY1zA6bC3dE5fG0hJ',
  created_at: T,
  updated_at: T,
  expires_at: LATER,
  used_at: null,
  revoked_at: null,
  success_redirect_url: 'https://app.example.com/onboarding/complete',
  failure_redirect_url: 'https://app.example.com/onboarding/error',
  allowed_connection_types: ['dedicated'],
  language: 'es',
  theme_config: { primary_color: '#10b981', background_color: '#ffffff', text_color: '#111827' },
  provision_phone_number: true,
  phone_number_country_isos: ['US'],
  phone_number_area_code: '415',
  provisioned_phone_number: {
    id: IDS.number,
    phone_number: '+14155550123',
    status: 'active',
    area_code: '415',
    country_iso: 'US',
    country_dial_code: '+1',
    display_number: '+1 415 555 0123',
  },
  whatsapp_setup_status: 'pending',
  whatsapp_setup_error: null,
  last_step: 'opened',
  opened_at: T,
  whatsapp_config_id: null,
  phone_number_id: null,
  business_account_id: null,
  display_phone_number: null,
  metadata: { crm_account: '42' },
  reconnect_phone_number: null,
};

/** Seed 004: a revoked link (DELETE answers 200 with the link). */
export const revokedLink = { ...setupLink, status: 'revoked', revoked: true, revoked_at: LATER, updated_at: LATER };

/** Seed 002's answer, in this API's fields (secrets are write-only: only whether they are set). */
export const whatsappConfig = {
  id: IDS.config,
  object: 'whatsapp_config',
  name: 'Client WhatsApp',
  display_name: 'Client WhatsApp (+1234567890)',
  customer_id: IDS.customer,
  phone_number_id: '1234567890',
  business_account_id: '98765432109',
  display_phone_number: '+1234567890',
  verified_name: null,
  connection_type: null,
  setup_link_id: null,
  webhook_destination_url: null,
  webhook_verify_token_set: true,
  access_token_set: true,
  created_at: T,
  updated_at: T,
};

export const webhook = {
  id: IDS.webhook,
  object: 'webhook',
  url: 'https://app.example.com/hooks/wa',
  events: ['setup_link.used', 'whatsapp.phone_number.created'],
  active: true,
  description: null,
  created_at: T,
  updated_at: T,
};
export const webhookWithSecret = { ...webhook, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' };

export const delivery = {
  id: IDS.delivery,
  object: 'webhook_delivery',
  webhook_id: IDS.webhook,
  event_id: IDS.event,
  event_type: 'setup_link.used',
  status: 'succeeded',
  attempts: 1,
  last_status_code: 204,
  last_error: null,
  next_attempt_at: null,
  created_at: T,
  delivered_at: T,
};

export const linkEvent = {
  id: IDS.event,
  object: 'event',
  type: 'setup_link.opened',
  created_at: T,
  data: { project: { id: IDS.project }, customer: { id: IDS.customer }, setup_link: { id: IDS.setupLink } },
  deliveries: [
    {
      id: IDS.delivery,
      webhook_id: IDS.webhook,
      status: 'succeeded',
      attempts: 1,
      last_status_code: 204,
      last_error: null,
      next_attempt_at: null,
      delivered_at: T,
    },
  ],
};

const agentFields = {
  name: 'Customer Support Agent',
  description: 'Handles initial customer support queries',
  project_id: IDS.project,
  created_at: T,
  updated_at: T,
};
export const agent = { id: IDS.agent, object: 'agent', ...agentFields };

/** Seed 003's answer (the agent's ids made UUIDs; seed "ABC123" has a 1, which codes never use). */
export const sandboxSession = {
  id: IDS.session,
  phone_number: '+12345678901',
  status: 'pending_activation',
  activation_code: 'ABC234',
  activation_message: 'Your WhatsApp Sandbox activation code is: ABC234',
  activation_link: 'https://wa.me/12345678901?text=ABC234',
  activated_at: null,
  expires_at: T,
  created_at: T,
  updated_at: T,
  agent: { id: IDS.agent, ...agentFields },
};

export const sandboxMessage = {
  id: 'wamid.HBgLMTIzNDU2Nzg5MDEVAgARGBI',
  object: 'sandbox_message',
  session_id: IDS.session,
  to: '+12345678901',
  text: 'Hi! How can I help?',
  created_at: T,
};

export const twilioCredentials = {
  object: 'twilio_credentials',
  account_sid: 'AC0123456789abcdef0123456789abcdef',
  configured: true,
};

export const project = {
  id: IDS.project,
  object: 'project',
  name: 'Acme',
  theme_config: { primary_color: '#10b981' },
  created_at: T,
};
