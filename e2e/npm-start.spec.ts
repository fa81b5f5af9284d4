import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../scripts/lib/free-port';
import { expect, test } from './support/fixtures';
import { chooseType, connectButton } from './support/hosted';

// The README's first command, as a partner on a fresh clone uses it: `npm start` prints a demo API
// key and a setup link; the link completes in the emulator and lands on the demo partner page
// with a valid signature. Runs scripts/start.ts itself (on the suite's build, a fresh data dir).

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

test('npm start prints a working API key and demo link that completes on the demo partner page', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const [port, emulatorPort, twilioPort] = [await freePort(), await freePort(), await freePort()];
  dataDir = mkdtempSync(path.join(tmpdir(), 'npm-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    META_EMULATOR_PORT: String(emulatorPort),
    TWILIO_EMULATOR_PORT: String(twilioPort),
    DATA_DIR: dataDir,
  };
  for (const k of [
    'DATABASE_URL',
    'APP_URL',
    'META_EMULATOR_URL',
    'BOOTSTRAP_API_KEYS',
    'DISABLE_DEMO',
    'TWILIO_EMULATOR_URL',
    'TWILIO_API_URL',
    'TWILIO_ACCOUNT_SID',
    'TWILIO_AUTH_TOKEN',
  ])
    delete env[k];
  env.NEXT_DIST_DIR = '.next-test'; // the build the suite made; `npm start` would build .next itself
  env.META_EMULATOR_SCENARIO = 'finish'; // the emulator's window completes by itself

  child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  // Polling the output itself: on failure the report shows what npm start printed.
  await expect.poll(() => out, { timeout: 60_000 }).toMatch(/\/s\/sl_[A-Za-z0-9_-]{43}/);

  const key = /sk_live_[A-Za-z0-9_-]{43}/.exec(out)![0];
  const link = new RegExp(`http://localhost:${port}/s/sl_[A-Za-z0-9_-]{43}`).exec(out)![0];
  expect(out).toContain(`http://localhost:${port}`);

  const customers = await request.get(`http://localhost:${port}/platform/v1/customers`, {
    headers: { 'X-API-Key': key },
  });
  expect(customers.status()).toBe(200);
  expect((await customers.json()).data.map((c: { name: string }) => c.name)).toContain('Demo Customer');

  await page.goto(link);
  await chooseType(page, 'dedicated');
  await connectButton(page).click();
  await page.waitForURL(`http://localhost:${port}/demo/partner/success?**`);
  const params = new URL(page.url()).searchParams;
  expect(params.get('status')).toBe('completed');
  expect(params.get('phone_number_id')).toMatch(/^\d+$/);
  await expect(page.getByText('Signature valid', { exact: true })).toBeVisible();
});
