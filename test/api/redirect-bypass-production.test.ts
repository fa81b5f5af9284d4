import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The production twin of redirect-bypass.test.ts: the same strings through the real create
// endpoint with the service in production mode (set before any module reads the environment;
// vitest gives each test file its own module graph, and __env is dropped in case of a reused worker).
const saved = vi.hoisted(() => {
  const production = {
    APP_MODE: 'production',
    APP_URL: 'https://onboard.example.com',
    ENCRYPTION_KEY: `v1:${Buffer.alloc(32, 7).toString('base64')}`,
    META_APP_ID: 'test-app',
    META_APP_SECRET: 'test-secret',
    META_CONFIG_ID: 'test-config',
  };
  const before = Object.fromEntries(Object.keys(production).map((k) => [k, process.env[k]]));
  Object.assign(process.env, production);
  delete (globalThis as { __env?: unknown }).__env;
  return before;
});
// A worker reused by another file must not inherit production mode.
afterAll(() => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  delete (globalThis as { __env?: unknown }).__env;
});

const { setupLinks } = await import('@/lib/server/db/schema');
const { env } = await import('@/lib/server/env');
const { apiClient } = await import('../support/api-client');
const { paths, routes } = await import('../support/routes');
const { BYPASS, LOOPBACK_AS_WRITTEN, PUBLIC_AS_WRITTEN } = await import('./redirect-bypass-strings');

describe('redirect URL bypass strings in production mode', () => {
  it('accepts only public hosts written as browsers read them; everything else 422, nothing created', async () => {
    expect(env).toMatchObject({ mode: 'production', devMode: false, allowLocalhostRedirects: false });
    const { api, db, newCustomer } = await apiClient();
    const c = await newCustomer();
    const accepted: string[] = [];
    for (const url of [...BYPASS, ...LOOPBACK_AS_WRITTEN, ...PUBLIC_AS_WRITTEN]) {
      const res = await api(routes.setupLinks, 'POST', paths.setupLinks(c.id), {
        params: { customerId: c.id },
        body: { setup_link: { success_redirect_url: url } },
      });
      if (res.status === 201) {
        accepted.push(url);
        continue;
      }
      expect(res.status, url).toBe(422);
      expect(res.body.error, url).toMatchObject({ code: 'invalid_url', param: 'setup_link.success_redirect_url' });
    }
    expect(accepted.sort()).toEqual([...PUBLIC_AS_WRITTEN].sort());
    const stored = await db.select().from(setupLinks).where(eq(setupLinks.customerId, c.id));
    expect(stored).toHaveLength(PUBLIC_AS_WRITTEN.length);
  });

  it('refuses loopback and internal hosts for webhook_destination_url', async () => {
    const { api, newCustomer } = await apiClient();
    const c = await newCustomer();
    for (const url of [
      'https://127.0.0.1/',
      'https://localhost/',
      'https://[::1]/',
      'https://metadata.google.internal/',
    ]) {
      const res = await api(routes.configs, 'POST', paths.configs(c.id), {
        params: { customerId: c.id },
        body: {
          whatsapp_config: {
            name: 'Support',
            phone_number_id: '106540352242922',
            business_account_id: '102290129340398',
            access_token: 'EAAtesttoken',
            webhook_destination_url: url,
          },
        },
      });
      expect(res.status, url).toBe(422);
      expect(res.body.error, url).toMatchObject({
        code: 'webhook_url_not_allowed',
        param: 'whatsapp_config.webhook_destination_url',
      });
    }
  });
});
