// Child processes for the operator scripts: output shown as is, Ctrl+C / SIGTERM passed on,
// and the child's exit turned into an exit code.
import { spawn, type SpawnOptions } from 'node:child_process';
import { constants } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** A package binary from node_modules/.bin (never through npx: killing npx leaves its child running). */
export const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

/** Runs a command to completion; resolves with its exit code (128 + n when killed by signal n). */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    let settled = false;
    const done = (code: number) => {
      if (settled) return;
      settled = true;
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.once('error', (e) => {
      process.stderr.write(`Could not run ${command}: ${e.message}\n`);
      done(127);
    });
    child.once('exit', (code, signal) => done(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}
