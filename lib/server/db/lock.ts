import { ConfigError } from '../errors';
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import path from 'node:path';

/** Another process holds the embedded database: a person must stop it (or use PostgreSQL). */
export class DatabaseBusyError extends ConfigError {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<dir>.lock` for this process, or throws DatabaseBusyError naming the holder. */
export function acquireDataDirLock(dir: string): () => void {
  mkdirSync(path.dirname(dir), { recursive: true });
  const file = `${dir}.lock`;
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (holder && holder !== process.pid && alive(holder)) {
        throw new DatabaseBusyError(
          `The embedded database in ${path.dirname(dir)} is in use by process ${holder} (a running server?). ` +
            'Stop it first, or set DATABASE_URL to use PostgreSQL.',
        );
      }
      rmSync(file, { force: true }); // stale lock from a process that died
    }
  }
  throw new DatabaseBusyError(`Could not lock ${file}`);
}
