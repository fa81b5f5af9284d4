import { describe, expect, it } from 'vitest';
import { findSecrets } from './canary-scan';

const planted = {
  'a Meta access token': `"access_token":"EAA${'x'.repeat(40)}"`,
  'a project signing secret': `ss_${'a'.repeat(43)}`,
  'a link token': `/s/sl_${'b'.repeat(43)}`,
  'an API key': `Bearer sk_live_${'c'.repeat(43)}`,
  'a Meta authorization code': `code=AQ${'d'.repeat(60)}`,
  'a webhook secret': `whsec_${'e'.repeat(44)}`,
};

describe('the canary scan', () => {
  it('finds every kind of secret, by shape and by exact value, and reports counts only', () => {
    const text = [...Object.values(planted), 'pin 493817', 'pin 493817'].join('\n');
    const found = findSecrets('log', text, { 'a PIN': '"493817"', 'the auth token': 'pin 493817' });
    expect(found.map((f) => f.what).sort()).toEqual([...Object.keys(planted), 'the auth token'].sort());
    expect(found.find((f) => f.what === 'the auth token')?.count).toBe(2);
    expect(JSON.stringify(found)).not.toContain('493817');
  });

  it('finds nothing in ordinary log lines', () => {
    const log = '{"msg":"api_request","path":"/platform/v1/customers","status":201,"request_id":"req_123"}';
    expect(findSecrets('log', log, { short: 'abc' })).toEqual([]);
  });
});
