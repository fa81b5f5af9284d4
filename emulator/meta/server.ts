// Local stand-in for Meta: the JS SDK, the Embedded Signup popup and the Graph endpoints that
// lib/server/meta/graph.ts and the hosted page use, on its own origin (the hosted page only trusts
// postMessage from Meta's origin, or this one in dev, so tests need a distinct origin). This file
// is the public API: start, stop, switch scenario; routes.ts decides who answers a request.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorContext } from './context.js';
import { BodyError, sendJson } from './http.js';
import { route } from './routes.js';
import { newSandboxState, type SandboxNumber } from './sandbox.js';
import { DEFAULT_DELIVERY, type MetaDelivery, type MetaScenario } from './scenario.js';
import { MetaStore } from './store.js';

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
  /** Where testers' messages to the sandbox number are POSTed (the app's `/webhooks/meta`). */
  webhookUrl?: string;
  /** The sandbox number; default the app's dev-mode one (sandbox.ts). */
  sandbox?: Partial<SandboxNumber>;
  /** The Twilio emulator's origin, for the popup's "use a number from my provider" SMS (own-number.ts). */
  twilioUrl?: string | null;
}

export interface MetaEmulator {
  /** Origin, e.g. http://127.0.0.1:4010. */
  url: string;
  close(): Promise<void>;
  /** Changing the scenario resets the delivery variant unless one is given. */
  setScenario(s: MetaScenario | null, delivery?: Partial<MetaDelivery>): void;
  /** Points the sandbox number's webhook elsewhere (when the app's URL is known after the start). */
  setWebhookUrl(url: string | null): void;
}

/** Failures outside any handler's control, in Graph's error shape since most callers are Graph clients. */
function sendFailure(ctx: EmulatorContext, res: ServerResponse, err: unknown) {
  if (res.headersSent) return res.destroy();
  if (err instanceof BodyError) {
    return sendJson(res, err.status, {
      error: { message: err.message, type: 'OAuthException', code: 100, fbtrace_id: 'emulator' },
    });
  }
  ctx.log(`error: ${(err as Error).stack ?? String(err)}`);
  sendJson(res, 500, {
    error: {
      message: 'An unexpected error has occurred. Please retry your request later.',
      type: 'OAuthException',
      code: 2,
      is_transient: true,
      fbtrace_id: 'emulator',
    },
  });
}

/** The URL clients should use: a wildcard bind is reached through localhost, IPv6 needs brackets. */
function publicUrl(host: string, port: number): string {
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shownHost}:${port}`;
}

export async function startMetaEmulator(opts: MetaEmulatorOptions): Promise<MetaEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const ctx: EmulatorContext = {
    appId: opts.appId,
    appSecret: opts.appSecret,
    store: new MetaStore(opts.codeTtlMs ?? 30_000),
    log: opts.log ?? (() => {}),
    scenario: opts.scenario ?? null,
    delivery: { ...DEFAULT_DELIVERY, ...opts.delivery },
    url: '',
    twilioUrl: opts.twilioUrl ? opts.twilioUrl.replace(/\/+$/, '') : null,
    sandbox: newSandboxState(opts.sandbox, opts.webhookUrl ?? null),
  };

  const server = createServer((req, res) => {
    res.on('finish', () => ctx.log(`${req.method} ${(req.url ?? '').split('?')[0]} -> ${res.statusCode}`));
    route(ctx, req, res).catch((err: unknown) => sendFailure(ctx, res, err));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  ctx.url = publicUrl(host, (server.address() as AddressInfo).port);

  return {
    url: ctx.url,
    setWebhookUrl(url) {
      ctx.sandbox.webhookUrl = url;
    },
    setScenario(s, d) {
      ctx.scenario = s;
      ctx.delivery = { ...DEFAULT_DELIVERY, ...d };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
