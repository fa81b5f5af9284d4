// Loads Meta's JavaScript SDK before the customer clicks, so FB.login can run synchronously inside
// the click (browsers only allow popups opened during a user gesture).
import type { MetaClientConfig } from '@/lib/shared/embedded-signup/types';
import type { ConnectionType } from '@/lib/shared/vocabulary';

export interface FbLoginResponse {
  authResponse?: { code?: string } | null;
  status?: string;
}
export interface FbLoginOptions {
  config_id: string;
  response_type: 'code';
  override_default_response_type: true;
  extras: Record<string, unknown>;
}
export interface FacebookSdk {
  init(options: { appId: string; autoLogAppEvents: boolean; xfbml: boolean; version: string }): void;
  login(callback: (response: FbLoginResponse) => void, options: FbLoginOptions): void;
}

type FbWindow = Window & { FB?: FacebookSdk; fbAsyncInit?: () => void };

const SCRIPT_ID = 'facebook-jssdk';

/** Resolves with the initialised SDK; rejects when the script fails or FB never appears (blocked). */
export function loadFacebookSdk(
  meta: MetaClientConfig,
  nonce: string | null,
  timeoutMs = 15_000,
): Promise<FacebookSdk> {
  const win = window as FbWindow;
  const init = (fb: FacebookSdk) =>
    fb.init({ appId: meta.appId, autoLogAppEvents: true, xfbml: true, version: meta.graphVersion });
  if (win.FB) {
    init(win.FB);
    return Promise.resolve(win.FB);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sdk_timeout')), timeoutMs);
    // The SDK calls this once it has defined window.FB.
    win.fbAsyncInit = () => {
      clearTimeout(timer);
      if (!win.FB) return reject(new Error('sdk_missing'));
      init(win.FB);
      resolve(win.FB);
    };
    if (document.getElementById(SCRIPT_ID)) return; // already loading (a remount): fbAsyncInit above still fires
    const script = document.createElement('script');
    script.id = SCRIPT_ID;
    script.src = meta.sdkUrl;
    script.async = true;
    // The page's CSP only runs scripts carrying the request's nonce (or loaded by one that does).
    if (nonce) script.nonce = nonce;
    script.onerror = () => {
      clearTimeout(timer);
      script.remove(); // so a later retry starts clean
      reject(new Error('sdk_blocked'));
    };
    document.head.appendChild(script);
  });
}

/** FB.login options for a connection type: coexistence adds its feature type over the configured extras. */
export function loginOptions(meta: MetaClientConfig, type: ConnectionType): FbLoginOptions {
  const extras = { ...(meta.extras[type] ?? {}) };
  if (type === 'coexistence') extras.featureType = 'whatsapp_business_app_onboarding';
  return { config_id: meta.configId, response_type: 'code', override_default_response_type: true, extras };
}

/**
 * Calls FB.login and reports whether the browser blocked its popup.
 * FB.login reports a blocked popup exactly like a cancel (a callback without authResponse), so the
 * only reliable signal is `window.open` returning null during the synchronous call: we wrap it for
 * that call alone and restore it right after. When the SDK opened nothing we cannot tell: not blocked.
 */
export function loginDetectingBlockedPopup(
  fb: FacebookSdk,
  callback: (response: FbLoginResponse) => void,
  options: FbLoginOptions,
  win: Pick<Window, 'open'> = window,
): { popupBlocked: boolean } {
  const original = win.open;
  let blocked = false;
  win.open = function (this: unknown, ...args: Parameters<Window['open']>) {
    const opened = original.apply(win, args);
    if (!opened) blocked = true;
    return opened;
  } as Window['open'];
  try {
    fb.login(callback, options);
  } finally {
    win.open = original;
  }
  return { popupBlocked: blocked };
}
