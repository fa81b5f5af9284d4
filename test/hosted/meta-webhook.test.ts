import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as metaWebhook from '@/app/webhooks/meta/route';
import { getDb } from '@/lib/server/db/client';
import { sandboxSessions, webhookEvents } from '@/lib/server/db/schema';
import { env } from '@/lib/server/env';
import type { ProjectId } from '@/lib/server/ids';
import { startDeliveryWorker } from '@/lib/server/webhooks/worker';
import { apiClient } from '../support/api-client';
import { startTestMeta, TEST_APP } from '../support/onboarding';
import { startReceiver, waitFor } from '../support/receiver';
import { paths, routes } from '../support/routes';
import { newEndpoint } from '../webhooks/support';

// Meta's webhook for the sandbox number (/webhooks/meta): the handshake, the signature, staleness,
// and the whole loop with the Meta emulator: a phone's code activates its session, its next
// message reaches the partner's endpoint as sandbox.message.received, and the reply goes out
// through Graph. The emulator POSTs to a tiny local server that hands the request to the route.

const WEBHOOK = 'http://localhost:3000/webhooks/meta';
const SANDBOX_ID = '100000000009999'; // env.sandbox.phoneNumberId in dev mode, the emulator's default
const PHONE = '+14445678901';

let meta: Awaited<ReturnType<typeof startTestMeta>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let forwarder: http.Server;
const graphUrl = env.meta.graphUrl;

/** Serves the route's POST on a real port, as Next would: the exact bytes and headers. */
async function startForwarder(): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const request = new Request(WEBHOOK, { method: 'POST', headers, body: Buffer.concat(chunks) });
      void metaWebhook.POST(request).then(async (answer) => {
        res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'text/plain' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/meta` };
}

beforeAll(async () => {
  await getDb();
  meta = await startTestMeta();
  receiver = await startReceiver();
  const f = await startForwarder();
  forwarder = f.server;
  meta.emulator.setWebhookUrl(f.url);
  env.meta.graphUrl = meta.emulator.url;
});
afterAll(async () => {
  env.meta.graphUrl = graphUrl;
  await meta.emulator.close();
  await receiver.close();
  forwarder.closeAllConnections();
  await new Promise((r) => forwarder.close(r));
});

const sign = (body: string, secret = TEST_APP.appSecret) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** The Cloud API's payload for text messages to `phoneNumberId`. */
function payload(
  messages: Array<{ from: string; text: string; id?: string; timestamp?: number }>,
  phoneNumberId = SANDBOX_ID,
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '100000000000999',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550009999', phone_number_id: phoneNumberId },
              contacts: messages.map((m) => ({ profile: { name: 'Tester' }, wa_id: m.from })),
              messages: messages.map((m) => ({
                from: m.from,
                id: m.id ?? `wamid.${crypto.randomUUID()}`,
                timestamp: String(m.timestamp ?? Math.floor(Date.now() / 1000)),
                type: 'text',
                text: { body: m.text },
              })),
            },
          },
        ],
      },
    ],
  };
}

/** POSTs to the route handler directly; `signature` null sends none. */
async function post(body: string, signature: string | null = sign(body)) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (signature !== null) headers['X-Hub-Signature-256'] = signature;
  const res = await metaWebhook.POST(new Request(WEBHOOK, { method: 'POST', headers, body }));
  return { status: res.status, text: await res.text() };
}

/** What the emulator does for a phone sending `text` to the sandbox number. */
async function phoneSends(from: string, text: string, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${meta.emulator.url}/_emulator/inbound_message`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ from, text, ...extra }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function sandboxClient() {
  const c = await apiClient();
  const agent = (
    await c.api(routes.agents, 'POST', paths.agents(), { body: { agent: { name: 'Support', description: null } } })
  ).body.data;
  const newSession = async (phone = PHONE) =>
    (
      await c.api(routes.sandboxSessions, 'POST', paths.sandboxSessions(), {
        body: { whatsapp_sandbox_session: { phone_number: phone, agent_id: agent.id } },
      })
    ).body.data;
  const session = async (id: string) =>
    (await c.api(routes.sandboxSession, 'GET', paths.sandboxSession(id), { params: { id } })).body.data;
  const events = () =>
    c.db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.projectId, c.project.id), eq(webhookEvents.type, 'sandbox.message.received')));
  return { ...c, agent, newSession, session, events };
}

