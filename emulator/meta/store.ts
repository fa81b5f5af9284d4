// In-memory state of the emulated Meta side: the businesses, WABAs and numbers each completed
// signup "creates", the one-time codes handed to FB.login callbacks, and the tokens they became.
// Everything lives for the life of the process: the emulator is for dev and tests only.
import { randomBytes, randomInt } from 'node:crypto';
import type { ConnectionType } from '@/lib/shared/vocabulary';
import type { OwnNumberVerification } from './own-number.js';
import type { MetaOutcome } from './scenario.js';

export interface Waba {
  id: string;
  businessId: string;
  name: string;
  coexistence: boolean;
  phoneIds: string[];
  subscribedApps: Set<string>;
}

export interface PhoneNumber {
  id: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string;
  coexistence: boolean;
  /** The "register_error" number: POST /register fails as if a two-step PIN were already set. */
  failRegister: boolean;
  registered: boolean;
  syncs: string[];
  onboardedAt: number;
}

export interface AuthCode {
  code: string;
  appId: string;
  wabaId: string;
  businessId: string;
  createdAt: number;
  usedAt: number | null;
  /** The "token_exchange_error" code: the exchange rejects it as expired. */
  failExchange: boolean;
}

export interface AccessToken {
  token: string;
  appId: string;
  userId: string;
  wabaId: string;
  businessId: string;
  issuedAt: number;
  expiresIn: number;
}

export interface Completion {
  code: string | null;
  event: 'FINISH' | 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING' | 'CANCEL';
  data: Record<string, string>;
}

export interface CompletionInput {
  outcome: MetaOutcome;
  appId: string;
  /** Only used by token_exchange_error: which flow the failing completion imitates. */
  flow?: ConnectionType;
  displayPhoneNumber?: string;
  verifiedName?: string;
}

export type Counts = Record<
  | 'codes_issued'
  | 'codes_exchanged'
  | 'token_exchange_failures'
  | 'debug_token_calls'
  | 'subscriptions'
  | 'registrations'
  | 'register_failures'
  | 'smb_syncs'
  | 'graph_requests',
  number
>;

/** 60 days, what Meta returns for a user token obtained with a code. */
export const TOKEN_EXPIRES_IN = 5183944;

/** A Meta-style numeric id: 15 or 16 digits, never a leading zero. */
export function numericId(length = randomInt(15, 17)): string {
  let out = String(randomInt(1, 10));
  while (out.length < length) out += String(randomInt(0, 10));
  return out;
}

