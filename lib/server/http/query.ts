import { z } from 'zod';
import { fromZod, PARSE_OPTIONS } from './errors';
import { parsePagination, type Pagination } from './pagination';

/**
 * Validates a list endpoint's query string: the resource's filters plus page/per_page.
 * Unknown query parameters are ignored (cache busters, tracking tags).
 */
export function parseListQuery<S extends z.ZodType>(params: URLSearchParams, filters: S): z.output<S> & Pagination {
  const parsed = filters.safeParse(Object.fromEntries(params), PARSE_OPTIONS);
  if (!parsed.success) throw fromZod(parsed.error);
  return { ...(parsed.data as object), ...parsePagination(params) } as z.output<S> & Pagination;
}
