// Local stand-in for Meta: the JS SDK, the Embedded Signup popup and the Graph endpoints of
// SPEC section 8, on its own origin (the hosted page only trusts postMessage from Meta's origin,
// or this one in dev, so tests need a distinct origin).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { dialogErrorPage, dialogPage } from './dialog-page.js';
import { handleGraph, splitGraphPath } from './graph.js';
import { BodyError, parseParams, readBody, send, sendJson } from './http.js';
import {
  DEFAULT_DELIVERY,
  isScenario,
  mergeDelivery,
  parseScenarioSpec,
  type MetaDelivery,
  type MetaOutcome,
  type MetaScenario,
} from './scenario.js';
import { FB_LOCALE_PATTERN, sdkScript } from './sdk-script.js';
import { fakeDisplayNumber, MetaStore } from './store.js';

export type { MetaScenario, MetaDelivery } from './scenario.js';
export { parseScenarioSpec } from './scenario.js';

export interface MetaEmulatorOptions {
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  appId: string;
  appSecret: string;
  scenario?: MetaScenario | null;
  /** How an automated (or clicked) completion is delivered; default message first, both sent. */
  delivery?: Partial<MetaDelivery>;
  /** Default 30000, Meta's code lifetime. */
  codeTtlMs?: number;
  log?: (line: string) => void;
}

export interface MetaEmulator {
  /** Origin, e.g. http://127.0.0.1:4010. */
  url: string;
  close(): Promise<void>;
  /** Changing the scenario resets the delivery variant unless one is given. */
  setScenario(s: MetaScenario | null, delivery?: Partial<MetaDelivery>): void;
}

