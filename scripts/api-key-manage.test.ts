import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import * as schema from '@/lib/server/db/schema';
import { apiStatus, cli, lastLine, withStoredDb } from './api-key/test-harness';

// The operator's key, secret and theme commands (scripts/api-key/commands.ts) as real processes;
// scripts/api-key.test.ts covers `create`, test/api/project-twilio.test.ts `twilio`.

describe('npm run api-key -- list | revoke | rotate-signing-secret | theme', () => {
  const own = mkdtempSync(path.join(tmpdir(), 'api-key-manage-'));
  afterAll(() => rmSync(own, { recursive: true, force: true }));
  const run = (args: string[]) => cli(args, own);

  it('--help lists every command', async () => {
    const res = await run(['--help']);
    expect(res.code).toBe(0);
    for (const command of ['create', 'list', 'revoke', 'rotate-signing-secret', 'theme', 'twilio'])
      expect(res.stdout).toContain(`npm run api-key -- ${command} `);
  }, 60_000);

  it('lists the keys without the secrets, revokes one by id prefix (401 from then on), the other still works', async () => {
    const first = lastLine((await run(['create', '--project', 'Shop'])).stdout);
    const second = lastLine((await run(['create', '--project', 'Shop'])).stdout);
    await run(['create', '--project', 'Other']);

    const listed = await run(['list', '--project', 'Shop']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain(first);
    expect(listed.stdout).not.toContain(second);
    const rows = listed.stdout.split('\n').filter((l) => /^[0-9a-f-]{36}\s/.test(l));
    expect(rows).toHaveLength(2); // not the other project's key
    // Newest first: the second key's last 4 characters lead.
    expect(rows[0]).toContain(`sk_live_…${second.slice(-4)}`);
    expect(rows[1]).toContain(`sk_live_…${first.slice(-4)}`);
    expect(rows.every((r) => r.includes('active'))).toBe(true);
    const firstId = rows[1].slice(0, 36);

    const revoked = await run(['revoke', firstId.slice(0, 8), '--project', 'Shop']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked API key ${firstId}`);
    await withStoredDb(own, async (db) => {
      expect(await apiStatus(db, first)).toBe(401);
      expect(await apiStatus(db, second)).toBe(200);
    });

    // Again: nothing to do, said so, and not an error.
    const again = await run(['revoke', firstId, '--project', 'Shop']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already revoked');
    const after = await run(['list', '--project', 'Shop']);
    expect(after.stdout).toMatch(new RegExp(`${firstId}.*revoked \\d{4}-`));
    expect(after.stdout).toMatch(new RegExp(`${second.slice(-4)}.*active`));
  }, 480_000);

  it('refuses an unknown key or project clearly (exit 1) and changes nothing', async () => {
    const key = lastLine((await run(['create', '--project', 'Keep'])).stdout);
    await run(['create', '--project', 'Far']);
    const otherId = await withStoredDb(own, async (db) => {
      const [row] = await db
        .select({ id: schema.apiKeys.id })
        .from(schema.apiKeys)
        .innerJoin(schema.projects, eq(schema.projects.id, schema.apiKeys.projectId))
        .where(eq(schema.projects.name, 'Far'));
      return row.id;
    });

    const unknownKey = await run(['revoke', '00000000-0000-4000-8000-000000000000', '--project', 'Keep']);
    expect(unknownKey.code).toBe(1);
    expect(unknownKey.stderr).toContain('No API key "00000000-0000-4000-8000-000000000000" in project "Keep"');
    // Another project's key is unknown here.
    const foreign = await run(['revoke', otherId, '--project', 'Keep']);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('No API key');

    for (const args of [
      ['list', '--project', 'Nope'],
      ['revoke', otherId, '--project', 'Nope'],
      ['rotate-signing-secret', '--project', 'Nope'],
      ['theme', '--project', 'Nope', '--clear'],
    ]) {
      const res = await run(args);
      expect(res.code, args.join(' ')).toBe(1);
      expect(res.stderr).toContain('No project named "Nope"');
    }
    await withStoredDb(own, async (db) => {
      expect(await apiStatus(db, key)).toBe(200);
      const ids = await db
        .select({ id: schema.apiKeys.id })
        .from(schema.apiKeys)
        .where(isNull(schema.apiKeys.revokedAt));
      expect(ids.map((r) => r.id)).toContain(otherId);
      expect((await db.select().from(schema.projects)).map((p) => p.name)).not.toContain('Nope');
    });
    expect((await run(['revoke', '--project', 'Keep'])).code).toBe(2);
  }, 480_000);

  it('rotates the signing secret: the new one is the last line and from then on the stored one', async () => {
    const created = await run(['create', '--project', 'Signer']);
    const old = created.stdout.match(/signing secret[^:]*: (ss_\S+)/)![1];
    const rotated = await run(['rotate-signing-secret', '--project', 'Signer']);
    expect(rotated.code, rotated.stderr).toBe(0);
    const secret = lastLine(rotated.stdout);
    expect(secret).toMatch(/^ss_[A-Za-z0-9_-]{43}$/);
    expect(secret).not.toBe(old);
    const shown = (await run(['create', '--project', 'Signer'])).stdout.match(/signing secret[^:]*: (ss_\S+)/)![1];
    expect(shown).toBe(secret);
  }, 480_000);

  it('sets the default theme from a file or inline JSON, refuses a bad one (exit 2, unchanged), and clears it', async () => {
    await run(['create', '--project', 'Painter']);
    const stored = () =>
      withStoredDb(own, async (db) => {
        const [row] = await db.select().from(schema.projects).where(eq(schema.projects.name, 'Painter'));
        return row.defaultThemeConfig;
      });
    const file = path.join(own, 'theme.json');
    writeFileSync(file, JSON.stringify({ primary_color: '#10b981', background_color: '#000000' }));
    const set = await run(['theme', '--project', 'Painter', '--file', file]);
    expect(set.code, set.stderr).toBe(0);
    expect(await stored()).toEqual({ primary_color: '#10b981', background_color: '#000000' });

    for (const json of ['{"primary_color": "red"}', '{"primary": "#111111"}', '[1]', '{nope']) {
      const bad = await run(['theme', '--project', 'Painter', '--json', json]);
      expect(bad.code, json).toBe(2);
    }
    const badColour = await run(['theme', '--project', 'Painter', '--json', '{"primary_color": "red"}']);
    expect(badColour.stderr).toContain('theme_config.primary_color: must be a #RRGGBB colour');
    expect(await stored()).toEqual({ primary_color: '#10b981', background_color: '#000000' });

    const inline = await run([
      'theme',
      '--project',
      'Painter',
      '--json',
      '{"theme_config": {"text_color": "#222222"}}',
    ]);
    expect(inline.code, inline.stderr).toBe(0);
    expect(await stored()).toEqual({ text_color: '#222222' });
    expect((await run(['theme', '--project', 'Painter'])).stdout).toContain('"text_color":"#222222"');

    const cleared = await run(['theme', '--project', 'Painter', '--clear']);
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(await stored()).toBeNull();
  }, 480_000);
});
