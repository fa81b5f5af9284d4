import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { setupLinks } from '../db/schema';
import { isUuid } from '../ids';
import { getProjectSigningSecret } from '../projects';
import { verifySignedParams } from '../redirects';

export type SignatureCheck =
  | { state: 'valid'; projectId: string }
  | { state: 'invalid'; projectId: string }
  | { state: 'missing' }
  /** No such setup link here, so no project and no secret to check with. */
  | { state: 'unknown_link' };

/**
 * What a partner does with our redirect: recompute the HMAC over the parameters we appended,
 * with the project's signing secret (lib/redirects.ts).
 * The demo page looks the secret up through the link; a real partner keeps it in its config.
 */
export async function checkRedirectSignature(db: Db, params: URLSearchParams): Promise<SignatureCheck> {
  if (!params.has('signature')) return { state: 'missing' };
  const linkId = params.get('setup_link_id');
  if (!isUuid(linkId)) return { state: 'unknown_link' };
  const [link] = await db.select({ projectId: setupLinks.projectId }).from(setupLinks).where(eq(setupLinks.id, linkId));
  if (!link) return { state: 'unknown_link' };
  const secret = await getProjectSigningSecret(db, link.projectId);
  const valid = verifySignedParams(params, secret);
  return { state: valid ? 'valid' : 'invalid', projectId: link.projectId };
}
