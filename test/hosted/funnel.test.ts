import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { POST as postComplete } from '@/app/setup/complete/route';
import { POST as postProgress } from '@/app/setup/progress/route';
import { setupLinks } from '@/lib/server/db/schema';
import { ABANDON_AFTER_MS, abandonSilentLinks } from '@/lib/server/setup-links/write-progress';
import { call } from '../support/api-client';
import { testProject } from '../support/fixtures';
import { errorOf, hostedEndpointsSuite, hostedRequest } from '../support/hosted-request';
import { linkState } from '../support/onboarding';
import { paths, routes } from '../support/routes';
import { newEndpoint } from '../webhooks/support';

// The funnel: the page's script reports its steps, Meta's window reports a cancel, the sweep
// reports silence; each becomes an event on the link's timeline (GET .../setup_links/{id}/events).

const { suite, newLink } = hostedEndpointsSuite();
afterEach(() => vi.useRealTimers());

type Link = Awaited<ReturnType<typeof newLink>>;

const report = ({ token, link, attemptId }: Link, step: string, connectionType?: string) =>
  postProgress(
    hostedRequest(
      '/setup/progress',
      { setup_link_id: link.id, attempt_id: attemptId, step, connection_type: connectionType },
      { token },
    ),
  );

const types = async ({ link }: Link) => (await linkState(suite.ctx.db, link.id)).events.map((e) => e.type);

const timeline = ({ link }: Link, query?: Record<string, number>) =>
  call(routes.linkEvents, 'GET', paths.linkEvents(link.customerId, link.id), suite.ctx.apiKey, {
    params: { customerId: link.customerId, id: link.id },
    query,
  });

describe('steps reported by the page', () => {
  it('record the funnel in order; opened counts once, the link shows last_step and opened_at', async () => {
    const l = await newLink();
    expect((await report(l, 'opened')).status).toBe(204);
    expect((await report(l, 'opened')).status).toBe(204); // a reload
    expect((await report(l, 'connection_type_selected', 'coexistence')).status).toBe(204);
    expect((await report(l, 'facebook_opened', 'coexistence')).status).toBe(204);
    const cancel = {
      setup_link_id: l.link.id,
      attempt_id: l.attemptId,
      connection_type: 'coexistence',
      outcome: 'cancel',
      current_step: 'WABA',
    };
    expect((await postComplete(hostedRequest('/setup/complete', cancel, { token: l.token }))).status).toBe(200);

    const { events, link } = await linkState(suite.ctx.db, l.link.id);
    expect(events.map((e) => e.type)).toEqual([
      'setup_link.opened',
      'setup_link.connection_type_selected',
      'setup_link.facebook_opened',
      'setup_link.cancelled',
    ]);
    expect(events[1].payload).toMatchObject({ connection_type: 'coexistence', setup_link: { id: l.link.id } });
    expect(events[3].payload).toMatchObject({
      current_step: 'WABA',
      error_code: 'facebook_auth_failed',
      connection_type: 'coexistence',
      setup_link: { last_step: 'cancelled', whatsapp_setup_status: 'failed' },
    });
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain(l.token);
    expect(link).toMatchObject({ lastStep: 'cancelled', openedAt: expect.any(Date) });

    const api = await call(routes.setupLink, 'GET', paths.setupLink(l.link.customerId, l.link.id), suite.ctx.apiKey, {
      params: { customerId: l.link.customerId, id: l.link.id },
    });
    expect(api.body.data.last_step).toBe('cancelled');
    expect(Date.parse(api.body.data.opened_at)).toBe(Math.floor(link.openedAt!.getTime() / 1000) * 1000);
  });

  it('refuse unknown steps, a missing or disallowed connection type, and change nothing', async () => {
    const l = await newLink({ allowedConnectionTypes: ['dedicated'] });
    for (const [step, type] of [
      ['connect', undefined],
      ['completed', undefined],
      ['<script>', undefined],
      ['facebook_opened', undefined],
      ['opened', 'dedicated'],
      ['connection_type_selected', 'both'],
    ] as const)
      expect(await errorOf(await report(l, step, type)), `${step} ${type}`).toMatchObject({ status: 422 });
    expect(await errorOf(await report(l, 'facebook_opened', 'coexistence'))).toEqual({
      status: 422,
      code: 'connection_type_not_allowed',
    });
    expect(await types(l)).toEqual([]);
    expect((await linkState(suite.ctx.db, l.link.id)).link).toMatchObject({ lastStep: null, openedAt: null });
  });

  it('a failed completion (not a cancel) is setup_link.failed with the last step "failed"', async () => {
    const l = await newLink();
    await report(l, 'opened');
    const d = await suite.meta.dialog('token_exchange_error');
    const body = {
      setup_link_id: l.link.id,
      attempt_id: l.attemptId,
      connection_type: 'dedicated',
      outcome: 'finish',
      code: d.code,
      ...d.data,
    };
    expect(await (await postComplete(hostedRequest('/setup/complete', body, { token: l.token }))).json()).toMatchObject(
      {
        status: 'failed',
        error_code: 'token_exchange_failed',
      },
    );
    const { events, link } = await linkState(suite.ctx.db, l.link.id);
    expect(events.map((e) => [e.type, e.payload.error_code])).toEqual([
      ['setup_link.opened', undefined],
      ['setup_link.failed', 'token_exchange_failed'],
    ]);
    expect(link.lastStep).toBe('failed');
  });
});

