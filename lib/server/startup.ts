import { DatabaseBusyError } from './db/lock';

/**
 * Runs the server boot (lib/boot.ts). A server that cannot read its configuration or open its
 * database must not limp on answering 500s: it says why in plain words and exits (npm start then
 * exits with it). boot.ts is imported here, inside the try, so environment errors land here too.
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

/** The operator-facing text: the message alone for configuration mistakes, the stack for the rest. */
export function startupFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const expected =
    e instanceof DatabaseBusyError || /^Invalid environment|ENCRYPTION_KEY|Bootstrap API keys/.test(message);
  return `\nCannot start: ${message}${expected || !(e instanceof Error) ? '' : `\n${e.stack}`}\n\n`;
}
