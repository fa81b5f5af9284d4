import { z } from 'zod';
import type { Page, Pagination } from '../db/paginate';
import { ApiError } from './errors';

// List endpoints take `page` >= 1 (default 1) and `per_page` 1..100 (default 20) and answer newest
// first. Out-of-range values are a 422, never silently clamped.

export type { Pagination };

/** The `meta` of a list answer. */
export const pageMetaOutput = z.strictObject({
  page: z.number().int().min(1),
  per_page: z.number().int().min(1),
  total_pages: z.number().int().min(0),
  total_count: z.number().int().min(0),
});
export type PageMeta = z.input<typeof pageMetaOutput>;

// Far beyond any real use; keeps OFFSET a safe integer.
const MAX_PAGE = 1_000_000;

function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max))
    throw new ApiError('invalid_parameter', {
      message: `${name} must be an integer from ${min} to ${max}.`,
      param: name,
    });
  return n;
}

export function parsePagination(params: URLSearchParams): Pagination {
  return { page: intParam(params, 'page', 1, 1, MAX_PAGE), perPage: intParam(params, 'per_page', 20, 1, 100) };
}

export function pageMeta(p: Pagination, total: number): PageMeta {
  return { page: p.page, per_page: p.perPage, total_pages: Math.ceil(total / p.perPage), total_count: total };
}

/** A list answer: the page's items serialized for the API, and its meta. */
export function listAnswer<T, Out>(page: Page<T>, serialize: (item: T) => Out): { data: Out[]; meta: PageMeta } {
  return { data: page.items.map((item) => serialize(item)), meta: pageMeta(page.page, page.total) };
}
