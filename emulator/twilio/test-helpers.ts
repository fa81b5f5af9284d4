// Shared by the Twilio emulator's test files: one emulator per file, a raw REST caller, and a
// webhook receiver that records what the emulator sends.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { startTwilioEmulator, type TwilioEmulator } from './server.js';

export const ACCOUNT = { accountSid: 'AC11111111111111111111111111111111', authToken: 'token-one' };
export const OTHER = { accountSid: 'AC22222222222222222222222222222222', authToken: 'token-two' };

// Responses are arbitrary JSON; `any` keeps the assertions short.
export type Json = Record<string, any>;

export function useTwilioEmulator() {
  const t = {} as { emu: TwilioEmulator; url: string };
  beforeAll(async () => {
    t.emu = await startTwilioEmulator({ port: 0, accounts: [ACCOUNT, OTHER], webhookTimeoutMs: 1000 });
    t.url = t.emu.url;
  });
  afterAll(() => t.emu.close());

  const basic = (a: { accountSid: string; authToken: string }) =>
    `Basic ${Buffer.from(`${a.accountSid}:${a.authToken}`).toString('base64')}`;

  /** A REST call as account `as` (path below /2010-04-01/Accounts/{sid}/). */
  async function api(
    method: string,
    path: string,
    opts: { as?: typeof ACCOUNT | null; form?: Json; sid?: string } = {},
  ) {
    const as = opts.as === undefined ? ACCOUNT : opts.as;
    const headers: Record<string, string> = as ? { Authorization: basic(as) } : {};
    if (opts.form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const sid = opts.sid ?? as?.accountSid ?? ACCOUNT.accountSid;
    const res = await fetch(`${t.url}/2010-04-01/Accounts/${sid}/${path}`, {
      method,
      headers,
      body: opts.form ? new URLSearchParams(opts.form).toString() : undefined,
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as Json, headers: res.headers };
  }

  async function control(method: string, action: string, body?: Json) {
    const res = await fetch(`${t.url}/_emulator/${action}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: (await res.json()) as Json };
  }

  const buy = (phoneNumber: string, smsUrl = '', as = ACCOUNT) =>
    api('POST', 'IncomingPhoneNumbers.json', { as, form: { PhoneNumber: phoneNumber, SmsUrl: smsUrl } });

  return Object.assign(t, { api, control, buy });
}

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local webhook endpoint answering `status` (changeable), recording every request. */
export function useReceiver() {
  const r = { url: '', status: 200, seen: [] as Received[] };
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    r.seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    res.writeHead(r.status, { 'Content-Type': 'text/xml' }).end('<Response/>');
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  return r;
}
