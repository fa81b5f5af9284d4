// The arguments of `npm run api-key` (scripts/api-key.ts): a command, its options, and a usage
// error (exit 2) for anything else. Nothing here touches the database.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { themeConfigSchema, type ThemeConfig } from '@/lib/shared/theme';
import { toTwilioCredentials, twilioCredentialsSchema } from '@/lib/server/twilio-credentials';
import { USAGE } from './usage';

export type Command = { name: string } & (
  | { command: 'create' | 'list' | 'rotate-signing-secret' }
  | { command: 'revoke'; ref: string }
  // undefined: show the current default theme; null: clear it.
  | { command: 'theme'; theme: ThemeConfig | null | undefined }
  | { command: 'twilio'; credentials: { accountSid: string; authToken: string } | null }
);

const OPTIONS = {
  project: { type: 'string' },
  'account-sid': { type: 'string' },
  'auth-token': { type: 'string' },
  file: { type: 'string' },
  json: { type: 'string' },
  clear: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

// The options each command takes besides --project.
const ALLOWED: Record<Command['command'], string[]> = {
  create: [],
  list: [],
  revoke: [],
  'rotate-signing-secret': [],
  theme: ['file', 'json', 'clear'],
  twilio: ['account-sid', 'auth-token', 'clear'],
};
const isCommand = (c: string | undefined): c is Command['command'] => c !== undefined && Object.hasOwn(ALLOWED, c);

export function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseTheme(values: { file?: string; json?: string; clear?: boolean }): ThemeConfig | null | undefined {
  const given = [values.file !== undefined, values.json !== undefined, values.clear === true].filter(Boolean);
  if (given.length > 1) usageError('Give one of --file, --json or --clear.');
  if (values.clear) return null;
  let text = values.json;
  if (values.file !== undefined) {
    try {
      text = readFileSync(values.file === '-' ? 0 : values.file, 'utf8');
    } catch (e) {
      usageError(`Cannot read --file ${values.file}: ${(e as Error).message}`);
    }
  }
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    usageError(`The theme is not valid JSON (${values.file !== undefined ? '--file' : '--json'}).`);
  }
  // Also accepted wrapped, as in a setup link or PATCH /project: {"theme_config": {...}}.
  const wrapped = typeof json === 'object' && json !== null && 'theme_config' in json;
  const checked = themeConfigSchema.safeParse(wrapped ? (json as { theme_config: unknown }).theme_config : json);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const at = ['theme_config', ...issue.path.map(String), ...(issue.code === 'unrecognized_keys' ? issue.keys : [])];
    usageError(`${at.join('.')}: ${issue.message}.`);
  }
  return Object.keys(checked.data).length > 0 ? checked.data : null;
}

function parseTwilio(values: { 'account-sid'?: string; 'auth-token'?: string; clear?: boolean }) {
  const sid = values['account-sid'];
  // `--auth-token -` reads it from stdin, keeping it out of the shell history and the process list.
  const token = values['auth-token'] === '-' ? readFileSync(0, 'utf8').trim() : values['auth-token'];
  if (values.clear) {
    if (sid !== undefined || token !== undefined) usageError('Give either --clear or the credentials, not both.');
    return null;
  }
  if (sid === undefined || token === undefined) usageError('twilio needs --account-sid and --auth-token (or --clear).');
  const checked = twilioCredentialsSchema.safeParse({ account_sid: sid, auth_token: token });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    usageError(`--${String(issue.path[0]).replace('_', '-')} ${issue.message}.`);
  }
  return toTwilioCredentials(checked.data);
}

export function parse(argv = process.argv.slice(2)): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    usageError((e as Error).message);
  }
  const { positionals, values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const [command, ...rest] = positionals;
  if (!isCommand(command)) usageError(command ? `Unknown command: ${positionals.join(' ')}` : 'Missing command.');
  if (command === 'revoke' && rest.length !== 1) usageError('revoke takes one key id (see: list).');
  if (command !== 'revoke' && rest.length > 0) usageError(`Unexpected argument: ${rest.join(' ')}`);
  const extra = Object.keys(values).find((k) => k !== 'project' && !ALLOWED[command].includes(k));
  if (extra) usageError(`${command} does not take --${extra}.`);
  const name = values.project?.trim();
  if (!name) usageError('Missing --project "Project name".');
  if (name.length > 200) usageError('The project name must be at most 200 characters.');
  switch (command) {
    case 'revoke':
      return { command, name, ref: rest[0] };
    case 'theme':
      return { command, name, theme: parseTheme(values) };
    case 'twilio':
      return { command, name, credentials: parseTwilio(values) };
    default:
      return { command, name };
  }
}
