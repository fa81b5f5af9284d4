// Transport-neutral errors of the domain. Data functions throw these; one place
// (lib/server/http/errors.ts, `toApiError`) turns them into the API's error envelope.

/** Resources a data function can fail to find, with the name a person reads. */
export const RESOURCE_LABELS = {
  customer: 'customer',
  setup_link: 'setup link',
  whatsapp_config: 'WhatsApp config',
  webhook_endpoint: 'webhook endpoint',
  webhook_delivery: 'webhook delivery',
  agent: 'agent',
  sandbox_session: 'sandbox session',
} as const;
export type Resource = keyof typeof RESOURCE_LABELS;

/** The resource does not exist in the caller's project (or its id is not an id at all). */
export class NotFoundError extends Error {
  constructor(
    readonly resource: Resource,
    /** The request parameter that named it (`customer_id`, `id`), so the answer can point at it. */
    readonly param: string,
  ) {
    super(`No such ${RESOURCE_LABELS[resource]}.`);
    this.name = 'NotFoundError';
  }
}

/** Codes of the conflicts the domain reports (each is an API error code with status 409). */
export type ConflictCode =
  | 'setup_link_not_active'
  | 'external_customer_id_taken'
  | 'delivery_already_succeeded'
  | 'sandbox_session_not_active'
  | 'sandbox_session_already_ended';

/** The request is valid but the resource's state does not allow it. */
export class ConflictError extends Error {
  constructor(
    readonly code: ConflictCode,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Codes of input the domain refuses after looking further than the schema (each a 422 API code). */
export type InvalidInputCode =
  | 'webhook_url_not_allowed'
  | 'provisioning_country_not_supported'
  | 'reconnect_number_not_found'
  | 'reconnect_connection_type_mismatch';

/** The input is well-formed but refused on a check the schema cannot make (e.g. DNS resolution). */
export class InvalidInputError extends Error {
  constructor(
    readonly code: InvalidInputCode,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/**
 * The operator's configuration cannot work (environment, bootstrap keys, a database held by
 * another process). Startup prints the message alone, without a stack: it is for a person to fix.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
