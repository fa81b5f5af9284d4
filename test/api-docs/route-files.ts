import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// The route files under app/platform/v1, found by walking the folder (not a hand-kept list), and
// the OpenAPI path each one serves: `[customerId]` is `{customer_id}`, `[id]` is `{id}`.

const ROOT = path.resolve(import.meta.dirname, '../../app/platform/v1');
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type RouteModule = Partial<Record<Method, Handler>>;

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return name === 'route.ts' ? [full] : [];
  });
}

/** Every route file but the catch-all and the bare prefix (they answer unknown paths with a 404). */
export function routeFiles(): Array<{ file: string; docPath: string }> {
  return walk(ROOT)
    .filter((file) => !file.includes('[...') && path.dirname(file) !== ROOT)
    .map((file) => {
      const segments = path.relative(ROOT, path.dirname(file)).split(path.sep);
      const docPath = `/${segments.map((s) => s.replace(/^\[(\w+)\]$/, (_, p: string) => `{${snake(p)}}`)).join('/')}`;
      return { file, docPath };
    });
}

/** The route module serving an OpenAPI path, or null when no route file serves it. */
export async function routeModuleFor(docPath: string): Promise<RouteModule | null> {
  const found = routeFiles().find((r) => r.docPath === docPath);
  return found && existsSync(found.file) ? ((await import(found.file)) as RouteModule) : null;
}

/**
 * The methods a route module really serves: each export is called without an API key, and one
 * made by methodNotAllowed answers 405 `method_not_allowed`; any other answer (401, or 200 for the
 * public document) means the method is served.
 */
export async function servedMethods(mod: RouteModule, docPath: string): Promise<Method[]> {
  const served: Method[] = [];
  for (const method of METHODS) {
    const handler = mod[method];
    if (!handler) continue;
    const url = `http://localhost:3000/platform/v1${docPath.replace(/\{\w+\}/g, crypto.randomUUID())}`;
    const res = await handler(new Request(url, { method }), { params: Promise.resolve({}) });
    const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
    if (!(res.status === 405 && body?.error?.code === 'method_not_allowed')) served.push(method);
  }
  return served;
}
