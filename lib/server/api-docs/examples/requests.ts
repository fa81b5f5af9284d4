import 'server-only';
import type { Example } from '../operation';

// Request bodies from the seed pages (as in test/support/seeds.ts) and the README, as sent. Each
// one is run through the route's own body parser by test/api-docs/examples.test.ts.

export const CUSTOMER_CREATE: Record<string, Example> = {
  readme: {
    summary: 'A customer with your own id',
    source: 'README, API section',
    value: { customer: { name: 'Pizza Palace', external_customer_id: 'crm-42' } },
  },
};

export const SETUP_LINK_CREATE: Record<string, Example> = {
  quick_start: {
    summary: 'Quick start: redirect URLs only',
    source: 'Seed 001, "Quick start"',
    value: {
      setup_link: {
        success_redirect_url: 'https://your-app.com/whatsapp/success',
        failure_redirect_url: 'https://your-app.com/whatsapp/failed',
      },
    },
  },
  full_example: {
    summary: 'Language, one connection type, a provisioned US number and a theme',
    source: 'Seed 001, "Full example"',
    value: {
      setup_link: {
        language: 'es',
        success_redirect_url: 'https://app.example.com/onboarding/complete',
        failure_redirect_url: 'https://app.example.com/onboarding/error',
        allowed_connection_types: ['dedicated'],
        provision_phone_number: true,
        phone_number_country_isos: ['US'],
        theme_config: { primary_color: '#10b981', background_color: '#ffffff', text_color: '#111827' },
      },
    },
  },
  theme: {
    summary: 'Brand colours',
    source: 'Seed 001, "Theme customization"',
    value: {
      setup_link: {
        theme_config: {
          primary_color: '#3b82f6',
          background_color: '#ffffff',
          text_color: '#1f2937',
          muted_text_color: '#64748b',
          card_color: '#f9fafb',
          border_color: '#e5e7eb',
        },
      },
    },
  },
};

export const SETUP_LINK_UPDATE: Record<string, Example> = {
  language: {
    summary: 'Change the language',
    source: 'README, API section',
    value: { setup_link: { language: 'pt' } },
  },
};

export const WHATSAPP_CONFIG_CREATE: Record<string, Example> = {
  seed: {
    summary: 'A config written by hand',
    source: 'Seed 002 (its "<string>" placeholders as sent: a placeholder webhook URL reads as none)',
    value: {
      whatsapp_config: {
        name: 'WhatsApp Business Account',
        phone_number_id: '1234567890',
        business_account_id: '98765432109',
        webhook_verify_token: '<string>',
        webhook_destination_url: '<string>',
        access_token: '<string>',
      },
    },
  },
};

export const WEBHOOK_CREATE: Record<string, Example> = {
  readme: {
    summary: 'Two event types',
    source: 'README, Webhooks',
    value: {
      webhook: {
        url: 'https://app.example.com/hooks/wa',
        events: ['setup_link.used', 'whatsapp.phone_number.created'],
      },
    },
  },
};

export const AGENT_CREATE: Record<string, Example> = {
  seed: {
    summary: 'An agent',
    source: "Seed 003 (the session's agent)",
    value: { agent: { name: 'Customer Support Agent', description: 'Handles initial customer support queries' } },
  },
};

export const SANDBOX_SESSION_CREATE: Record<string, Example> = {
  seed: {
    summary: "A tester's phone and an agent",
    source: 'Seed 003',
    value: {
      whatsapp_sandbox_session: { phone_number: '+12345678901', agent_id: '123e4567-e89b-12d3-a456-426614174000' },
    },
  },
};

export const SANDBOX_MESSAGE_CREATE: Record<string, Example> = {
  reply: { summary: 'A reply', value: { message: { text: 'Hi! How can I help?' } } },
};

export const TWILIO_CREDENTIALS_PUT: Record<string, Example> = {
  readme: {
    summary: "The project's own Twilio account",
    source: 'README, Twilio credentials',
    value: {
      twilio_credentials: {
        account_sid: 'AC0123456789abcdef0123456789abcdef',
        auth_token: '0123456789abcdef0123456789abcdef',
      },
    },
  },
};

export const PROJECT_UPDATE: Record<string, Example> = {
  theme: { summary: 'A default theme', value: { project: { theme_config: { primary_color: '#10b981' } } } },
  clear: { summary: 'Back to the built-in theme', value: { project: { theme_config: null } } },
};
