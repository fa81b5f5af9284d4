// `npm run api-key -- create --project "Name"`: creates the project if needed and a new API key,
// printed once, as the last line (so `| tail -n 1` captures it). `npm run api-key -- twilio
// --project "Name" --account-sid AC... --auth-token ...` (or `--clear`) sets the project's own
// Twilio credentials. Runs with --conditions=react-server (see package.json) so the app's
// `server-only` modules load outside Next.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getDb, type Db } from '@/lib/server/db/client';
import { ConfigError } from '@/lib/server/errors';
import { describeError } from '@/lib/server/log';
import {
  createApiKey,
  ensureProject,
  findProjectByName,
  getProjectSigningSecret,
  setProjectTwilioCredentials,
} from '@/lib/server/projects';
import { toTwilioCredentials, twilioCredentialsSchema } from '@/lib/server/twilio-credentials';

const USAGE = `Usage: npm run api-key -- create --project "Project name"
       npm run api-key -- twilio --project "Project name" --account-sid AC... --auth-token TOKEN|-
       npm run api-key -- twilio --project "Project name" --clear

create: creates the project if it does not exist yet, then a new API key for it. The key is
shown only now, as the last line of the output; only its hash is stored. The project's redirect
signing secret is printed too.
twilio: sets (or with --clear removes) the existing project's own Twilio credentials, needed to
provision numbers outside the US (\`--auth-token -\` reads the token from stdin). The auth token
is stored encrypted and never printed.
Uses DATABASE_URL when set, else the embedded database in DATA_DIR (default ./.data), which
must not be in use by a running server.`;

type Command =
  | { command: 'create'; name: string }
  | { command: 'twilio'; name: string; credentials: { accountSid: string; authToken: string } | null };

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parse(): Command {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        project: { type: 'string' },
        'account-sid': { type: 'string' },
        'auth-token': { type: 'string' },
        clear: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    usageError((e as Error).message);
  }
  const { positionals, values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const command = positionals[0];
  if (positionals.length !== 1 || (command !== 'create' && command !== 'twilio'))
    usageError(positionals.length ? `Unknown command: ${positionals.join(' ')}` : 'Missing command.');
  const name = values.project?.trim();
  if (!name) usageError('Missing --project "Project name".');
  if (name.length > 200) usageError('The project name must be at most 200 characters.');
  const sid = values['account-sid'];
  // `--auth-token -` reads it from stdin, keeping it out of the shell history and the process list.
  const token = values['auth-token'] === '-' ? readFileSync(0, 'utf8').trim() : values['auth-token'];
  if (command === 'create') {
    if (sid !== undefined || token !== undefined || values.clear) usageError('create takes --project only.');
    return { command, name };
  }
  if (values.clear) {
    if (sid !== undefined || token !== undefined) usageError('Give either --clear or the credentials, not both.');
    return { command, name, credentials: null };
  }
  if (sid === undefined || token === undefined) usageError('twilio needs --account-sid and --auth-token (or --clear).');
  const checked = twilioCredentialsSchema.safeParse({ account_sid: sid, auth_token: token });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    usageError(`--${String(issue.path[0]).replace('_', '-')} ${issue.message}.`);
  }
  return { command, name, credentials: toTwilioCredentials(checked.data) };
}

/** Closes the driver so the embedded database is flushed and its lock released before exiting. */
async function close(db: Db) {
  const client = (db as unknown as { $client: { close?: () => Promise<void>; end?: () => Promise<void> } }).$client;
  await (client.close ?? client.end)?.call(client);
}

/** `twilio`: the project must exist (a typo must not create a second project). */
async function twilio(db: Db, { name, credentials }: Extract<Command, { command: 'twilio' }>) {
  const project = await findProjectByName(db, name);
  if (!project) {
    await close(db);
    console.error(`No project named "${name}". Create it first: npm run api-key -- create --project "${name}"`);
    process.exit(1);
  }
  await setProjectTwilioCredentials({ db, projectId: project.id }, { credentials });
  await close(db);
  console.log(
    credentials
      ? `Twilio credentials of project "${project.name}" set: account ${credentials.accountSid} (token stored encrypted).`
      : `Twilio credentials of project "${project.name}" cleared.`,
  );
  process.exit(0);
}

async function main(command: Command) {
  let db: Db;
  try {
    db = await getDb();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`${failed(command)}: ${e.message}`);
    process.exit(1);
  }
  if (command.command === 'twilio') return twilio(db, command);
  const { name } = command;
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

function failed(command: Command) {
  return command.command === 'twilio' ? 'Cannot set the Twilio credentials' : 'Cannot create an API key';
}

const command = parse();
main(command).catch((e) => {
  // A configuration mistake is told as it is; anything else is described without its query's values.
  const why = e instanceof ConfigError ? e.message : Object.values(describeError(e)).join(': ');
  console.error(`${failed(command)}: ${why}`);
  process.exit(1);
});
