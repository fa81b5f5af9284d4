// Playwright's webServer (playwright.config.ts): starts the test server and announces its URLs on
// stdout; the config's `wait` pattern turns them into E2E_BASE_URL, E2E_EMULATOR_URL and E2E_TWILIO_URL.
import { readFileSync, writeFileSync } from 'node:fs';
import { SERVER_LOG } from './server-log';
import { CANARY_REPORT, findSecrets, readOutbox } from '@/scripts/lib/canary-scan';
import { E2E_PROJECTS } from '@/scripts/lib/test-keys';
import { startTestServer, TEST_TWILIO_ACCOUNT } from '@/scripts/lib/test-server';

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
    void server
      .stop()
      .then(canaryScan)
      .then(() => process.exit(0));
  });
}
void server.exited.then((code) => {
  if (stopping) return;
  console.error(`The server under test exited unexpectedly (code ${code}); see ${SERVER_LOG}.`);
  process.exit(code || 1);
});

/** After the whole run: secrets in the server's log or outbox (scripts/test.ts reports the result). */
async function canaryScan() {
  const exact = {
    'the primary API key': E2E_PROJECTS.primary.key,
    'the other API key': E2E_PROJECTS.other.key,
    'the Twilio auth token': TEST_TWILIO_ACCOUNT.authToken,
  };
  const log = readFileSync(SERVER_LOG, 'utf8');
  const outbox = await readOutbox({ databaseUrl: process.env.DATABASE_URL, dataDir: server.dataDir }).catch(
    (e: Error) => (console.error(`Canary scan: the outbox could not be read: ${e.message}`), null),
  );
  const findings = [
    ...findSecrets('server log', log, exact),
    ...(outbox ? findSecrets('outbox', outbox.join('\n'), exact) : []),
  ];
  const report = { log_lines: log.split('\n').length, outbox_rows: outbox?.length ?? null, findings };
  writeFileSync(CANARY_REPORT, JSON.stringify(report, null, 2));
}
