import type { whatsappConfigs } from '../db/schema';
import type { ConnectionType } from '@/lib/shared/vocabulary';
import type { SetupLinkId } from '../ids';

export type WhatsappConfigRow = typeof whatsappConfigs.$inferSelect;

/**
 * A customer's WhatsApp number as the server works with it. The secrets (access token, webhook
 * verify token, registration PIN) stay in the database, encrypted: only whether they are set.
 */
export type WhatsappConfig = Omit<WhatsappConfigRow, 'accessTokenEnc' | 'webhookVerifyTokenEnc' | 'pinEnc'> & {
  accessTokenSet: boolean;
  webhookVerifyTokenSet: boolean;
};

export function toWhatsappConfig(row: WhatsappConfigRow): WhatsappConfig {
  const { accessTokenEnc, webhookVerifyTokenEnc, pinEnc: _pinEnc, ...config } = row;
  return { ...config, accessTokenSet: accessTokenEnc !== null, webhookVerifyTokenSet: webhookVerifyTokenEnc !== null };
}

/**
 * A config to store, written by a partner through the API or produced by a completed setup link
 * (which also knows the connection type, the link, Meta's verified name and the PIN it registered
 * the number with). Secrets are given in clear and stored encrypted.
 */
export interface NewWhatsappConfig {
  name: string;
  phoneNumberId: string;
  businessAccountId: string;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  accessToken: string;
  webhookVerifyToken: string | null;
  webhookDestinationUrl: string | null;
  pin: string | null;
  connectionType: ConnectionType | null;
  setupLinkId: SetupLinkId | null;
}
