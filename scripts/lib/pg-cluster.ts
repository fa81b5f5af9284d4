// Throwaway PostgreSQL clusters (TOOLCHAIN 7): on a free port, in a directory under /tmp that the
// postgres user owns (root may not run postgres). Used by scripts/pg.ts (tests) and by the
// durability script in bench/reliability/ (which kills the postmaster and starts it again).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port';

const MARKER = '.throwaway-pg'; // `stopCluster` deletes only directories that `startCluster` made
const DATABASE = 'wa_test';
const asRoot = process.getuid?.() === 0;

export interface Cluster {
  dir: string;
  port: number;
  url: string;
}

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
    throw new Error('PostgreSQL server binaries (pg_ctl) were not found. Install them: apt-get install -y postgresql');
  }
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

// Tests want speed; the durability script wants PostgreSQL's defaults (fsync, synchronous commit).
const options = (c: Cluster, durable: boolean) =>
  `-p ${c.port} -k ${c.dir} -c listen_addresses=127.0.0.1` +
  (durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off');

const durableFlag = (dir: string) => path.join(dir, '.durable');

/** Starts (again, after a crash) the cluster's postmaster and waits until it accepts connections. */
export function startPostmaster(c: Cluster) {
  const durable = existsSync(durableFlag(c.dir));
  pg('pg_ctl', ['-D', `${c.dir}/data`, '-o', options(c, durable), '-l', `${c.dir}/postgres.log`, '-w', 'start']);
}

/** The postmaster's PID while it runs (from postmaster.pid), else null. */
export function postmasterPid(c: Cluster): number | null {
  const file = path.join(c.dir, 'data', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return pid > 0 ? pid : null;
}

export async function startCluster(opts: { durable?: boolean } = {}): Promise<Cluster> {
  const dir = mkdtempSync('/tmp/wa-pg-');
  writeFileSync(path.join(dir, MARKER), '');
  if (opts.durable) writeFileSync(durableFlag(dir), '');
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const cluster = { dir, port: await freePort(), url: '' };
  cluster.url = `postgres://postgres@127.0.0.1:${cluster.port}/${DATABASE}`;
  try {
    pg('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
    startPostmaster(cluster);
    pg('createdb', ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', DATABASE]);
  } catch {
    stopCluster(dir);
    throw new Error(`Could not start PostgreSQL (log: ${dir}/postgres.log, now deleted).`);
  }
  return cluster;
}

export function stopCluster(dir: string | undefined) {
  if (!dir || !existsSync(path.join(dir, MARKER)))
    throw new Error(`Not a directory made by \`scripts/pg.ts start\`: ${dir ?? '(none given)'}`);
  if (existsSync(path.join(dir, 'data', 'postmaster.pid'))) {
    try {
      pg('pg_ctl', ['-D', `${dir}/data`, '-m', 'fast', '-w', 'stop']);
    } catch {
      console.error('pg_ctl stop failed; deleting the directory anyway.');
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
