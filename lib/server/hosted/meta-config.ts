import 'server-only';
import { FB_LOCALES } from '@/i18n/config';
import type { Locale } from '@/lib/shared/vocabulary';
import { toOrigin } from '@/lib/shared/embedded-signup/origins';
import type { MetaClientConfig } from '@/lib/shared/embedded-signup/types';
import { env } from '../env';

/** The public half of the Meta settings, for the browser. The app secret never leaves the server. */
export function metaClientConfig(locale: Locale): MetaClientConfig {
  const { appId, configId, graphVersion, sdkUrl, extras } = env.meta;
  return {
    appId,
    configId,
    graphVersion,
    sdkUrl: sdkUrl.replace('{locale}', FB_LOCALES[locale]),
    extras: { coexistence: extras.coexistence ?? {}, dedicated: extras.dedicated ?? {} },
  };
}

/**
 * Exact origins accepted for Embedded Signup messages besides Facebook's own (which the browser
 * matches by rule): the local Meta emulator, when it is in use.
 */
export function extraMessageOrigins(): string[] {
  const emulator = toOrigin(env.meta.emulatorUrl);
  return emulator ? [emulator] : [];
}
