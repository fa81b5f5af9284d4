import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { agents, sandboxSessions } from '@/lib/server/db/schema';
import { apiClient } from '../support/api-client';
import { paths, routes } from '../support/routes';

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const AGENT_KEYS = ['created_at', 'description', 'id', 'name', 'object', 'project_id', 'updated_at'];

beforeAll(() => getDb()); // opens (and migrates) the database under the hook timeout

describe('agents API', () => {
  it('creates, reads, updates and lists agents', async () => {
    const { api, project } = await apiClient();
    const created = await api(routes.agents, 'POST', paths.agents(), {
      body: { agent: { name: '  Customer Support Agent ', description: 'Handles initial customer support queries' } },
    });
    expect(created.status).toBe(201);
    const a = created.body.data;
    expect(Object.keys(a).sort()).toEqual(AGENT_KEYS);
    expect(a).toMatchObject({
      object: 'agent',
      name: 'Customer Support Agent',
      description: 'Handles initial customer support queries',
      project_id: project.id,
    });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.created_at).toMatch(RFC3339);
    expect(a.updated_at).toMatch(RFC3339);

    const got = await api(routes.agent, 'GET', paths.agent(a.id), { params: { id: a.id } });
    expect(got.status).toBe(200);
    expect(got.body.data).toEqual(a);

    const renamed = await api(routes.agent, 'PATCH', paths.agent(a.id), {
      params: { id: a.id },
      body: { agent: { name: 'Sales' } },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toMatchObject({ name: 'Sales', description: a.description });
    const cleared = await api(routes.agent, 'PATCH', paths.agent(a.id), {
      params: { id: a.id },
      body: { description: null },
    });
    expect(cleared.body.data).toMatchObject({ name: 'Sales', description: null });

    const flat = await api(routes.agents, 'POST', paths.agents(), { body: { name: 'Flat', description: '  ' } });
    expect(flat.status).toBe(201);
    expect(flat.body.data.description).toBeNull();

    const list = await api(routes.agents, 'GET', paths.agents());
    expect(list.body).toEqual({
      request_id: expect.stringMatching(/^req_/),
      data: [flat.body.data, cleared.body.data],
      meta: { page: 1, per_page: 20, total_pages: 1, total_count: 2 },
    });
  });

  it('validates names, descriptions and fields, and then creates nothing', async () => {
    const { api, db, project } = await apiClient();
    const post = (body: unknown) => api(routes.agents, 'POST', paths.agents(), { body });
    const cases: Array<[unknown, string, string]> = [
      [{ agent: {} }, 'missing_parameter', 'agent.name'],
      [{ agent: { name: '   ' } }, 'invalid_parameter', 'agent.name'],
      [{ agent: { name: 'x'.repeat(201) } }, 'invalid_parameter', 'agent.name'],
      [{ agent: { name: 42 } }, 'invalid_parameter', 'agent.name'],
      [{ agent: { name: 'A', description: 'd'.repeat(1001) } }, 'invalid_parameter', 'agent.description'],
      [{ agent: { name: 'A', description: 7 } }, 'invalid_parameter', 'agent.description'],
      [{ agent: { name: 'A', model: 'gpt' } }, 'unknown_parameter', 'agent.model'],
      [{ agent: { name: 'A' }, extra: 1 }, 'unknown_parameter', 'extra'],
    ];
    for (const [body, code, param] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code, param });
      expect(res.body.error.request_id).toMatch(/^req_/);
    }
    expect((await post({ agent: { name: 'x'.repeat(200), description: 'd'.repeat(1000) } })).status).toBe(201);
    const one = await api(routes.agents, 'POST', paths.agents(), { raw: '{"agent": {"name": ' });
    expect(one.status).toBe(400);
    const rows = await db.select().from(agents).where(eq(agents.projectId, project.id));
    expect(rows).toHaveLength(1);
    const patch = await api(routes.agent, 'PATCH', paths.agent(rows[0].id), {
      params: { id: rows[0].id },
      body: { agent: { name: '' } },
    });
    expect(patch.status).toBe(422);
    const [after] = await db.select().from(agents).where(eq(agents.id, rows[0].id));
    expect(after.name).toBe('x'.repeat(200));
  });

  it('paginates newest first and refuses out-of-range paging', async () => {
    const { api } = await apiClient();
    for (let i = 0; i < 12; i++) await api(routes.agents, 'POST', paths.agents(), { body: { name: `A${i}` } });
    const page2 = await api(routes.agents, 'GET', paths.agents(), { query: { page: 2, per_page: 5 } });
    expect(page2.body.meta).toEqual({ page: 2, per_page: 5, total_pages: 3, total_count: 12 });
    expect(page2.body.data.map((a: { name: string }) => a.name)).toEqual(['A6', 'A5', 'A4', 'A3', 'A2']);
    for (const query of [{ page: 0 }, { per_page: 101 }, { per_page: 'x' }] as Array<Record<string, string | number>>) {
      const bad = await api(routes.agents, 'GET', paths.agents(), { query });
      expect(bad.status).toBe(422);
      expect(bad.body.error.code).toBe('invalid_parameter');
    }
  });

  it('deletes an agent with its sandbox sessions (204), then answers 404', async () => {
    const { api, db } = await apiClient();
    const a = (await api(routes.agents, 'POST', paths.agents(), { body: { name: 'Doomed' } })).body.data;
    const keep = (await api(routes.agents, 'POST', paths.agents(), { body: { name: 'Kept' } })).body.data;
    const s = await api(routes.sandboxSessions, 'POST', paths.sandboxSessions(), {
      body: { whatsapp_sandbox_session: { phone_number: '+12345678901', agent_id: a.id } },
    });
    expect(s.status).toBe(201);
    const other = await api(routes.sandboxSessions, 'POST', paths.sandboxSessions(), {
      body: { whatsapp_sandbox_session: { phone_number: '+12345678902', agent_id: keep.id } },
    });
    const del = await api(routes.agent, 'DELETE', paths.agent(a.id), { params: { id: a.id } });
    expect(del.status).toBe(204);
    expect(del.body).toBeNull();
    const gone = await api(routes.agent, 'GET', paths.agent(a.id), { params: { id: a.id } });
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 'resource_not_found', param: 'id' });
    expect((await api(routes.agent, 'DELETE', paths.agent(a.id), { params: { id: a.id } })).status).toBe(404);
    expect(await db.select().from(sandboxSessions).where(eq(sandboxSessions.id, s.body.data.id))).toEqual([]);
    const got = await api(routes.sandboxSession, 'GET', paths.sandboxSession(s.body.data.id), {
      params: { id: s.body.data.id },
    });
    expect(got.status).toBe(404);
    // The other agent's session is untouched.
    const kept = await api(routes.sandboxSession, 'GET', paths.sandboxSession(other.body.data.id), {
      params: { id: other.body.data.id },
    });
    expect(kept.body.data.status).toBe('pending_activation');
  });

  it('keeps agents inside their project: another project gets 404 and an empty list', async () => {
    const a = await apiClient();
    const b = await apiClient();
    const agent = (await a.api(routes.agents, 'POST', paths.agents(), { body: { name: 'Private' } })).body.data;
    const one = { params: { id: agent.id } };
    for (const [method, opts] of [
      ['GET', one],
      ['PATCH', { ...one, body: { name: 'Stolen' } }],
      ['DELETE', one],
    ] as const) {
      const res = await b.api(routes.agent, method, paths.agent(agent.id), opts);
      expect(res.status, method).toBe(404);
      expect(res.body.error).toMatchObject({ type: 'not_found', code: 'resource_not_found', param: 'id' });
    }
    expect((await b.api(routes.agents, 'GET', paths.agents())).body.meta.total_count).toBe(0);
    expect((await a.api(routes.agent, 'GET', paths.agent(agent.id), one)).body.data.name).toBe('Private');
    const notUuid = await a.api(routes.agent, 'GET', paths.agent('agent-123abc'), { params: { id: 'agent-123abc' } });
    expect(notUuid.status).toBe(404);
  });

  it('answers 401 without a key and 405 with Allow for other methods', async () => {
    const { call } = await import('../support/api-client');
    expect((await call(routes.agents, 'GET', paths.agents(), null)).status).toBe(401);
    const { api } = await apiClient();
    const put = await api(routes.agents, 'PUT', paths.agents());
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    const post = await api(routes.agent, 'POST', paths.agent(crypto.randomUUID()));
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, PATCH, DELETE');
  });
});
