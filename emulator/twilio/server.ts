// Local stand-in for Twilio's REST API (the phone number endpoints lib/server/twilio/client.ts
// calls) plus the inbound SMS webhooks Twilio would send, on its own origin. This file is the
// public API: start and stop; routes.ts decides who answers a request.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TwilioContext } from './context.js';
import { BodyError, sendJson } from './http.js';
import { route } from './routes.js';
import { TwilioStore, type Account } from './store.js';

export type { Account as TwilioAccount } from './store.js';
export { DEFAULT_SENDER } from './control-endpoints.js';

export interface TwilioEmulatorOptions {
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The accounts whose Basic credentials are accepted (more can be added over /_emulator/accounts). */
  accounts: Account[];
  /** Default 10000. */
  webhookTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface TwilioEmulator {
  /** Origin, e.g. http://127.0.0.1:4011: both TWILIO_API_URL and TWILIO_EMULATOR_URL. */
  url: string;
  close(): Promise<void>;
}

/** Failures outside any handler's control, in Twilio's error shape since most callers are REST clients. */
function sendFailure(ctx: TwilioContext, res: ServerResponse, err: unknown) {
  if (res.headersSent) return res.destroy();
  const status = err instanceof BodyError ? err.status : 500;
  if (status === 500) ctx.log(`error: ${(err as Error).stack ?? String(err)}`);
  const message = err instanceof BodyError ? err.message : 'Internal Server Error';
  sendJson(res, status, { code: 20500, message, more_info: 'https://www.twilio.com/docs/errors/20500', status });
}

/** The URL clients should use: a wildcard bind is reached through localhost, IPv6 needs brackets. */
function publicUrl(host: string, port: number): string {
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shownHost}:${port}`;
}

export async function startTwilioEmulator(opts: TwilioEmulatorOptions): Promise<TwilioEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const ctx: TwilioContext = {
    store: new TwilioStore(opts.accounts),
    log: opts.log ?? (() => {}),
    webhookTimeoutMs: opts.webhookTimeoutMs ?? 10_000,
    url: '',
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
