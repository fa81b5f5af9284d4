import type { setupLinks } from '../db/schema';
import type { ActiveNumber } from '../provisioning/domain';
import { effectiveStatus } from './status';

/** A stored link, as read from the table. Only this folder handles rows. */
export type SetupLinkRow = typeof setupLinks.$inferSelect;

/**
 * A setup link as the server works with it. `status` is the effective one at the time it was
 * read. The token's hash (the lookup key) is left out; `tokenEnc` is the token encrypted, from
 * which the API's `url` is made: the token itself is never held in a domain object.
 */
export type SetupLink = Omit<SetupLinkRow, 'tokenHash'> & {
  /** The number bought for a provisioning link, once bought (lib/server/provisioning). */
  provisionedNumber: ActiveNumber | null;
};

export function toSetupLink(row: SetupLinkRow, at: Date, provisionedNumber: ActiveNumber | null = null): SetupLink {
  const { tokenHash: _tokenHash, ...link } = row;
  return { ...link, status: effectiveStatus(row, at), provisionedNumber };
}
