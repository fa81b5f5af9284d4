import 'server-only';
import { and, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { provisionedNumbers } from '../db/schema';
import type { SetupLinkId } from '../ids';
import { isShown, type ActiveNumber } from './domain';

/** The bought numbers of these links, by link id (links without one are absent). */
export async function numbersOfLinks(db: Db, { setupLinkIds }: { setupLinkIds: SetupLinkId[] }) {
  const byLink = new Map<SetupLinkId, ActiveNumber>();
  if (setupLinkIds.length === 0) return byLink;
  const rows = await db
    .select()
    .from(provisionedNumbers)
    .where(and(inArray(provisionedNumbers.setupLinkId, setupLinkIds), ne(provisionedNumbers.status, 'purchasing')));
  for (const row of rows) if (isShown(row) && row.setupLinkId) byLink.set(row.setupLinkId, row);
  return byLink;
}
