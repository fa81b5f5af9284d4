import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { sandboxSessions, webhookEvents } from '@/lib/server/db/schema';
import { env } from '@/lib/server/env';
import type { SandboxSessionId } from '@/lib/server/ids';
import { sandboxSessionOutput } from '@/lib/server/sandbox-sessions/schema';
import { receiveSandboxMessage } from '@/lib/server/sandbox-sessions/write';
import { apiClient, call } from '../support/api-client';
import { startTestMeta } from '../support/onboarding';
import { paths, routes } from '../support/routes';
import { SEED_003_AGENT_ID, SEED_003_SANDBOX_SESSION } from '../support/seeds';

// Sandbox sessions (seed 003) through the route handlers. Activation is done with the data
// function here; test/hosted/meta-webhook.test.ts drives it through Meta's webhook.

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SEED_KEYS = [
  'activated_at',
  'activation_code',
  'activation_link',
  'activation_message',
  'agent',
  'created_at',
  'expires_at',
  'id',
  'phone_number',
  'status',
  'updated_at',
];
const SEED_AGENT_KEYS = ['created_at', 'description', 'id', 'name', 'project_id', 'updated_at'];
// Unique per run: on PostgreSQL every test file shares one database, and another file's active
// session for the same phone would receive (forward) this file's messages.
const unique = String(Date.now()).slice(-9);
const PHONE = `+1${unique}1`;
const OTHER_PHONE = `+1${unique}2`;
const THIRD_PHONE = `+1${unique}9`;

let meta: Awaited<ReturnType<typeof startTestMeta>>;
const graphUrl = env.meta.graphUrl;
beforeAll(async () => {
  await getDb(); // opens (and migrates) the database here, under the hook timeout
  meta = await startTestMeta();
  env.meta.graphUrl = meta.emulator.url; // the sandbox number's replies go to this emulator
});
afterAll(async () => {
  env.meta.graphUrl = graphUrl;
  await meta.emulator.close();
});
afterEach(() => vi.useRealTimers());

async function client() {
  const c = await apiClient();
  const newAgent = async (name = 'Customer Support Agent', description: string | null = 'Handles queries') =>
    (await c.api(routes.agents, 'POST', paths.agents(), { body: { agent: { name, description } } })).body.data;
  const newSession = (phone_number: string, agent_id: string) =>
    c.api(routes.sandboxSessions, 'POST', paths.sandboxSessions(), {
      body: { whatsapp_sandbox_session: { phone_number, agent_id } },
    });
  const getSession = (id: string) => c.api(routes.sandboxSession, 'GET', paths.sandboxSession(id), { params: { id } });
  const list = async (query: Record<string, string> = {}) =>
    (await c.api(routes.sandboxSessions, 'GET', paths.sandboxSessions(), { query })).body;
  const sendText = (id: string, body: unknown) =>
    c.api(routes.sandboxMessages, 'POST', paths.sandboxMessages(id), { params: { id }, body });
  /** The phone sends the session's code to the sandbox number. */
  const activate = async (session: { phone_number: string; activation_code: string }) =>
    receiveSandboxMessage(c.db, {
      message: {
        id: `wamid.${crypto.randomUUID()}`,
        from: session.phone_number,
        type: 'text',
        text: session.activation_code,
        sentAt: new Date(),
      },
    });
  return { ...c, newAgent, newSession, getSession, list, sendText, activate };
}

