import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupLinks, webhookEvents } from '@/lib/server/db/schema';
import type { SetupLinkId } from '@/lib/server/ids';
import { apiClient } from '../support/api-client';
import { paths, routes } from '../support/routes';

// List, read, PATCH and revoke; lazy expiry.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function customerWithLinks(count: number) {
  const client = await apiClient();
  const c = await client.newCustomer();
  const ids: SetupLinkId[] = [];
  for (let i = 0; i < count; i++) ids.push((await client.newLink(c.id, { metadata: { n: String(i) } })).body.data.id);
  const one = (id: string) => ({ params: { customerId: c.id, id } });
  return { ...client, c, ids, one };
}

describe('setup links API: list', () => {
  it('pages newest first with meta (25 links, page 2 of 10)', async () => {
    const { api, c, ids } = await customerWithLinks(25);
    const res = await api(routes.setupLinks, 'GET', paths.setupLinks(c.id), {
      params: { customerId: c.id },
      query: { page: 2, per_page: 10 },
    });
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ page: 2, per_page: 10, total_pages: 3, total_count: 25 });
    expect(res.body.data.map((l: { id: string }) => l.id)).toEqual(ids.slice().reverse().slice(10, 20));
    expect(res.body.data[0].url).toMatch(/\/s\/sl_/);
    const last = await api(routes.setupLinks, 'GET', paths.setupLinks(c.id), {
      params: { customerId: c.id },
      query: { page: 3, per_page: 10 },
    });
    expect(last.body.data).toHaveLength(5);
    const defaults = await api(routes.setupLinks, 'GET', paths.setupLinks(c.id), { params: { customerId: c.id } });
    expect(defaults.body.meta).toEqual({ page: 1, per_page: 20, total_pages: 2, total_count: 25 });
    for (const query of [{ page: 0 }, { per_page: 101 }] as Array<Record<string, number>>) {
      const bad = await api(routes.setupLinks, 'GET', paths.setupLinks(c.id), { params: { customerId: c.id }, query });
      expect(bad.status).toBe(422);
      expect(bad.body.error.param).toBe(Object.keys(query)[0]);
    }
  });

  it('filters by status, created_after and created_before', async () => {
    const { api, db, c, ids } = await customerWithLinks(3);
    const list = async (query: Record<string, string>) => {
      const res = await api(routes.setupLinks, 'GET', paths.setupLinks(c.id), { params: { customerId: c.id }, query });
      return res.status === 200 ? res.body.data.map((l: { id: string }) => l.id) : res.body.error;
    };
    expect(await list({ status: 'active' })).toEqual([ids[2]]);
    expect(await list({ status: 'revoked' })).toEqual([ids[1], ids[0]]);
    expect(await list({ status: 'used' })).toEqual([]);
    // Spread the creation times so second-precision bounds are unambiguous.
    const base = Date.parse('2026-01-01T10:00:00Z');
    for (const [i, id] of ids.entries())
      await db
        .update(setupLinks)
        .set({ createdAt: new Date(base + i * 3_600_000) })
        .where(eq(setupLinks.id, id));
    expect(await list({ created_after: '2026-01-01T10:30:00Z' })).toEqual([ids[2], ids[1]]);
    expect(await list({ created_before: '2026-01-01T11:30:00+00:00' })).toEqual([ids[1], ids[0]]);
    expect(await list({ created_after: '2026-01-01T10:00:00Z', created_before: '2026-01-01T12:00:00Z' })).toEqual([
      ids[1],
    ]);
    expect(await list({ created_after: '2026-01-01T11:30:00+02:00' })).toEqual([ids[2], ids[1], ids[0]]); // 09:30Z
    expect(await list({ status: 'gone' })).toMatchObject({ code: 'invalid_parameter', param: 'status' });
    expect(await list({ created_after: 'yesterday' })).toMatchObject({
      code: 'invalid_parameter',
      param: 'created_after',
    });
  });

  it('reports and stores expiry lazily once expires_at passes', async () => {
    const { api, db, c, newLink, one } = await customerWithLinks(0);
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const link = (await newLink(c.id, { expires_at: expiresAt })).body.data;
    expect(link.status).toBe('active');
    await sleep(Math.max(0, Date.parse(expiresAt) - Date.now()) + 50);
    const read = await api(routes.setupLink, 'GET', paths.setupLink(c.id, link.id), one(link.id));
    expect(read.body.data.status).toBe('expired');
    const [row] = await db.select().from(setupLinks).where(eq(setupLinks.id, link.id));
    expect(row.status).toBe('expired');
    const listed = await api(routes.setupLinks, 'GET', paths.setupLinks(c.id), {
      params: { customerId: c.id },
      query: { status: 'expired' },
    });
    expect(listed.body.data.map((l: { id: string }) => l.id)).toEqual([link.id]);
    // Expired is final: no revoke, no PATCH; a new link is created normally.
    const revoke = await api(routes.setupLink, 'DELETE', paths.setupLink(c.id, link.id), one(link.id));
    expect(revoke.status).toBe(409);
    expect(revoke.body.error.code).toBe('setup_link_not_active');
    expect((await newLink(c.id)).status).toBe(201);
    expect((await api(routes.setupLink, 'GET', paths.setupLink(c.id, link.id), one(link.id))).body.data.status).toBe(
      'expired',
    );
  });
});