describe('abandonment', () => {
  const later = (ms: number) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + ms);
  };

  it('30 minutes of silence after opening is one setup_link.abandoned with the last step', async () => {
    const l = await newLink();
    await report(l, 'opened');
    await report(l, 'connection_type_selected', 'dedicated');
    later(ABANDON_AFTER_MS - 60_000);
    await abandonSilentLinks(suite.ctx.db, { projectId: suite.ctx.project.id });
    expect(await types(l)).not.toContain('setup_link.abandoned');
    later(2 * 60_000);
    expect(await abandonSilentLinks(suite.ctx.db, { projectId: suite.ctx.project.id })).toBeGreaterThanOrEqual(1);
    await abandonSilentLinks(suite.ctx.db, { projectId: suite.ctx.project.id });
    later(ABANDON_AFTER_MS * 3); // more silence is not a second abandonment
    await abandonSilentLinks(suite.ctx.db, { projectId: suite.ctx.project.id });
    const { events } = await linkState(suite.ctx.db, l.link.id);
    const abandoned = events.filter((e) => e.type === 'setup_link.abandoned');
    expect(abandoned).toHaveLength(1);
    expect(abandoned[0].payload).toMatchObject({
      last_step: 'connection_type_selected',
      setup_link: { id: l.link.id },
    });
  });

  it('activity restarts the wait; links never opened, used or expired are not abandoned', async () => {
    const [silent, active, unopened, used] = [await newLink(), await newLink(), await newLink(), await newLink()];
    const expiring = await newLink({ expiresAt: new Date(Date.now() + ABANDON_AFTER_MS) });
    for (const l of [silent, active, used, expiring]) await report(l, 'opened');
    await suite.ctx.db.update(setupLinks).set({ status: 'used' }).where(eq(setupLinks.id, used.link.id));
    later(ABANDON_AFTER_MS - 60_000);
    await report(active, 'connection_type_selected', 'dedicated');
    later(20 * 60_000);
    await abandonSilentLinks(suite.ctx.db, { projectId: suite.ctx.project.id });
    expect(await types(silent)).toContain('setup_link.abandoned');
    for (const l of [active, unopened, used, expiring]) expect(await types(l)).not.toContain('setup_link.abandoned');
  });
});

describe('GET /customers/{customer_id}/setup_links/{id}/events', () => {
  it('lists the timeline oldest first with each delivery per endpoint, paginated', async () => {
    const resolve = async () => [{ address: '93.184.215.14', family: 4 }];
    const all = await newEndpoint(suite.ctx.db, suite.ctx.project.id, 'https://hooks.example/all', ['*'], resolve);
    const some = await newEndpoint(
      suite.ctx.db,
      suite.ctx.project.id,
      'https://hooks.example/some',
      ['setup_link.facebook_opened'],
      resolve,
    );
    const l = await newLink();
    await report(l, 'opened');
    await report(l, 'facebook_opened', 'dedicated');

    const res = await timeline(l);
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ page: 1, per_page: 20, total_pages: 1, total_count: 2 });
    const [opened, facebook] = res.body.data;
    expect(opened).toMatchObject({
      object: 'event',
      type: 'setup_link.opened',
      data: { setup_link: { id: l.link.id } },
    });
    expect(opened.deliveries).toEqual([
      expect.objectContaining({ webhook_id: all.endpoint.id, status: 'pending', attempts: 0, delivered_at: null }),
    ]);
    expect(facebook.type).toBe('setup_link.facebook_opened');
    expect(facebook.deliveries.map((d: { webhook_id: string }) => d.webhook_id).sort()).toEqual(
      [all.endpoint.id, some.endpoint.id].sort(),
    );
    expect(Date.parse(opened.created_at)).toBeLessThanOrEqual(Date.parse(facebook.created_at));

    const second = await timeline(l, { per_page: 1, page: 2 });
    expect(second.body.data.map((e: { type: string }) => e.type)).toEqual(['setup_link.facebook_opened']);
  });

  it('is a 404 for a link of another customer or project, and for a malformed id', async () => {
    const l = await newLink();
    const other = await newLink();
    const res = await call(
      routes.linkEvents,
      'GET',
      paths.linkEvents(other.link.customerId, l.link.id),
      suite.ctx.apiKey,
      {
        params: { customerId: other.link.customerId, id: l.link.id },
      },
    );
    expect(res.status).toBe(404);
    const bad = await call(routes.linkEvents, 'GET', paths.linkEvents(l.link.customerId, 'x'), suite.ctx.apiKey, {
      params: { customerId: l.link.customerId, id: 'x' },
    });
    expect(bad.status).toBe(404);
    const stranger = await testProject();
    const foreign = await call(
      routes.linkEvents,
      'GET',
      paths.linkEvents(l.link.customerId, l.link.id),
      stranger.apiKey,
      {
        params: { customerId: l.link.customerId, id: l.link.id },
      },
    );
    expect(foreign.status).toBe(404);
  });
});
