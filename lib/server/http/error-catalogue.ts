// Every error code the API and the hosted page's endpoints answer with, its HTTP status and type,
// written once. docs/ERROR_CODES.md is checked against this table by
// lib/server/http/error-catalogue.test.ts; `npm run docs:errors` rewrites its table.
import { FINAL_STATUS_FAILURE_CODES } from '@/lib/shared/vocabulary';

export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found'
  | 'conflict'
  | 'rate_limit_error'
  | 'api_error';

interface Entry {
  status: number;
  type: ErrorType;
  /** What it means to a partner, for the documented list. */
  meaning: string;
  /** Answered by the hosted page's endpoints (/setup/*), not the platform API. */
  hosted?: true;
}

const invalid = (status: number, meaning: string) => ({ status, type: 'invalid_request_error', meaning }) as const;
const hosted = <E extends Entry>(entry: E) => ({ ...entry, hosted: true }) as const;

// A link that is no longer active answers its final status's failure code (the progress endpoint).
const finalLinkCodes = Object.fromEntries(
  Object.values(FINAL_STATUS_FAILURE_CODES).map((code) => [
    code,
    hosted({ status: 409, type: 'conflict', meaning: 'The setup link was used, expired or revoked meanwhile.' }),
  ]),
) as Record<(typeof FINAL_STATUS_FAILURE_CODES)[keyof typeof FINAL_STATUS_FAILURE_CODES], Entry>;

