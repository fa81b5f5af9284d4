import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupLinks, webhookEndpoints, whatsappConfigs } from '@/lib/server/db/schema';
import { env } from '@/lib/server/env';
import { checkUrl, STRICT_RULES } from '@/lib/server/redirect-url';
import { classifyHost } from '@/lib/server/security/network-address';
import { apiClient } from '../support/api-client';
import { paths, routes } from '../support/routes';
import { BYPASS, LOOPBACK_AS_WRITTEN, PUBLIC_AS_WRITTEN } from './redirect-bypass-strings';

// 0 accepted redirect URLs that a browser would read as another URL or that reach an internal
// host. Through the real create endpoint (these tests run in dev mode: loopback hosts written
// exactly as browsers read them are allowed there), and under the production rules.

const sendsElsewhere = (input: string) => {
  try {
    return new URL(input).href !== input;
  } catch {
    return true;
  }
};

describe('redirect URL bypass strings', () => {
  it(`has 60+ strings, each refused with 422 invalid_url through the API, nothing created`, async () => {
    expect(BYPASS.length).toBeGreaterThanOrEqual(60);
    expect(env.devMode).toBe(true);
    const { api, db, newCustomer } = await apiClient();
    const c = await newCustomer();
    const accepted: string[] = [];
    for (const [i, url] of [...BYPASS, ...LOOPBACK_AS_WRITTEN, ...PUBLIC_AS_WRITTEN].entries()) {
      const field = i % 2 ? 'failure_redirect_url' : 'success_redirect_url';
      const res = await api(routes.setupLinks, 'POST', paths.setupLinks(c.id), {
        params: { customerId: c.id },
        body: { setup_link: { [field]: url } },
      });
      if (res.status === 201) {
        accepted.push(url);
        // Accepted: stored as written, exactly where a browser goes, and not internal (dev: loopback).
        expect(sendsElsewhere(url), url).toBe(false);
        expect(res.body.data[field], url).toBe(url);
        expect(['public', 'loopback'], url).toContain(classifyHost(new URL(url).hostname));
        continue;
      }
      expect(res.status, url).toBe(422);
      expect(res.body.error, url).toMatchObject({
        type: 'invalid_request_error',
        code: 'invalid_url',
        param: `setup_link.${field}`,
        request_id: expect.any(String),
      });
      expect(res.body.error.message, url).toMatch(new RegExp(`^setup_link\\.${field}: `));
    }
    expect(accepted.sort()).toEqual([...LOOPBACK_AS_WRITTEN, ...PUBLIC_AS_WRITTEN].sort());
    const stored = await db.select().from(setupLinks).where(eq(setupLinks.customerId, c.id));
    expect(stored).toHaveLength(accepted.length);
  });

  it('shows the normalized form when a browser would read the URL differently', async () => {
    const { api, newCustomer } = await apiClient();
    const c = await newCustomer();
    const res = await api(routes.setupLinks, 'POST', paths.setupLinks(c.id), {
      params: { customerId: c.id },
      body: { setup_link: { success_redirect_url: 'https://ｅｖｉｌ。com/done' } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('"https://evil.com/done"');
  });

  it('under the production rules accepts only public hosts written as browsers read them', () => {
    for (const url of [...BYPASS, ...LOOPBACK_AS_WRITTEN, '\u0000https://evil.com/', 'https://evil.com/\u0000']) {
      const result = checkUrl(url, STRICT_RULES);
      expect(result, url).toHaveProperty('refusal');
    }
    for (const url of PUBLIC_AS_WRITTEN) {
      expect(checkUrl(url, STRICT_RULES), url).toEqual({ href: url });
      expect(classifyHost(new URL(url).hostname)).toBe('public');
    }
  });

  it('refuses the same strings as webhook_destination_url and as webhook endpoint URLs, nothing stored', async () => {
    const { api, db, project, newCustomer } = await apiClient();
    const c = await newCustomer();
    const config = (url: string) => ({
      name: 'Support',
      phone_number_id: '106540352242922',
      business_account_id: '102290129340398',
      access_token: 'EAAtesttoken',
      webhook_destination_url: url,
    });
    const samples = BYPASS.filter((_, i) => i % 3 === 0);
    for (const url of samples) {
      const res = await api(routes.configs, 'POST', paths.configs(c.id), {
        params: { customerId: c.id },
        body: { whatsapp_config: config(url) },
      });
      expect(res.status, url).toBe(422);
      expect(['invalid_url', 'webhook_url_not_allowed'], url).toContain(res.body.error.code);
      expect(res.body.error.param, url).toBe('whatsapp_config.webhook_destination_url');
    }
    // Internal hosts (loopback allowed in dev mode): webhook_url_not_allowed.
    for (const url of [
      'https://10.0.0.1/hook',
      'https://169.254.169.254/',
      'https://db.internal/h',
      'https://[fc00::1]/',
    ]) {
      const res = await api(routes.configs, 'POST', paths.configs(c.id), {
        params: { customerId: c.id },
        body: { whatsapp_config: config(url) },
      });
      expect(res.body.error, url).toMatchObject({ code: 'webhook_url_not_allowed' });
    }
    // Endpoint hosts are judged with their DNS answers (lib/server/webhooks/write.ts): another
    // spelling of a loopback address passes in dev mode, stored as browsers and our client read it.
    const stored: string[] = [];
    for (const url of samples) {
      const res = await api(routes.webhooks, 'POST', paths.webhooks(), { body: { webhook: { url, events: ['*'] } } });
      if (res.status === 201) {
        expect(classifyHost(new URL(url).hostname), url).toBe('loopback');
        expect(res.body.data.url, url).toBe(new URL(url).href);
        stored.push(res.body.data.url);
        continue;
      }
      expect(res.status, url).toBe(422);
      expect(['invalid_url', 'webhook_url_not_allowed'], url).toContain(res.body.error.code);
    }
    expect(await db.select().from(whatsappConfigs).where(eq(whatsappConfigs.customerId, c.id))).toEqual([]);
    const endpoints = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.projectId, project.id));
    expect(endpoints.map((e) => e.url).sort()).toEqual(stored.sort());
    expect(stored.length).toBeLessThan(samples.length / 4);
  });
});
