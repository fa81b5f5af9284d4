import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphClient } from './graph';
import { GraphError } from './graph-error';
import { toE164 } from './shapes';

// The client against a scripted stub: where secrets travel, error parsing, timeouts, retries.
type Reply = { status: number; body?: unknown; delayMs?: number };
let replies: Reply[] = [];
const seen: { method: string; url: string; auth?: string; body: string }[] = [];

const server = createServer(async (req: IncomingMessage, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
  const r = replies.shift() ?? { status: 500, body: { error: { message: 'no reply scripted', code: 2 } } };
  setTimeout(
    () => res.writeHead(r.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(r.body ?? {})),
    r.delayMs ?? 0,
  );
});
let graph: ReturnType<typeof createGraphClient>;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  graph = createGraphClient({
    baseUrl: `http://127.0.0.1:${port}/`,
    version: 'v25.0',
    appId: 'app1',
    appSecret: 'shh',
    // Generous: a loaded CI machine must not turn a slow answer into a retry that eats the next
    // scripted reply. The timeout test uses a client of its own.
    timeoutMs: 5000,
  });
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  replies = [];
  seen.length = 0;
});

describe('Graph client', () => {
  it('puts user and app tokens in the Authorization header, never in the URL', async () => {
    replies = [
      {
        status: 200,
        body: {
          data: {
            is_valid: true,
            app_id: 'app1',
            granular_scopes: [
              { scope: 'whatsapp_business_management', target_ids: ['11', '12'] },
              { scope: 'business_management' },
            ],
          },
        },
      },
      { status: 200, body: { success: true } },
    ];
    expect(await graph.debugToken('EAAuser')).toEqual({ isValid: true, appId: 'app1', grantedWabaIds: ['11', '12'] });
    await graph.registerNumber('55', '123456', 'EAAuser');
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/v25.0/debug_token?input_token=EAAuser',
      auth: 'Bearer app1|shh',
    });
    expect(seen[1]).toMatchObject({ method: 'POST', url: '/v25.0/55/register', auth: 'Bearer EAAuser' });
    expect(JSON.parse(seen[1].body)).toEqual({ messaging_product: 'whatsapp', pin: '123456' });
  });

  it('exchanges a code with the query parameters Meta requires', async () => {
    replies = [{ status: 200, body: { access_token: 'EAAnew', token_type: 'bearer', expires_in: 5183944 } }];
    expect(await graph.exchangeCode('AQcode')).toEqual({ accessToken: 'EAAnew' });
    expect(seen[0].url).toBe('/v25.0/oauth/access_token?client_id=app1&client_secret=shh&code=AQcode');
  });

  it('turns a Graph error into a GraphError with code, subcode and trace id, without the request', async () => {
    replies = [
      {
        status: 400,
        body: {
          error: {
            message: 'This authorization code has been used.',
            type: 'OAuthException',
            code: 100,
            error_subcode: 36009,
            fbtrace_id: 'Atrace',
          },
        },
      },
    ];
    const err = await graph.exchangeCode('AQsecretcode').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({
      kind: 'graph',
      operation: 'exchange_code',
      status: 400,
      code: 100,
      subcode: 36009,
      type: 'OAuthException',
      fbtraceId: 'Atrace',
    });
    expect(JSON.stringify((err as GraphError).toLog())).not.toMatch(/AQsecretcode|shh/);
    expect((err as GraphError).toLog()).toMatchObject({ graph_error: '100/36009' });
  });

  it('times out a slow call', async () => {
    replies = [{ status: 200, body: { success: true }, delayMs: 1000 }];
    const { port } = server.address() as AddressInfo;
    const impatient = createGraphClient({
      baseUrl: `http://127.0.0.1:${port}/`,
      version: 'v25.0',
      appId: 'app1',
      appSecret: 'shh',
      timeoutMs: 200,
    });
    await expect(impatient.registerNumber('55', '123456', 'EAAuser')).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('retries a read once on a transient error, but never a registration', async () => {
    replies = [
      { status: 500, body: { error: { message: 'An unexpected error has occurred.', code: 2 } } },
      { status: 200, body: { data: [{ id: '55', display_phone_number: '+1 202-555-0134', verified_name: 'Bakery' }] } },
    ];
    expect(await graph.listPhoneNumbers('11', 'EAAuser')).toEqual([
      {
        id: '55',
        displayPhoneNumber: '+12025550134',
        verifiedName: 'Bakery',
        isOnBizApp: null,
        lastOnboardedTime: null,
      },
    ]);
    expect(seen).toHaveLength(2);

    seen.length = 0;
    replies = [
      { status: 500, body: { error: { message: 'An unexpected error has occurred.', code: 2 } } },
      { status: 200, body: { success: true } },
    ];
    await expect(graph.registerNumber('55', '123456', 'EAAuser')).rejects.toMatchObject({ code: 2 });
    expect(seen).toHaveLength(1);
  });

  it('treats an unexpected shape or {success: false} as an invalid response', async () => {
    replies = [
      { status: 200, body: { nope: true } },
      { status: 200, body: { success: false } },
    ];
    await expect(graph.exchangeCode('AQcode')).rejects.toMatchObject({ kind: 'invalid_response' });
    await expect(graph.registerNumber('55', '123456', 'EAAuser')).rejects.toMatchObject({ kind: 'invalid_response' });
  });

  it('formats Meta display numbers as E.164', () => {
    expect(toE164('+1 202-555-0134')).toBe('+12025550134');
    expect(toE164('15550783881')).toBe('+15550783881');
  });
});
