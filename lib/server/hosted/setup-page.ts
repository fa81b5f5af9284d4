import 'server-only';
import { detectInAppBrowser } from '@/lib/shared/embedded-signup/in-app-browser';
import type { RenewalOffer } from '@/lib/shared/embedded-signup/contract';
import type { SetupFlowProps } from '@/lib/shared/embedded-signup/types';
import { CONNECTION_TYPES, type FinalLinkStatus, type Locale } from '@/lib/shared/vocabulary';
import { getCustomer } from '../customers/queries';
import { getDb } from '../db/client';
import { newAttemptId } from '../onboarding/attempt';
import { linkUrlFromToken } from '../setup-links/token';
import { getCurrentLink, getCurrentLinkToken } from './current-link';
import { extraMessageOrigins, metaClientConfig } from './meta-config';
import { renewalOffer } from './renewal';

export type SetupPageModel =
  | { view: 'invalid' }
  | { view: 'state'; status: FinalLinkStatus; partner: string; renewal: RenewalOffer; binding: PageBinding }
  | { view: 'flow'; props: SetupFlowProps; binding: PageBinding };

/** Whose page it is: the link's public id (sent back with every call) and its customer's name. */
export interface PageBinding {
  setupLinkId: string;
  customer: string;
}

/** Everything /setup renders, from the link cookie and the request. */
export async function loadSetupPage({
  locale,
  userAgent,
  nonce,
}: {
  locale: Locale;
  userAgent: string | null;
  nonce: string | null;
}): Promise<SetupPageModel> {
  const link = await getCurrentLink();
  if (!link) return { view: 'invalid' };
  const partner = link.project.name;
  const db = await getDb();
  const customer = await getCustomer({ db, projectId: link.projectId }, { customerId: link.customerId });
  const binding = { setupLinkId: link.id, customer: customer.name };
  if (link.status !== 'active')
    return { view: 'state', status: link.status, partner, renewal: await renewalOffer(db, link), binding };

  const allowed = CONNECTION_TYPES.filter((t) => link.allowedConnectionTypes.includes(t));
  const app = detectInAppBrowser(userAgent);
  // Only here does the page show the link itself: the customer must carry it to a real browser.
  const token = app ? await getCurrentLinkToken() : null;
  return {
    view: 'flow',
    binding,
    props: {
      partner,
      setupLinkId: link.id,
      connectionTypes: allowed.length ? allowed : [...CONNECTION_TYPES],
      attemptId: newAttemptId(link.id),
      provisioning: link.provisionPhoneNumber,
      meta: metaClientConfig(locale),
      extraMessageOrigins: extraMessageOrigins(),
      nonce,
      inAppBrowser: app && token ? { app, linkUrl: linkUrlFromToken(token) } : null,
    },
  };
}
