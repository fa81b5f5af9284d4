import { spawn } from 'node:child_process';
import { createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptSecret } from '@/lib/server/crypto';
import { projects } from '@/lib/server/db/schema';
import { projectTwilioCredentials } from '@/lib/server/projects';
import { apiClient } from '../support/api-client';
import { paths, routes } from '../support/routes';

// A project's own Twilio credentials: the API (PUT/GET/DELETE /project/twilio_credentials), their
// effect on provisioning links outside the US, and the CLI (`npm run api-key -- twilio`).

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeed';
const NON_US = { provision_phone_number: true, phone_number_country_isos: ['US', 'CL'] };

async function setup() {
  const client = await apiClient();
  const path = paths.twilioCredentials();
  const put = (body: unknown) => client.api(routes.twilioCredentials, 'PUT', path, { body });
  const get = () => client.api(routes.twilioCredentials, 'GET', path);
  const del = () => client.api(routes.twilioCredentials, 'DELETE', path);
  const stored = async () => {
    const [row] = await client.db.select().from(projects).where(eq(projects.id, client.project.id));
    return { sid: row.twilioAccountSid, tokenEnc: row.twilioAuthTokenEnc };
  };
  return { ...client, put, get, del, stored, scope: { db: client.db, projectId: client.project.id } };
}

describe('project Twilio credentials API', () => {
  it('sets, shows and clears them; the token is encrypted at rest and never answered', async () => {
    const { put, get, del, stored, scope } = await setup();
    expect((await get()).body.data).toEqual({ object: 'twilio_credentials', account_sid: null, configured: false });

    const res = await put({ twilio_credentials: { account_sid: SID, auth_token: TOKEN } });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ object: 'twilio_credentials', account_sid: SID, configured: true });
    expect(JSON.stringify(res.body)).not.toContain(TOKEN);
    const shown = await get();
    expect(shown.body.data).toEqual({ object: 'twilio_credentials', account_sid: SID, configured: true });
    expect(JSON.stringify(shown.body)).not.toContain(TOKEN);

    const row = await stored();
    expect(row.sid).toBe(SID);
    expect(row.tokenEnc).not.toContain(TOKEN);
    expect(decryptSecret(row.tokenEnc!, { column: 'projects.twilio_auth_token_enc', row: scope.projectId })).toBe(
      TOKEN,
    );
    expect(await projectTwilioCredentials(scope)).toEqual({ accountSid: SID, authToken: TOKEN });

    // A flat body replaces them.
    const other = `AC${'f'.repeat(32)}`;
    expect((await put({ account_sid: other, auth_token: `${TOKEN}2` })).status).toBe(200);
    expect(await projectTwilioCredentials(scope)).toEqual({ accountSid: other, authToken: `${TOKEN}2` });

    const cleared = await del();
    expect(cleared.status).toBe(204);
    expect(await stored()).toEqual({ sid: null, tokenEnc: null });
    expect(await projectTwilioCredentials(scope)).toBeNull();
    expect((await get()).body.data.configured).toBe(false);
    expect((await del()).status).toBe(204);
  });

  it.each([
    [
      "the operator emulator's SID",
      { account_sid: 'ACemulator00000000000000000000000', auth_token: TOKEN },
      'account_sid',
      'invalid_parameter',
    ],
    [
      'upper-case hex',
      { account_sid: `AC${'ABCDEF0123456789'.repeat(2)}`, auth_token: TOKEN },
      'account_sid',
      'invalid_parameter',
    ],
    ['an API key SID', { account_sid: `SK${'0'.repeat(32)}`, auth_token: TOKEN }, 'account_sid', 'invalid_parameter'],
    ['no token', { account_sid: SID }, 'auth_token', 'missing_parameter'],
    ['a short token', { account_sid: SID, auth_token: 'abc' }, 'auth_token', 'invalid_parameter'],
    [
      'a token with spaces',
      { account_sid: SID, auth_token: 'f00d feed f00d feed f00d' },
      'auth_token',
      'invalid_parameter',
    ],
    ['an unknown field', { account_sid: SID, auth_token: TOKEN, region: 'ie1' }, 'region', 'unknown_parameter'],
  ])('refuses %s (422 with the param) and stores nothing', async (_name, body, field, code) => {
    const { put, stored } = await setup();
    const res = await put({ twilio_credentials: body });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code, param: `twilio_credentials.${field}` });
    expect(await stored()).toEqual({ sid: null, tokenEnc: null });
  });

  it('answers 405 to other methods and 401 without a key', async () => {
    const { api } = await setup();
    const res = await api(routes.twilioCredentials, 'POST', paths.twilioCredentials(), { body: {} });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, PUT, DELETE');
  });
});

