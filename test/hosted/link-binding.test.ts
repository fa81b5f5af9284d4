import { describe, expect, it } from 'vitest';
import { POST as postComplete } from '@/app/setup/complete/route';
import { POST as postProgress } from '@/app/setup/progress/route';
import { POST as postRenewal } from '@/app/setup/renewal/route';
import { GET as openLink } from '@/app/s/[token]/route';
import { newAttemptId } from '@/lib/server/onboarding/attempt';
import { errorOf, hostedEndpointsSuite, hostedRequest as request } from '../support/hosted-request';
import { linkState } from '../support/onboarding';

// Each page is bound to its link: the page names the link it was rendered for, the cookie names
// the link this browser opened last. A page of another link is refused (409 link_mismatch) and
// nothing happens: no Meta call, no event, no change to either link.
const { suite, newLink } = hostedEndpointsSuite();

/** Two links opened in one browser: the first tab's page, and the cookie of the second. */
async function twoTabs() {
  const first = await newLink();
  const second = await newLink();
  return { first, cookie: second.token, second };
}

const snapshot = async (linkId: Parameters<typeof linkState>[1]) => {
  const { link, configs, events } = await linkState(suite.ctx.db, linkId);
  return { link, configs: configs.length, events: events.map((e) => e.id) };
};

describe('a page of another link than the cookie’s', () => {
  it('cannot complete: 409 link_mismatch, no Meta call, nothing changed; its own link still can', async () => {
    const { first, cookie, second } = await twoTabs();
    const d = await suite.meta.dialog('finish');
    const body = {
      setup_link_id: first.link.id,
      attempt_id: first.attemptId,
      connection_type: 'dedicated',
      outcome: 'finish',
      code: d.code,
      event: d.event,
      ...d.data,
    };
    const before = [await snapshot(first.link.id), await snapshot(second.link.id)];
    const graphBefore = (await suite.meta.counts()).graph_requests;

    const res = await postComplete(request('/setup/complete', body, { token: cookie }));
    expect(await errorOf(res)).toEqual({ status: 409, code: 'link_mismatch' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await suite.meta.counts()).graph_requests).toBe(graphBefore);
    expect([await snapshot(first.link.id), await snapshot(second.link.id)]).toEqual(before);

    // Back in the first link's own cookie, the same attempt (not consumed by the refusal) completes.
    const ok = await postComplete(request('/setup/complete', body, { token: first.token }));
    expect(await ok.json()).toMatchObject({ status: 'completed' });
  });

  it('cannot report progress: 409 link_mismatch, neither link changes', async () => {
    const { first, cookie, second } = await twoTabs();
    const before = [await snapshot(first.link.id), await snapshot(second.link.id)];
    for (const step of [{ step: 'opened' }, { step: 'facebook_opened', connection_type: 'coexistence' }]) {
      const body = { setup_link_id: first.link.id, attempt_id: first.attemptId, ...step };
      expect(await errorOf(await postProgress(request('/setup/progress', body, { token: cookie })))).toEqual({
        status: 409,
        code: 'link_mismatch',
      });
    }
    expect([await snapshot(first.link.id), await snapshot(second.link.id)]).toEqual(before);
  });

  it('cannot ask for a renewal, and every endpoint requires the page’s link id (422 without)', async () => {
    const { first, cookie } = await twoTabs();
    expect(
      await errorOf(await postRenewal(request('/setup/renewal', { setup_link_id: first.link.id }, { token: cookie }))),
    ).toEqual({ status: 409, code: 'link_mismatch' });
    const noId = { attempt_id: first.attemptId, step: 'opened' };
    expect(await errorOf(await postProgress(request('/setup/progress', noId, { token: first.token })))).toMatchObject({
      status: 422,
    });
    expect((await linkState(suite.ctx.db, first.link.id)).link.openedAt).toBeNull();
  });
});

describe('the link cookie (loopback http APP_URL, as in these tests)', () => {
  it('is set by /s/{token}: plain name, HttpOnly, Lax, not Secure, Path=/setup, 12 hours', async () => {
    const { token } = await newLink();
    const res = await openLink(new Request(`http://localhost:3000/s/${token}`), {
      params: Promise.resolve({ token }),
    });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^wa_setup_link=/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=lax/i);
    expect(cookie).toMatch(/; Path=\/setup(;|$)/);
    expect(cookie).not.toMatch(/Secure/i);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(43200);
  });

  it('an unknown token clears it on the same path', async () => {
    const token = `sl_${'A'.repeat(43)}`;
    const res = await openLink(new Request(`http://localhost:3000/s/${token}`), {
      params: Promise.resolve({ token }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^wa_setup_link=;/);
    expect(cookie).toMatch(/; Path=\/setup(;|$)/);
    expect(cookie).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });
});

describe('two tabs completing one link', () => {
  it('subscribe and register at Meta once: one completes, the other is refused or finds the link used', async () => {
    const { token, link } = await newLink();
    const bodies = await Promise.all(
      [0, 1].map(async () => {
        const d = await suite.meta.dialog('finish');
        return {
          setup_link_id: link.id,
          attempt_id: newAttemptId(link.id),
          connection_type: 'dedicated',
          outcome: 'finish',
          code: d.code,
          event: d.event,
          ...d.data,
        };
      }),
    );
    const answers = await Promise.all(
      bodies.map(async (b) => {
        const res = await postComplete(request('/setup/complete', b, { token }));
        const json = await res.json();
        return res.status === 200 ? (json.status === 'completed' ? 'completed' : json.error_code) : json.error.code;
      }),
    );
    expect(answers.filter((a) => a === 'completed')).toHaveLength(1);
    expect(answers.filter((a) => a !== 'completed')[0]).toMatch(/^(completion_in_progress|already_used)$/);
    const counts = await suite.meta.counts();
    expect(counts.subscriptions).toBe(1);
    expect(counts.registrations).toBe(1);
    const state = await linkState(suite.ctx.db, link.id);
    expect(state.configs).toHaveLength(1);
    expect(state.link).toMatchObject({ status: 'used', completionLeaseId: null, pendingPinEnc: null });
  });
});
