import { ConfigError } from './errors';
import { describeError } from './log';

/**
 * Runs the server boot (lib/server/boot.ts). A server that cannot read its configuration or open
 * its database must not limp on answering 500s: it says why in plain words and exits (npm start
 * then exits with it). boot.ts is imported here, inside the try, so environment errors land here too.
 */
export async function startOrExit(): Promise<void> {
  try {
    const { boot } = await import('./boot');
    await boot();
  } catch (e) {
    process.stderr.write(startupFailure(e));
    process.exit(1);
  }
}

/** The operator-facing text: the message alone for configuration mistakes, a safe description otherwise. */
export function startupFailure(e: unknown): string {
  if (e instanceof ConfigError) return `\nCannot start: ${e.message}\n\n`;
  const { error, reason, at } = describeError(e);
  return `\nCannot start: ${error}: ${reason}${at ? `\n  at ${at}` : ''}\n\n`;
}