describe('setup links API: revoke and update', () => {
  it('revokes with DELETE (200, revoked: true), then 409 setup_link_not_active', async () => {
    const { api, db, project, c, ids, one } = await customerWithLinks(1);
    const res = await api(routes.setupLink, 'DELETE', paths.setupLink(c.id, ids[0]), one(ids[0]));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: ids[0], object: 'setup_link', status: 'revoked', revoked: true });
    const again = await api(routes.setupLink, 'DELETE', paths.setupLink(c.id, ids[0]), one(ids[0]));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ type: 'conflict', code: 'setup_link_not_active' });
    const events = await db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.projectId, project.id), eq(webhookEvents.type, 'setup_link.revoked')));
    expect(events).toHaveLength(1);
  });

  it('refuses to revoke or change a used link (409)', async () => {
    const { api, db, c, ids, one } = await customerWithLinks(1);
    await db.update(setupLinks).set({ status: 'used', usedAt: new Date() }).where(eq(setupLinks.id, ids[0]));
    expect((await api(routes.setupLink, 'DELETE', paths.setupLink(c.id, ids[0]), one(ids[0]))).status).toBe(409);
    const patch = await api(routes.setupLink, 'PATCH', paths.setupLink(c.id, ids[0]), {
      ...one(ids[0]),
      body: { setup_link: { language: 'es' } },
    });
    expect(patch.status).toBe(409);
    expect(patch.body.error.code).toBe('setup_link_not_active');
  });

  it('PATCHes the editable fields of an active link', async () => {
    const { api, c, ids, one } = await customerWithLinks(1);
    const expiresAt = new Date(Date.now() + 2 * 86_400_000);
    expiresAt.setUTCMilliseconds(0);
    const changes = {
      success_redirect_url: 'https://partner.example/ok?x=1',
      failure_redirect_url: null,
      language: 'pt',
      allowed_connection_types: ['coexistence'],
      theme_config: { primary_color: '#112233' },
      metadata: { plan: 'gold' },
      expires_at: expiresAt.toISOString(),
    };
    const res = await api(routes.setupLink, 'PATCH', paths.setupLink(c.id, ids[0]), {
      ...one(ids[0]),
      body: { setup_link: changes },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      ...changes,
      expires_at: expiresAt.toISOString().replace('.000Z', 'Z'),
      status: 'active',
    });
    const read = await api(routes.setupLink, 'GET', paths.setupLink(c.id, ids[0]), one(ids[0]));
    expect(read.body.data).toEqual(res.body.data);
    const cleared = await api(routes.setupLink, 'PATCH', paths.setupLink(c.id, ids[0]), {
      ...one(ids[0]),
      body: { theme_config: null, metadata: {} },
    });
    expect(cleared.body.data).toMatchObject({ theme_config: {}, metadata: {}, language: 'pt' });
  });

  it('revokes through PATCH status "revoked" and refuses other statuses and create-only fields', async () => {
    const { api, c, ids, one } = await customerWithLinks(1);
    const patch = (body: unknown) =>
      api(routes.setupLink, 'PATCH', paths.setupLink(c.id, ids[0]), { ...one(ids[0]), body });
    for (const status of ['used', 'active', 'expired']) {
      const res = await patch({ setup_link: { status } });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'invalid_parameter', param: 'setup_link.status' });
    }
    for (const field of [{ expires_in_hours: 5 }, { provision_phone_number: true }, { customer_id: c.id }]) {
      expect((await patch({ setup_link: field })).body.error.code).toBe('unknown_parameter');
    }
    expect((await patch({ setup_link: { language: 'xx' } })).body.error.param).toBe('setup_link.language');
    expect(
      (await patch({ setup_link: { expires_at: new Date(Date.now() - 1000).toISOString() } })).body.error.param,
    ).toBe('setup_link.expires_at');
    const revoked = await patch({ setup_link: { status: 'revoked', metadata: { reason: 'duplicate' } } });
    expect(revoked.status).toBe(200);
    expect(revoked.body.data).toMatchObject({ status: 'revoked', revoked: true, metadata: { reason: 'duplicate' } });
    expect((await patch({ setup_link: { status: 'revoked' } })).status).toBe(409);
  });

  it('answers 404 for a link of another customer of the same project', async () => {
    const { api, newCustomer, c, ids } = await customerWithLinks(1);
    const other = await newCustomer('Other');
    const res = await api(routes.setupLink, 'GET', paths.setupLink(other.id, ids[0]), {
      params: { customerId: other.id, id: ids[0] },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.param).toBe('id');
    const unknownCustomer = crypto.randomUUID();
    const res2 = await api(routes.setupLink, 'GET', paths.setupLink(unknownCustomer, ids[0]), {
      params: { customerId: unknownCustomer, id: ids[0] },
    });
    expect(res2.body.error.param).toBe('customer_id');
    expect(
      (await api(routes.setupLink, 'GET', paths.setupLink(c.id, ids[0]), { params: { customerId: c.id, id: ids[0] } }))
        .status,
    ).toBe(200);
  });
});
