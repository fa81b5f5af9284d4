// A throwaway PostgreSQL cluster for tests (TOOLCHAIN 7), on a free port, in a directory under
// /tmp that the postgres user owns (root may not run postgres):
//   eval "$(node --import tsx scripts/pg.ts start)"   # exports DATABASE_URL and PG_DIR
//   node --import tsx scripts/pg.ts stop "$PG_DIR"     # stops it and deletes everything
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './lib/free-port';

const MARKER = '.throwaway-pg'; // `stop` deletes only directories that `start` made
const DATABASE = 'wa_test';
const asRoot = process.getuid?.() === 0;

function binDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', 'pg_ctl')))
    : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length) return path.join(base, versions[0], 'bin');
  try {
    return path.dirname(execFileSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).trim());
  } catch {
    fail('PostgreSQL server binaries (pg_ctl) were not found. Install them: apt-get install -y postgresql');
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Runs a PostgreSQL binary, as the postgres user when we are root; its output is shown only on failure. */
function pg(command: string, args: string[]) {
  const file = path.join(binDir(), command);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: '/tmp' });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${command} failed:\n${stdout ?? ''}${stderr ?? ''}`);
    throw e;
  }
}

async function start() {
  const dir = mkdtempSync('/tmp/wa-pg-');
  writeFileSync(path.join(dir, MARKER), '');
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const port = await freePort();
  try {
    pg('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
    // Durability is pointless for a throwaway cluster; speed is not.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    pg('pg_ctl', ['-D', `${dir}/data`, '-o', options, '-l', `${dir}/postgres.log`, '-w', 'start']);
    pg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', DATABASE]);
  } catch {
    stop(dir);
    fail(`Could not start PostgreSQL (log: ${dir}/postgres.log, now deleted).`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;
  console.error(
    `PostgreSQL running on 127.0.0.1:${port} (data in ${dir}). Stop it with: node --import tsx scripts/pg.ts stop ${dir}`,
  );
  console.log(`export PG_DIR=${dir}`);
  console.log(`export DATABASE_URL=${url}`);
}

function stop(dir: string | undefined) {
  if (!dir || !existsSync(path.join(dir, MARKER)))
    fail(`Not a directory made by \`scripts/pg.ts start\`: ${dir ?? '(none given)'}`);
  if (existsSync(path.join(dir, 'data', 'postmaster.pid'))) {
    try {
      pg('pg_ctl', ['-D', `${dir}/data`, '-m', 'fast', '-w', 'stop']);
    } catch {
      console.error('pg_ctl stop failed; deleting the directory anyway.');
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

const [command, arg] = process.argv.slice(2);
if (command === 'start') await start();
else if (command === 'stop') stop(arg);
else {
  console.error('Usage: node --import tsx scripts/pg.ts start | stop <PG_DIR>');
  process.exit(2);
}
