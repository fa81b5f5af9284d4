// `npm run screenshots`: phone-width pictures of the hosted page for the README, in English and
// Arabic (right-to-left), saved to docs/screenshots/hosted-{en,ar}.png.
//   npm run screenshots                     # builds into .next-test and runs its own server
//   npm run screenshots -- --no-build       # the same, reusing the existing .next-test build
//   npm run screenshots -- --url http://localhost:3000 --key sk_live_...   # a running server
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium';
import { E2E_PROJECTS } from './lib/test-keys';
import { startTestServer, TEST_BUILD_DIR, type TestServer } from './lib/test-server';
import { bin, ROOT, run } from './lib/child';

const OUT_DIR = path.join(ROOT, 'docs', 'screenshots');
const SHOTS = ['en', 'ar'] as const;
// The partner name the pictures show, on the server this script starts.
const PARTNER = 'Acme Messaging';

async function api(base: string, key: string, method: string, route: string, body: unknown) {
  const res = await fetch(`${base}/platform/v1${route}`, {
    method,
    headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as { data?: { id: string; url: string } } | null;
  if (!res.ok || !json?.data) throw new Error(`${method} ${route} answered ${res.status}: ${JSON.stringify(json)}`);
  return json.data;
}

async function ownServer(build: boolean): Promise<TestServer> {
  // Pictures for the docs must show the current code: rebuild unless told otherwise.
  if (build || !existsSync(path.join(ROOT, TEST_BUILD_DIR, 'BUILD_ID'))) {
    console.log(`Building into ${TEST_BUILD_DIR}...`);
    const code = await run(bin('next'), ['build'], { env: { ...process.env, NEXT_DIST_DIR: TEST_BUILD_DIR } });
    if (code !== 0) process.exit(code);
  }
  return startTestServer({
    name: 'screenshots',
    logFile: path.join(ROOT, 'test-results', 'screenshots-server.log'),
    bootstrapApiKeys: `${PARTNER}:${E2E_PROJECTS.primary.key}`,
  });
}

async function main() {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, key: { type: 'string' }, 'no-build': { type: 'boolean' } },
  });
  if (!!values.url !== !!values.key)
    throw new Error('Give both --url and --key (a running server), or neither (a server of its own).');
  const server = values.url ? null : await ownServer(!values['no-build']);
  const base = (values.url ?? server!.baseUrl).replace(/\/+$/, '');
  const key = values.key ?? E2E_PROJECTS.primary.key;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    mkdirSync(OUT_DIR, { recursive: true });
    for (const locale of SHOTS) {
      const { id } = await api(base, key, 'POST', '/customers', {
        customer: { name: `Screenshot customer (${locale})` },
      });
      const link = await api(base, key, 'POST', `/customers/${id}/setup_links`, { setup_link: { language: locale } });
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale,
      });
      const page = await context.newPage();
      const res = await page.goto(link.url, { waitUntil: 'networkidle' });
      if (!res || res.status() >= 400) throw new Error(`The hosted page answered ${res?.status()} for ${locale}.`);
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(OUT_DIR, `hosted-${locale}.png`);
      await page.screenshot({ path: file });
      console.log(`Saved ${path.relative(ROOT, file)}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
