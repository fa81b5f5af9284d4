import 'server-only';
import { now } from '../clock';
import type { Db } from '../db/client';
import { parseId, type SetupLinkId } from '../ids';
import { getProjectSigningSecret } from '../projects';
import { verifyRedirect, type SignedRedirect } from '../redirect-signature';
import { findSetupLinkProject } from '../setup-links/queries';

export type SignatureCheck =
  | { state: 'valid'; redirect: SignedRedirect }
  | { state: 'invalid'; reason: string }
  | { state: 'missing' }
  /** No such setup link here, so no project and no secret to check with. */
  | { state: 'unknown_link' };

/**
 * What a partner does with our redirect (lib/server/redirect-signature.ts), on the raw query
 * string as it arrived. The demo page looks the secret up through the link id; a real partner
 * keeps it in its configuration. The id only picks the secret: the verifier decides what to trust.
 */
export async function checkRedirectSignature(db: Db, query: string): Promise<SignatureCheck> {
  const params = new URLSearchParams(query);
  if (!params.has('signature')) return { state: 'missing' };
  const linkId = parseId<SetupLinkId>(params.get('setup_link_id') ?? '');
  const projectId = linkId && (await findSetupLinkProject(db, { setupLinkId: linkId }));
  if (!projectId) return { state: 'unknown_link' };
  const result = verifyRedirect(query, await getProjectSigningSecret(db, projectId), { now: now() });
  return result.ok ? { state: 'valid', redirect: result.redirect } : { state: 'invalid', reason: result.reason };
}
