// Debian's Chromium, driven by Playwright (TOOLCHAIN 3: `npx playwright install` cannot download
// here). Shared by playwright.config.ts and scripts/screenshots.ts.
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', // root in containers
  '--disable-gpu',
  '--disable-dev-shm-usage', // small /dev/shm in containers
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
