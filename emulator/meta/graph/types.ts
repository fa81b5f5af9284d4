// Shapes shared by the Graph handlers: the parsed request, the response they return (the server
// turns it into HTTP), and the app the emulator impersonates.
import type { IncomingHttpHeaders } from 'node:http';

/** Shown wherever Graph names the app (debug_token, subscribed_apps). */
export const APP_NAME = 'Meta Emulator App';

export interface GraphConfig {
  appId: string;
  appSecret: string;
}

export interface GraphRequest {
  method: string;
  /** Path segments after the optional version prefix. */
  segments: string[];
  version: string;
  params: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export interface GraphResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown): GraphResponse => ({ status: 200, body });

/** Graph params arrive as query strings, form fields or JSON, so numbers count as strings too. */
export const stringParam = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
