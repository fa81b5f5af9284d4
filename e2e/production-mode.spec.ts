import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../scripts/lib/free-port';
import { expect, test } from './support/fixtures';

// Production mode, as an operator starts it (`next start` on the suite's build): it refuses to
// start on an incomplete configuration, saying what is missing, and once started it answers the
// load balancer's checks and serves no demo.

const KEY = `v1:${Buffer.alloc(32, 9).toString('base64')}`;
const PRODUCTION = {
  APP_URL: 'https://onboard.example.test',
  META_APP_ID: '1234567890',
  META_APP_SECRET: 'app-secret-for-tests',
  META_CONFIG_ID: '987654321',
  ENCRYPTION_KEY: KEY,
};

let child: ChildProcess | undefined;
let dataDir: string | undefined;
test.afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function start(settings: Record<string, string | undefined>) {
  const port = await freePort();
  dataDir = mkdtempSync(path.join(tmpdir(), 'prod-mode-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: '.next-test', PORT: String(port), DATA_DIR: dataDir };
  for (const k of Object.keys(env))
    if (/^(META_|TWILIO_|APP_|ENCRYPTION_KEY|BOOTSTRAP|SANDBOX_)/.test(k)) delete env[k];
  for (const [k, v] of Object.entries(settings)) if (v !== undefined) env[k] = v;
  child = spawn(process.execPath, ['node_modules/.bin/next', 'start', '--port', String(port)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  return { base: `http://localhost:${port}`, output: () => out, exited };
}

test('an incomplete production configuration does not start, and names what is missing', async () => {
  test.setTimeout(60_000);
  const partial = await start({ ...PRODUCTION, META_CONFIG_ID: undefined });
  expect(await partial.exited).toBe(1);
  expect(partial.output()).toContain('Cannot start: Invalid environment: META_CONFIG_ID missing');

  const noKey = await start({ ...PRODUCTION, ENCRYPTION_KEY: undefined });
  expect(await noKey.exited).toBe(1);
  expect(noKey.output()).toContain('production needs ENCRYPTION_KEY');

  const publicDev = await start({ APP_URL: 'https://onboard.example.test' });
  expect(await publicDev.exited).toBe(1);
  expect(publicDev.output()).toContain('ALLOW_DEV_MODE_ON_PUBLIC_URL');
});

test('production answers /healthz and /readyz, and serves no demo', async ({ request }) => {
  test.setTimeout(60_000);
  const server = await start(PRODUCTION);
  await expect
    .poll(async () => (await request.get(`${server.base}/healthz`).catch(() => null))?.status(), { timeout: 45_000 })
    .toBe(200);
  const ready = await request.get(`${server.base}/readyz`);
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
  expect((await request.get(`${server.base}/demo/partner/success`)).status()).toBe(404);
  const api = await request.get(`${server.base}/platform/v1/customers`);
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe('missing_api_key');
  expect(server.output()).not.toContain('sk_live_'); // no demo key printed
});
