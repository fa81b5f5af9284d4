import { test as base, expect, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { E2E_PROJECTS } from '@/scripts/lib/test-keys';

// What every spec imports instead of @playwright/test: server errors fail the test that caused
// them, whether they reach the test through the API helper or through a page.

export interface ApiResponse<T = any> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or null for an empty or non-JSON body (then see `text`). */
  body: T;
  text: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** The partner API as one project sees it. Paths are relative to /platform/v1 unless they name a prefix. */
export class ApiClient {
  constructor(
    readonly request: APIRequestContext,
    /** null: send no key at all. */
    readonly key: string | null,
  ) {}

  async call<T = any>(
    method: Method,
    path: string,
    opts: { data?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const url = /^\/(platform|api)\/v1(\/|$)/.test(path) ? path : `/platform/v1${path}`;
    const headers: Record<string, string> = { ...(this.key ? { 'X-API-Key': this.key } : {}), ...opts.headers };
    const res = await this.request.fetch(url, {
      method,
      headers,
      data: opts.data,
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    const text = method === 'HEAD' ? '' : await res.text();
    let body: T = null as T;
    try {
      body = text ? JSON.parse(text) : (null as T);
    } catch {
      /* not JSON: callers look at `text` */
    }
    expect(res.status(), `${method} ${url} answered ${res.status()}: ${text.slice(0, 500)}`).toBeLessThan(500);
    return { status: res.status(), headers: res.headers(), body, text };
  }

  get = <T = any>(path: string, headers?: Record<string, string>) => this.call<T>('GET', path, { headers });
  post = <T = any>(path: string, data?: unknown, headers?: Record<string, string>) =>
    this.call<T>('POST', path, { data, headers });
  patch = <T = any>(path: string, data?: unknown, headers?: Record<string, string>) =>
    this.call<T>('PATCH', path, { data, headers });
  put = <T = any>(path: string, data?: unknown, headers?: Record<string, string>) =>
    this.call<T>('PUT', path, { data, headers });
  delete = <T = any>(path: string, headers?: Record<string, string>) => this.call<T>('DELETE', path, { headers });

  /** The same client with another key (or none). */
  withKey = (key: string | null) => new ApiClient(this.request, key);
}

/** Records every 5xx answer any page of `context` receives (documents, scripts, fetches, popups). */
export function watchServerErrors(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on('response', (res) => {
    if (res.status() >= 500) seen.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
  return seen;
}

interface Fixtures {
  /** The primary test project's API. */
  api: ApiClient;
  /** Another project's API (isolation tests). */
  otherApi: ApiClient;
  /** Set true with test.use() in a test that provokes a 5xx on purpose. */
  allowServerErrors: boolean;
  /** Emulated Meta, for switching scenarios (POST /_emulator/scenario). */
  emulatorUrl: string;
  /** Emulated Twilio, for inbound SMS and its state (POST /_emulator/sms, GET /_emulator/state). */
  twilioUrl: string;
}

export const test = base.extend<Fixtures>({
  api: async ({ request }, use) => use(new ApiClient(request, E2E_PROJECTS.primary.key)),
  otherApi: async ({ request }, use) => use(new ApiClient(request, E2E_PROJECTS.other.key)),
  allowServerErrors: [false, { option: true }],
  emulatorUrl: async ({}, use) => use(process.env.E2E_EMULATOR_URL!),
  twilioUrl: async ({}, use) => use(process.env.E2E_TWILIO_URL!),
  // Automatic for every test that uses a browser: `page` comes from this context, so any 5xx a page
  // receives fails the test. Overriding `context` (rather than an auto fixture that would create
  // one) keeps API-only tests browser-free. Contexts made by hand: use watchServerErrors().
  context: async ({ context, allowServerErrors }, use) => {
    const seen = watchServerErrors(context);
    await use(context);
    if (!allowServerErrors) expect(seen, 'responses with a 5xx status received by the page').toEqual([]);
  },
});

export { expect };
