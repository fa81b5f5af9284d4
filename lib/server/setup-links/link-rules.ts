import 'server-only';
import { InvalidInputError } from '../errors';
import type { CustomerId, WhatsappConfigId } from '../ids';
import { projectTwilioCredentials } from '../projects';
import type { Scope } from '../scope';
import { whatsappConfigsOfCustomer } from '../whatsapp-configs/queries';
import type { ConnectionType } from '@/lib/shared/vocabulary';
import type { SetupLinkCreateInput } from './schema';

// The rules of a link's input that the zod schema cannot check because they need the database:
// the project's Twilio credentials and the customer's WhatsApp configs. write.ts calls them inside
// its transactions (after locking the customer or the link); each refusal is an InvalidInputError
// naming the field, a 422 at the API edge.

/** Phone numbers compare on their digits: "+1 415-555-0100" is "+14155500100". */
export const phoneDigits = (number: string) => number.replace(/\D/g, '');

/**
 * Provisioning a number outside the US needs the project's own Twilio account
 * (PUT /project/twilio_credentials); the operator's account buys US numbers only.
 */
export async function checkProvisioningCountries(
  scope: Scope,
  { input }: { input: Pick<SetupLinkCreateInput, 'provision_phone_number' | 'phone_number_country_isos'> },
): Promise<void> {
  const countries = input.phone_number_country_isos ?? ['US'];
  if (!input.provision_phone_number || countries.every((c) => c === 'US')) return;
  if (await projectTwilioCredentials(scope)) return;
  throw new InvalidInputError(
    'provisioning_country_not_supported',
    "numbers outside the US can only be provisioned with the project's own Twilio credentials, which this " +
      'project does not have (PUT /project/twilio_credentials); use ["US"]',
    'phone_number_country_isos',
  );
}

/**
 * A reconnect link keeps the connection type of the config it repairs: its allowed types become
 * that one type, and a partner list without it is refused. A config written by hand has no known
 * type: the partner's list (or the default, both) stands, and the customer's choice decides.
 */
export function pinConnectionTypes(
  configType: ConnectionType | null,
  requested: ConnectionType[] | undefined,
): ConnectionType[] | undefined {
  if (!configType) return requested;
  if (requested && !requested.includes(configType)) {
    throw new InvalidInputError(
      'reconnect_connection_type_mismatch',
      `the WhatsApp config this link reconnects is a ${configType} connection; allow "${configType}" or leave ` +
        'allowed_connection_types out',
      'allowed_connection_types',
    );
  }
  return [configType];
}

export interface ReconnectTarget {
  phoneNumber: string;
  whatsappConfigId: WhatsappConfigId;
  /** The link's allowed types: pinned to the config's, or the partner's when it has none. */
  allowedConnectionTypes: ConnectionType[] | undefined;
}

/**
 * The config a reconnect link repairs: the customer's config whose display number has the same
 * digits as `phoneNumber` (the newest, should several), else 422 `reconnect_number_not_found`.
 */
export async function findReconnectTarget(
  scope: Scope,
  {
    customerId,
    phoneNumber,
    allowedConnectionTypes,
  }: { customerId: CustomerId; phoneNumber: string; allowedConnectionTypes: ConnectionType[] | undefined },
): Promise<ReconnectTarget> {
  const digits = phoneDigits(phoneNumber);
  const [config] = (await whatsappConfigsOfCustomer(scope, { customerId }))
    .filter((c) => c.displayPhoneNumber !== null && phoneDigits(c.displayPhoneNumber) === digits)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  if (!config) {
    throw new InvalidInputError(
      'reconnect_number_not_found',
      'no WhatsApp config of this customer has this number; a reconnect link repairs an existing connection',
      'reconnect_phone_number',
    );
  }
  return {
    phoneNumber,
    whatsappConfigId: config.id,
    allowedConnectionTypes: pinConnectionTypes(config.connectionType, allowedConnectionTypes),
  };
}

/**
 * PATCH of a reconnect link's allowed types: the same pin as at creation, against the config as
 * it is now (a config deleted meanwhile pins nothing: the link can no longer complete anyway).
 */
export async function pinReconnectUpdate(
  scope: Scope,
  {
    customerId,
    whatsappConfigId,
    requested,
  }: { customerId: CustomerId; whatsappConfigId: WhatsappConfigId; requested: ConnectionType[] },
): Promise<ConnectionType[]> {
  const config = (await whatsappConfigsOfCustomer(scope, { customerId })).find((c) => c.id === whatsappConfigId);
  return pinConnectionTypes(config?.connectionType ?? null, requested) ?? requested;
}
