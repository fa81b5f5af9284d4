import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signRedirect, verifyRedirect } from './redirect-signature';

const SECRET = 'ss_test_secret';
const AT = new Date('2026-12-01T10:00:00Z');
const LINK = '3f2c1a9e-0b7d-4c55-9a51-1f0d2c3b4a5e';
const FAILED: Array<[string, string]> = [
  ['setup_link_id', LINK],
  ['status', 'failed'],
  ['error_code', 'facebook_auth_failed'],
];
const COMPLETED: Array<[string, string]> = [
  ['setup_link_id', LINK],
  ['status', 'completed'],
  ['phone_number_id', '106540352242922'],
  ['business_account_id', '102290129340398'],
  ['whatsapp_config_id', '7d9e1c0a-5b2f-4e8d-a1c3-9f8e7d6c5b4a'],
  ['display_phone_number', '+1 555-0100'],
];
const query = (url: string) => url.slice(url.indexOf('?'));
const verify = (url: string, now = AT) => verifyRedirect(query(url), SECRET, { now });
const hmac = (data: string) => createHmac('sha256', SECRET).update(data).digest('hex');

describe('signed redirects', () => {
  it('appends our parameters, timestamp and signature last, keeping the partner query byte for byte', () => {
    const base = 'https://app.example.com/wa/done?ref=a%20b&q=x+y&empty=&flag';
    const url = signRedirect(base, SECRET, FAILED, AT);
    const run = `setup_link_id=${LINK}&status=failed&error_code=facebook_auth_failed&timestamp=1796119200`;
    expect(url).toBe(`${base}&${run}&signature=${hmac(run)}`);
    expect(signRedirect('https://app.example.com/wa/done', SECRET, FAILED, AT)).toBe(
      `https://app.example.com/wa/done?${run}&signature=${hmac(run)}`,
    );
  });

  it('accepts genuine redirects and returns only the verified values', () => {
    expect(verify(signRedirect('https://p.example/ok?ref=1', SECRET, COMPLETED, AT))).toEqual({
      ok: true,
      redirect: {
        status: 'completed',
        setupLinkId: LINK,
        phoneNumberId: '106540352242922',
        businessAccountId: '102290129340398',
        whatsappConfigId: '7d9e1c0a-5b2f-4e8d-a1c3-9f8e7d6c5b4a',
        provisionedPhoneNumberId: null,
        displayPhoneNumber: '+1 555-0100',
        timestamp: 1796119200,
      },
    });
    expect(verify(signRedirect('https://p.example/no', SECRET, FAILED, AT))).toMatchObject({
      ok: true,
      redirect: { status: 'failed', errorCode: 'facebook_auth_failed' },
    });
  });

  const genuine = signRedirect('https://p.example/no?ref=1', SECRET, FAILED, AT);
  const forged: Array<[string, string]> = [
    ['our parameter put before the signed run', genuine.replace('?ref=1', '?status=completed&phone_number_id=1&ref=1')],
    ['our parameter put before, right after the partner query', genuine.replace('ref=1&', 'ref=1&phone_number_id=9&')],
    ['a parameter after the signature', `${genuine}&phone_number_id=123`],
    ['a duplicated parameter inside the run', genuine.replace('&timestamp=', '&status=completed&timestamp=')],
    ['a duplicated partner-side copy', genuine.replace('?ref=1', '?ref=1&setup_link_id=' + LINK)],
    [
      'reordered parameters',
      genuine.replace(`setup_link_id=${LINK}&status=failed`, `status=failed&setup_link_id=${LINK}`),
    ],
    ['a changed value', genuine.replace('facebook_auth_failed', 'internal_error')],
    ['a changed timestamp', genuine.replace('timestamp=1796119200', 'timestamp=1796119201')],
    ['no timestamp', signRedirect('https://p.example/no', SECRET, FAILED, AT).replace(/&timestamp=\d+/, '')],
    ['another secret', signRedirect('https://p.example/no', 'ss_other', FAILED, AT)],
    ['a second signature', `${genuine}&signature=${'0'.repeat(64)}`],
    ['an encoding that does not decode', genuine.replace('ref=1', 'ref=%E0%A4%A')],
  ];
  it.each(forged)('rejects %s', (_what, url) => {
    expect(verify(url).ok).toBe(false);
  });

  it('rejects a timestamp outside the tolerance (15 minutes by default, configurable)', () => {
    const url = signRedirect('https://p.example/no', SECRET, FAILED, AT);
    expect(verify(url, new Date(AT.getTime() + 15 * 60_000)).ok).toBe(true);
    expect(verify(url, new Date(AT.getTime() + 15 * 60_000 + 1000))).toEqual({
      ok: false,
      reason: 'the timestamp is not recent',
    });
    expect(
      verifyRedirect(query(url), SECRET, { now: new Date(AT.getTime() + 3600_000), toleranceSeconds: 3600 }).ok,
    ).toBe(true);
  });

  it('rejects a signed run that mixes a failure with success fields', () => {
    const mixed = signRedirect('https://p.example/no', SECRET, [...FAILED, ['phone_number_id', '1']], AT);
    expect(verify(mixed).ok).toBe(false);
  });
});
