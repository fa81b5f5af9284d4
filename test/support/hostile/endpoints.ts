import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// Every endpoint the hostile runs cover. The API's are found by walking app/platform/v1 (so a new
// route file is covered without editing this list); the hosted page's JSON endpoints and the
// inbound webhooks are named here because they take other credentials (a cookie, a signature).

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type EndpointKind = 'api' | 'hosted' | 'language' | 'twilio_sms' | 'meta_webhook';

export interface Endpoint {
  /** "POST /customers/{customerId}/setup_links" */
  name: string;
  kind: EndpointKind;
  method: Method;
  /** The URL path, `{param}` for each path parameter (API paths without the /platform/v1 prefix). */
  template: string;
  params: string[];
  handler: Handler;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');
const API_DIR = path.join(ROOT, 'app/platform/v1');

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === 'route.ts' ? [full] : [];
  });
}

/** `customers/[customerId]/setup_links` -> `/customers/{customerId}/setup_links`; the catch-all: a made-up path. */
function templateOf(dir: string): { template: string; params: string[] } {
  const segments = path.relative(API_DIR, dir).split(path.sep).filter(Boolean);
  const params: string[] = [];
  const parts = segments.map((s) => {
    if (s.startsWith('[...')) return 'no_such_resource/here';
    const m = /^\[(\w+)\]$/.exec(s);
    if (!m) return s;
    params.push(m[1]);
    return `{${m[1]}}`;
  });
  return { template: `/${parts.join('/')}`.replace(/\/$/, '') || '/', params };
}

async function load(file: string): Promise<Partial<Record<Method, Handler>>> {
  return (await import(file)) as Partial<Record<Method, Handler>>;
}

async function apiEndpoints(): Promise<Endpoint[]> {
  const out: Endpoint[] = [];
  for (const file of routeFiles(API_DIR).sort()) {
    const mod = await load(file);
    const { template, params } = templateOf(path.dirname(file));
    for (const method of METHODS) {
      const handler = mod[method];
      if (handler) out.push({ name: `${method} ${template}`, kind: 'api', method, template, params, handler });
    }
  }
  return out;
}

const OTHERS: Array<{ file: string; kind: EndpointKind; path: string; methods: Method[] }> = [
  { file: 'app/setup/complete/route.ts', kind: 'hosted', path: '/setup/complete', methods: ['POST'] },
  { file: 'app/setup/progress/route.ts', kind: 'hosted', path: '/setup/progress', methods: ['POST'] },
  { file: 'app/setup/renewal/route.ts', kind: 'hosted', path: '/setup/renewal', methods: ['POST'] },
  { file: 'app/setup/phone-number/route.ts', kind: 'hosted', path: '/setup/phone-number', methods: ['POST'] },
  { file: 'app/setup/phone-number/code/route.ts', kind: 'hosted', path: '/setup/phone-number/code', methods: ['POST'] },
  { file: 'app/setup/language/route.ts', kind: 'language', path: '/setup/language', methods: ['POST'] },
  { file: 'app/webhooks/twilio/sms/route.ts', kind: 'twilio_sms', path: '/webhooks/twilio/sms', methods: ['POST'] },
  { file: 'app/webhooks/meta/route.ts', kind: 'meta_webhook', path: '/webhooks/meta', methods: ['GET', 'POST'] },
];

/** Every endpoint: the API's (found on disk), then the hosted page's and the inbound webhooks. */
export async function allEndpoints(): Promise<Endpoint[]> {
  const out = await apiEndpoints();
  for (const o of OTHERS) {
    const mod = await load(path.join(ROOT, o.file));
    for (const method of o.methods) {
      const handler = mod[method];
      if (!handler) throw new Error(`${o.file} has no ${method} handler`);
      out.push({ name: `${method} ${o.path}`, kind: o.kind, method, template: o.path, params: [], handler });
    }
  }
  return out;
}
