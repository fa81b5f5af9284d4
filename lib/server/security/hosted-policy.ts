import 'server-only';
import { env } from '../env';
import { toOrigin } from '@/lib/shared/embedded-signup/origins';
import { buildCsp, hostedResponseHeaders, metaSources, NO_META } from './csp';

// Which policy each customer-facing path gets. Only the hosted setup page talks to Meta, and only
// the theme preview may be framed (by its own editor).

const sdkOrigin = toOrigin(env.meta.sdkUrl.replace('{locale}', 'en_US'));
const emulatorOrigin = toOrigin(env.meta.emulatorUrl);

export function hostedHeadersFor(pathname: string, nonce: string): Record<string, string> {
  const talksToMeta = pathname === '/setup' || pathname.startsWith('/setup/') || pathname.startsWith('/s/');
  const csp = buildCsp({
    nonce,
    dev: env.nodeEnv === 'development',
    meta: talksToMeta ? metaSources({ sdk: sdkOrigin, emulator: emulatorOrigin }) : NO_META,
    frameAncestors: pathname.startsWith('/preview') ? "'self'" : "'none'",
  });
  return hostedResponseHeaders(csp);
}
