import 'server-only';
import { desc, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { invalid } from './errors';

// SPEC 3: `page` >= 1 (default 1), `per_page` 1..100 (default 20), newest first.
// Out-of-range values are a 422, never silently clamped.

export interface Pagination {
  page: number;
  perPage: number;
}

export interface PageMeta {
  page: number;
  per_page: number;
  total_pages: number;
  total_count: number;
}

// Far beyond any real use; keeps OFFSET a safe integer.
const MAX_PAGE = 1_000_000;

function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max))
    throw invalid('invalid_parameter', `${name} must be an integer from ${min} to ${max}.`, name);
  return n;
}

export function parsePagination(params: URLSearchParams): Pagination {
  return { page: intParam(params, 'page', 1, 1, MAX_PAGE), perPage: intParam(params, 'per_page', 20, 1, 100) };
}

export function pageMeta(p: Pagination, total: number): PageMeta {
  return { page: p.page, per_page: p.perPage, total_pages: Math.ceil(total / p.perPage), total_count: total };
}

type Listable = PgTable & { createdAt: AnyPgColumn; id: AnyPgColumn };

/** One page of `table` rows matching `where`, ordered `created_at desc, id desc`, with its meta. */
export async function paginate<T extends Listable>(db: Db, table: T, where: SQL | undefined, p: Pagination) {
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(table as PgTable)
      .where(where)
      .orderBy(desc(table.createdAt), desc(table.id))
      .limit(p.perPage)
      .offset((p.page - 1) * p.perPage),
    db.$count(table, where),
  ]);
  return { rows: rows as T['$inferSelect'][], meta: pageMeta(p, total) };
}
