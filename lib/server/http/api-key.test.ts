import { describe, expect, it } from 'vitest';
import { getProjectSigningSecret } from '../projects';
import { authenticateApiKey } from './api-key';
import { testProject } from '@/test/support/fixtures';

const url = new URL('http://localhost/platform/v1/customers');

describe('projects and API keys', () => {
  it('authenticates with X-API-Key or Bearer and stores only a hash', async () => {
    const { db, project, apiKey } = await testProject();
    expect(apiKey).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
    expect((await authenticateApiKey(db, { headers: new Headers({ 'x-api-key': apiKey }), url })).id).toBe(project.id);
    expect(
      (await authenticateApiKey(db, { headers: new Headers({ authorization: `Bearer ${apiKey}` }), url })).id,
    ).toBe(project.id);
    const rows = await db.query.apiKeys.findMany();
    expect(JSON.stringify(rows)).not.toContain(apiKey);
    expect(await getProjectSigningSecret(db, project.id)).toMatch(/^ss_/);
  });
  it('refuses missing, unknown and query-string keys with 401', async () => {
    const { db, apiKey } = await testProject();
    await expect(authenticateApiKey(db, { headers: new Headers(), url })).rejects.toMatchObject({
      status: 401,
      code: 'missing_api_key',
    });
    await expect(
      authenticateApiKey(db, { headers: new Headers({ 'x-api-key': 'sk_live_nope' }), url }),
    ).rejects.toMatchObject({
      status: 401,
    });
    await expect(
      authenticateApiKey(db, { headers: new Headers(), url: new URL(`${url}?api_key=${apiKey}`) }),
    ).rejects.toMatchObject({
      status: 401,
    });
  });
});
