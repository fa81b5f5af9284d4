import 'server-only';
import { and, eq, gt, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { setupLinks } from '../db/schema';
import { conflict, notFound } from '../http/errors';
import { isUuid } from '../ids';
import { paginate, type Pagination } from '../http/pagination';
import { requireCustomer } from '../customers/queries';
import type { SetupLinkListQuery } from './schema';
import { toApiSetupLink, type ApiSetupLink, type SetupLinkRow } from './serialize';
import { expireDueLinks } from './expire';

/**
 * The link row (404 for an unknown customer, `customer_id`, or link, `id`), after storing
 * `expired` on the customer's due links so the stored status is the true one (lazy expiry).
 * `lock` takes FOR UPDATE; use it inside a transaction.
 */
export async function loadSetupLink(
  db: Db,
  projectId: string,
  customerId: string,
  id: string,
  lock = false,
): Promise<SetupLinkRow> {
  await requireCustomer(db, projectId, customerId);
  await expireDueLinks(db, customerId);
  if (!isUuid(id)) throw notFound('setup link', 'id');
  const query = db
    .select()
    .from(setupLinks)
    .where(and(eq(setupLinks.id, id), eq(setupLinks.customerId, customerId), eq(setupLinks.projectId, projectId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('setup link', 'id');
  return row;
}

/** Locks the link for a change; used, expired and revoked links are final (409). */
export async function lockActiveSetupLink(
  tx: Db,
  projectId: string,
  customerId: string,
  id: string,
): Promise<SetupLinkRow> {
  const row = await loadSetupLink(tx, projectId, customerId, id, true);
  if (row.status !== 'active') {
    throw conflict(
      'setup_link_not_active',
      `This setup link is ${row.status}; only active links can be changed or revoked.`,
    );
  }
  return row;
}

export async function getSetupLink(db: Db, projectId: string, customerId: string, id: string): Promise<ApiSetupLink> {
  return toApiSetupLink(await loadSetupLink(db, projectId, customerId, id));
}

/** Newest first. `created_after` / `created_before` are exclusive bounds. */
export async function listSetupLinks(
  db: Db,
  projectId: string,
  customerId: string,
  query: SetupLinkListQuery & Pagination,
) {
  await requireCustomer(db, projectId, customerId);
  await expireDueLinks(db, customerId);
  const filters: Array<SQL | undefined> = [eq(setupLinks.customerId, customerId), eq(setupLinks.projectId, projectId)];
  if (query.status) filters.push(eq(setupLinks.status, query.status));
  if (query.created_after) filters.push(gt(setupLinks.createdAt, query.created_after));
  if (query.created_before) filters.push(lt(setupLinks.createdAt, query.created_before));
  const { rows, meta } = await paginate(db, setupLinks, and(...filters), query);
  return { data: rows.map(toApiSetupLink), meta };
}