function alnum(bytes: number): string {
  return randomBytes(bytes)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

/** Looks like Meta's short trace ids (e.g. "AZ3kq9Xy1Tb"). */
export function fbtraceId(): string {
  return ('A' + alnum(16)).slice(0, 11);
}

// Fictional US numbers: 555-0100..0199 are reserved for fiction in every area code.
const AREA_CODES = ['202', '212', '312', '415', '512', '617', '631', '702', '808', '917'];
const NAMES = ['Emulator Bakery', 'Sample Bike Shop', 'Demo Dental Care', 'Test Flower Studio', 'Example Tours'];

export function fakeDisplayNumber(): string {
  return `+1 ${AREA_CODES[randomInt(AREA_CODES.length)]}-555-01${String(randomInt(0, 100)).padStart(2, '0')}`;
}

export class MetaStore {
  readonly wabas = new Map<string, Waba>();
  readonly phones = new Map<string, PhoneNumber>();
  readonly codes = new Map<string, AuthCode>();
  readonly tokens = new Map<string, AccessToken>();
  readonly businesses = new Map<string, { id: string; name: string }>();
  readonly requests: { at: string; method: string; path: string; status: number }[] = [];
  /** Codes texted to "numbers from my provider", by verification id (own-number.ts). */
  readonly verifications = new Map<string, OwnNumberVerification>();
  counts: Counts = MetaStore.zeroCounts();
  /** Graph calls by method and path, ids as {id} ("POST {id}/register"), whatever they answered. */
  calls: Record<string, number> = {};

  constructor(private readonly codeTtlMs: number) {}

  static zeroCounts(): Counts {
    return {
      codes_issued: 0,
      codes_exchanged: 0,
      token_exchange_failures: 0,
      debug_token_calls: 0,
      subscriptions: 0,
      registrations: 0,
      register_failures: 0,
      smb_syncs: 0,
      graph_requests: 0,
    };
  }

  reset(): void {
    for (const m of [this.wabas, this.phones, this.codes, this.tokens, this.businesses, this.verifications]) m.clear();
    this.requests.length = 0;
    this.counts = MetaStore.zeroCounts();
    this.calls = {};
  }

  /** Counts a Graph call by its path with ids left out, so tests can count e.g. `register` calls. */
  countCall(method: string, segments: string[]): void {
    const key = `${method} ${segments.map((s) => (/^\d+$/.test(s) ? '{id}' : s)).join('/')}`;
    this.calls[key] = (this.calls[key] ?? 0) + 1;
  }

  recordRequest(method: string, path: string, status: number): void {
    this.counts.graph_requests++;
    this.requests.push({ at: new Date().toISOString(), method, path, status });
    if (this.requests.length > 200) this.requests.shift();
  }

  /** What one click in the popup produces: fresh ids (like a new WABA) and, on success, a code. */
  complete(input: CompletionInput): Completion {
    const { outcome } = input;
    if (outcome === 'cancel') return { code: null, event: 'CANCEL', data: { current_step: 'PHONE_NUMBER_SETUP' } };
    if (outcome === 'error') {
      return {
        code: null,
        event: 'CANCEL',
        data: {
          error_message: 'Something went wrong',
          error_code: '524126',
          error_id: numericId(),
          session_id: alnum(24).slice(0, 16),
          timestamp: String(Math.floor(Date.now() / 1000)),
        },
      };
    }
    const coexistence =
      outcome === 'finish_coexistence' || (outcome === 'token_exchange_error' && input.flow === 'coexistence');
    const now = Date.now();
    const business = { id: numericId(16), name: input.verifiedName?.trim() || NAMES[randomInt(NAMES.length)] };
    this.businesses.set(business.id, business);
    const waba: Waba = {
      id: numericId(15),
      businessId: business.id,
      name: business.name,
      coexistence,
      phoneIds: [],
      subscribedApps: new Set(),
    };
    const phone: PhoneNumber = {
      id: numericId(15),
      wabaId: waba.id,
      displayPhoneNumber: input.displayPhoneNumber?.trim() || fakeDisplayNumber(),
      verifiedName: business.name,
      coexistence,
      failRegister: outcome === 'register_error',
      registered: false,
      syncs: [],
      onboardedAt: now,
    };
    waba.phoneIds.push(phone.id);
    this.wabas.set(waba.id, waba);
    this.phones.set(phone.id, phone);
    const code: AuthCode = {
      code: 'AQ' + randomBytes(96).toString('base64url'),
      appId: input.appId,
      wabaId: waba.id,
      businessId: business.id,
      createdAt: now,
      usedAt: null,
      failExchange: outcome === 'token_exchange_error',
    };
    this.codes.set(code.code, code);
    this.counts.codes_issued++;
    return coexistence
      ? {
          code: code.code,
          event: 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING',
          data: { waba_id: waba.id, business_id: business.id },
        }
      : {
          code: code.code,
          event: 'FINISH',
          data: { phone_number_id: phone.id, waba_id: waba.id, business_id: business.id },
        };
  }

  isExpired(code: AuthCode, now = Date.now()): boolean {
    return now - code.createdAt > this.codeTtlMs;
  }

  issueToken(code: AuthCode): AccessToken {
    const token: AccessToken = {
      token: 'EAA' + alnum(160),
      appId: code.appId,
      userId: numericId(16),
      wabaId: code.wabaId,
      businessId: code.businessId,
      issuedAt: Date.now(),
      expiresIn: TOKEN_EXPIRES_IN,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  snapshot() {
    return {
      counts: { ...this.counts },
      wabas: [...this.wabas.values()].map((w) => ({
        id: w.id,
        business_id: w.businessId,
        coexistence: w.coexistence,
        phone_number_ids: w.phoneIds,
        subscribed_apps: [...w.subscribedApps],
      })),
      phone_numbers: [...this.phones.values()].map((p) => ({
        id: p.id,
        waba_id: p.wabaId,
        display_phone_number: p.displayPhoneNumber,
        coexistence: p.coexistence,
        registered: p.registered,
        syncs: p.syncs,
      })),
      requests: this.requests.slice(),
    };
  }
}
