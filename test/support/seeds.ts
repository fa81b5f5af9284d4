// Request bodies copied verbatim from the reference API pages this API follows (numbered 000-004),
// for the unit and
// end-to-end API tests. Strings where the seed shows a literal curl body, byte for byte.

/** Seed 001 "Quick start" (curl -d). */
export const SEED_001_QUICK_START = `{
    "setup_link": {
      "success_redirect_url": "https://your-app.com/whatsapp/success",
      "failure_redirect_url": "https://your-app.com/whatsapp/failed"
    }
  }`;

/** Seed 001 "Full example" (the object passed to JSON.stringify). */
export const SEED_001_FULL_EXAMPLE = {
  setup_link: {
    language: 'es',
    success_redirect_url: 'https://app.example.com/onboarding/complete',
    failure_redirect_url: 'https://app.example.com/onboarding/error',
    allowed_connection_types: ['dedicated'],
    provision_phone_number: true,
    phone_number_country_isos: ['US'],
    theme_config: {
      primary_color: '#10b981',
      background_color: '#ffffff',
      text_color: '#111827',
    },
  },
};

/** Seed 002 create body (curl --data), its "<string>" placeholders included. */
export const SEED_002_WHATSAPP_CONFIG = `{
"whatsapp_config": {
"name": "WhatsApp Business Account",
"phone_number_id": "1234567890",
"business_account_id": "98765432109",
"webhook_verify_token": "<string>",
"webhook_destination_url": "<string>",
"access_token": "<string>"
}
}`;

/** Seed 003 create body (curl --data); its example agent_id is replaced with a real one by the tests. */
export const SEED_003_SANDBOX_SESSION = `{
"whatsapp_sandbox_session": {
"phone_number": "+12345678901",
"agent_id": "123e4567-e89b-12d3-a456-426614174000"
}
}`;
export const SEED_003_AGENT_ID = '123e4567-e89b-12d3-a456-426614174000';
