import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as postRenewal } from '@/app/setup/renewal/route';
import type { Db } from '@/lib/server/db/client';
import { setupLinks, webhookDeliveries, webhookEvents } from '@/lib/server/db/schema';
import { renewalOffer } from '@/lib/server/hosted/renewal';
import { loadSetupPage } from '@/lib/server/hosted/setup-page';
import type { ProjectId, SetupLinkId } from '@/lib/server/ids';
import { resolveLinkToken } from '@/lib/server/setup-links/resolve';
import { createWebhookEndpoint } from '@/lib/server/webhooks/write';
import type { EventType } from '@/lib/shared/vocabulary';
import { testProject } from '../support/fixtures';
import { hostedRequest } from '../support/hosted-request';
import { insertTestLink } from '../support/onboarding';

// POST /setup/renewal, called as Next calls it, and what the state page offers: the customer of a
// link that is no longer active asks the partner for a new one, through the webhook event
// setup_link.renewal_requested (once per link per hour, only when some endpoint receives it).

const next = vi.hoisted(() => ({ token: null as string | null }));
// The page model reads the link cookie through next/headers: give it this test's token.
vi.mock('next/headers', async () => {
  const { LINK_COOKIE } = await import('@/lib/server/http/link-cookie');
  return {
    cookies: async () => ({
      get: (name: string) => (name === LINK_COOKIE && next.token ? { name, value: next.token } : undefined),
    }),
  };
});

const HOUR = 3_600_000;
const EVENT = 'setup_link.renewal_requested' satisfies EventType;

let db: Db;
beforeAll(async () => {
  ({ db } = await testProject());
});
afterEach(() => {
  vi.useRealTimers();
});

// The page names its link in the body: the link of the cookie's token (setup() records it).
const linkOfToken = new Map<string, string>();
const request = (opts: Parameters<typeof hostedRequest>[2] = {}) =>
  hostedRequest('/setup/renewal', { setup_link_id: linkOfToken.get(opts.token ?? '') ?? 'none' }, opts);

async function answer(res: Response) {
  const body = (await res.json()) as { status?: string; error?: { code: string } };
  return { status: res.status, code: body.error?.code ?? body.status };
}

/** Never resolves a name to a private address: the endpoints' hosts are not looked up for real. */
const publicDns = async () => [{ address: '93.184.215.14', family: 4 }];

type Endpoint = { events: ReadonlyArray<EventType | '*'>; active?: boolean };

/** A project of its own (its endpoints decide), with a link in `values`' state and its cookie token. */
async function setup({
  endpoints = [],
  link: values = { status: 'revoked', revokedAt: new Date() },
}: {
  endpoints?: readonly Endpoint[];
  link?: Parameters<typeof insertTestLink>[2];
} = {}) {
  const { project } = await testProject();
  for (const [i, { events, active }] of endpoints.entries()) {
    await createWebhookEndpoint(
      { db, projectId: project.id },
      { input: { url: `https://hooks${i}.partner.test/in`, events: [...events], active }, resolve: publicDns },
    );
  }
  const { token, link } = await insertTestLink(db, project.id, { failureRedirectUrl: null, ...values });
  linkOfToken.set(token, link.id);
  return { token, link, projectId: project.id };
}

async function renewalEvents(projectId: ProjectId) {
  return db
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.projectId, projectId), eq(webhookEvents.type, EVENT)));
}

async function requestedAt(linkId: SetupLinkId) {
  const [row] = await db.select().from(setupLinks).where(eq(setupLinks.id, linkId));
  return row.renewalRequestedAt;
}

