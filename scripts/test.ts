// `npm test`: the whole product, as CI runs it. Phases: find Chromium, types, lint, format, unit tests (vitest),
// production build (into .next-test, so a dev build is left alone), end-to-end tests (Playwright
// against that build). DATABASE_URL, when set, is passed on: both phases then use PostgreSQL.
// Options: --no-build reuses an existing .next-test build, --no-checks skips types, lint and format.
// Other arguments go to `playwright test`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bin, ROOT, run } from './lib/child';
import { CANARY_REPORT } from './lib/canary-scan';

const BUILD_DIR = '.next-test';
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
// --no-checks skips types, lint and format (they do not depend on the database: CI runs them once).
const skipChecks = args.includes('--no-checks');
const playwrightArgs = args.filter((a) => a !== '--no-build' && a !== '--no-checks');

const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** CHROMIUM_PATH, else Debian's chromium, installed here when we are root with apt-get. */
async function findChromium(): Promise<string | null> {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted) {
    if (existsSync(wanted)) return wanted;
    console.error(`CHROMIUM_PATH is ${wanted}, which does not exist.`);
    return null;
  }
  const debian = '/usr/bin/chromium';
  if (existsSync(debian)) return debian;
  if (process.getuid?.() === 0 && has('apt-get')) {
    console.log('Chromium is missing: installing it with apt-get...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = () => run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env });
    // The package lists may be missing (fresh containers): update once and retry.
    if ((await install()) !== 0 && ((await run('apt-get', ['update'], { env })) !== 0 || (await install()) !== 0))
      return null;
    if (existsSync(debian)) return debian;
  }
  console.error(
    'Chromium is needed for the end-to-end tests and was not found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  Elsewhere: set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
  return null;
}

interface Phase {
  name: string;
  seconds: number;
  ok: boolean;
}
const phases: Phase[] = [];

async function phase(name: string, fn: () => Promise<boolean>): Promise<boolean> {
  console.log(`\n=== ${name} ===\n`);
  const started = performance.now();
  const ok = await fn();
  const seconds = (performance.now() - started) / 1000;
  phases.push({ name, seconds, ok });
  console.log(`\n=== ${name}: ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s ===`);
  return ok;
}

// Both runners also write JSON results, so the summary can end with one plain count line that
// CI systems read ("tests: N passed, N failed").
const VITEST_JSON = path.join(ROOT, 'test-results', 'vitest.json');
const PLAYWRIGHT_JSON = path.join(ROOT, 'test-results', 'playwright.json');

function counts(): { passed: number; failed: number; skipped: number } {
  const read = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
  const v = read(VITEST_JSON);
  const p = read(PLAYWRIGHT_JSON)?.stats;
  return {
    passed: (v?.numPassedTests ?? 0) + (p ? p.expected + p.flaky : 0),
    failed: (v?.numFailedTests ?? 0) + (p?.unexpected ?? 0),
    skipped: (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (p?.skipped ?? 0),
  };
}

function summary(): never {
  console.log('\nSummary');
  for (const p of phases)
    console.log(`  ${p.ok ? 'ok  ' : 'FAIL'}  ${p.name.padEnd(32)} ${p.seconds.toFixed(1).padStart(6)} s`);
  const failed = phases.some((p) => !p.ok);
  console.log(failed ? '\nFAILED' : '\nAll phases passed.');
  const c = counts();
  console.log(`tests: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  process.exit(failed ? 1 : 0);
}

/** The e2e server's canary report: no secret of any kind in its log or its outbox. */
function canaryVerdict(): boolean {
  if (!existsSync(CANARY_REPORT)) return (console.error(`No canary report (${CANARY_REPORT}).`), false);
  const report = JSON.parse(readFileSync(CANARY_REPORT, 'utf8')) as {
    log_lines: number;
    outbox_rows: number | null;
    findings: Array<{ where: string; what: string; count: number }>;
  };
  for (const f of report.findings) console.error(`  ${f.count} x ${f.what} in the ${f.where}`);
  const secrets = report.findings.reduce((n, f) => n + f.count, 0);
  console.log(`${secrets} secrets in ${report.log_lines} log lines and ${report.outbox_rows ?? '?'} outbox rows.`);
  return secrets === 0 && report.outbox_rows !== null && report.outbox_rows > 0;
}

async function main() {
  console.log(
    `Database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite (in memory for unit tests, a fresh .data/e2e-* directory end-to-end)'}`,
  );
  let chromium: string | null = null;
  if (!(await phase('Chromium', async () => !!(chromium = await findChromium())))) summary();
  const env = { ...process.env, CHROMIUM_PATH: chromium!, NEXT_TELEMETRY_DISABLED: '1' };

  // The static checks come first: they are fast and a failure there makes the rest moot.
  const npmRun = (script: string) => run('npm', ['run', '-s', script], { env });
  if (!skipChecks) {
    await phase('Types (next typegen, tsc --noEmit)', async () => (await npmRun('typecheck')) === 0);
    await phase('Lint (eslint: rules, import boundaries)', async () => (await npmRun('lint')) === 0);
    await phase('Format (prettier --check)', async () => (await npmRun('format:check')) === 0);
  }

  for (const file of [VITEST_JSON, PLAYWRIGHT_JSON]) rmSync(file, { force: true });
  const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`];
  await phase('Unit tests (vitest)', async () => (await run(bin('vitest'), vitestArgs, { env })) === 0);
  const built = skipBuild
    ? existsSync(path.join(ROOT, BUILD_DIR, 'BUILD_ID')) ||
      (console.error(`--no-build: there is no build in ${BUILD_DIR}.`), false)
    : await phase(
        `Build (next build, ${BUILD_DIR})`,
        async () => (await run(bin('next'), ['build'], { env: { ...env, NEXT_DIST_DIR: BUILD_DIR } })) === 0,
      );
  if (built) {
    rmSync(CANARY_REPORT, { force: true });
    await phase(
      'End-to-end tests (playwright)',
      async () => (await run(bin('playwright'), ['test', ...playwrightArgs], { env })) === 0,
    );
    await phase('Canary scan (secrets in the e2e log and outbox)', async () => canaryVerdict());
  } else if (skipBuild) phases.push({ name: 'End-to-end tests (playwright)', seconds: 0, ok: false });
  summary();
}

await main();
