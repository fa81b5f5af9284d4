import 'server-only';
import type { Db } from '../db/client';
import { numbersOfLinks } from '../provisioning/queries';
import { toSetupLink, type SetupLink, type SetupLinkRow } from './domain';

/** Rows as domain links, with the numbers bought for the provisioning ones (one query, if any). */
export async function withNumbers(db: Db, rows: SetupLinkRow[], at: Date): Promise<SetupLink[]> {
  const setupLinkIds = rows.filter((r) => r.provisionPhoneNumber).map((r) => r.id);
  const numbers = await numbersOfLinks(db, { setupLinkIds });
  return rows.map((row) => toSetupLink(row, at, numbers.get(row.id) ?? null));
}

/** One row as a domain link, with its number. */
export const withNumber = async (db: Db, row: SetupLinkRow, at: Date): Promise<SetupLink> =>
  (await withNumbers(db, [row], at))[0];
