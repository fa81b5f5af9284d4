// Playwright's webServer (playwright.config.ts): starts the test server and announces its URLs on
// stdout; the config's `wait` pattern turns them into E2E_BASE_URL, E2E_EMULATOR_URL and E2E_TWILIO_URL.
import { SERVER_LOG } from './server-log';
import { startTestServer } from '@/scripts/lib/test-server';

const server = await startTestServer({ name: 'e2e', logFile: SERVER_LOG }).catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
console.log(
  `E2E server ready: base ${server.baseUrl} emulator ${server.emulatorUrl} twilio ${server.twilioUrl} (log: ${SERVER_LOG})`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopping = true;
    void server.stop().then(() => process.exit(0));
  });
}
void server.exited.then((code) => {
  if (stopping) return;
  console.error(`The server under test exited unexpectedly (code ${code}); see ${SERVER_LOG}.`);
  process.exit(code || 1);
});