export const ERROR_CATALOGUE = {
  malformed_json: invalid(400, 'The body is not valid JSON.'),
  malformed_authorization_header: invalid(400, '`Authorization` is present but not `Bearer <api key>`.'),
  missing_api_key: {
    status: 401,
    type: 'authentication_error',
    meaning: 'No key in `X-API-Key` or `Authorization: Bearer`.',
  },
  invalid_api_key: {
    status: 401,
    type: 'authentication_error',
    meaning: 'The key is unknown or revoked, or it was sent in the URL (never accepted there).',
  },
  resource_not_found: {
    status: 404,
    type: 'not_found',
    meaning:
      'No such customer, setup link, WhatsApp config, webhook endpoint, delivery, agent or sandbox session in your ' +
      'project (also for ids that are not UUIDs). `param` says which id: `customer_id`, `agent_id` or `id`.',
  },
  route_not_found: { status: 404, type: 'not_found', meaning: 'No endpoint at this path.' },
  invalid_path: invalid(400, 'The path has a malformed percent-escape (not `%XX`, or not UTF-8).'),
  method_not_allowed: invalid(
    405,
    'The endpoint exists but not for this method; the `Allow` header lists the methods it serves.',
  ),
  setup_link_not_active: {
    status: 409,
    type: 'conflict',
    meaning:
      'The setup link is `used`, `expired` or `revoked` (all final); only active links can be changed or revoked.',
  },
  external_customer_id_taken: {
    status: 409,
    type: 'conflict',
    meaning: 'Another customer of the project already has this `external_customer_id`.',
  },
  delivery_already_succeeded: {
    status: 409,
    type: 'conflict',
    meaning: 'The webhook delivery already succeeded; only failed or pending deliveries can be retried.',
  },
  sandbox_session_not_active: {
    status: 409,
    type: 'conflict',
    meaning:
      'The sandbox session is not `active` (still `pending_activation`, or `expired` or `ended`): messages go to ' +
      'activated sessions only.',
  },
  sandbox_session_already_ended: {
    status: 409,
    type: 'conflict',
    meaning: 'The sandbox session is already `ended` or `expired`.',
  },
  body_too_large: invalid(413, 'The body is over 1 MB (16 KB on the hosted page).'),
  unsupported_media_type: invalid(415, 'The body is not sent as `Content-Type: application/json`.'),
  invalid_body: invalid(422, 'The body is JSON but not an object, or it nests deeper than 32 levels.'),
  missing_parameter: invalid(422, 'A required field is absent.'),
  invalid_parameter: invalid(
    422,
    'A field or query parameter has the wrong type, format or range (the message says which rule).',
  ),
  unknown_parameter: invalid(422, 'The body has a field this endpoint does not take (typos are not silently ignored).'),
  unknown_event_type: invalid(422, '`events` names an event type that does not exist (see the list in the README).'),
  invalid_url: invalid(
    422,
    'A redirect or webhook URL is not an absolute `https://` URL of at most 2,048 characters without user info, ' +
      'port 0, fragment, backslashes or invisible characters, written exactly as browsers read it (the message ' +
      'shows that form), with a public host (`http://localhost` and loopback hosts only where the operator allows ' +
      'them); or a redirect URL whose own query uses one of the parameter names the redirect adds.',
  ),
  webhook_url_not_allowed: invalid(
    422,
    'The webhook URL (or `webhook_destination_url`) is, or its host resolves to, a private, loopback, ' +
      'link-local or cloud metadata address, or an internal name (`localhost`, `*.internal`, `*.local`) ' +
      '(`WEBHOOK_ALLOW_PRIVATE_NETWORKS` lets an operator allow private networks).',
  ),
  parameter_conflict: invalid(
    422,
    'Two fields exclude each other (`expires_at` and `expires_in_hours`; `reconnect_phone_number` and ' +
      '`provision_phone_number`).',
  ),
  provisioning_country_not_supported: invalid(
    422,
    '`provision_phone_number` with a country other than `US`, and the project has no Twilio credentials of its ' +
      'own (`PUT /project/twilio_credentials`).',
  ),
  reconnect_number_not_found: invalid(
    422,
    '`reconnect_phone_number` is not the number (`display_phone_number`, compared on its digits) of any WhatsApp ' +
      'config of this customer.',
  ),
  reconnect_connection_type_mismatch: invalid(
    422,
    '`allowed_connection_types` does not include the connection type of the WhatsApp config the link reconnects: a ' +
      'reconnect link keeps the connection as it was.',
  ),
  invalid_idempotency_key: invalid(422, '`Idempotency-Key` is empty, over 255 characters or not printable ASCII.'),
  idempotency_key_reused: invalid(
    422,
    'The `Idempotency-Key` was used in the last 24 h for another method, path or body.',
  ),
  idempotency_request_in_progress: {
    status: 409,
    type: 'conflict',
    meaning: 'The first request with this `Idempotency-Key` is still running; retry after `Retry-After`.',
  },
  rate_limited: {
    status: 429,
    type: 'rate_limit_error',
    meaning:
      'Too many requests: per API key (`RATE_LIMIT_API_PER_SECOND`), per client IP on the hosted page and the ' +
      'inbound webhooks, or per setup link on the completion endpoint. Wait `Retry-After` seconds.',
  },
  internal_error: {
    status: 500,
    type: 'api_error',
    meaning: 'Our fault. Retry; if it persists, give the operator the request id. The body never holds details.',
  },
  database_unavailable: {
    status: 503,
    type: 'api_error',
    meaning:
      'The database cannot be reached right now (a restart or failover). Retry after `Retry-After` seconds, with ' +
      'the same `Idempotency-Key` on a POST.',
  },
  sandbox_send_failed: {
    status: 502,
    type: 'api_error',
    meaning:
      "Meta's Graph API refused or did not answer the sandbox number's message (the message says why); nothing was sent.",
  },
  sandbox_unavailable: {
    status: 503,
    type: 'api_error',
    meaning:
      'The operator has not configured the sandbox number (`SANDBOX_PHONE_NUMBER`, `SANDBOX_PHONE_NUMBER_ID`, ' +
      '`SANDBOX_ACCESS_TOKEN`).',
  },
  cross_site_request: hosted({
    status: 403,
    type: 'permission_error',
    meaning: 'The request did not come from the setup page itself (`Origin`, `Sec-Fetch-Site`).',
  }),
  missing_link_cookie: hosted({
    status: 401,
    type: 'authentication_error',
    meaning: 'The browser has no setup-link cookie: open the link again.',
  }),
  link_not_found: hosted({ status: 404, type: 'not_found', meaning: 'The link cookie names no setup link.' }),
  link_mismatch: hosted({
    status: 409,
    type: 'conflict',
    meaning:
      'The page was opened for another setup link than the one this browser opened last (`setup_link_id` ' +
      'differs from the link cookie): nothing was done. Go back to the newest tab, or open the link again.',
  }),
  completion_in_progress: hosted({
    status: 409,
    type: 'conflict',
    meaning: 'Another tab is completing this setup link right now; nothing was sent to Meta. Reload in a moment.',
  }),
  invalid_attempt: hosted({
    status: 403,
    type: 'permission_error',
    meaning: 'The attempt id is not one the page was given for this link (an old page): reload.',
  }),
  attempt_already_used: hosted({ status: 409, type: 'conflict', meaning: 'This attempt id was already submitted.' }),
  connection_type_not_allowed: hosted(invalid(422, 'The setup link does not allow that connection type.')),
  setup_link_active: hosted({
    status: 409,
    type: 'conflict',
    meaning: 'A new link was asked for, but this one is still active: it can be used as it is.',
  }),
  renewal_unavailable: hosted({
    status: 409,
    type: 'conflict',
    meaning:
      'A new link was asked for, but no active webhook endpoint of the project subscribes to ' +
      '`setup_link.renewal_requested`: the customer has to contact the partner directly.',
  }),
  renewal_already_requested: hosted({
    status: 429,
    type: 'rate_limit_error',
    meaning: 'A new link was already asked for with this link within the hour; `Retry-After` says when to ask again.',
  }),
  not_a_provisioning_link: hosted({
    status: 409,
    type: 'conflict',
    meaning: 'The phone step was asked for, but this setup link does not provision a number.',
  }),
  phone_number_unavailable: hosted({
    status: 409,
    type: 'conflict',
    meaning: 'No number could be bought for the link (no stock in its countries or area code); the link stays active.',
  }),
  ...finalLinkCodes,
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