describe('sandbox sessions API: create', () => {
  it('answers the seed 003 body (with a real agent id) with exactly the seed fields', async () => {
    const { api, project, newAgent } = await client();
    const agent = await newAgent();
    const raw = SEED_003_SANDBOX_SESSION.replace(SEED_003_AGENT_ID, agent.id);
    const before = Date.now();
    const res = await api(routes.sandboxSessions, 'POST', paths.sandboxSessions(), { raw });
    expect(res.status).toBe(201);
    const s = res.body.data;
    expect(Object.keys(s).sort()).toEqual(SEED_KEYS);
    expect(Object.keys(s.agent).sort()).toEqual(SEED_AGENT_KEYS);
    expect(s.id).toMatch(UUID);
    expect(s.phone_number).toBe('+12345678901'); // the seed's
    expect(s.status).toBe('pending_activation');
    expect(s.activation_code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(s.activation_message).toBe(`Your WhatsApp Sandbox activation code is: ${s.activation_code}`);
    // wa.me opens the chat with the sandbox number, the code already typed.
    expect(s.activation_link).toBe(`https://wa.me/15550009999?text=${s.activation_code}`);
    expect(s.activated_at).toBeNull();
    for (const k of ['expires_at', 'created_at', 'updated_at']) expect(s[k]).toMatch(RFC3339);
    expect(Date.parse(s.expires_at) - Date.parse(s.created_at)).toBe(24 * 3600_000);
    expect(Date.parse(s.created_at)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const { object: _object, ...agentFields } = agent;
    expect(s.agent).toEqual(agentFields);
    expect(s.agent.project_id).toBe(project.id);
    expect(sandboxSessionOutput.parse(s)).toEqual(s);
    expect(
      (await api(routes.sandboxSession, 'GET', paths.sandboxSession(s.id), { params: { id: s.id } })).body.data,
    ).toEqual(s);
    // Also a flat body; every session gets its own code.
    const flat = await api(routes.sandboxSessions, 'POST', paths.sandboxSessions(), {
      body: { phone_number: '+4915112345678', agent_id: agent.id },
    });
    expect(flat.status).toBe(201);
    expect(flat.body.data.activation_code).not.toBe(s.activation_code);
  });

  it('refuses bad phones, unknown agents and extra fields with 4xx in the envelope, changing nothing', async () => {
    const { api, db, project, newAgent, newSession } = await client();
    const agent = await newAgent();
    const existing = (await newSession(PHONE, agent.id)).body.data;
    const post = (body: unknown) => api(routes.sandboxSessions, 'POST', paths.sandboxSessions(), { body });
    const wrap = (fields: Record<string, unknown>) => ({ whatsapp_sandbox_session: fields });
    const cases: Array<[unknown, number, string, string | undefined]> = [
      [
        wrap({ phone_number: '12345678901', agent_id: agent.id }),
        422,
        'invalid_parameter',
        'whatsapp_sandbox_session.phone_number',
      ],
      [
        wrap({ phone_number: '+02345678901', agent_id: agent.id }),
        422,
        'invalid_parameter',
        'whatsapp_sandbox_session.phone_number',
      ],
      [
        wrap({ phone_number: '+1 234 567 8901', agent_id: agent.id }),
        422,
        'invalid_parameter',
        'whatsapp_sandbox_session.phone_number',
      ],
      [
        wrap({ phone_number: '+1234567', agent_id: agent.id }),
        422,
        'invalid_parameter',
        'whatsapp_sandbox_session.phone_number',
      ],
      [
        wrap({ phone_number: '+1234567890123456', agent_id: agent.id }),
        422,
        'invalid_parameter',
        'whatsapp_sandbox_session.phone_number',
      ],
      [
        wrap({ phone_number: 12345678901, agent_id: agent.id }),
        422,
        'invalid_parameter',
        'whatsapp_sandbox_session.phone_number',
      ],
      [wrap({ agent_id: agent.id }), 422, 'missing_parameter', 'whatsapp_sandbox_session.phone_number'],
      [wrap({ phone_number: PHONE }), 422, 'missing_parameter', 'whatsapp_sandbox_session.agent_id'],
      [wrap({ phone_number: PHONE, agent_id: SEED_003_AGENT_ID }), 404, 'resource_not_found', 'agent_id'],
      [wrap({ phone_number: PHONE, agent_id: 'agent-123abc' }), 404, 'resource_not_found', 'agent_id'],
      [
        wrap({ phone_number: PHONE, agent_id: agent.id, status: 'active' }),
        422,
        'unknown_parameter',
        'whatsapp_sandbox_session.status',
      ],
      [{ ...wrap({ phone_number: PHONE, agent_id: agent.id }), agent: {} }, 422, 'unknown_parameter', 'agent'],
      [{ whatsapp_sandbox_session: 'x' }, 422, 'invalid_parameter', 'whatsapp_sandbox_session'],
    ];
    for (const [body, status, code, param] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error).toMatchObject({ code, param, request_id: expect.stringMatching(/^req_/) });
    }
    const rows = await db.select().from(sandboxSessions).where(eq(sandboxSessions.projectId, project.id));
    expect(rows.map((r) => [r.id, r.status])).toEqual([[existing.id, 'pending_activation']]);
  });

  it('replaces the live session of the same phone and project (the old one is ended)', async () => {
    const { newAgent, newSession, getSession, list, activate } = await client();
    const other = await client();
    const agent = await newAgent();
    const second = await newAgent('Sales', null);
    const otherAgent = await other.newAgent();
    const first = (await newSession(PHONE, agent.id)).body.data;
    const elsewhere = (await other.newSession(PHONE, otherAgent.id)).body.data;
    const unrelated = (await newSession(THIRD_PHONE, agent.id)).body.data;
    const replacement = await newSession(PHONE, second.id);
    expect(replacement.status).toBe(201);
    expect(replacement.body.data).toMatchObject({ status: 'pending_activation', agent: { id: second.id } });
    const old = (await getSession(first.id)).body.data;
    expect(old.status).toBe('ended');
    expect(Date.parse(old.updated_at)).toBeGreaterThanOrEqual(Date.parse(first.updated_at));
    expect((await getSession(unrelated.id)).body.data.status).toBe('pending_activation');
    expect((await other.getSession(elsewhere.id)).body.data.status).toBe('pending_activation');
    const all = await list();
    expect(all.data.map((s: { id: string }) => s.id)).toEqual([replacement.body.data.id, unrelated.id, first.id]);
    expect((await list({ status: 'ended' })).data.map((s: { id: string }) => s.id)).toEqual([first.id]);
    expect((await list({ status: 'pending_activation' })).meta.total_count).toBe(2);
    // A replaced session's code no longer activates anything.
    expect((await activate(first)).kind).toBe('no_session');
  });

  it('replaces concurrently without breaking the one-live-session rule (the last create wins)', async () => {
    const { db, project, newAgent, newSession } = await client();
    const agent = await newAgent();
    const answers = await Promise.all(Array.from({ length: 5 }, () => newSession(PHONE, agent.id)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    const rows = await db
      .select()
      .from(sandboxSessions)
      .where(and(eq(sandboxSessions.projectId, project.id), eq(sandboxSessions.status, 'pending_activation')));
    expect(rows).toHaveLength(1);
  });
});

describe('sandbox sessions API: lifecycle', () => {
  it('activates, lists with a status filter, ends on DELETE (200, then 409)', async () => {
    const { api, newAgent, newSession, getSession, list, activate } = await client();
    const agent = await newAgent();
    const s = (await newSession(PHONE, agent.id)).body.data;
    expect((await activate(s)).kind).toBe('activated');
    const active = (await getSession(s.id)).body.data;
    expect(active.status).toBe('active');
    expect(active.activated_at).toMatch(RFC3339);
    expect((await list({ status: 'active' })).data.map((x: { id: string }) => x.id)).toEqual([s.id]);
    expect((await list({ status: 'pending_activation' })).data).toEqual([]);
    const bad = await api(routes.sandboxSessions, 'GET', paths.sandboxSessions(), { query: { status: 'live' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'invalid_parameter', param: 'status' });

    const del = await api(routes.sandboxSession, 'DELETE', paths.sandboxSession(s.id), { params: { id: s.id } });
    expect(del.status).toBe(200);
    expect(del.body.data).toMatchObject({ id: s.id, status: 'ended', activated_at: active.activated_at });
    expect(sandboxSessionOutput.parse(del.body.data)).toEqual(del.body.data);
    const again = await api(routes.sandboxSession, 'DELETE', paths.sandboxSession(s.id), { params: { id: s.id } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ type: 'conflict', code: 'sandbox_session_already_ended' });
    // An ended session receives nothing.
    expect((await activate(s)).kind).toBe('no_session');
  });

  it('reads a session past expires_at as expired (lazily), in GET, lists and DELETE', async () => {
    const { api, db, newAgent, newSession, getSession, list, activate } = await client();
    const agent = await newAgent();
    const pending = (await newSession(PHONE, agent.id)).body.data;
    const activated = (await newSession(OTHER_PHONE, agent.id)).body.data;
    await activate(activated);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(pending.expires_at) + 1000);
    for (const id of [pending.id, activated.id]) expect((await getSession(id)).body.data.status).toBe('expired');
    expect((await list({ status: 'expired' })).meta.total_count).toBe(2);
    expect((await list({ status: 'pending_activation' })).meta.total_count).toBe(0);
    expect((await list({ status: 'active' })).meta.total_count).toBe(0);
    const del = await api(routes.sandboxSession, 'DELETE', paths.sandboxSession(pending.id), {
      params: { id: pending.id },
    });
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('sandbox_session_already_ended');
    // The code of an expired session activates nothing, and an expired session gets no messages.
    expect((await activate(pending)).kind).toBe('no_session');
    const sent = await api(routes.sandboxMessages, 'POST', paths.sandboxMessages(activated.id), {
      params: { id: activated.id },
      body: { text: 'late' },
    });
    expect(sent.status).toBe(409);
    expect(sent.body.error.code).toBe('sandbox_session_not_active');
    // A new session for the phone stores the old one as expired, not ended.
    const next = await newSession(PHONE, agent.id);
    expect(next.status).toBe(201);
    const [row] = await db
      .select()
      .from(sandboxSessions)
      .where(eq(sandboxSessions.id, pending.id as SandboxSessionId));
    expect(row.status).toBe('expired');
    vi.useRealTimers();
    expect((await getSession(activated.id)).body.data.status).toBe('active');
  });
});

describe('sandbox sessions API: replies', () => {
  it('sends a reply from the sandbox number through Graph (201) and refuses sessions that are not active', async () => {
    const { newAgent, newSession, sendText, activate } = await client();
    const agent = await newAgent();
    const s = (await newSession(PHONE, agent.id)).body.data;
    const early = await sendText(s.id, { text: 'hello' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ type: 'conflict', code: 'sandbox_session_not_active' });
    await activate(s);
    for (const [body, code, param] of [
      [{ text: '' }, 'invalid_parameter', 'text'],
      [{ text: '   ' }, 'invalid_parameter', 'text'],
      [{ text: 'x'.repeat(4097) }, 'invalid_parameter', 'text'],
      [{}, 'missing_parameter', 'text'],
      [{ text: 'hi', to: '+19999999999' }, 'unknown_parameter', 'to'],
      [{ message: { text: 42 } }, 'invalid_parameter', 'message.text'],
    ] as const) {
      const res = await sendText(s.id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error).toMatchObject({ code, param });
    }
    const before = (await (await fetch(`${meta.emulator.url}/_emulator/state`)).json()) as {
      outbound_messages: unknown[];
    };
    expect(before.outbound_messages).toEqual([]);

    const sent = await sendText(s.id, { text: 'Hi! How can I help?' });
    expect(sent.status).toBe(201);
    expect(sent.body.data).toEqual({
      id: expect.stringMatching(/^wamid\./),
      object: 'sandbox_message',
      session_id: s.id,
      to: PHONE,
      text: 'Hi! How can I help?',
      created_at: expect.stringMatching(RFC3339),
    });
    const state = (await (await fetch(`${meta.emulator.url}/_emulator/state`)).json()) as {
      outbound_messages: Array<Record<string, string>>;
    };
    expect(state.outbound_messages).toEqual([
      expect.objectContaining({ id: sent.body.data.id, to: PHONE.slice(1), text: 'Hi! How can I help?' }),
    ]);
    const wrapped = await sendText(s.id, { message: { text: 'x'.repeat(4096) } });
    expect(wrapped.status).toBe(201);
  });

  it('answers 502 sandbox_send_failed when Graph refuses the message', async () => {
    const { newAgent, newSession, sendText, activate } = await client();
    const s = (await newSession(PHONE, (await newAgent()).id)).body.data;
    await activate(s);
    const token = env.sandbox.accessToken;
    env.sandbox.accessToken = 'not-the-sandbox-token';
    try {
      const res = await sendText(s.id, { text: 'hello' });
      expect(res.status).toBe(502);
      expect(res.body.error).toMatchObject({ type: 'api_error', code: 'sandbox_send_failed' });
      expect(res.body.error.message).toContain('Invalid OAuth access token');
      expect(JSON.stringify(res.body)).not.toContain('not-the-sandbox-token');
    } finally {
      env.sandbox.accessToken = token;
    }
    const url = env.meta.graphUrl;
    env.meta.graphUrl = 'http://127.0.0.1:9'; // nothing listens there
    try {
      const res = await sendText(s.id, { text: 'hello' });
      expect(res.status).toBe(502);
      expect(res.body.error.code).toBe('sandbox_send_failed');
    } finally {
      env.meta.graphUrl = url;
    }
  });
});

describe('sandbox sessions API: isolation and envelope', () => {
  it("keeps sessions inside their project: another project can neither see nor use them, nor the project's agents", async () => {
    const a = await client();
    const b = await client();
    const agent = await a.newAgent();
    const s = (await a.newSession(PHONE, agent.id)).body.data;
    await a.activate(s);
    const one = { params: { id: s.id } };
    for (const res of [
      await b.api(routes.sandboxSession, 'GET', paths.sandboxSession(s.id), one),
      await b.api(routes.sandboxSession, 'DELETE', paths.sandboxSession(s.id), one),
      await b.sendText(s.id, { text: 'hello' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'resource_not_found', param: 'id' });
    }
    expect((await b.list()).meta.total_count).toBe(0);
    const stolen = await b.newSession(OTHER_PHONE, agent.id);
    expect(stolen.status).toBe(404);
    expect(stolen.body.error).toMatchObject({ code: 'resource_not_found', param: 'agent_id' });
    expect((await a.getSession(s.id)).body.data.status).toBe('active');
    const [events] = await Promise.all([
      a.db.select().from(webhookEvents).where(eq(webhookEvents.projectId, b.project.id)),
    ]);
    expect(events).toEqual([]);
  });

  it('answers 401 without a key, 404 for ids that are not UUIDs and 405 with Allow', async () => {
    const { api } = await client();
    expect((await call(routes.sandboxSessions, 'GET', paths.sandboxSessions(), null)).status).toBe(401);
    expect(
      (await call(routes.sandboxSessions, 'POST', paths.sandboxSessions(), null, { raw: SEED_003_SANDBOX_SESSION }))
        .status,
    ).toBe(401);
    const notUuid = await api(routes.sandboxSession, 'GET', paths.sandboxSession('nope'), { params: { id: 'nope' } });
    expect(notUuid.status).toBe(404);
    expect(notUuid.body.error).toMatchObject({ code: 'resource_not_found', param: 'id' });
    const patch = await api(routes.sandboxSession, 'PATCH', paths.sandboxSession(crypto.randomUUID()));
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, DELETE');
    const getMessages = await api(routes.sandboxMessages, 'GET', paths.sandboxMessages(crypto.randomUUID()));
    expect(getMessages.status).toBe(405);
    expect(getMessages.headers.get('allow')).toBe('POST');
    expect((await api(routes.sandboxSessions, 'PUT', paths.sandboxSessions())).headers.get('allow')).toBe('GET, POST');
  });
});
