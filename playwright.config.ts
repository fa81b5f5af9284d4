import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '@/scripts/lib/chromium';

// The server under test is started by e2e/support/server.ts on free ports; it prints its URLs and
// `wait` below copies them into process.env (E2E_BASE_URL, E2E_EMULATOR_URL, E2E_TWILIO_URL) before any worker
// starts. Workers load this file again and so get baseURL from that environment.
export default defineConfig({
  testDir: 'e2e',
  // Not test-results/ itself: Playwright empties outputDir, and server.log lives beside it.
  outputDir: 'test-results/artifacts',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // json: scripts/test.ts adds its counts to the closing summary line.
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['json', { outputFile: 'test-results/playwright.json' }],
  ],
  globalTeardown: './e2e/support/teardown.ts',
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: 'on-first-retry',
    video: 'off', // needs a download that is not available here
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node --import tsx e2e/support/server.ts',
    wait: {
      stdout:
        /E2E server ready: base (?<e2e_base_url>\S+) emulator (?<e2e_emulator_url>\S+) twilio (?<e2e_twilio_url>\S+)/,
    },
    stdout: 'pipe',
    timeout: 120_000,
    // SIGTERM lets the server finish writing test-results/server.log.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
