// `npm run api-key -- create --project "Name"`: creates the project if needed and a new API key,
// printed once, as the last line (so `| tail -n 1` captures it). Runs with --conditions=react-server
// (see package.json) so the app's `server-only` modules load outside Next.
import { parseArgs } from 'node:util';
import { getDb, type Db } from '@/lib/server/db/client';
import { ConfigError } from '@/lib/server/errors';
import { describeError } from '@/lib/server/log';
import { createApiKey, ensureProject, getProjectSigningSecret } from '@/lib/server/projects';

const USAGE = `Usage: npm run api-key -- create --project "Project name"

Creates the project if it does not exist yet, then a new API key for it. The key is shown
only now, as the last line of the output; only its hash is stored. The project's redirect
signing secret is printed too.
Uses DATABASE_URL when set, else the embedded database in DATA_DIR (default ./.data), which
must not be in use by a running server.`;

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parse(): string {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { project: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    usageError((e as Error).message);
  }
  const { positionals, values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1 || positionals[0] !== 'create')
    usageError(positionals.length ? `Unknown command: ${positionals.join(' ')}` : 'Missing command.');
  const name = values.project?.trim();
  if (!name) usageError('Missing --project "Project name".');
  if (name.length > 200) usageError('The project name must be at most 200 characters.');
  return name;
}

/** Closes the driver so the embedded database is flushed and its lock released before exiting. */
async function close(db: Db) {
  const client = (db as unknown as { $client: { close?: () => Promise<void>; end?: () => Promise<void> } }).$client;
  await (client.close ?? client.end)?.call(client);
}

async function main() {
  const name = parse();
  let db: Db;
  try {
    db = await getDb();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`Cannot create an API key: ${e.message}`);
    process.exit(1);
  }
  const { project, created } = await ensureProject(db, name);
  const key = await createApiKey(db, project.id);
  const signingSecret = await getProjectSigningSecret(db, project.id);
  await close(db);
  console.log(
    created
      ? `Created project "${project.name}" (${project.id}).`
      : `Project "${project.name}" (${project.id}) exists.`,
  );
  // Partners need it to check the `signature` of success and failure redirects (README, Redirects).
  console.log(`Redirect signing secret (HMAC-SHA256 key of the redirect signature): ${signingSecret}`);
  console.log('New API key (shown only now; store it safely, e.g. in your secrets manager):');
  console.log(key);
  process.exit(0);
}

main().catch((e) => {
  // A configuration mistake is told as it is; anything else is described without its query's values.
  const why = e instanceof ConfigError ? e.message : Object.values(describeError(e)).join(': ');
  console.error(`Cannot create an API key: ${why}`);
  process.exit(1);
});
