import type { LinkStatus } from '@/lib/shared/vocabulary';

/**
 * The status a link has at `at` (pass the clock's `now()`): an active link past `expires_at` is
 * expired even before the lazy expiry or the sweep stores it.
 */
export function effectiveStatus(row: { status: LinkStatus; expiresAt: Date }, at: Date): LinkStatus {
  return row.status === 'active' && row.expiresAt.getTime() <= at.getTime() ? 'expired' : row.status;
}
