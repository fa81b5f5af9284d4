import { afterEach, describe, expect, it } from 'vitest';
import { GET as openLinkRoute } from '@/app/s/[token]/route';
import { POST as postComplete } from '@/app/setup/complete/route';
import { POST as postProgress } from '@/app/setup/progress/route';
import { env } from '@/lib/server/env';
import { parseTrustedProxies } from '@/lib/server/http/client-ip';
import { apiClient } from '../support/api-client';
import { hostedEndpointsSuite, hostedRequest } from '../support/hosted-request';
import { paths, routes } from '../support/routes';

// SPEC section 12: the limits, each set tight here (vitest.config.ts raises them for other tests),
// with windows long enough that no request of a test falls into a later window.
const defaults = structuredClone({ rateLimits: env.rateLimits });
const trustedDefault = env.trustedProxies;
afterEach(() => {
  Object.assign(env.rateLimits, defaults.rateLimits);
  env.trustedProxies = trustedDefault;
});

const { suite, newLink } = hostedEndpointsSuite();
// A documentation address per test, so tests never share an IP budget (also on one PostgreSQL).
const freshIp = () => `198.51.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

async function expectRateLimited(res: Response) {
  expect(res.status).toBe(429);
  const retryAfter = res.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  const body = await res.json();
  expect(body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limited', request_id: expect.any(String) });
  expect(res.headers.get('x-request-id')).toBe(body.error.request_id);
  return body;
}

describe('per API key', () => {
  it('answers 429 with Retry-After and the envelope over the budget; another key is unaffected', async () => {
    Object.assign(env.rateLimits, { apiPerSecond: 3, apiWindowSeconds: 120 });
    const first = await apiClient();
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const a = await first.api(routes.customers, 'GET', paths.customers());
      statuses.push(a.status);
      expect(a.headers.get('ratelimit-limit')).toBe('3');
      expect(a.headers.get('ratelimit-remaining')).toBe(String(2 - i));
    }
    expect(statuses).toEqual([200, 200, 200]);
    // Refused before the handler: the customer is not created.
    const url = `http://localhost:3000/platform/v1${paths.customers()}`;
    const post = new Request(url, {
      method: 'POST',
      headers: { 'X-API-Key': first.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ customer: { name: 'Over budget' } }),
    });
    const refused = await routes.customers.POST(post);
    const body = await expectRateLimited(refused);
    expect(body.error.message).toMatch(/API key/);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    const second = await apiClient();
    const list = await second.api(routes.customers, 'GET', paths.customers());
    expect(list.status).toBe(200);
    Object.assign(env.rateLimits, defaults.rateLimits);
    const names = (await first.api(routes.customers, 'GET', paths.customers())).body.data.map(
      (c: { name: string }) => c.name,
    );
    expect(names).not.toContain('Over budget');
  });
});

const openLink = (ip: string | null, token = `sl_${'A'.repeat(43)}`) =>
  openLinkRoute(new Request(`http://localhost:3000/s/${token}`, { headers: ip ? { 'x-forwarded-for': ip } : {} }), {
    params: Promise.resolve({ token }),
  });

describe('per client IP', () => {
  it('GET /s/{token}: 429 over the budget, other clients unaffected', async () => {
    Object.assign(env.rateLimits, { ipPerMinute: 3, ipWindowSeconds: 600 });
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect((await openLink(ip)).status).toBe(303);
    const body = await expectRateLimited(await openLink(ip));
    expect(body.error.message).toMatch(/network/);
    expect((await openLink(freshIp())).status).toBe(303);
  });

  it('a /setup endpoint: 429 over the budget, in the envelope, not cached', async () => {
    Object.assign(env.rateLimits, { ipPerMinute: 2, ipWindowSeconds: 600 });
    const ip = freshIp();
    const { token, link, attemptId } = await newLink();
    const progress = () => {
      const body = { setup_link_id: link.id, attempt_id: attemptId, step: 'opened' };
      const req = hostedRequest('/setup/progress', body, { token });
      req.headers.set('x-forwarded-for', ip);
      return postProgress(req);
    };
    expect((await progress()).status).toBe(204);
    expect((await progress()).status).toBe(204);
    const refused = await progress();
    await expectRateLimited(refused);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('X-Forwarded-For from an untrusted peer is ignored: the client cannot pick a new address', async () => {
    Object.assign(env.rateLimits, { ipPerMinute: 2, ipWindowSeconds: 600 });
    const peer = freshIp();
    expect((await openLink(`1.1.1.1, ${peer}`)).status).toBe(303);
    expect((await openLink(`2.2.2.2, ${peer}`)).status).toBe(303);
    await expectRateLimited(await openLink(`3.3.3.3, ${peer}`));
  });

  it('X-Forwarded-For through a trusted proxy is honoured: each client has its own budget', async () => {
    Object.assign(env.rateLimits, { ipPerMinute: 2, ipWindowSeconds: 600 });
    env.trustedProxies = parseTrustedProxies('192.0.2.0/24, 2001:db8:ffff::1');
    const [a, b] = [freshIp(), freshIp()];
    for (let i = 0; i < 2; i++) expect((await openLink(`${a}, 192.0.2.10`)).status).toBe(303);
    await expectRateLimited(await openLink(`${a}, 192.0.2.10`));
    await expectRateLimited(await openLink(`${a}, 192.0.2.77, 2001:db8:ffff::1`));
    expect((await openLink(`${b}, 192.0.2.10`)).status).toBe(303);
  });
});

describe('per link, on completion', () => {
  it('refuses the completion over the link’s budget before any call to Meta', async () => {
    Object.assign(env.rateLimits, { completionsPerLink: 2, completionWindowSeconds: 600 });
    const link = await newLink();
    let attemptId = link.attemptId;
    const complete = async () => {
      const d = await suite.meta.dialog('token_exchange_error');
      const body = {
        setup_link_id: link.link.id,
        attempt_id: attemptId,
        connection_type: 'dedicated',
        outcome: 'finish',
        code: d.code,
        ...d.data,
      };
      return postComplete(hostedRequest('/setup/complete', body, { token: link.token }));
    };
    for (let i = 0; i < 2; i++) {
      const res = await complete();
      expect(res.status).toBe(200);
      const answer = await res.json();
      expect(answer).toMatchObject({ status: 'failed', error_code: 'token_exchange_failed' });
      attemptId = answer.next_attempt_id;
    }
    const calls = async () => (await (await fetch(`${suite.meta.emulator.url}/_emulator/calls`)).json()).calls;
    const before = await calls();
    const body = await expectRateLimited(await complete());
    expect(body.error.message).toMatch(/setup link/);
    // The dialog itself is the test's own call; the app called nothing.
    const after = await calls();
    const appCalls = (c: Record<string, number>) =>
      Object.fromEntries(Object.entries(c).filter(([k]) => !/dialog/i.test(k)));
    expect(appCalls(after)).toEqual(appCalls(before));
  });
});
