// `npm start` / `npm run dev` (--dev): everything a fresh clone needs, with no configuration.
// Builds once if there is no build, starts the Meta and Twilio emulators in this process when no
// real Meta app is configured, then runs `next start` (or `next dev`) as a child and exits with it.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { box } from '@/lib/shared/box';
import { env } from '@/lib/server/env';
import { parseScenarioSpec, startMetaEmulator, type MetaEmulator } from '../emulator/meta/server';
import { startTwilioEmulator, type TwilioEmulator } from '../emulator/twilio/server';
import { bin, ROOT, run } from './lib/child';

const dev = process.argv.includes('--dev');
const distDir = path.resolve(ROOT, env.nextDistDir);

async function ensureBuild() {
  const buildId = path.join(distDir, 'BUILD_ID');
  if (existsSync(buildId)) {
    console.log(
      `Using the build in ${path.relative(ROOT, distDir)} from ${statSync(buildId).mtime.toLocaleString()} (run \`npm run build\` after changing the code).`,
    );
    return;
  }
  console.log('No build yet: running `next build` once (about a minute)...\n');
  const code = await run(bin('next'), ['build']);
  if (code !== 0) {
    console.error(`\n\`next build\` failed (exit code ${code}); see its output above.`);
    process.exit(code);
  }
}

/** Dev mode's Twilio: env.twilio.emulatorUrl is TWILIO_EMULATOR_URL, else http://localhost:$TWILIO_EMULATOR_PORT. */
async function startTwilio(): Promise<TwilioEmulator | null> {
  const { emulatorUrl, emulatorPort: port, accountSid, authToken } = env.twilio;
  if (!emulatorUrl || !accountSid || !authToken) return null;
  try {
    // It accepts the operator account the app uses (dev defaults unless TWILIO_ACCOUNT_SID/_AUTH_TOKEN).
    return await startTwilioEmulator({ port, accounts: [{ accountSid, authToken }] });
  } catch (e) {
    const busy = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
    console.error(
      busy
        ? `Port ${port} (the Twilio emulator) is in use: is another \`npm start\` running? Stop it or set TWILIO_EMULATOR_PORT.`
        : `The Twilio emulator could not start: ${(e as Error).message}`,
    );
    process.exit(1);
  }
}

async function startEmulator(twilioUrl: string | null): Promise<MetaEmulator | null> {
  if (!env.meta.emulatorUrl) return null; // real Meta credentials: no emulator
  // env.meta.emulatorUrl is META_EMULATOR_URL, else http://localhost:$META_EMULATOR_PORT.
  const port = env.meta.emulatorPort;
  try {
    // Manual unless META_EMULATOR_SCENARIO is set: the popup shows a button per outcome.
    const { scenario, delivery } = parseScenarioSpec(env.meta.emulatorScenario);
    return await startMetaEmulator({
      port,
      appId: env.meta.appId,
      appSecret: env.meta.appSecret,
      scenario,
      delivery,
      // The sandbox number's inbound messages (POST /_emulator/inbound_message) go to our webhook.
      webhookUrl: `${env.appUrl}/webhooks/meta`,
      sandbox: env.sandbox,
      // "Use a number from my provider" in the popup texts its code through the Twilio emulator.
      twilioUrl,
    });
  } catch (e) {
    const busy = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
    console.error(
      busy
        ? `Port ${port} (the Meta emulator) is in use: is another \`npm start\` running? Stop it or set META_EMULATOR_PORT.`
        : `The Meta emulator could not start: ${(e as Error).message}`,
    );
    process.exit(1);
  }
}

function database(): string {
  if (!env.databaseUrl) {
    const dir = path.resolve(ROOT, env.dataDir);
    const shown = path.relative(ROOT, dir);
    return `embedded (PGlite) in ${shown.startsWith('..') ? dir : `./${shown}`}`;
  }
  const url = new URL(env.databaseUrl);
  return `PostgreSQL at ${url.host}${url.pathname}`; // never the password
}

async function main() {
  if (!dev) await ensureBuild();
  const twilio = await startTwilio();
  const emulator = await startEmulator(twilio?.url ?? null);
  const metaLine = emulator ? `emulator at ${emulator.url} (no Meta app configured)` : `Meta app ${env.meta.appId}`;
  console.log(
    box(dev ? 'WhatsApp setup links (development)' : 'WhatsApp setup links', [
      `App:       ${env.appUrl}`,
      `Meta:      ${metaLine}`,
      `Twilio:    ${twilio ? `emulator at ${twilio.url}` : env.twilio.apiUrl}`,
      `Database:  ${database()}`,
      `API:       ${env.appUrl}/platform/v1 (also /api/v1)`,
      '',
      'Stop with Ctrl+C.',
    ]),
  );
  // Longer than the usual 60 s idle timeout of load balancers, so they never reuse a socket that
  // Next has just closed (Node's 5 s default makes that race common).
  const args = dev
    ? ['dev', '--port', String(env.port)]
    : ['start', '--port', String(env.port), '--keepAliveTimeout', '75000'];
  const code = await run(process.execPath, [bin('next'), ...args], {
    env: {
      // The operator's own settings win; these are the zero-configuration defaults.
      ...(emulator ? { META_EMULATOR_URL: emulator.url } : {}),
      ...(twilio ? { TWILIO_EMULATOR_URL: twilio.url } : {}),
      ...process.env,
      PORT: String(env.port),
      APP_URL: env.appUrl,
    },
  });
  await emulator?.close();
  await twilio?.close();
  process.exit(code);
}

await main();
