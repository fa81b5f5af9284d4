import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { projects, setupLinks } from '../db/schema';
import { expireDueLinks } from './expire';
import { effectiveStatus, type LinkStatus } from './status';
import { hashLinkToken, looksLikeLinkToken } from './token';

export type ResolvedLink = Omit<typeof setupLinks.$inferSelect, 'status' | 'tokenHash' | 'tokenEnc'> & {
  status: LinkStatus;
  project: { id: string; name: string; defaultTheme: Record<string, string> };
};

/** Finds a link by its token (hash lookup) with its effective status; null when unknown. */
export async function resolveLinkToken(db: Db, token: string | undefined | null): Promise<ResolvedLink | null> {
  if (!token || !looksLikeLinkToken(token)) return null;
  const [row] = await db
    .select({
      link: setupLinks,
      project: { id: projects.id, name: projects.name, defaultTheme: projects.defaultTheme },
    })
    .from(setupLinks)
    .innerJoin(projects, eq(projects.id, setupLinks.projectId))
    .where(eq(setupLinks.tokenHash, hashLinkToken(token)));
  if (!row) return null;
  const status = effectiveStatus(row.link);
  if (status !== row.link.status) await expireDueLinks(db, row.link.customerId);
  const { tokenHash, tokenEnc, ...link } = row.link;
  return { ...link, status, project: row.project };
}