const ORIGIN_PARAM = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
const HOST_HEADER = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export async function startMetaEmulator(opts: MetaEmulatorOptions): Promise<MetaEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? (() => {});
  const store = new MetaStore(opts.codeTtlMs ?? 30_000);
  const graphCfg = { appId: opts.appId, appSecret: opts.appSecret };
  let scenario: MetaScenario | null = opts.scenario ?? null;
  let delivery: MetaDelivery = { ...DEFAULT_DELIVERY, ...opts.delivery };
  let url = '';

  // The SDK must name the origin the browser actually used (localhost vs 127.0.0.1 differ).
  const originOf = (req: IncomingMessage) => {
    const h = req.headers.host;
    return h && HOST_HEADER.test(h) ? `http://${h}` : url;
  };

  function serveSdk(req: IncomingMessage, res: ServerResponse, locale: string) {
    send(res, 200, sdkScript(originOf(req), locale), {
      'Content-Type': 'application/javascript; charset=utf-8',
      'Cache-Control': 'no-store, max-age=0',
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
    });
  }

  function serveDialog(req: IncomingMessage, res: ServerResponse, q: URLSearchParams) {
    const nonce = randomBytes(16).toString('base64');
    const headers = {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // No Cross-Origin-Opener-Policy on purpose: it would cut window.opener, as it would for Meta.
    };
    const problems: string[] = [];
    const appId = q.get('app_id') ?? q.get('client_id') ?? '';
    if (appId !== opts.appId) problems.push(`Invalid App ID "${appId}": this emulator serves app "${opts.appId}" (META_APP_ID).`);
    if (!q.get('config_id')) problems.push('config_id is missing: Embedded Signup needs the configuration id (META_CONFIG_ID).');
    if (q.get('response_type') !== 'code') problems.push('response_type must be "code" for Embedded Signup.');
    if (q.get('override_default_response_type') !== 'true') problems.push('override_default_response_type must be true.');
    let extras: unknown;
    const rawExtras = q.get('extras');
    if (rawExtras) {
      try {
        extras = JSON.parse(rawExtras);
      } catch {
        problems.push('extras is not valid JSON.');
      }
    }
    if (problems.length) {
      log(`dialog refused: ${problems.join(' ')}`);
      return send(res, 400, dialogErrorPage(nonce, problems), headers);
    }
    const featureType = extras && typeof extras === 'object' ? (extras as Record<string, unknown>).featureType : undefined;
    const flow = featureType === 'whatsapp_business_app_onboarding' ? 'coexistence' : 'dedicated';
    // "finish" follows the flow the page asked for, as Meta's flow does; the others are explicit.
    const auto: MetaOutcome | null = scenario === 'finish' && flow === 'coexistence' ? 'finish_coexistence' : scenario;
    const variant = mergeDelivery(delivery, {
      order: q.get('order') ?? undefined,
      deliver: q.get('deliver') ?? undefined,
      hostile: q.has('hostile') ? q.get('hostile') === '1' || q.get('hostile') === 'true' : undefined,
    });
    const origin = q.get('origin') ?? '';
    send(
      res,
      200,
      dialogPage({
        appId,
        configId: q.get('config_id')!,
        locale: q.get('locale') ?? 'en_US',
        extras,
        state: q.get('state') ?? '',
        targetOrigin: ORIGIN_PARAM.test(origin) ? origin : '*',
        flow,
        auto,
        delivery: typeof variant === 'string' ? delivery : variant,
        nonce,
        displayPhoneNumber: fakeDisplayNumber(),
        verifiedName: '',
      }),
      headers,
    );
  }

  async function completeDialog(req: IncomingMessage, res: ServerResponse) {
    // Only the popup itself (or a test without Origin) may mint codes, as only Meta's page can.
    const origin = req.headers.origin;
    if (origin && origin !== originOf(req)) return sendJson(res, 403, { error: { message: 'Cross-origin request refused' } });
    const body = parseParams(await readBody(req), req.headers['content-type']);
    const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 100) : undefined);
    if (!isScenario(body.outcome)) return sendJson(res, 400, { error: { message: 'outcome must be one of finish, finish_coexistence, cancel, error, token_exchange_error, register_error' } });
    if (body.app_id !== undefined && body.app_id !== opts.appId) return sendJson(res, 400, { error: { message: 'Unknown app_id' } });
    if (body.flow !== undefined && body.flow !== 'dedicated' && body.flow !== 'coexistence') return sendJson(res, 400, { error: { message: 'flow must be dedicated or coexistence' } });
    const result = store.complete({
      outcome: body.outcome,
      appId: opts.appId,
      flow: body.flow as 'dedicated' | 'coexistence' | undefined,
      displayPhoneNumber: text(body.display_phone_number),
      verifiedName: text(body.verified_name),
    });
    log(`dialog completed: ${body.outcome} -> ${result.event}`);
    sendJson(res, 200, result);
  }

  async function control(req: IncomingMessage, res: ServerResponse, action: string) {
    if (action === 'state' && req.method === 'GET') {
      return sendJson(res, 200, { scenario, delivery, app_id: opts.appId, ...store.snapshot() });
    }
    if (action === 'reset' && req.method === 'POST') {
      store.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (action === 'scenario' && req.method === 'POST') {
      const body = parseParams(await readBody(req), 'application/json');
      if (body.scenario !== null && typeof body.scenario !== 'string') return sendJson(res, 400, { error: { message: 'scenario must be a string or null' } });
      let parsed;
      try {
        parsed = parseScenarioSpec(body.scenario);
      } catch (err) {
        return sendJson(res, 400, { error: { message: (err as Error).message } });
      }
      const merged = mergeDelivery(parsed.delivery, { order: body.order, deliver: body.deliver, hostile: body.hostile });
      if (typeof merged === 'string') return sendJson(res, 400, { error: { message: merged } });
      scenario = parsed.scenario;
      delivery = merged;
      log(`scenario set: ${scenario ?? 'none'} ${JSON.stringify(delivery)}`);
      return sendJson(res, 200, { scenario, delivery });
    }
    sendJson(res, 404, { error: { message: 'Unknown emulator control endpoint' } });
  }

  async function graph(req: IncomingMessage, res: ServerResponse, u: URL) {
    const { version, segments } = splitGraphPath(u.pathname);
    const params: Record<string, unknown> = Object.fromEntries(u.searchParams);
    if (req.method !== 'GET' && req.method !== 'HEAD') Object.assign(params, parseParams(await readBody(req), req.headers['content-type']));
    const out = handleGraph({ method: req.method ?? 'GET', segments, version, params, headers: req.headers }, store, graphCfg);
    store.recordRequest(req.method ?? 'GET', u.pathname, out.status);
    const trace = (out.body as { error?: { fbtrace_id?: string } }).error?.fbtrace_id;
    sendJson(res, out.status, out.body, {
      'Content-Type': 'application/json; charset=UTF-8',
      'facebook-api-version': version,
      ...(trace ? { 'x-fb-trace-id': trace } : {}),
      ...out.headers,
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const u = new URL(req.url ?? '/', 'http://emulator.invalid');
    const p = u.pathname;
    const parts = p.split('/').filter(Boolean);
    if (req.method === 'GET' && (p === '/sdk.js' || (parts.length === 2 && FB_LOCALE_PATTERN.test(parts[0]) && (parts[1] === 'sdk.js' || parts[1] === 'all.js')))) {
      return serveSdk(req, res, parts.length === 2 ? parts[0] : 'en_US');
    }
    if (req.method === 'GET' && (p === '/dialog/oauth' || /^\/v\d{1,2}\.\d\/dialog\/oauth$/.test(p))) return serveDialog(req, res, u.searchParams);
    if (p === '/dialog/complete' && req.method === 'POST') return completeDialog(req, res);
    if (parts[0] === '_emulator' && parts.length === 2) return control(req, res, parts[1]);
    if (p === '/' && req.method === 'GET') {
      return sendJson(res, 200, {
        emulator: 'meta',
        sdk: `${originOf(req)}/en_US/sdk.js`,
        graph: `${originOf(req)}/v25.0`,
        scenario,
        control: ['POST /_emulator/scenario', 'GET /_emulator/state', 'POST /_emulator/reset'],
      });
    }
    return graph(req, res, u);
  }

  const server = createServer((req, res) => {
    res.on('finish', () => log(`${req.method} ${(req.url ?? '').split('?')[0]} -> ${res.statusCode}`));
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof BodyError) {
        return sendJson(res, err.status, { error: { message: err.message, type: 'OAuthException', code: 100, fbtrace_id: 'emulator' } });
      }
      log(`error: ${(err as Error).stack ?? String(err)}`);
      sendJson(res, 500, { error: { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', code: 2, is_transient: true, fbtrace_id: 'emulator' } });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  url = `http://${shownHost}:${port}`;

  return {
    url,
    setScenario(s, d) {
      scenario = s;
      delivery = { ...DEFAULT_DELIVERY, ...d };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