describe('Meta webhook: subscription handshake', () => {
  const get = (query: Record<string, string>) =>
    metaWebhook.GET(new Request(`${WEBHOOK}?${new URLSearchParams(query)}`));
  it('echoes hub.challenge as text/plain for the right verify token', async () => {
    expect(env.meta.webhookVerifyToken).toBe('emulator-verify-token');
    const res = await get({
      'hub.mode': 'subscribe',
      'hub.verify_token': 'emulator-verify-token',
      'hub.challenge': '1158201444',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
  });
  it('answers 403 for a wrong or missing token, another mode or no challenge', async () => {
    for (const query of [
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' },
      { 'hub.mode': 'subscribe', 'hub.challenge': '1' },
      { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'emulator-verify-token', 'hub.challenge': '1' },
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'emulator-verify-token' },
      {},
    ] as Array<Record<string, string>>) {
      const res = await get(query);
      expect(res.status, JSON.stringify(query)).toBe(403);
      expect(await res.text()).not.toContain('1');
    }
  });
});

describe('Meta webhook: refused notifications change nothing', () => {
  it('refuses unsigned (401), badly signed (403), malformed (400) and oversized (413) bodies', async () => {
    const c = await sandboxClient();
    const s = await c.newSession();
    const body = JSON.stringify(payload([{ from: PHONE.slice(1), text: s.activation_code }]));
    expect((await post(body, null)).status).toBe(401);
    for (const signature of [
      sign(body, 'another-app-secret'),
      sign(body + ' '),
      'sha256=',
      'sha1=' + createHmac('sha1', TEST_APP.appSecret).update(body).digest('hex'),
      sign(body).slice(0, -1) + (sign(body).endsWith('0') ? '1' : '0'),
      'garbage',
    ])
      expect((await post(body, signature)).status, signature).toBe(403);
    expect((await post('{"object": ')).status).toBe(400);
    const huge = JSON.stringify({ object: 'whatsapp_business_account', entry: [], pad: 'x'.repeat(1024 * 1024) });
    expect((await post(huge)).status).toBe(413);
    expect((await c.session(s.id)).status).toBe('pending_activation');
    expect(await c.events()).toEqual([]);
  });

  it('ignores stale and future messages, other numbers and unknown shapes, but answers 200', async () => {
    const c = await sandboxClient();
    const s = await c.newSession();
    const from = PHONE.slice(1);
    const now = Math.floor(Date.now() / 1000);
    for (const body of [
      payload([{ from, text: s.activation_code, timestamp: now - 11 * 60 }]),
      payload([{ from, text: s.activation_code, timestamp: now + 6 * 60 }]),
      payload([{ from, text: s.activation_code }], '100000000001234'),
      {
        object: 'page',
        entry: [
          {
            changes: [
              { field: 'messages', value: payload([{ from, text: s.activation_code }]).entry[0].changes[0].value },
            ],
          },
        ],
      },
      { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'statuses', value: {} }] }] },
      { hello: 'world' },
    ]) {
      const res = await post(JSON.stringify(body));
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(200);
    }
    // Through the emulator too: a message sent 11 minutes ago.
    const old = await phoneSends(PHONE, s.activation_code, { timestamp: now - 11 * 60 });
    expect(old.status).toBe(200);
    expect((await c.session(s.id)).status).toBe('pending_activation');
    // A wrong code from the right phone, and the right code from another phone, activate nothing.
    expect((await phoneSends(PHONE, 'ZZZZZZ')).status).toBe(200);
    expect((await phoneSends('+14445678999', s.activation_code)).status).toBe(200);
    expect((await c.session(s.id)).status).toBe('pending_activation');
    expect(await c.events()).toEqual([]);
  });
});

