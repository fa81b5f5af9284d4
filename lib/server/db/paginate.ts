import 'server-only';
import { desc, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client';

/** Which page of a list: `page` from 1, `perPage` rows each. */
export interface Pagination {
  page: number;
  perPage: number;
}

/** One page of a list, with the page it is and the number of matching rows of all pages. */
export interface Page<T> {
  items: T[];
  total: number;
  page: Pagination;
}

type Listable = PgTable & { createdAt: AnyPgColumn; id: AnyPgColumn };

/** One page of `table` rows matching `where`, newest first (`created_at desc, id desc`). */
export async function paginate<T extends Listable>(
  db: Db,
  { table, where, page }: { table: T; where: SQL | undefined; page: Pagination },
): Promise<Page<T['$inferSelect']>> {
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(table as PgTable)
      .where(where)
      .orderBy(desc(table.createdAt), desc(table.id))
      .limit(page.perPage)
      .offset((page.page - 1) * page.perPage),
    db.$count(table, where),
  ]);
  return { items: rows as T['$inferSelect'][], total, page };
}

/** The same page with each item mapped (rows to domain objects). */
export const mapPage = <T, U>(page: Page<T>, fn: (item: T) => U): Page<U> => ({ ...page, items: page.items.map(fn) });
