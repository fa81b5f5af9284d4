// Shared by the emulator's test files: one emulator per file, and a tiny HTTP client for it.
import { afterAll, beforeAll, expect } from 'vitest';
import { startMetaEmulator, type MetaEmulator, type MetaEmulatorOptions } from './server.js';

export const APP = 'test-app';
export const SECRET = 'test-secret';
export const V = '/v25.0';
export const APP_TOKEN = encodeURIComponent(`${APP}|${SECRET}`);

// Responses are arbitrary JSON; `any` keeps the assertions short.
export type Json = Record<string, any>;

export function clientFor(url: string) {
  async function call(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(url + path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let json: Json = {};
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON (scripts, pages) */
    }
    return { status: res.status, json, text, headers: res.headers };
  }
  const complete = (outcome: string, extra: Json = {}) =>
    call('POST', '/dialog/complete', { body: { outcome, ...extra } });
  const exchange = (code: string, secret = SECRET, clientId = APP) =>
    call(
      'GET',
      `${V}/oauth/access_token?client_id=${encodeURIComponent(clientId)}&client_secret=${encodeURIComponent(secret)}&code=${encodeURIComponent(code)}`,
    );
  /** A completed popup plus its token exchange, as the hosted page and server do it. */
  async function signup(outcome = 'finish'): Promise<{ code: string; event: string; data: Json; token: string }> {
    const done = await complete(outcome);
    expect(done.status).toBe(200);
    const ex = await exchange(done.json.code);
    expect(ex.status).toBe(200);
    return { code: done.json.code, event: done.json.event, data: done.json.data, token: ex.json.access_token };
  }
  const state = async () => (await call('GET', '/_emulator/state')).json;
  return { call, complete, exchange, signup, state };
}

export type EmulatorClient = ReturnType<typeof clientFor>;

/** Starts an emulator for the file's tests; the fields are filled in once beforeAll has run. */
export function useEmulator(opts: Partial<MetaEmulatorOptions> = {}): { emu: MetaEmulator } & EmulatorClient {
  const t = {} as { emu: MetaEmulator } & EmulatorClient;
  beforeAll(async () => {
    t.emu = await startMetaEmulator({ port: 0, appId: APP, appSecret: SECRET, ...opts });
    Object.assign(t, clientFor(t.emu.url));
  });
  afterAll(() => t.emu.close());
  return t;
}

/** The popup URL FB.login opens, with the page's extras. */
export const dialogUrl = (extras: Json = {}, appId = APP) =>
  `${V}/dialog/oauth?app_id=${appId}&config_id=cfg-1&response_type=code&override_default_response_type=true&extras=${encodeURIComponent(JSON.stringify(extras))}&locale=pt_BR&origin=${encodeURIComponent('http://localhost:3000')}&state=s1`;
