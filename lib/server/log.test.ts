import { describe, expect, it } from 'vitest';
import { customers } from './db/schema';
import { describeError } from './log';
import { testProject } from '@/test/support/fixtures';

describe('describeError', () => {
  it("never prints a failed query's parameters, only the driver's first line and the stack frames", async () => {
    const { db, project } = await testProject();
    const secret = `ciphertext-${crypto.randomUUID()}`;
    const row = { projectId: project.id, name: secret, externalCustomerId: secret };
    await db.insert(customers).values(row);
    const error = await db
      .insert(customers)
      .values(row)
      .then(() => null)
      .catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain(secret); // the driver's own message does list it
    const described = describeError(error);
    expect(JSON.stringify(described)).not.toContain(secret);
    expect(described).toMatchObject({ sqlstate: '23505', reason: expect.stringContaining('unique') });
    expect(described.at).toMatch(/log\.test\.ts/);
  });

  it('describes a thrown non-error by its first line', () => {
    expect(describeError('boom\nsecond line')).toEqual({ error: 'string', reason: 'boom' });
  });
});
