import 'server-only';
import { EXAMPLE_REQUEST_ID } from '../errors';
import type { Example } from '../operation';

// Success answers around the example objects: `{"data": ..., "request_id"}`, lists with `meta`.

export const one = (summary: string, data: unknown, source?: string): Record<string, Example> => ({
  example: { summary, ...(source ? { source } : {}), value: { data, request_id: EXAMPLE_REQUEST_ID } },
});

export const page = (summary: string, item: unknown, source?: string): Record<string, Example> => ({
  example: {
    summary,
    ...(source ? { source } : {}),
    value: {
      data: [item],
      meta: { page: 1, per_page: 20, total_pages: 1, total_count: 1 },
      request_id: EXAMPLE_REQUEST_ID,
    },
  },
});