describe('POST /setup/renewal', () => {
  it('records one setup_link.renewal_requested per hour: 200, then 429 with Retry-After, then 200 again', async () => {
    const { token, link, projectId } = await setup({ endpoints: [{ events: [EVENT] }] });

    const first = await postRenewal(request({ token }));
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await answer(first)).toEqual({ status: 200, code: 'requested' });
    const events = await renewalEvents(projectId);
    expect(events).toHaveLength(1);
    const payload = events[0].payload as { setup_link: { id: string; status: string } };
    expect(payload.setup_link).toMatchObject({ id: link.id, status: 'revoked' });
    expect(payload.setup_link).not.toHaveProperty('url');
    expect(JSON.stringify(payload)).not.toContain(token);
    // Delivered to the subscribed endpoint.
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, events[0].id));
    expect(deliveries).toHaveLength(1);
    const at = await requestedAt(link.id);
    expect(at).toBeInstanceOf(Date);

    const again = await postRenewal(request({ token }));
    expect(await answer(again)).toEqual({ status: 429, code: 'renewal_already_requested' });
    const retryAfter = Number(again.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await renewalEvents(projectId)).toHaveLength(1);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at!.getTime() + HOUR - 60_000);
    const late = await postRenewal(request({ token }));
    expect(await answer(late)).toEqual({ status: 429, code: 'renewal_already_requested' });
    expect(late.headers.get('retry-after')).toBe('60');

    vi.setSystemTime(at!.getTime() + HOUR + 1000);
    expect(await answer(await postRenewal(request({ token })))).toEqual({ status: 200, code: 'requested' });
    expect(await renewalEvents(projectId)).toHaveLength(2);
  });

  it.each([
    ['used', { status: 'used', usedAt: new Date() }],
    ['expired', { status: 'expired' }],
    ['active but past its expiry', { status: 'active', expiresAt: new Date(Date.now() - 1000) }],
  ] as const)('accepts a %s link with a "*" endpoint', async (_name, link) => {
    const { token, projectId } = await setup({ endpoints: [{ events: ['*'] }], link });
    expect(await answer(await postRenewal(request({ token })))).toEqual({ status: 200, code: 'requested' });
    expect(await renewalEvents(projectId)).toHaveLength(1);
  });

  it.each([
    ['no endpoint', []],
    ['only an inactive endpoint', [{ events: [EVENT], active: false }]],
    ['only an endpoint of other events', [{ events: ['setup_link.revoked', 'setup_link.used'] }]],
    ['an inactive "*" endpoint', [{ events: ['*'], active: false }]],
  ] as const)('answers 409 renewal_unavailable with %s, and records nothing', async (_name, endpoints) => {
    const { token, link, projectId } = await setup({ endpoints });
    expect(await answer(await postRenewal(request({ token })))).toEqual({ status: 409, code: 'renewal_unavailable' });
    expect(await renewalEvents(projectId)).toHaveLength(0);
    expect(await requestedAt(link.id)).toBeNull();
  });

  it("is not offered by another project's endpoint", async () => {
    await setup({ endpoints: [{ events: ['*'] }] });
    const { token, projectId } = await setup();
    expect(await answer(await postRenewal(request({ token })))).toEqual({ status: 409, code: 'renewal_unavailable' });
    expect(await renewalEvents(projectId)).toHaveLength(0);
  });

  it('refuses a link that is still active (409 setup_link_active)', async () => {
    const { token, link, projectId } = await setup({ endpoints: [{ events: ['*'] }], link: {} });
    expect(await answer(await postRenewal(request({ token })))).toEqual({ status: 409, code: 'setup_link_active' });
    expect(await renewalEvents(projectId)).toHaveLength(0);
    expect(await requestedAt(link.id)).toBeNull();
  });

  it('applies the hosted guards: same origin (403), the link cookie (401), the body (422), the link (409)', async () => {
    const { token, projectId } = await setup({ endpoints: [{ events: [EVENT] }] });
    for (const opts of [{ origin: 'https://evil.example' }, { origin: null }, { site: 'cross-site' }])
      expect(await answer(await postRenewal(request({ token, ...opts }))), JSON.stringify(opts)).toEqual({
        status: 403,
        code: 'cross_site_request',
      });
    expect(await answer(await postRenewal(request()))).toEqual({ status: 401, code: 'missing_link_cookie' });
    expect(await answer(await postRenewal(request({ token, raw: '{}' })))).toMatchObject({ status: 422 });
    const extra = JSON.stringify({ setup_link_id: linkOfToken.get(token), other: 1 });
    expect(await answer(await postRenewal(request({ token, raw: extra })))).toEqual({
      status: 422,
      code: 'unknown_parameter',
    });
    // The page of another link (opened in this browser before this one): refused, nothing recorded.
    expect(await answer(await postRenewal(request({ token, raw: '{"setup_link_id":"x"}' })))).toEqual({
      status: 409,
      code: 'link_mismatch',
    });
    expect(await renewalEvents(projectId)).toHaveLength(0);
  });
});

describe('the state page', () => {
  const stateOf = async (token: string) => {
    next.token = token;
    try {
      return await loadSetupPage({ locale: 'en', userAgent: null, nonce: null });
    } finally {
      next.token = null;
    }
  };

  it('offers the button when an endpoint subscribes, then the confirmation for an hour', async () => {
    const { token, link } = await setup({ endpoints: [{ events: [EVENT] }] });
    expect(await stateOf(token)).toMatchObject({
      view: 'state',
      status: 'revoked',
      renewal: 'available',
      // Whose page it is: the link's id (sent back with every call) and the customer's name.
      binding: { setupLinkId: link.id, customer: 'Test Bakery' },
    });
    await postRenewal(request({ token }));
    expect(await stateOf(token)).toMatchObject({ view: 'state', renewal: 'requested' });

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + HOUR + 1000);
    expect(await stateOf(token)).toMatchObject({ view: 'state', renewal: 'available' });
  });

  it('offers nothing without a subscribed active endpoint (the text says to contact the partner)', async () => {
    const cases: Endpoint[][] = [[], [{ events: [EVENT], active: false }], [{ events: ['setup_link.used'] }]];
    for (const endpoints of cases) {
      const { token } = await setup({ endpoints, link: { status: 'expired' } });
      expect(await stateOf(token)).toMatchObject({ view: 'state', status: 'expired', renewal: 'unavailable' });
    }
  });

  it('keeps a recorded request confirmed even if the endpoint is gone since', async () => {
    const { token, link } = await setup({
      link: { status: 'used', renewalRequestedAt: new Date(Date.now() - 60_000) },
    });
    const resolved = await resolveLinkToken(db, token);
    expect(resolved?.id).toBe(link.id);
    expect(await renewalOffer(db, resolved!)).toBe('requested');
  });
});