describe('provisioning links outside the US', () => {
  it('are 422 without the credentials, 201 with them, 422 again once cleared; other projects unaffected', async () => {
    const { newCustomer, newLink, put, del } = await setup();
    const c = await newCustomer();
    const refused = await newLink(c.id, NON_US);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'provisioning_country_not_supported',
      param: 'setup_link.phone_number_country_isos',
    });

    expect((await put({ account_sid: SID, auth_token: TOKEN })).status).toBe(200);
    const created = await newLink(c.id, NON_US);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ provision_phone_number: true, phone_number_country_isos: ['US', 'CL'] });

    const stranger = await setup();
    const theirs = await stranger.newCustomer();
    expect((await stranger.newLink(theirs.id, NON_US)).body.error.code).toBe('provisioning_country_not_supported');

    await del();
    expect((await newLink(c.id, NON_US)).status).toBe(422);
    // US numbers and non-provisioning links never needed them.
    expect((await newLink(c.id, { provision_phone_number: true })).status).toBe(201);
    expect((await newLink(c.id, { phone_number_country_isos: ['CL'] })).status).toBe(201);
  });
});

// The CLI as an operator runs it: a real child process on a real embedded database, with a known
// encryption key so the test can read the stored token back.
describe('npm run api-key -- twilio', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'api-key-twilio-'));
  const key = randomBytes(32);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      ENCRYPTION_KEY: `v1:${key.toString('base64')}`,
    };
    delete env.DATABASE_URL;
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--conditions=react-server', '--import', 'tsx', 'scripts/api-key.ts', ...args],
        { env, timeout: 60_000 },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b) => (stdout += b));
      child.stderr.on('data', (b) => (stderr += b));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
      child.stdin.end(stdin ?? '');
    });
  }

  async function storedCredentials(): Promise<{ sid: string | null; token: string | null; enc: string | null }> {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = new PGlite(path.join(dir, 'pglite'));
    try {
      const res = await db.query<{ id: string; sid: string | null; enc: string | null }>(
        "select id, twilio_account_sid as sid, twilio_auth_token_enc as enc from projects where name = 'Acme CRM'",
      );
      const { id, sid, enc } = res.rows[0];
      return { sid, enc, token: enc ? decrypt(enc, id) : null };
    } finally {
      await db.close();
    }
  }

  // lib/server/crypto.ts's format: b1:version:iv:ciphertext:tag, base64url, AES-256-GCM, AAD its place.
  function decrypt(stored: string, projectId: string): string {
    const [format, version, iv, body, tag] = stored.split(':');
    expect([format, version]).toEqual(['b1', 'v1']);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(`projects.twilio_auth_token_enc:${projectId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  it('sets the credentials of an existing project (token encrypted, never printed), from stdin too, and clears them', async () => {
    const created = await cli(['create', '--project', 'Acme CRM']);
    expect(created.code, created.stderr).toBe(0);

    const set = await cli(['twilio', '--project', 'Acme CRM', '--account-sid', SID, '--auth-token', TOKEN]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain(SID);
    expect(set.stdout + set.stderr).not.toContain(TOKEN);
    const first = await storedCredentials();
    expect(first).toMatchObject({ sid: SID, token: TOKEN });
    expect(first.enc).not.toContain(TOKEN);

    const piped = await cli(
      ['twilio', '--project', 'Acme CRM', '--account-sid', SID, '--auth-token', '-'],
      `${TOKEN}9\n`,
    );
    expect(piped.code, piped.stderr).toBe(0);
    expect((await storedCredentials()).token).toBe(`${TOKEN}9`);

    const cleared = await cli(['twilio', '--project', 'Acme CRM', '--clear']);
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(await storedCredentials()).toEqual({ sid: null, enc: null, token: null });
  }, 240_000);

  it('refuses an unknown project (exit 1, nothing created) and bad arguments (exit 2)', async () => {
    const unknown = await cli(['twilio', '--project', 'Nope Inc', '--account-sid', SID, '--auth-token', TOKEN]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No project named "Nope Inc"');
    const { PGlite } = await import('@electric-sql/pglite');
    const db = new PGlite(path.join(dir, 'pglite'));
    try {
      expect((await db.query("select 1 from projects where name = 'Nope Inc'")).rows).toEqual([]);
    } finally {
      await db.close();
    }

    const badSid = await cli(['twilio', '--project', 'Acme CRM', '--account-sid', 'AC123', '--auth-token', TOKEN]);
    expect(badSid.code).toBe(2);
    expect(badSid.stderr).toContain('--account-sid');
    expect(badSid.stderr).not.toContain(TOKEN);

    const both = await cli(['twilio', '--project', 'Acme CRM', '--clear', '--account-sid', SID]);
    expect(both.code).toBe(2);
    const missing = await cli(['twilio', '--project', 'Acme CRM', '--account-sid', SID]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Usage: npm run api-key -- create --project');
  }, 240_000);
});
