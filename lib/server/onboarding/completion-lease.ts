import 'server-only';
import type { SetupLinkId } from '../ids';
import type { Scope } from '../scope';
import { claimCompletion, LeaseLost, registrationPin, releaseCompletion } from '../setup-links/lease';
import type { LinkStatus } from '@/lib/shared/vocabulary';
import type { ConnectHooks } from './connect';
import type { CompletionStep } from './failure-codes';

// The lease of lib/server/setup-links/lease.ts as the completion uses it: claimed right before
// the first Graph call that changes anything at Meta, released when the completion ends.

/** The link could not be claimed: another completion holds it (`active`), or it is final now. */
export class LinkNotClaimed extends Error {
  constructor(readonly status: LinkStatus) {
    super(`the link could not be claimed (${status})`);
    this.name = 'LinkNotClaimed';
  }
}

/** True for the errors that mean "another completion has the link": nothing was changed at Meta by us. */
export const isLeaseConflict = (e: unknown): e is LinkNotClaimed | LeaseLost =>
  e instanceof LinkNotClaimed || e instanceof LeaseLost;

export function completionLease(
  scope: Scope,
  { setupLinkId, onStep }: { setupLinkId: SetupLinkId; onStep: (s: CompletionStep) => void },
): { hooks: ConnectHooks; release: () => Promise<void> } {
  let leaseId: string | null = null;
  const held = () => {
    if (!leaseId) throw new LeaseLost();
    return { setupLinkId, leaseId };
  };
  return {
    hooks: {
      onStep,
      claim: async () => {
        const claim = await claimCompletion(scope, { setupLinkId });
        if (!claim.claimed) throw new LinkNotClaimed(claim.status);
        leaseId = claim.leaseId;
      },
      registrationPin: () => registrationPin(scope, held()),
    },
    release: async () => {
      if (leaseId) await releaseCompletion(scope, { setupLinkId, leaseId });
    },
  };
}