describe('Meta webhook: the sandbox loop', () => {
  it('activates with the code, forwards the next message as sandbox.message.received, and replies', async () => {
    const c = await sandboxClient();
    const { secret } = await newEndpoint(c.db, c.project.id as ProjectId, receiver.url, ['sandbox.message.received']);
    const s = await c.newSession();

    // The wa.me link's text is the code alone; case and spaces do not matter.
    const activation = await phoneSends(PHONE, `  ${s.activation_code.toLowerCase()} `);
    expect(activation.status).toBe(200);
    expect(activation.body.webhook_status).toBe(200);
    const active = await c.session(s.id);
    expect(active.status).toBe('active');
    expect(Date.parse(active.activated_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(await c.events()).toEqual([]); // the code itself is not a message for the agent

    const hello = await phoneSends(PHONE, 'Hello, I need help with my order');
    expect(hello.status).toBe(200);
    const worker = startDeliveryWorker(c.db, { projectId: c.project.id as ProjectId, pollMs: 20 });
    try {
      await waitFor(() => receiver.received.length >= 1, 10_000, 'the sandbox message delivery');
    } finally {
      await worker.stop();
    }
    expect(receiver.received).toHaveLength(1);
    const delivered = receiver.received[0];
    expect(delivered.headers['x-webhook-event']).toBe('sandbox.message.received');
    const event = new Webhook(secret).verify(delivered.body, delivered.headers as Record<string, string>) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(event.type).toBe('sandbox.message.received');
    expect(event.data).toEqual({
      project: { id: c.project.id },
      sandbox_session: { id: s.id, phone_number: PHONE, status: 'active' },
      agent: { id: c.agent.id, name: 'Support' },
      message: {
        id: (hello.body.message as { id: string }).id,
        from: PHONE,
        type: 'text',
        text: 'Hello, I need help with my order',
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      },
    });
    expect(delivered.body).not.toMatch(/emulator-sandbox-token|emulator-secret|whsec_|EAA[A-Za-z0-9]{8}/);

    const reply = await c.api(routes.sandboxMessages, 'POST', paths.sandboxMessages(s.id), {
      params: { id: s.id },
      body: { text: 'Sure! What is your order number?' },
    });
    expect(reply.status).toBe(201);
    const state = (await (await fetch(`${meta.emulator.url}/_emulator/state`)).json()) as {
      outbound_messages: Array<{ id: string; to: string; text: string }>;
      inbound_messages: Array<{ id: string; webhook_status: number }>;
    };
    expect(state.outbound_messages).toContainEqual(
      expect.objectContaining({ id: reply.body.data.id, to: '14445678901', text: 'Sure! What is your order number?' }),
    );
    expect(state.inbound_messages).toContainEqual(
      expect.objectContaining({ id: (hello.body.message as { id: string }).id, webhook_status: 200 }),
    );
  });

  it('forwards a message redelivered by Meta once, and ignores the code sent again', async () => {
    const c = await sandboxClient();
    const s = await c.newSession('+14445678902');
    expect((await phoneSends('+14445678902', s.activation_code)).status).toBe(200);
    const body = JSON.stringify(payload([{ from: '14445678902', text: 'once', id: 'wamid.redelivered-1' }]));
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    expect((await phoneSends('+14445678902', s.activation_code)).status).toBe(200);
    const events = await c.events();
    expect(events).toHaveLength(1);
    expect((events[0].payload.message as { text: string }).text).toBe('once');
  });

  it('lets one phone talk to one session: activating in another project ends the first', async () => {
    const a = await sandboxClient();
    const b = await sandboxClient();
    const phone = '+14445678903';
    const sa = await a.newSession(phone);
    const sb = await b.newSession(phone);
    await phoneSends(phone, sa.activation_code);
    expect((await a.session(sa.id)).status).toBe('active');
    expect((await b.session(sb.id)).status).toBe('pending_activation');
    await phoneSends(phone, sb.activation_code);
    expect((await b.session(sb.id)).status).toBe('active');
    expect((await a.session(sa.id)).status).toBe('ended');
    await phoneSends(phone, 'who gets this?');
    expect(await a.events()).toHaveLength(0);
    expect(await b.events()).toHaveLength(1);
    // The replaced code of a session that was itself replaced does nothing.
    const sa2 = await a.newSession(phone);
    const rows = await a.db.select().from(sandboxSessions).where(eq(sandboxSessions.id, sa2.id));
    expect(rows[0].status).toBe('pending_activation');
    await phoneSends(phone, sa.activation_code);
    expect((await a.session(sa2.id)).status).toBe('pending_activation');
    expect((await b.session(sb.id)).status).toBe('active');
  });

  it('answers 200 to a signed message from a phone without a session, and stores nothing', async () => {
    const c = await sandboxClient();
    const res = await phoneSends('+19995550123', 'hi there');
    expect(res.status).toBe(200);
    expect(await c.events()).toEqual([]);
  });
});
