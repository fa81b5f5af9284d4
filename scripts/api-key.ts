// `npm run api-key -- <command> --project "Name"`: the operator's commands on projects, their API
// keys, redirect-signing secret, default theme and Twilio account (`--help` lists them;
// scripts/api-key/usage.ts). A new key or secret is printed once, as the last line (so
// `| tail -n 1` captures it). Runs with --conditions=react-server (see package.json) so the app's
// `server-only` modules load outside Next.
import { rebindLegacySecrets } from '@/lib/server/crypto-rebind';
import { getDb, type Db } from '@/lib/server/db/client';
import { ConfigError } from '@/lib/server/errors';
import { describeError } from '@/lib/server/log';
import { FAILED, Failure, run } from './api-key/commands';
import { parse } from './api-key/parse';

/** Closes the driver so the embedded database is flushed and its lock released before exiting. */
async function close(db: Db) {
  const client = (db as unknown as { $client: { close?: () => Promise<void>; end?: () => Promise<void> } }).$client;
  await (client.close ?? client.end)?.call(client);
}

const command = parse();

async function main() {
  const db = await getDb();
  try {
    await rebindLegacySecrets(db); // a data directory the server has not opened since the upgrade
    return await run(db, command);
  } finally {
    await close(db);
  }
}

main().then(
  (lines) => {
    console.log(lines.join('\n'));
    process.exit(0);
  },
  (e) => {
    // A refusal or a configuration mistake is told as it is (the embedded database in use by a
    // server included); anything else is described without its query's values.
    const known = e instanceof Failure || e instanceof ConfigError;
    const why = known ? e.message : Object.values(describeError(e)).join(': ');
    console.error(e instanceof Failure ? why : `${FAILED[command.command]}: ${why}`);
    process.exit(1);
  },
);
