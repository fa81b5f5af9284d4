import { describe, expect, it } from 'vitest';
import { saveCompletedOnboarding } from '@/lib/server/onboarding/save';
import { recordLinkStep } from '@/lib/server/setup-links/write-progress';
import type { CustomerId, SetupLinkId } from '@/lib/server/ids';
import { apiClient } from '../support/api-client';
import { paths, routes } from '../support/routes';

// A customer delete, a link create, a completion and a progress report for the same customer, all
// at once: each takes the customer before its links (lib/server/setup-links/queries.ts), and only
// the delete takes FOR UPDATE, so they queue instead of deadlocking (SQLSTATE 40P01). PGlite runs
// one transaction at a time and cannot deadlock: this is about PostgreSQL.
const ROUNDS = 15;

const sqlstate = (e: unknown): string | undefined => {
  for (let cur = e, i = 0; cur && typeof cur === 'object' && i < 5; cur = (cur as { cause?: unknown }).cause, i++)
    if (typeof (cur as { code?: unknown }).code === 'string') return (cur as { code: string }).code;
  return undefined;
};

const connected = (n: number) => ({
  connectionType: 'dedicated' as const,
  accessToken: `EAAlock${n}`,
  pin: '123456',
  wabaId: '1000',
  phone: {
    id: `77${n}`,
    displayPhoneNumber: `+1555000${String(n).padStart(4, '0')}`,
    verifiedName: 'Lock Co',
    isOnBizApp: false,
    lastOnboardedTime: null,
  },
});

describe.skipIf(!process.env.DATABASE_URL)('concurrent writes on one customer (PostgreSQL)', () => {
  it(`never deadlock and never answer 5xx, over ${ROUNDS} rounds`, async () => {
    const { db, project, api, newCustomer, newLink } = await apiClient();
    const failures: string[] = [];
    const statuses: number[] = [];
    const note = (what: string) => (e: unknown) => void failures.push(`${what}: ${sqlstate(e) ?? String(e)}`);
    for (let round = 0; round < ROUNDS; round++) {
      const customer = await newCustomer(`Lock ${round}`);
      const link = (await newLink(customer.id)).body.data;
      const saveLink = { id: link.id as SetupLinkId, projectId: project.id, customerId: customer.id as CustomerId };
      const scope = { db, projectId: project.id };
      const answered = (p: Promise<{ status: number }>) => p.then((r) => void statuses.push(r.status));
      await Promise.all([
        saveCompletedOnboarding(db, { link: saveLink, connected: connected(round) }).catch(note('completion')),
        recordLinkStep(scope, { setupLinkId: saveLink.id, step: 'facebook_opened', connectionType: 'dedicated' }).catch(
          note('progress'),
        ),
        answered(newLink(customer.id)).catch(note('create')),
        answered(
          api(routes.customer, 'DELETE', paths.customer(customer.id), { params: { customerId: customer.id } }),
        ).catch(note('delete')),
        saveCompletedOnboarding(db, { link: saveLink, connected: connected(round + 100) }).catch(note('completion 2')),
      ]);
    }
    expect(failures).toEqual([]);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // Every round's delete went through in the end (its customer is gone).
    expect(statuses.filter((s) => s === 204)).toHaveLength(ROUNDS);
  });
});
