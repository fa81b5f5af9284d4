// The product's vocabularies, each written once. Everything else derives from these lists: the
// database enums (lib/server/db/schema.ts), the zod schemas, the UI, the emulator-facing
// contract and the browser tests. This module imports nothing, so any layer may import it.

/** How a customer connects: keep the WhatsApp Business app (coexistence) or API only. */
export const CONNECTION_TYPES = ['coexistence', 'dedicated'] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

/** A setup link's lifecycle; every status but `active` is final. */
export const LINK_STATUSES = ['active', 'used', 'expired', 'revoked'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
export type FinalLinkStatus = Exclude<LinkStatus, 'active'>;

/** Where the customer's WhatsApp setup stands on a link (`whatsapp_setup_status`). */
export const SETUP_STATUSES = ['pending', 'in_progress', 'completed', 'failed'] as const;
export type SetupStatus = (typeof SETUP_STATUSES)[number];

/** The hosted page's steps its script reports (POST /setup/progress), each one a setup_link.* event. */
export const PAGE_STEPS = ['opened', 'connection_type_selected', 'facebook_opened'] as const;
export type PageStep = (typeof PAGE_STEPS)[number];

/** A link's `last_step`: the last page step, or how the last attempt in Meta's window ended. */
export const LINK_STEPS = [...PAGE_STEPS, 'cancelled', 'failed', 'completed'] as const;
export type LinkStep = (typeof LINK_STEPS)[number];

/** The stable `error_code` of a failure redirect, a failed completion and `setup_link.failed`. */
export const FAILURE_CODES = [
  'facebook_auth_failed',
  'token_exchange_failed',
  'phone_verification_failed',
  'phone_registration_failed',
  'waba_limit_reached',
  'waba_not_granted',
  'phone_number_unavailable',
  'reconnect_number_mismatch',
  'link_expired',
  'already_used',
  'link_revoked',
  'internal_error',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** The failure code for each final link status (opening or completing a link no longer active). */
export const FINAL_STATUS_FAILURE_CODES = {
  used: 'already_used',
  expired: 'link_expired',
  revoked: 'link_revoked',
} as const satisfies Record<FinalLinkStatus, FailureCode>;

/** Webhook event types, written to the outbox with the change they report. */
export const EVENT_TYPES = [
  'setup_link.created',
  'setup_link.opened',
  'setup_link.connection_type_selected',
  'setup_link.facebook_opened',
  'setup_link.cancelled',
  'setup_link.failed',
  'setup_link.used',
  'setup_link.abandoned',
  'setup_link.expired',
  'setup_link.revoked',
  'setup_link.renewal_requested',
  'whatsapp.phone_number.created',
  'whatsapp.config.created',
  'whatsapp.config.deleted',
  'whatsapp.phone_number.reconnected',
  'sandbox.message.received',
  'webhook.test',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * A number bought for a provisioning link. `purchasing` is the claim taken before Twilio is
 * called (at most one per link); the API shows a number once it is `active`, until `released`.
 */
export const PROVISIONED_NUMBER_STATUSES = ['purchasing', 'active', 'released'] as const;
export type ProvisionedNumberStatus = (typeof PROVISIONED_NUMBER_STATUSES)[number];

/** A sandbox session: waits for its code from the phone, then relays that phone's messages. */
export const SANDBOX_SESSION_STATUSES = ['pending_activation', 'active', 'expired', 'ended'] as const;
export type SandboxSessionStatus = (typeof SANDBOX_SESSION_STATUSES)[number];

/** A webhook delivery's state in the delivery log. */
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The 12 colour tokens of a theme (`theme_config`). */
export const THEME_KEYS = [
  'primary_color',
  'primary_foreground_color',
  'background_color',
  'text_color',
  'muted_text_color',
  'card_color',
  'muted_color',
  'border_color',
  'secondary_color',
  'secondary_foreground_color',
  'destructive_color',
  'destructive_foreground_color',
] as const;
export type ThemeKey = (typeof THEME_KEYS)[number];

/** The hosted page's languages; Arabic is written right to left. */
export const LOCALES = ['en', 'es', 'pt', 'hi', 'id', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const RTL_LOCALES: readonly Locale[] = ['ar'];

/** True when `value` is one of `list` (narrows `unknown` input to the vocabulary's type). */
export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** True for a supported page language (a query parameter, cookie or stored `language`). */
export const isLocale = (value: unknown): value is Locale => isOneOf(LOCALES, value);
