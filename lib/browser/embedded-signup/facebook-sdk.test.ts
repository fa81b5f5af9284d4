import { describe, expect, it, vi } from 'vitest';
import { loginDetectingBlockedPopup, loginOptions, type FacebookSdk } from './facebook-sdk';
import type { MetaClientConfig } from '@/lib/shared/embedded-signup/types';

const meta: MetaClientConfig = {
  appId: '1',
  configId: 'cfg',
  graphVersion: 'v25.0',
  sdkUrl: 'https://connect.facebook.net/en_US/sdk.js',
  extras: {
    coexistence: { setup: { business: { name: 'Acme' } }, featureType: 'other' },
    dedicated: { sessionInfoVersion: '3' },
  },
};

describe('loginOptions', () => {
  it('asks for a code with the configuration id', () => {
    expect(loginOptions(meta, 'dedicated')).toEqual({
      config_id: 'cfg',
      response_type: 'code',
      override_default_response_type: true,
      extras: { sessionInfoVersion: '3' },
    });
  });
  it('puts the coexistence feature type over the configured extras', () => {
    expect(loginOptions(meta, 'coexistence').extras).toEqual({
      setup: { business: { name: 'Acme' } },
      featureType: 'whatsapp_business_app_onboarding',
    });
    expect(loginOptions({ ...meta, extras: {} }, 'dedicated').extras).toEqual({});
  });
});

describe('loginDetectingBlockedPopup', () => {
  const fbOpening = (win: Pick<Window, 'open'>): FacebookSdk => ({
    init: () => {},
    login: (cb) => {
      win.open('https://www.facebook.com/dialog/oauth', 'fb', '');
      cb({ authResponse: null });
    },
  });

  it('sees a null window.open as a blocked popup, and restores window.open', () => {
    const open = vi.fn(() => null);
    const win = { open } as unknown as Window;
    const result = loginDetectingBlockedPopup(fbOpening(win), () => {}, loginOptions(meta, 'dedicated'), win);
    expect(result).toEqual({ popupBlocked: true });
    expect(open).toHaveBeenCalledOnce();
    expect(win.open).toBe(open);
  });

  it('reports an opened popup as not blocked', () => {
    const win = { open: vi.fn(() => ({}) as Window) } as unknown as Window;
    expect(loginDetectingBlockedPopup(fbOpening(win), () => {}, loginOptions(meta, 'dedicated'), win)).toEqual({
      popupBlocked: false,
    });
  });

  it('restores window.open even when FB.login throws', () => {
    const open = vi.fn();
    const win = { open } as unknown as Window;
    const fb: FacebookSdk = {
      init: () => {},
      login: () => {
        throw new Error('x');
      },
    };
    expect(() => loginDetectingBlockedPopup(fb, () => {}, loginOptions(meta, 'dedicated'), win)).toThrow('x');
    expect(win.open).toBe(open);
  });
});
