// The sandbox number: Graph's /messages for the app's replies, and a phone's message sent to the
// app's webhook, signed like Meta's.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SANDBOX } from './sandbox.js';
import { SECRET, useEmulator, V, type Json } from './test-helpers.js';

const t = useEmulator();
const ID = DEFAULT_SANDBOX.phoneNumberId;
const TOKEN = DEFAULT_SANDBOX.accessToken;
const TEXT = { messaging_product: 'whatsapp', to: '12345678901', type: 'text', text: { body: 'Hello from the agent' } };

interface Hit {
  headers: http.IncomingHttpHeaders;
  body: string;
}
let hits: Hit[] = [];
let answer = 200;
let hook: http.Server;
let hookUrl = '';
beforeAll(async () => {
  hook = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer);
      res.end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/webhooks/meta`;
});
afterAll(() => new Promise((r) => hook.close(r)));

describe('Graph POST /{sandbox phone-number-id}/messages', () => {
  it('sends a text message like the Cloud API and records it', async () => {
    const r = await t.call('POST', `${V}/${ID}/messages`, { token: TOKEN, body: TEXT });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '12345678901', wa_id: '12345678901' }],
      messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9_-]+$/) }],
    });
    const plus = await t.call('POST', `/${ID}/messages`, { token: TOKEN, body: { ...TEXT, to: '+12345678901' } });
    expect(plus.json.contacts).toEqual([{ input: '+12345678901', wa_id: '12345678901' }]);
    const st = await t.state();
    expect(st.outbound_messages).toEqual([
      expect.objectContaining({ id: r.json.messages[0].id, to: '12345678901', text: 'Hello from the agent' }),
      expect.objectContaining({ id: plus.json.messages[0].id, to: '12345678901' }),
    ]);
    expect(st.sandbox).toMatchObject({ phone_number: DEFAULT_SANDBOX.phoneNumber, phone_number_id: ID });
    expect(JSON.stringify(st)).not.toContain(TOKEN);
    expect((await t.call('POST', '/_emulator/reset')).status).toBe(200);
    expect((await t.state()).outbound_messages).toEqual([]);
  });

  it('answers Graph errors for a missing or wrong token and a missing or bad to / text', async () => {
    const send = (body: Json, token = TOKEN) => t.call('POST', `${V}/${ID}/messages`, { token, body });
    const missingToken = await send(TEXT, ''); // no Authorization header
    expect(missingToken.status).toBe(401);
    expect(missingToken.json.error).toMatchObject({
      code: 104,
      type: 'OAuthException',
      fbtrace_id: expect.any(String),
    });
    expect((await send(TEXT, 'EAAwrong')).json.error.code).toBe(190);
    const cases: Array<[Json, string]> = [
      [{ ...TEXT, messaging_product: undefined }, '(#100) The parameter messaging_product is required.'],
      [{ ...TEXT, to: undefined }, '(#100) The parameter to is required.'],
      [{ ...TEXT, to: 'not-a-number' }, '(#100) Invalid parameter'],
      [{ ...TEXT, text: undefined }, "(#100) The parameter text['body'] is required."],
      [{ ...TEXT, text: { body: '' } }, "(#100) The parameter text['body'] is required."],
      [
        { ...TEXT, text: { body: 'x'.repeat(4097) } },
        "(#100) Param text['body'] must be at most 4096 characters long.",
      ],
      [{ ...TEXT, type: 'image' }, '(#100) The emulator sends text messages only, not "image".'],
    ];
    for (const [body, message] of cases) {
      const r = await send(body);
      expect(r.status, message).toBe(400);
      expect(r.json.error).toMatchObject({ code: 100, message, type: 'OAuthException' });
    }
    // Another number's /messages is not the sandbox's: Graph's usual token checks apply.
    const other = await t.call('POST', `${V}/100000000001234/messages`, { token: TOKEN, body: TEXT });
    expect(other.status).toBe(400);
    expect(other.json.error.code).toBe(190);
    expect((await t.state()).outbound_messages).toEqual([]);
  });
});

describe('POST /_emulator/inbound_message', () => {
  it('refuses without a webhook URL (409) and with a bad from or text (400)', async () => {
    t.emu.setWebhookUrl(null);
    expect(
      (await t.call('POST', '/_emulator/inbound_message', { body: { from: '+12345678901', text: 'hi' } })).status,
    ).toBe(409);
    t.emu.setWebhookUrl(hookUrl);
    for (const body of [
      { from: 'abc', text: 'hi' },
      { from: '+0123456789', text: 'hi' },
      { text: 'hi' },
      { from: '+12345678901', text: '' },
      { from: '+12345678901' },
      { from: '+12345678901', text: 'hi', timestamp: 'soon' },
    ])
      expect((await t.call('POST', '/_emulator/inbound_message', { body })).status, JSON.stringify(body)).toBe(400);
  });

  it("POSTs the Cloud API's signed webhook for the sandbox number and answers with its status", async () => {
    t.emu.setWebhookUrl(hookUrl);
    hits = [];
    answer = 200;
    const before = Math.floor(Date.now() / 1000);
    const r = await t.call('POST', '/_emulator/inbound_message', { body: { from: '+12345678901', text: 'ABC123' } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ webhook_url: hookUrl, webhook_status: 200, message: { from: '12345678901' } });
    expect(hits).toHaveLength(1);
    const { headers, body } = hits[0];
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-hub-signature-256']).toBe(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
    const payload = JSON.parse(body);
    expect(payload).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: expect.stringMatching(/^\d+$/),
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550009999', phone_number_id: ID },
                contacts: [{ profile: { name: 'Emulator Tester' }, wa_id: '12345678901' }],
                messages: [
                  {
                    from: '12345678901',
                    id: r.json.message.id,
                    timestamp: expect.stringMatching(/^\d+$/),
                    type: 'text',
                    text: { body: 'ABC123' },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(Number(payload.entry[0].changes[0].value.messages[0].timestamp)).toBeGreaterThanOrEqual(before);
    const old = await t.call('POST', '/_emulator/inbound_message', {
      body: { from: '12345678901', text: 'old', timestamp: 1700000000 },
    });
    expect(old.status).toBe(200);
    expect(JSON.parse(hits[1].body).entry[0].changes[0].value.messages[0].timestamp).toBe('1700000000');

    answer = 403;
    expect(
      (await t.call('POST', '/_emulator/inbound_message', { body: { from: '12345678901', text: 'x' } })).status,
    ).toBe(403);
    answer = 204;
    const empty = await t.call('POST', '/_emulator/inbound_message', { body: { from: '12345678901', text: 'x' } });
    expect(empty.status).toBe(200);
    expect(empty.json.webhook_status).toBe(204);
    const st = await t.state();
    expect(st.inbound_messages.map((m: Json) => m.webhook_status)).toEqual([200, 200, 403, 204]);
  });

  it('answers 502 when the webhook cannot be reached', async () => {
    t.emu.setWebhookUrl('http://127.0.0.1:9/webhooks/meta');
    const r = await t.call('POST', '/_emulator/inbound_message', { body: { from: '12345678901', text: 'x' } });
    expect(r.status).toBe(502);
    t.emu.setWebhookUrl(hookUrl);
  });
});

describe('a configured sandbox number', () => {
  const custom = useEmulator({ sandbox: { phoneNumber: '+15550001111', phoneNumberId: '222', accessToken: 'tok' } });
  it('answers for its own id and token, and signs for its own number', async () => {
    custom.emu.setWebhookUrl(hookUrl);
    hits = [];
    answer = 200;
    expect((await custom.call('POST', `${V}/222/messages`, { token: 'tok', body: TEXT })).status).toBe(200);
    expect((await custom.call('POST', `${V}/222/messages`, { token: TOKEN, body: TEXT })).status).toBe(401);
    await custom.call('POST', '/_emulator/inbound_message', { body: { from: '12345678901', text: 'hi' } });
    expect(JSON.parse(hits[0].body).entry[0].changes[0].value.metadata).toEqual({
      display_phone_number: '15550001111',
      phone_number_id: '222',
    });
  });
});
