export type LinkStatus = 'active' | 'used' | 'expired' | 'revoked';

/** What the API reports: an active link past `expires_at` is expired even before the sweep stores it. */
export function effectiveStatus(row: { status: LinkStatus; expiresAt: Date }, now = new Date()): LinkStatus {
  return row.status === 'active' && row.expiresAt.getTime() <= now.getTime() ? 'expired' : row.status;
}
