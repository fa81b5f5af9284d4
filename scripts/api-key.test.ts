import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run api-key` as an operator runs it: a real child process on a real embedded database.

const dir = mkdtempSync(path.join(tmpdir(), 'api-key-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], dataDir = dir): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL; // the lock only concerns the embedded database
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/api-key.ts', ...args],
      { env, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function storedKeyHashes(dataDir: string): Promise<string[]> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(path.join(dataDir, 'pglite'));
  try {
    const res = await db.query<{ key_hash: string }>('select key_hash from api_keys');
    return res.rows.map((r) => r.key_hash);
  } finally {
    await db.close();
  }
}

describe('npm run api-key', () => {
  it('creates the project and prints a new key as the last line; only its hash is stored', async () => {
    const first = await cli(['create', '--project', 'Acme CRM']);
    expect(first.code, first.stderr).toBe(0);
    const key = first.stdout.trim().split('\n').at(-1)!;
    expect(key).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
    expect(first.stdout).toContain('Created project "Acme CRM"');
    expect(first.stdout).toMatch(/signing secret.*ss_/i);

    const second = await cli(['create', '--project', 'Acme CRM']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('exists');
    const key2 = second.stdout.trim().split('\n').at(-1)!;
    expect(key2).not.toBe(key);

    const hashes = await storedKeyHashes(dir);
    const sha = (k: string) => createHash('sha256').update(k).digest('hex');
    expect(hashes).toEqual(expect.arrayContaining([sha(key), sha(key2)]));
    expect(hashes.join()).not.toContain(key);
  }, 60_000);

  it('refuses, clearly and non-zero, while another process holds the embedded database', async () => {
    const busy = mkdtempSync(path.join(tmpdir(), 'api-key-busy-'));
    // This test's own process plays the running server: alive, and not the CLI.
    writeFileSync(path.join(busy, 'pglite.lock'), String(process.pid));
    const res = await cli(['create', '--project', 'Acme CRM'], busy);
    rmSync(busy, { recursive: true, force: true });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`in use by process ${process.pid}`);
    expect(res.stdout).not.toMatch(/sk_live_/);
  }, 60_000);

  it('explains its usage on bad arguments (exit 2)', async () => {
    const res = await cli(['make', '--project', 'x']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Usage: npm run api-key -- create --project');
  }, 60_000);
});
