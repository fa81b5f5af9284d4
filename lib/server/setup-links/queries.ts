import 'server-only';
import { and, eq, gt, inArray, lt, type SQL } from 'drizzle-orm';
import { now } from '../clock';
import type { Db } from '../db/client';
import { paginate, type Page, type Pagination } from '../db/paginate';
import { customers, setupLinks } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import type { CustomerId, ProjectId, SetupLinkId } from '../ids';
import type { Scope } from '../scope';
import type { LinkStatus } from '@/lib/shared/vocabulary';
import { requireCustomer } from '../customers/queries';
import type { SetupLink, SetupLinkRow } from './domain';
import type { SetupLinkListQuery } from './schema';
import { effectiveStatus } from './status';
import { withNumber, withNumbers } from './with-numbers';
import { expireDueLinks } from './write';

// Every read of `setup_links` but the token lookup of the hosted page (resolve.ts). Reads of a
// customer's links first store `expired` on its due links (lazy expiry), so the stored status
// they filter and lock on is the true one.

interface LinkRef {
  customerId: CustomerId;
  /** Null when the path named no id at all: answered like an unknown link, after the customer. */
  setupLinkId: SetupLinkId | null;
}

/**
 * The link row: 404 for an unknown customer (`customer_id`), then for an unknown link (`id`).
 * `lock` takes FOR NO KEY UPDATE (the key never changes); use it inside a transaction.
 */
async function loadSetupLink(
  scope: Scope,
  { customerId, setupLinkId, lock = false }: LinkRef & { lock?: boolean },
): Promise<SetupLinkRow> {
  await requireCustomer(scope, { customerId });
  await expireDueLinks(scope.db, { customerId });
  if (!setupLinkId) throw new NotFoundError('setup_link', 'id');
  const query = scope.db
    .select()
    .from(setupLinks)
    .where(
      and(
        eq(setupLinks.id, setupLinkId),
        eq(setupLinks.customerId, customerId),
        eq(setupLinks.projectId, scope.projectId),
      ),
    );
  const [row] = lock ? await query.for('no key update') : await query;
  if (!row) throw new NotFoundError('setup_link', 'id');
  return row;
}

export async function getSetupLink(scope: Scope, ref: LinkRef): Promise<SetupLink> {
  return withNumber(scope.db, await loadSetupLink(scope, ref), now());
}

/**
 * Locks the link for a change (inside the writer's transaction); used, expired and revoked
 * links are final (409).
 */
export async function lockActiveSetupLink(scope: Scope, ref: LinkRef): Promise<SetupLinkRow> {
  const row = await loadSetupLink(scope, { ...ref, lock: true });
  if (row.status !== 'active') {
    throw new ConflictError(
      'setup_link_not_active',
      `This setup link is ${row.status}; only active links can be changed or revoked.`,
    );
  }
  return row;
}

/** Newest first. `created_after` / `created_before` are exclusive bounds. */
export async function listSetupLinks(
  scope: Scope,
  { customerId, filters, page }: { customerId: CustomerId; filters: SetupLinkListQuery; page: Pagination },
): Promise<Page<SetupLink>> {
  await requireCustomer(scope, { customerId });
  await expireDueLinks(scope.db, { customerId });
  const where: Array<SQL | undefined> = [
    eq(setupLinks.customerId, customerId),
    eq(setupLinks.projectId, scope.projectId),
  ];
  if (filters.status) where.push(eq(setupLinks.status, filters.status));
  if (filters.created_after) where.push(gt(setupLinks.createdAt, filters.created_after));
  if (filters.created_before) where.push(lt(setupLinks.createdAt, filters.created_before));
  const rows = await paginate(scope.db, { table: setupLinks, where: and(...where), page });
  return { ...rows, items: await withNumbers(scope.db, rows.items, now()) };
}

/**
 * Locks a link that onboarding is about to use (inside its transaction) and says what it is
 * then: its effective status, or null when it is gone (its customer was deleted).
 */
export async function lockLinkForUse(
  { db, projectId }: Scope,
  { setupLinkId }: { setupLinkId: SetupLinkId },
): Promise<LinkStatus | null> {
  // The customer first (FOR KEY SHARE, as the config insert's foreign key would take it later):
  // a customer delete locks the customer, then its links, and the same order here means the two
  // queue instead of deadlocking. A link create's FOR NO KEY UPDATE does not conflict with it.
  const owner = db.select({ id: setupLinks.customerId }).from(setupLinks).where(eq(setupLinks.id, setupLinkId));
  await db.select({ id: customers.id }).from(customers).where(inArray(customers.id, owner)).for('key share');
  const [row] = await db
    .select({ status: setupLinks.status, expiresAt: setupLinks.expiresAt })
    .from(setupLinks)
    .where(and(eq(setupLinks.id, setupLinkId), eq(setupLinks.projectId, projectId)))
    .for('no key update');
  return row ? effectiveStatus(row, now()) : null;
}

/** The project of a link, whichever it is (the demo partner page checks signatures with it). */
export async function findSetupLinkProject(
  db: Db,
  { setupLinkId }: { setupLinkId: SetupLinkId },
): Promise<ProjectId | null> {
  const [row] = await db
    .select({ projectId: setupLinks.projectId })
    .from(setupLinks)
    .where(eq(setupLinks.id, setupLinkId));
  return row?.projectId ?? null;
}
