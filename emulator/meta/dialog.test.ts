// The Embedded Signup popup: the page FB.login opens, and the outcomes its buttons mint.
import { describe, expect, it } from 'vitest';
import { dialogUrl, useEmulator } from './test-helpers.js';

const t = useEmulator();

describe('dialog', () => {
  it('serves the popup with one button per outcome and no opener-breaking headers', async () => {
    const r = await t.call('GET', dialogUrl());
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    for (const label of [
      'Finish (dedicated)',
      'Finish (coexistence)',
      'Cancel',
      'Report error',
      'Finish, then fail token exchange',
      'Finish, then fail number registration',
    ]) {
      expect(r.text).toContain(`>${label}</button>`);
    }
    expect(r.text).toContain('Local Meta emulator');
    expect(r.text).toContain('"targetOrigin":"http://localhost:3000"');
    expect(r.text).toContain('"auto":null');
  });

  it('refuses a wrong app id like Meta would', async () => {
    const r = await t.call('GET', dialogUrl({}, 'someone-else'));
    expect(r.status).toBe(400);
    expect(r.text).toContain('Invalid App ID');
  });

  it('completes outcomes with Meta-shaped event data', async () => {
    const fin = (await t.complete('finish')).json;
    expect(fin.event).toBe('FINISH');
    expect(fin.code).toMatch(/^AQ/);
    expect(Object.keys(fin.data).sort()).toEqual(['business_id', 'phone_number_id', 'waba_id']);
    for (const id of Object.values(fin.data) as string[]) expect(id).toMatch(/^[1-9]\d{14,15}$/);
    const coex = (await t.complete('finish_coexistence')).json;
    expect(coex.event).toBe('FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING');
    expect(Object.keys(coex.data).sort()).toEqual(['business_id', 'waba_id']);
    const cancel = (await t.complete('cancel')).json;
    expect(cancel).toEqual({ code: null, event: 'CANCEL', data: { current_step: 'PHONE_NUMBER_SETUP' } });
    const err = (await t.complete('error')).json;
    expect(err.code).toBeNull();
    expect(err.event).toBe('CANCEL');
    expect(err.data).toMatchObject({ error_message: 'Something went wrong', error_code: '524126' });
    expect(err.data.error_id).toBeTruthy();
    expect(err.data.session_id).toBeTruthy();
  });

  it('refuses to mint codes for another origin', async () => {
    const r = await t.call('POST', '/dialog/complete', {
      body: { outcome: 'finish' },
      headers: { Origin: 'http://evil.example' },
    });
    expect(r.status).toBe(403);
  });
});
