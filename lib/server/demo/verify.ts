import 'server-only';
import type { Db } from '../db/client';
import { parseId, type ProjectId, type SetupLinkId } from '../ids';
import { getProjectSigningSecret } from '../projects';
import { verifySignedParams } from '../redirects';
import { findSetupLinkProject } from '../setup-links/queries';

export type SignatureCheck =
  | { state: 'valid'; projectId: ProjectId }
  | { state: 'invalid'; projectId: ProjectId }
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
  const linkId = parseId<SetupLinkId>(params.get('setup_link_id') ?? '');
  if (!linkId) return { state: 'unknown_link' };
  const projectId = await findSetupLinkProject(db, { setupLinkId: linkId });
  if (!projectId) return { state: 'unknown_link' };
  const secret = await getProjectSigningSecret(db, projectId);
  const valid = verifySignedParams(params, secret);
  return { state: valid ? 'valid' : 'invalid', projectId };
}
