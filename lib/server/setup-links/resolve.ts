import 'server-only';
import { eq } from 'drizzle-orm';
import { now } from '../clock';
import type { Db } from '../db/client';
import { projects, setupLinks } from '../db/schema';
import type { ProjectId } from '../ids';
import { toSetupLink, type SetupLink } from './domain';
import { hashLinkToken, looksLikeLinkToken } from './token';
import { expireDueLinks } from './write';

/** The link a token opens, as the hosted page sees it: no token material, with its project. */
export type ResolvedLink = Omit<SetupLink, 'tokenEnc'> & {
  project: { id: ProjectId; name: string };
};

/** Finds a link by its token (hash lookup) with its effective status; null when unknown. */
export async function resolveLinkToken(db: Db, token: string | undefined | null): Promise<ResolvedLink | null> {
  if (!token || !looksLikeLinkToken(token)) return null;
  const [row] = await db
    .select({
      link: setupLinks,
      project: { id: projects.id, name: projects.name },
    })
    .from(setupLinks)
    .innerJoin(projects, eq(projects.id, setupLinks.projectId))
    .where(eq(setupLinks.tokenHash, hashLinkToken(token)));
  if (!row) return null;
  const { tokenEnc: _tokenEnc, ...link } = toSetupLink(row.link, now());
  if (link.status !== row.link.status) await expireDueLinks(db, { customerId: link.customerId });
  return { ...link, project: row.project };
}
