// Shapes shared by the hosted page's browser code and its server: what the page receives as props,
// and the contract of POST /setup/complete (implemented in app/setup/complete by the completion server).

import type { ConnectionType } from '@/lib/shared/vocabulary';

/** Everything the client flow needs from the server. Nothing here is secret. */
export interface MetaClientConfig {
  appId: string;
  configId: string;
  graphVersion: string;
  /** The SDK script for the page's language (`{locale}` already replaced). */
  sdkUrl: string;
  /** Configured `extras` per connection type (META_EXTRAS), merged under our own. */
  extras: Partial<Record<ConnectionType, Record<string, unknown>>>;
}

export interface SetupFlowProps {
  partner: string;
  /** The link this page is for (its public id), sent with every call: see contract.ts. */
  setupLinkId: string;
  connectionTypes: ConnectionType[];
  attemptId: string;
  /** The link buys the customer a number (shown on the connect step of a dedicated connection). */
  provisioning: boolean;
  meta: MetaClientConfig;
  /** Exact origins trusted for Embedded Signup messages besides Facebook's (the emulator in dev). */
  extraMessageOrigins: string[];
  nonce: string | null;
  /** Set when the server saw an in-app browser: no SDK is loaded; the link is shown for copying. */
  inAppBrowser: { app: InAppBrowser; linkUrl: string } | null;
}

export type InAppBrowser = 'facebook' | 'instagram' | 'whatsapp';

export type { CompletionRequest, CompletionResponse, ProgressRequest } from './contract';
