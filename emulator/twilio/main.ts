// Standalone entry: `node --import tsx emulator/twilio/main.ts`. Accepts the account of
// TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN, else the app's dev-mode defaults (lib/server/env.ts).
import { startTwilioEmulator } from './server.js';

const port = Number(process.env.TWILIO_EMULATOR_PORT ?? 4011);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`Invalid TWILIO_EMULATOR_PORT: ${process.env.TWILIO_EMULATOR_PORT}`);
const account = {
  accountSid: process.env.TWILIO_ACCOUNT_SID || 'ACemulator00000000000000000000000',
  authToken: process.env.TWILIO_AUTH_TOKEN || 'emulator-auth-token',
};
const verbose = process.env.TWILIO_EMULATOR_LOG === '1';

const emulator = await startTwilioEmulator({
  port,
  host: process.env.TWILIO_EMULATOR_HOST ?? '127.0.0.1',
  accounts: [account],
  log: verbose ? (line) => console.log(`[twilio-emulator] ${line}`) : undefined,
});
console.log(`Twilio emulator listening on ${emulator.url} (account ${account.accountSid})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
