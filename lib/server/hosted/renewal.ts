import 'server-only';
import type { z } from 'zod';
import { now } from '../clock';
import type { Db } from '../db/client';
import { ApiError } from '../http/errors';
import type { HostedContext } from '../http/hosted-route';
import { json } from '../http/respond';
import { log } from '../log';
import type { ResolvedLink } from '../setup-links/resolve';
import { RENEWAL_INTERVAL_MS, requestLinkRenewal } from '../setup-links/write-progress';
import { projectSubscribesTo } from '../webhooks/queries';
import type { RenewalOffer, linkBody, RenewalResponse } from '@/lib/shared/embedded-signup/contract';
import type { EventType } from '@/lib/shared/vocabulary';

// POST /setup/renewal: the customer of a used, expired or revoked link asks the partner for a new
// one. The request only exists as the webhook event setup_link.renewal_requested, so it is
// refused when nobody would receive it (the page then tells the customer to contact the partner).

const RENEWAL_EVENT = 'setup_link.renewal_requested' satisfies EventType;

/** What the state page offers for `link` (a link no longer active); a reload keeps a request's confirmation. */
export async function renewalOffer(db: Db, link: ResolvedLink): Promise<RenewalOffer> {
  const last = link.renewalRequestedAt;
  if (last && now().getTime() - last.getTime() < RENEWAL_INTERVAL_MS) return 'requested';
  const subscribed = await projectSubscribesTo({ db, projectId: link.projectId }, { type: RENEWAL_EVENT });
  return subscribed ? 'available' : 'unavailable';
}

export async function handleRenewal({ db, link }: HostedContext<z.infer<typeof linkBody>>): Promise<Response> {
  if (link.status === 'active') {
    throw new ApiError('setup_link_active', { message: 'This setup link can still be used: no new one is needed.' });
  }
  const scope = { db, projectId: link.projectId };
  if (!(await projectSubscribesTo(scope, { type: RENEWAL_EVENT }))) {
    const message = `${link.project.name} cannot be asked from this page. Please contact them directly.`;
    throw new ApiError('renewal_unavailable', { message });
  }
  const result = await requestLinkRenewal(scope, { setupLinkId: link.id });
  if (!result.recorded) {
    // Whole seconds, never 0: a client that waits Retry-After must then be accepted.
    const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - now().getTime()) / 1000));
    throw new ApiError('renewal_already_requested', {
      message: 'A new link was already requested. Please wait for it.',
      headers: { 'Retry-After': String(seconds) },
    });
  }
  log.info('setup_link_renewal_requested', { setup_link_id: link.id, link_status: link.status });
  const answer: RenewalResponse = { status: 'requested' };
  return json(200, answer);
}
