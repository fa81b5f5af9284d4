// Facebook Login popups do not work inside the built-in browsers of Meta's apps (the popup opens
// in a new webview with no `window.opener`, or not at all). The page detects them from the
// User-Agent (on the server and again in the browser) and explains how to continue instead.
import type { InAppBrowser } from './types';

const PATTERNS: Array<[InAppBrowser, RegExp]> = [
  // Checked first: Instagram's webview also carries some Facebook tokens on a few builds.
  ['instagram', /\bInstagram\b/i],
  ['facebook', /\b(FBAN|FBAV|FB_IAB|FBIOS|FB4A|FBDV)\b|\[FB/],
  ['whatsapp', /\bWhatsApp\//i],
];

export function detectInAppBrowser(userAgent: string | null | undefined): InAppBrowser | null {
  if (!userAgent) return null;
  for (const [app, pattern] of PATTERNS) if (pattern.test(userAgent)) return app;
  return null;
}
