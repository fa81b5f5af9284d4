// Resource ids are branded strings: a CustomerId cannot be passed where a SetupLinkId is wanted,
// so swapping two ids is a type error, not a silent 404. The database columns carry the brands
// (lib/server/db/schema.ts); raw strings from a URL become ids through `parseId`.

declare const brand: unique symbol;
type Id<B extends string> = string & { readonly [brand]: B };

export type ProjectId = Id<'project'>;
export type CustomerId = Id<'customer'>;
export type SetupLinkId = Id<'setup_link'>;
export type WhatsappConfigId = Id<'whatsapp_config'>;
export type WebhookEndpointId = Id<'webhook_endpoint'>;
export type WebhookDeliveryId = Id<'webhook_delivery'>;
export type WebhookEventId = Id<'webhook_event'>;
export type AgentId = Id<'agent'>;
export type SandboxSessionId = Id<'sandbox_session'>;
export type ProvisionedNumberId = Id<'provisioned_number'>;

// Path ids are UUIDs. Anything else cannot exist, so it is "not found" (never a database cast error).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** The id when `raw` has an id's shape, else null (the caller answers "not found"). */
export const parseId = <
  T extends
    | ProjectId
    | CustomerId
    | SetupLinkId
    | WhatsappConfigId
    | WebhookEndpointId
    | WebhookDeliveryId
    | AgentId
    | SandboxSessionId
    | ProvisionedNumberId,
>(
  raw: string,
): T | null => (isUuid(raw) ? (raw as T) : null);

/** A new row id made here rather than by the column default, for rows whose secrets are bound to it (crypto.ts). */
export const newId = <T extends string>(): T => crypto.randomUUID() as T;
