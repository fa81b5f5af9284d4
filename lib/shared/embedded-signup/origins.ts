// Which windows may send us Embedded Signup results. A forged FINISH message could make us submit
// ids the customer never chose, so everything not on this list is ignored silently.

/** Meta's popup: https, default port, hostname facebook.com or any subdomain (www., web., m.). */
export function isFacebookOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes the opaque origin "null" of sandboxed frames
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.origin !== origin) return false;
  return url.hostname === 'facebook.com' || url.hostname.endsWith('.facebook.com');
}

/** Facebook, plus exact extra origins (the local Meta emulator in development). */
export function isAllowedMessageOrigin(origin: string, extraOrigins: readonly string[] = []): boolean {
  return isFacebookOrigin(origin) || extraOrigins.includes(origin);
}

/** The origin of a configured URL (e.g. the emulator's), or null when absent or malformed. */
export function toOrigin(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
