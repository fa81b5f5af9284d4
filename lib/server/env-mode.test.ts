import { describe, expect, it } from 'vitest';
import { resolveMode, type ModeInput } from './env-mode';

// The mode is explicit and safe: every unsafe combination is refused at startup, naming what to fix.

const KEY = `v1:${Buffer.alloc(32, 7).toString('base64')}`;
const META = { META_APP_ID: '123', META_APP_SECRET: 'shh', META_CONFIG_ID: '456' };
const PROD: ModeInput = { ...META, APP_URL: 'https://onboard.example.com', ENCRYPTION_KEY: KEY };

const refusal = (input: ModeInput) => {
  try {
    resolveMode(input);
  } catch (e) {
    return (e as Error).message;
  }
  return null;
};

describe('resolveMode', () => {
  it('is development on this machine without Meta settings, production with all of them', () => {
    expect(resolveMode({ APP_URL: 'http://localhost:3000' })).toBe('development');
    expect(resolveMode({ APP_URL: 'http://127.0.0.1:3000' })).toBe('development');
    expect(resolveMode(PROD)).toBe('production');
    expect(resolveMode({ ...PROD, APP_MODE: 'production' })).toBe('production');
    expect(resolveMode({ ...PROD, ENCRYPTION_KEY: `${KEY},v0:${Buffer.alloc(32, 1).toString('base64')}` })).toBe(
      'production',
    );
  });

  it('refuses partial Meta settings, naming the missing variables', () => {
    expect(refusal({ APP_URL: 'http://localhost:3000', META_APP_ID: '1' })).toMatch(
      /META_APP_SECRET, META_CONFIG_ID missing/,
    );
    expect(refusal({ ...PROD, META_CONFIG_ID: undefined })).toMatch(/^Invalid environment: META_CONFIG_ID missing/);
  });

  it('refuses production without a valid ENCRYPTION_KEY, an https APP_URL or the Meta app', () => {
    expect(refusal({ ...PROD, ENCRYPTION_KEY: undefined })).toMatch(/needs ENCRYPTION_KEY/);
    expect(refusal({ ...PROD, ENCRYPTION_KEY: 'v1:short' })).toMatch(/ENCRYPTION_KEY must be/);
    expect(refusal({ ...PROD, APP_URL: 'http://onboard.example.com' })).toMatch(/https: APP_URL/);
    expect(refusal({ APP_MODE: 'production', APP_URL: 'https://x.example', ENCRYPTION_KEY: KEY })).toMatch(
      /APP_MODE=production needs META_APP_ID, META_APP_SECRET, META_CONFIG_ID/,
    );
  });

  it('refuses development on a public URL unless asked for, and with a real Meta app', () => {
    expect(refusal({ APP_URL: 'https://onboard.example.com' })).toMatch(/ALLOW_DEV_MODE_ON_PUBLIC_URL/);
    expect(resolveMode({ APP_URL: 'https://dev.example.com', ALLOW_DEV_MODE_ON_PUBLIC_URL: true })).toBe('development');
    expect(refusal({ ...PROD, APP_MODE: 'development' })).toMatch(/unset META_APP_ID/);
  });
});
