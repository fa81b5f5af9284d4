import 'server-only';
import { and, eq, ilike, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customers } from '../db/schema';
import { notFound } from '../http/errors';
import { isUuid } from '../ids';
import { paginate, type Pagination } from '../http/pagination';
import type { CustomerListQuery } from './schema';
import { toApiCustomer, type CustomerRow } from './serialize';

/**
 * The customer row if it belongs to the project, else a 404 naming `param` (`customer_id` under
 * nested routes, `id` on the customer's own). `lock` takes FOR UPDATE: callers inside a
 * transaction use it to serialise work on one customer (e.g. one active link).
 */
export async function requireCustomer(
  db: Db,
  projectId: string,
  customerId: string,
  { param = 'customer_id', lock = false }: { param?: string; lock?: boolean } = {},
): Promise<CustomerRow> {
  if (!isUuid(customerId)) throw notFound('customer', param);
  const query = db
    .select()
    .from(customers)
    .where(and(eq(customers.id, customerId), eq(customers.projectId, projectId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('customer', param);
  return row;
}

export async function getCustomer(db: Db, projectId: string, customerId: string) {
  return toApiCustomer(await requireCustomer(db, projectId, customerId, { param: 'id' }));
}

/** `%`, `_` and `\` in a search are literal characters, not LIKE wildcards. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listCustomers(db: Db, projectId: string, query: CustomerListQuery & Pagination) {
  const filters: Array<SQL | undefined> = [eq(customers.projectId, projectId)];
  if (query.q) filters.push(ilike(customers.name, `%${likeLiteral(query.q)}%`));
  if (query.external_customer_id !== undefined)
    filters.push(eq(customers.externalCustomerId, query.external_customer_id));
  const { rows, meta } = await paginate(db, customers, and(...filters), query);
  return { data: rows.map(toApiCustomer), meta };
}
