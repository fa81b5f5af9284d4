// The code exchange (/oauth/access_token) and the ways Meta refuses a code.
import { describe, expect, it } from 'vitest';
import { startMetaEmulator } from './server.js';
import { APP, clientFor, SECRET, useEmulator } from './test-helpers.js';

const t = useEmulator();

describe('code exchange', () => {
  it('rejects a reused code with subcode 36009', async () => {
    const { code } = (await t.complete('finish')).json;
    expect((await t.exchange(code)).status).toBe(200);
    const again = await t.exchange(code);
    expect(again.status).toBe(400);
    expect(again.json.error).toMatchObject({
      type: 'OAuthException',
      code: 100,
      error_subcode: 36009,
      message: 'This authorization code has been used.',
    });
    expect(again.json.error.fbtrace_id).toBeTruthy();
  });

  it('rejects an expired code with subcode 36007', async () => {
    const short = await startMetaEmulator({ port: 0, appId: APP, appSecret: SECRET, codeTtlMs: 5 });
    try {
      const client = clientFor(short.url);
      const { code } = (await client.complete('finish')).json;
      await new Promise((res) => setTimeout(res, 30));
      const ex = await client.exchange(code);
      expect(ex.status).toBe(400);
      expect(ex.json.error).toMatchObject({ code: 100, error_subcode: 36007 });
    } finally {
      await short.close();
    }
  });

  it('rejects a wrong secret, a wrong app id and unknown codes', async () => {
    const { code } = (await t.complete('finish')).json;
    const wrong = await t.exchange(code, 'nope');
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toMatchObject({
      code: 1,
      message: 'Error validating client secret.',
      type: 'OAuthException',
    });
    expect((await t.exchange(code, SECRET, 'other-app')).json.error.code).toBe(101);
    expect((await t.exchange('AQ' + 'x'.repeat(40))).json.error).toMatchObject({ code: 100, error_subcode: 36008 });
    expect((await t.exchange('garbage')).json.error.code).toBe(100);
    // Failed client checks did not burn the code.
    expect((await t.exchange(code)).status).toBe(200);
  });

  it('fails the token_exchange_error code', async () => {
    const { code, event } = (await t.complete('token_exchange_error')).json;
    expect(event).toBe('FINISH');
    const ex = await t.exchange(code);
    expect(ex.status).toBe(400);
    expect(ex.json.error).toMatchObject({ code: 100, error_subcode: 36007 });
  });
});
