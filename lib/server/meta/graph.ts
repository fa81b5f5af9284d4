import 'server-only';
import type { z } from 'zod';
import { env } from '../env';
import { GraphError } from './graph-error';
import {
  accepted,
  debugResponse,
  phoneList,
  phoneNode,
  toPhone,
  tokenResponse,
  type PhoneNumberInfo,
  type SmbSyncType,
  type TokenInfo,
} from './shapes';
import { graphRequest, type GraphCall } from './transport';

export type { PhoneNumberInfo, SmbSyncType, TokenInfo } from './shapes';

// The Graph API calls of a completed Embedded Signup (lib/server/onboarding/connect.ts). The base
// URL is injectable so tests and dev point it at the emulator; getGraphClient() is the env-configured default.

export interface GraphClientOptions {
  baseUrl: string;
  version: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
}

const PHONE_FIELDS = 'id,display_phone_number,verified_name,is_on_biz_app,last_onboarded_time';
const id = (v: string) => encodeURIComponent(v);

export function createGraphClient(opts: GraphClientOptions) {
  const endpoint = {
    baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    version: opts.version,
    timeoutMs: opts.timeoutMs ?? 10_000,
  };

  async function call<T>(c: GraphCall, schema: z.ZodType<T>): Promise<T> {
    const parsed = schema.safeParse(await graphRequest(endpoint, c));
    if (!parsed.success)
      throw new GraphError('Graph answered with an unexpected shape', 'invalid_response', c.operation, 200);
    return parsed.data;
  }

  return {
    /** Code -> user access token. Never retried: a code works once, and lives 30 seconds. */
    async exchangeCode(code: string): Promise<{ accessToken: string }> {
      const query = { client_id: opts.appId, client_secret: opts.appSecret, code };
      const r = await call(
        { operation: 'exchange_code', method: 'GET', path: 'oauth/access_token', query },
        tokenResponse,
      );
      return { accessToken: r.access_token };
    },

    /** Inspects a token with the app token (`appId|appSecret`). */
    async debugToken(token: string): Promise<TokenInfo> {
      const appToken = `${opts.appId}|${opts.appSecret}`;
      const r = await call(
        {
          operation: 'debug_token',
          method: 'GET',
          path: 'debug_token',
          query: { input_token: token },
          token: appToken,
          retry: true,
        },
        debugResponse,
      );
      const scopes = r.data.granular_scopes ?? [];
      const wabas = scopes.filter((s) => s.scope === 'whatsapp_business_management').flatMap((s) => s.target_ids ?? []);
      return { isValid: r.data.is_valid === true, appId: r.data.app_id ?? null, grantedWabaIds: [...new Set(wabas)] };
    },

    async listPhoneNumbers(wabaId: string, token: string): Promise<PhoneNumberInfo[]> {
      const r = await call(
        {
          operation: 'list_phone_numbers',
          method: 'GET',
          path: `${id(wabaId)}/phone_numbers`,
          query: { fields: PHONE_FIELDS },
          token,
          retry: true,
        },
        phoneList,
      );
      return r.data.map(toPhone);
    },

    /** Subscribes our app to the WABA's webhooks (idempotent on Meta's side, so retried once). */
    async subscribeApp(wabaId: string, token: string): Promise<void> {
      await call(
        { operation: 'subscribe_app', method: 'POST', path: `${id(wabaId)}/subscribed_apps`, token, retry: true },
        accepted,
      );
    },

    /** Registers a dedicated number for Cloud API. Never retried: repeated attempts can lock the number. */
    async registerNumber(phoneNumberId: string, pin: string, token: string): Promise<void> {
      const json = { messaging_product: 'whatsapp', pin };
      await call(
        { operation: 'register_number', method: 'POST', path: `${id(phoneNumberId)}/register`, json, token },
        accepted,
      );
    },

    /** Coexistence: asks Meta to send the app's contacts or chat history (once each, within 24 h). */
    async requestSmbSync(phoneNumberId: string, token: string, syncType: SmbSyncType): Promise<void> {
      const json = { messaging_product: 'whatsapp', sync_type: syncType };
      await call(
        { operation: `smb_sync_${syncType}`, method: 'POST', path: `${id(phoneNumberId)}/smb_app_data`, json, token },
        accepted,
      );
    },

    async getPhoneNumber(phoneNumberId: string, token: string): Promise<PhoneNumberInfo> {
      const r = await call(
        {
          operation: 'get_phone_number',
          method: 'GET',
          path: id(phoneNumberId),
          query: { fields: PHONE_FIELDS },
          token,
          retry: true,
        },
        phoneNode,
      );
      return toPhone(r);
    },
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;

/** The client configured from the environment (real Meta, or the emulator in dev). */
export function getGraphClient(): GraphClient {
  const { graphUrl, graphVersion, appId, appSecret } = env.meta;
  return createGraphClient({ baseUrl: graphUrl, version: graphVersion, appId, appSecret });
}
