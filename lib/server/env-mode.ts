import 'server-only';
import { ConfigError } from './errors';

// Which mode the service runs in, decided once at startup and refused when unsafe. Development
// mode (the emulators, localhost redirects, a generated encryption key, the demo project) is for
// a developer's machine; production must be asked for, completely, or the process does not start.

export const APP_MODES = ['development', 'production'] as const;
export type AppMode = (typeof APP_MODES)[number];

const META_VARS = ['META_APP_ID', 'META_APP_SECRET', 'META_CONFIG_ID'] as const;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
// ENCRYPTION_KEY: "v1:<base64 of 32 bytes>", comma-separated for rotation (lib/server/crypto.ts).
const KEY = /^(v\d+:)?[A-Za-z0-9+/]{43}=$/;

export interface ModeInput {
  APP_MODE?: AppMode;
  APP_URL: string;
  ENCRYPTION_KEY?: string;
  ALLOW_DEV_MODE_ON_PUBLIC_URL?: boolean;
  META_APP_ID?: string;
  META_APP_SECRET?: string;
  META_CONFIG_ID?: string;
}

const fail = (message: string): never => {
  throw new ConfigError(`Invalid environment: ${message}`);
};

/**
 * The mode, from APP_MODE, else from the Meta settings (all three: production; none:
 * development). Refused: some Meta settings but not all; production without real Meta settings,
 * a valid ENCRYPTION_KEY and an https APP_URL; development on a public APP_URL without
 * ALLOW_DEV_MODE_ON_PUBLIC_URL; development with real Meta settings (it would use the emulator).
 */
export function resolveMode(e: ModeInput): AppMode {
  const missing = META_VARS.filter((k) => !e[k]);
  if (missing.length > 0 && missing.length < META_VARS.length)
    fail(`${missing.join(', ')} missing: META_APP_ID, META_APP_SECRET and META_CONFIG_ID go together`);
  const mode = e.APP_MODE ?? (missing.length === 0 ? 'production' : 'development');
  const url = new URL(e.APP_URL);
  if (mode === 'production') {
    if (missing.length > 0) fail(`APP_MODE=production needs ${missing.join(', ')} (your Meta app)`);
    if (!e.ENCRYPTION_KEY) fail('production needs ENCRYPTION_KEY ("v1:<base64 of 32 bytes>")');
    const keys = e.ENCRYPTION_KEY!.split(',').map((k) => k.trim());
    if (!keys.every((k) => KEY.test(k) && Buffer.from(k.replace(/^v\d+:/, ''), 'base64').length === 32))
      fail('ENCRYPTION_KEY must be "v1:<base64 of 32 bytes>" (comma-separated for rotation)');
    if (url.protocol !== 'https:') fail(`production needs an https: APP_URL (it is ${url.origin})`);
  } else {
    if (missing.length === 0) fail('APP_MODE=development uses the local emulators: unset META_APP_ID and the others');
    if (!LOOPBACK_HOSTS.has(url.hostname) && !e.ALLOW_DEV_MODE_ON_PUBLIC_URL)
      fail(
        `development mode (no Meta app configured) on ${url.origin}, which is not this machine: set the ` +
          'META_* variables and APP_MODE=production, or ALLOW_DEV_MODE_ON_PUBLIC_URL=true for a shared dev server',
      );
  }
  return mode;
}
