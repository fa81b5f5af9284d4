import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { customers } from './db/schema';
import { describeError, log } from './log';
import { testProject } from '@/test/support/fixtures';

describe('describeError', () => {
  it("never prints a failed query's parameters: the SQLSTATE, the table and constraint, the stack frames", async () => {
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
    expect(described).toMatchObject({ sqlstate: '23505', table: 'customers', constraint: expect.any(String) });
    expect(described.at).toMatch(/log\.test\.ts/);
  });

  it('logs the SQLSTATE of an error whose own message quotes a parameter, never the parameter', async () => {
    const { db } = await testProject();
    const secret = `token-hash-${crypto.randomUUID()}`;
    const error = await db.execute(sql`select ${secret}::uuid`).catch((e: unknown) => e);
    // PostgreSQL's message is `invalid input syntax for type uuid: "<the value>"`.
    expect(String((error as Error).cause ?? error)).toContain(secret);
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    try {
      log.error('api_unhandled_error', { request_id: 'req_test', ...describeError(error) });
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(secret);
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'api_unhandled_error', sqlstate: '22P02' });
  });

  it('describes a thrown non-error by its first line', () => {
    expect(describeError('boom\nsecond line')).toEqual({ error: 'string', reason: 'boom' });
  });
});
