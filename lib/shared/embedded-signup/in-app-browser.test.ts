import { describe, expect, it } from 'vitest';
import { detectInAppBrowser } from './in-app-browser';

const UA = {
  fbIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/468.0.0.38.108;FBBV/617208375;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/80]',
  fbAndroid:
    'Mozilla/5.0 (Linux; Android 14; SM-S911B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0.6422.165 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/470.0.0.45.108;]',
  messenger:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 LightSpeed [FBAN/MessengerLiteForiOS;FBAV/460.0.0.36.112;FBBV/599480245;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/16.6]',
  instagram:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 330.0.3.12.235 (iPhone14,2; iOS 17_4; en_US; en; scale=3.00; 1170x2532; 596196140)',
  whatsapp: 'WhatsApp/2.24.12.78 A',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  safari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
};

describe('detectInAppBrowser', () => {
  it('recognises Facebook, Messenger, Instagram and WhatsApp webviews', () => {
    expect(detectInAppBrowser(UA.fbIos)).toBe('facebook');
    expect(detectInAppBrowser(UA.fbAndroid)).toBe('facebook');
    expect(detectInAppBrowser(UA.messenger)).toBe('facebook');
    expect(detectInAppBrowser(UA.instagram)).toBe('instagram');
    expect(detectInAppBrowser(UA.whatsapp)).toBe('whatsapp');
  });

  it('leaves real browsers and missing headers alone', () => {
    for (const ua of [UA.chromeAndroid, UA.safari, UA.firefox, '', null, undefined])
      expect(detectInAppBrowser(ua)).toBeNull();
  });
});
