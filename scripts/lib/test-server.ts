// A production server for automated runs (the e2e suite, the screenshots script): the .next-test
// build, Meta and Twilio emulators on free ports, a fresh embedded database, fixed partner keys, and all
// output teed into a log file. Nothing from the operator's own configuration leaks in.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port';
import { startMetaEmulator } from '@/emulator/meta/server';
import { startTwilioEmulator } from '@/emulator/twilio/server';
import { bootstrapApiKeys } from './test-keys';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const TEST_BUILD_DIR = '.next-test';

/** The operator's Twilio account in automated runs (lib/server/env.ts's dev-mode one). */
export const TEST_TWILIO_ACCOUNT = {
  accountSid: 'ACemulator00000000000000000000000',
  authToken: 'emulator-auth-token',
};

// Settings that would point the server at real Meta or Twilio, another database directory or another URL.
const STRIPPED =
  /^(META_|TWILIO_|APP_URL$|PORT$|DATA_DIR$|NEXT_DIST_DIR$|BOOTSTRAP_API_KEYS$|DISABLE_DEMO$|ENCRYPTION_KEY$|ALLOW_LOCALHOST_REDIRECTS$|LOG_LEVEL$|NODE_ENV$)/;

export interface TestServer {
  baseUrl: string;
  emulatorUrl: string;
  /** The Twilio emulator (API and /_emulator control endpoints). */
  twilioUrl: string;
  dataDir: string;
  /** The server process (the durability script kills it). */
  pid: number;
  /** Resolves with the exit code if the server stops on its own. */
  exited: Promise<number>;
  stop(): Promise<void>;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** `.data/<name>-<pid>`, fresh; directories left by earlier runs whose process is gone are removed. */
function freshDataDir(name: string): string {
  const parent = path.join(ROOT, '.data');
  mkdirSync(parent, { recursive: true });
  for (const entry of readdirSync(parent)) {
    const m = new RegExp(`^${name}-(\\d+)$`).exec(entry);
    if (m && !alive(Number(m[1]))) rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
  const dir = path.join(parent, `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

async function waitUntilServing(url: string, exited: Promise<number>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let stopped: number | null = null;
  void exited.then((code) => (stopped = code));
  while (Date.now() < deadline) {
    if (stopped !== null) throw new Error(`The server exited with code ${stopped} before it was ready.`);
    // Any answer below 500 will do: Next serves requests only once instrumentation (database
    // open, bootstrap keys) has finished.
    const status = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status > 0 && status < 500) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer ${url} within ${timeoutMs / 1000} s.`);
}

export interface TestServerOptions {
  /** Names the data directory (`.data/<name>-<pid>`). */
  name: string;
  logFile: string;
  /** BOOTSTRAP_API_KEYS; default the e2e projects of keys.ts. */
  bootstrapApiKeys?: string;
  timeoutMs?: number;
  /** An existing data directory to serve (a restart after a crash), instead of a fresh one. */
  dataDir?: string;
  /** More settings for the server (they win over the defaults above). */
  env?: Record<string, string>;
}

export async function startTestServer(opts: TestServerOptions): Promise<TestServer> {
  if (!existsSync(path.join(ROOT, TEST_BUILD_DIR, 'BUILD_ID'))) {
    throw new Error(
      `No build in ${TEST_BUILD_DIR}: run \`npm test\`, or \`NEXT_DIST_DIR=${TEST_BUILD_DIR} npx next build\`.`,
    );
  }
  mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = createWriteStream(opts.logFile, { flags: 'w' });
  // First: the Meta popup's "number from my provider" texts its code through it.
  const twilio = await startTwilioEmulator({
    port: 0,
    accounts: [TEST_TWILIO_ACCOUNT],
    log: (line) => log.write(`[twilio-emulator] ${line}\n`),
  });
  const emulator = await startMetaEmulator({
    port: 0,
    // lib/env.ts's dev-mode app id and secret: the app under test runs without Meta settings.
    appId: 'emulator-app',
    appSecret: 'emulator-secret',
    twilioUrl: twilio.url,
    log: (line) => log.write(`[meta-emulator] ${line}\n`),
  });
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  emulator.setWebhookUrl(`${baseUrl}/webhooks/meta`);
  const dataDir = opts.dataDir ?? freshDataDir(opts.name);
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !STRIPPED.test(k))),
    NODE_ENV: 'production',
    NEXT_DIST_DIR: TEST_BUILD_DIR,
    PORT: String(port),
    APP_URL: baseUrl,
    META_EMULATOR_URL: emulator.url,
    TWILIO_API_URL: twilio.url,
    TWILIO_EMULATOR_URL: twilio.url,
    TWILIO_ACCOUNT_SID: TEST_TWILIO_ACCOUNT.accountSid,
    TWILIO_AUTH_TOKEN: TEST_TWILIO_ACCOUNT.authToken,
    DATA_DIR: dataDir,
    DISABLE_DEMO: 'true',
    BOOTSTRAP_API_KEYS: opts.bootstrapApiKeys ?? bootstrapApiKeys(),
    LOG_LEVEL: 'info',
    NEXT_TELEMETRY_DISABLED: '1',
    // Sweeps every second, so a revoked provisioning link's number is released within the test.
    SWEEP_INTERVAL_SECONDS: '1',
    // Every browser of the suite is 127.0.0.1 (one IP budget) and the suite's projects share a few
    // keys: limits well above what parallel workers send. Per-link completions keep the default.
    RATE_LIMIT_API_PER_SECOND: '10000',
    RATE_LIMIT_IP_PER_MINUTE: '100000',
    RATE_LIMIT_WEBHOOKS_PER_MINUTE: '100000',
    ...opts.env,
  };
  // DATABASE_URL is kept: with it, the suite runs against PostgreSQL.
  // A keep-alive longer than any idle gap in a test: a client reusing a socket the server has just
  // closed gets ECONNRESET (Node's default is 5 s).
  const args = ['start', '--port', String(port), '--keepAliveTimeout', '75000'];
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'node_modules/.bin/next'), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<number>((resolve) =>
    child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      await emulator.close().catch(() => {});
      await twilio.close().catch(() => {});
      await new Promise<void>((resolve) => log.end(resolve));
    })());

  try {
    await waitUntilServing(`${baseUrl}/platform/v1/customers`, exited, opts.timeoutMs ?? 90_000);
  } catch (e) {
    await stop();
    const tail = readFileSync(opts.logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${(e as Error).message}\nLast lines of ${opts.logFile}:\n${tail}`);
  }
  return { baseUrl, emulatorUrl: emulator.url, twilioUrl: twilio.url, dataDir, pid: child.pid!, exited, stop };
}
