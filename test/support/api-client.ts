import { testProject } from './fixtures';
import { paths, routes } from './routes';

// Calls exported route handlers directly, as Next would: a Request plus `{params: Promise}`.

type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
export type Routes = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', unknown>>;

export interface CallOptions {
  params?: Record<string, string>;
  body?: unknown;
  /** A raw body string (sent as is, e.g. malformed JSON). */
  raw?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number>;
}

export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function call(
  routes: Routes,
  method: keyof Routes,
  path: string,
  apiKey: string | null,
  opts: CallOptions = {},
): Promise<Answer> {
  const url = new URL(`http://localhost:3000/platform/v1${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
  const body = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const headers: Record<string, string> = {
    ...(apiKey ? { 'X-API-Key': apiKey } : {}),
    ...(body ? { 'Content-Type': 'application/json' } : {}),
    ...opts.headers,
  };
  const req = new Request(url, { method, headers, body });
  const res = await (routes[method] as Handler)(req, { params: Promise.resolve(opts.params ?? {}) as Promise<never> });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** A fresh project and a caller bound to its key: `api(routes, 'POST', path, opts)`. */
export async function apiClient() {
  const fixture = await testProject();
  const api = (r: Routes, method: keyof Routes, path: string, opts?: CallOptions) =>
    call(r, method, path, fixture.apiKey, opts);
  /** Creates a customer through the API and returns its API object. */
  const newCustomer = async (name = 'Acme Bakery') =>
    (await api(routes.customers, 'POST', paths.customers(), { body: { customer: { name } } })).body.data;
  /** Creates a setup link through the API and returns the whole answer. */
  const newLink = (customerId: string, setupLink: Record<string, unknown> = {}) =>
    api(routes.setupLinks, 'POST', paths.setupLinks(customerId), {
      params: { customerId },
      body: { setup_link: setupLink },
    });
  return { ...fixture, api, newCustomer, newLink };
}
