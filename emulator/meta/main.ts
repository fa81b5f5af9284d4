// Standalone entry: `node --import tsx emulator/meta/main.ts`.
import { parseScenarioSpec, startMetaEmulator } from './server.js';

const port = Number(process.env.META_EMULATOR_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`Invalid META_EMULATOR_PORT: ${process.env.META_EMULATOR_PORT}`);
const { scenario, delivery } = parseScenarioSpec(process.env.META_EMULATOR_SCENARIO);
const verbose = process.env.META_EMULATOR_LOG === '1';

const emulator = await startMetaEmulator({
  port,
  host: process.env.META_EMULATOR_HOST ?? '127.0.0.1',
  appId: process.env.META_APP_ID || 'emulator-app',
  appSecret: process.env.META_APP_SECRET || 'emulator-secret',
  scenario,
  delivery,
  // Where "use a number from my provider" sends its SMS (emulator/twilio/main.ts), if one runs.
  twilioUrl: process.env.TWILIO_EMULATOR_URL || null,
  log: verbose ? (line) => console.log(`[meta-emulator] ${line}`) : undefined,
});
console.log(
  `Meta emulator listening on ${emulator.url} (SDK ${emulator.url}/en_US/sdk.js, scenario: ${scenario ?? 'manual'})`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
