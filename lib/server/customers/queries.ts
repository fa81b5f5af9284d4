import 'server-only';
import { and, eq, ilike, type SQL } from 'drizzle-orm';
import { customers } from '../db/schema';
import { paginate, type Page, type Pagination } from '../db/paginate';
import { NotFoundError } from '../errors';
import type { CustomerId } from '../ids';
import type { Scope } from '../scope';
import type { Customer } from './domain';
import type { CustomerListQuery } from './schema';

/**
 * The customer if it belongs to the project, else a 404 naming `param` (`customer_id` under
 * nested routes, the default; `id` on the customer's own). `lock` takes FOR NO KEY UPDATE: callers
 * inside a transaction use it to serialise work on one customer (e.g. one active link); it lets
 * the foreign-key checks of concurrent inserts (a completion's config) through, so they cannot
 * deadlock with it. Only a delete, which changes the key, takes `lock: 'update'` (FOR UPDATE).
 */
export async function requireCustomer(
  { db, projectId }: Scope,
  {
    customerId,
    param = 'customer_id',
    lock = false,
  }: { customerId: CustomerId; param?: string; lock?: boolean | 'update' },
): Promise<Customer> {
  const query = db
    .select()
    .from(customers)
    .where(and(eq(customers.id, customerId), eq(customers.projectId, projectId)));
  const [row] = lock ? await query.for(lock === 'update' ? 'update' : 'no key update') : await query;
  if (!row) throw new NotFoundError('customer', param);
  return row;
}

export async function getCustomer(scope: Scope, { customerId }: { customerId: CustomerId }): Promise<Customer> {
  return requireCustomer(scope, { customerId, param: 'id' });
}

/** `%`, `_` and `\` in a search are literal characters, not LIKE wildcards. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listCustomers(
  { db, projectId }: Scope,
  { filters, page }: { filters: CustomerListQuery; page: Pagination },
): Promise<Page<Customer>> {
  const where: Array<SQL | undefined> = [eq(customers.projectId, projectId)];
  if (filters.q) where.push(ilike(customers.name, `%${likeLiteral(filters.q)}%`));
  if (filters.external_customer_id !== undefined)
    where.push(eq(customers.externalCustomerId, filters.external_customer_id));
  return paginate(db, { table: customers, where: and(...where), page });
}
