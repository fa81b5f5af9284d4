import { afterAll, beforeAll, beforeEach } from 'vitest';
import { env } from '@/lib/server/env';
import { LINK_COOKIE } from '@/lib/server/http/link-cookie';
import { newAttemptId } from '@/lib/server/onboarding/attempt';
import { testProject } from './fixtures';
import { insertTestLink, startTestMeta } from './onboarding';

// Requests to the hosted page's endpoints (/setup/*) as our own page makes them: same origin,
// JSON, the link cookie. Each option can be changed or left out (null) to test the guards.

export const HOSTED_ORIGIN = 'http://localhost:3000';

export function hostedRequest(
  path: string,
  body: unknown,
  opts: { token?: string | null; origin?: string | null; site?: string | null; raw?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.origin !== null) headers.origin = opts.origin ?? HOSTED_ORIGIN;
  if (opts.site !== null) headers['sec-fetch-site'] = opts.site ?? 'same-origin';
  if (opts.token) headers.cookie = `theme=x; ${LINK_COOKIE}=${opts.token}`;
  return new Request(`${HOSTED_ORIGIN}${path}`, { method: 'POST', headers, body: opts.raw ?? JSON.stringify(body) });
}

/** The status and error code of an error answer. */
export async function errorOf(res: Response) {
  return { status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code };
}

/**
 * For a test file of the hosted endpoints: a project, and the Meta emulator on a free port (reset
 * before each test) with the parsed env's Graph URL pointed at it, as the endpoints read it.
 * `meta` and `ctx` are set once beforeAll has run.
 */
export function hostedEndpointsSuite() {
  const suite = {} as { meta: Awaited<ReturnType<typeof startTestMeta>>; ctx: Awaited<ReturnType<typeof testProject>> };
  beforeAll(async () => {
    suite.meta = await startTestMeta();
    env.meta.graphUrl = suite.meta.emulator.url;
    suite.ctx = await testProject();
  });
  afterAll(() => suite.meta.emulator.close());
  beforeEach(() => fetch(`${suite.meta.emulator.url}/_emulator/reset`, { method: 'POST' }));
  /** A link of the project (inserted directly), its cookie token and a fresh attempt id. */
  const newLink = async (values?: Parameters<typeof insertTestLink>[2]) => {
    const { token, link } = await insertTestLink(suite.ctx.db, suite.ctx.project.id, values);
    return { token, link, attemptId: newAttemptId(link.id) };
  };
  return { suite, newLink };
}
