// What each `npm run api-key` command does once its arguments are parsed (parse.ts): a few lines
// of output, or a Failure (exit 1) for an unknown project or key.
import type { Db } from '@/lib/server/db/client';
import {
  createApiKey,
  ensureProject,
  findProjectByName,
  getProjectSigningSecret,
  listApiKeys,
  revokeApiKey,
  rotateProjectSigningSecret,
  setProjectTwilioCredentials,
  updateProject,
  type ApiKeyInfo,
  type Project,
} from '@/lib/server/projects';
import { apiTime } from '@/lib/shared/time';
import type { Command } from './parse';

/** A clear refusal: printed to stderr, exit code 1. */
export class Failure extends Error {}

type Of<C extends Command['command']> = Command & { command: C };

/** The project must exist: a typo must not create a second project (only `create` creates). */
async function existing(db: Db, name: string): Promise<Project> {
  const project = await findProjectByName(db, name);
  if (!project)
    throw new Failure(`No project named "${name}". Create it first: npm run api-key -- create --project "${name}"`);
  return project;
}

const row = (k: ApiKeyInfo) =>
  [k.id, k.masked.padEnd(13), apiTime(k.createdAt), k.revokedAt ? `revoked ${apiTime(k.revokedAt)}` : 'active'].join(
    '  ',
  );

async function create(db: Db, { name }: Command) {
  const { project, created } = await ensureProject(db, name);
  const key = await createApiKey(db, project.id);
  const signingSecret = await getProjectSigningSecret(db, project.id);
  return [
    created
      ? `Created project "${project.name}" (${project.id}).`
      : `Project "${project.name}" (${project.id}) exists.`,
    // Partners need it to check the `signature` of success and failure redirects (README, Redirects).
    `Redirect signing secret (HMAC-SHA256 key of the redirect signature): ${signingSecret}`,
    'New API key (shown only now; store it safely, e.g. in your secrets manager):',
    key,
  ];
}

async function list(db: Db, { name }: Command) {
  const project = await existing(db, name);
  const keys = await listApiKeys({ db, projectId: project.id });
  if (keys.length === 0) return [`Project "${project.name}" has no API keys.`];
  return [
    `API keys of project "${project.name}" (${project.id}), newest first (last use is not recorded):`,
    ['id'.padEnd(36), 'key'.padEnd(13), 'created'.padEnd(20), 'status'].join('  '),
    ...keys.map(row),
  ];
}

async function revoke(db: Db, { name, ref }: Of<'revoke'>) {
  const project = await existing(db, name);
  const result = await revokeApiKey({ db, projectId: project.id }, { ref });
  const listIt = `See the keys with: npm run api-key -- list --project "${project.name}"`;
  if (result.outcome === 'unknown') throw new Failure(`No API key "${ref}" in project "${project.name}". ${listIt}`);
  if (result.outcome === 'ambiguous')
    throw new Failure(
      `"${ref}" matches ${result.matches.length} keys; give more of the id:\n${result.matches.map(row).join('\n')}`,
    );
  const { key, activeLeft } = result;
  return [
    result.outcome === 'revoked'
      ? `Revoked API key ${key.id} (${key.masked}) of project "${project.name}": the API refuses it (401) from now on.`
      : `API key ${key.id} (${key.masked}) of project "${project.name}" was already revoked at ${apiTime(key.revokedAt)}.`,
    ...(activeLeft === 0
      ? [`The project has no active key left: npm run api-key -- create --project "${project.name}"`]
      : []),
  ];
}

async function rotate(db: Db, { name }: Command) {
  const project = await existing(db, name);
  const secret = await rotateProjectSigningSecret({ db, projectId: project.id });
  return [
    `Rotated the redirect signing secret of project "${project.name}". Redirects made from now on are signed with`,
    'the new secret and the old one verifies none of them: give it to your redirect verifier now.',
    'New redirect signing secret:',
    secret,
  ];
}

async function theme(db: Db, { name, theme: themeConfig }: Of<'theme'>) {
  const project = await existing(db, name);
  const shown =
    themeConfig === undefined
      ? project
      : await updateProject({ db, projectId: project.id }, { changes: { theme_config: themeConfig } });
  const verb = themeConfig === undefined ? 'is' : themeConfig === null ? 'cleared; it is now' : 'set to';
  return [
    `Default theme of project "${project.name}" ${verb}: ${shown.themeConfig ? JSON.stringify(shown.themeConfig) : 'none (the built-in theme)'}`,
    ...(themeConfig !== undefined ? ['Links created from now on take it; existing links keep their colours.'] : []),
  ];
}

async function twilio(db: Db, { name, credentials }: Of<'twilio'>) {
  const project = await existing(db, name);
  await setProjectTwilioCredentials({ db, projectId: project.id }, { credentials });
  return [
    credentials
      ? `Twilio credentials of project "${project.name}" set: account ${credentials.accountSid} (token stored encrypted).`
      : `Twilio credentials of project "${project.name}" cleared.`,
  ];
}

/** Runs the command; returns the lines to print (the secret or key, when there is one, last). */
export function run(db: Db, command: Command): Promise<string[]> {
  switch (command.command) {
    case 'create':
      return create(db, command);
    case 'list':
      return list(db, command);
    case 'revoke':
      return revoke(db, command);
    case 'rotate-signing-secret':
      return rotate(db, command);
    case 'theme':
      return theme(db, command);
    case 'twilio':
      return twilio(db, command);
  }
}

/** How a failure of the command starts, on stderr. */
export const FAILED: Record<Command['command'], string> = {
  create: 'Cannot create an API key',
  list: 'Cannot list the API keys',
  revoke: 'Cannot revoke the API key',
  'rotate-signing-secret': 'Cannot rotate the signing secret',
  theme: 'Cannot set the default theme',
  twilio: 'Cannot set the Twilio credentials',
};
