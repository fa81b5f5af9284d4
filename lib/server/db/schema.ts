import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type {
  AgentId,
  CustomerId,
  ProjectId,
  ProvisionedNumberId,
  SandboxSessionId,
  SetupLinkId,
  WebhookDeliveryId,
  WebhookEndpointId,
  WebhookEventId,
  WhatsappConfigId,
} from '../ids';
import {
  CONNECTION_TYPES,
  DELIVERY_STATUSES,
  LINK_STATUSES,
  LINK_STEPS,
  PROVISIONED_NUMBER_STATUSES,
  SANDBOX_SESSION_STATUSES,
  SETUP_STATUSES,
  type ConnectionType,
  type EventType,
  type FailureCode,
  type Locale,
  type ThemeKey,
} from '@/lib/shared/vocabulary';
import { IDEMPOTENCY_STATES } from '../idempotency/states';

// One schema for PGlite and PostgreSQL 15: only SQL both understand.
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const created = () => ts('created_at').notNull().defaultNow();
type ThemeOverrides = Partial<Record<ThemeKey, string>>;
// Rows belong to a project (and most to a customer): deleting the owner deletes them.
const projectRef = () =>
  uuid('project_id')
    .$type<ProjectId>()
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' });
const customerRef = () =>
  uuid('customer_id')
    .$type<CustomerId>()
    .notNull()
    .references(() => customers.id, { onDelete: 'cascade' });

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').$type<ProjectId>().primaryKey().defaultRandom(),
    name: text('name').notNull(),
    signingSecretEnc: text('signing_secret_enc').notNull(),
    // The default theme partners set (PATCH /project), copied into new links (projects/theme.ts).
    defaultThemeConfig: jsonb('default_theme_config').$type<ThemeOverrides>(),
    // The project's own Twilio account (needed for numbers outside the US); the token encrypted.
    twilioAccountSid: text('twilio_account_sid'),
    twilioAuthTokenEnc: text('twilio_auth_token_enc'),
    createdAt: created(),
  },
  (t) => [uniqueIndex('projects_name_key').on(t.name)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    keyHash: text('key_hash').notNull(),
    last4: text('last4').notNull(),
    createdAt: created(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_hash_key').on(t.keyHash)],
);

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').$type<CustomerId>().primaryKey().defaultRandom(),
    projectId: projectRef(),
    name: text('name').notNull(),
    externalCustomerId: text('external_customer_id'),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customers_project_external_key').on(t.projectId, t.externalCustomerId),
    index('customers_project_created_idx').on(t.projectId, t.createdAt, t.id),
  ],
);

export const setupLinks = pgTable(
  'setup_links',
  {
    id: uuid('id').$type<SetupLinkId>().primaryKey().defaultRandom(),
    projectId: projectRef(),
    customerId: customerRef(),
    status: text('status', { enum: LINK_STATUSES }).notNull().default('active'),
    tokenHash: text('token_hash').notNull(),
    tokenEnc: text('token_enc').notNull(),
    successRedirectUrl: text('success_redirect_url'),
    failureRedirectUrl: text('failure_redirect_url'),
    allowedConnectionTypes: jsonb('allowed_connection_types').$type<ConnectionType[]>().notNull(),
    language: text('language').$type<Locale>(),
    themeConfig: jsonb('theme_config').$type<ThemeOverrides>().notNull().default({}),
    provisionPhoneNumber: boolean('provision_phone_number').notNull().default(false),
    phoneNumberCountryIsos: jsonb('phone_number_country_isos').$type<string[]>().notNull(),
    phoneNumberAreaCode: text('phone_number_area_code'),
    whatsappSetupStatus: text('whatsapp_setup_status', { enum: SETUP_STATUSES }).notNull().default('pending'),
    whatsappSetupError: text('whatsapp_setup_error').$type<FailureCode>(),
    lastStep: text('last_step', { enum: LINK_STEPS }),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    whatsappConfigId: uuid('whatsapp_config_id').$type<WhatsappConfigId>(),
    phoneNumberId: text('phone_number_id'),
    businessAccountId: text('business_account_id'),
    displayPhoneNumber: text('display_phone_number'),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    revokedAt: ts('revoked_at'),
    // The funnel: first opened by the page's script, last report from the page, and when the
    // silence after it was reported as setup_link.abandoned (once per link).
    openedAt: ts('opened_at'),
    lastActivityAt: ts('last_activity_at'),
    abandonedAt: ts('abandoned_at'),
    // The customer's last "ask for a new link" on the state page (at most one per hour).
    renewalRequestedAt: ts('renewal_requested_at'),
    // A reconnect link repairs this config's connection (its number, E.164, as the partner gave it).
    reconnectPhoneNumber: text('reconnect_phone_number'),
    reconnectWhatsappConfigId: uuid('reconnect_whatsapp_config_id').$type<WhatsappConfigId>(),
    // The completion that may change things at Meta now, and the PIN stored before `register`
    // (lib/server/setup-links/lease.ts).
    completionLeaseUntil: ts('completion_lease_until'),
    completionLeaseId: text('completion_lease_id'),
    pendingPinEnc: text('pending_pin_enc'),
  },
  (t) => [
    uniqueIndex('setup_links_token_hash_key').on(t.tokenHash),
    // The database itself guarantees one active link per customer.
    uniqueIndex('setup_links_one_active_per_customer')
      .on(t.customerId)
      .where(sql`status = 'active'`),
    index('setup_links_customer_created_idx').on(t.customerId, t.createdAt, t.id),
    index('setup_links_active_expiry_idx')
      .on(t.expiresAt)
      .where(sql`status = 'active'`),
    // What the abandonment sweep looks for: opened, active, not yet reported.
    index('setup_links_silent_idx')
      .on(t.lastActivityAt)
      .where(sql`status = 'active' and abandoned_at is null`),
  ],
);

export const whatsappConfigs = pgTable(
  'whatsapp_configs',
  {
    id: uuid('id').$type<WhatsappConfigId>().primaryKey().defaultRandom(),
    projectId: projectRef(),
    customerId: customerRef(),
    name: text('name').notNull(),
    phoneNumberId: text('phone_number_id').notNull(),
    businessAccountId: text('business_account_id').notNull(),
    displayPhoneNumber: text('display_phone_number'),
    verifiedName: text('verified_name'),
    accessTokenEnc: text('access_token_enc'),
    webhookVerifyTokenEnc: text('webhook_verify_token_enc'),
    webhookDestinationUrl: text('webhook_destination_url'),
    connectionType: text('connection_type', { enum: CONNECTION_TYPES }),
    setupLinkId: uuid('setup_link_id').$type<SetupLinkId>(),
    pinEnc: text('pin_enc'),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('whatsapp_configs_customer_created_idx').on(t.customerId, t.createdAt, t.id)],
);

// One-time attempt ids of the hosted page: a row per consumed id makes reuse impossible.
export const onboardingAttempts = pgTable('onboarding_attempts', {
  id: text('id').primaryKey(),
  setupLinkId: uuid('setup_link_id')
    .$type<SetupLinkId>()
    .notNull()
    .references(() => setupLinks.id, { onDelete: 'cascade' }),
  outcome: text('outcome').notNull(),
  createdAt: created(),
});

// Transactional outbox: events are written with the change they report; delivery comes later.
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').$type<WebhookEventId>().primaryKey().defaultRandom(),
    projectId: projectRef(),
    type: text('type').$type<EventType>().notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    // The link the event is about, for its timeline (no foreign key: the history outlives a link).
    setupLinkId: uuid('setup_link_id').$type<SetupLinkId>(),
    // Write order: the events of one transaction share created_at, and a timeline must keep
    // their order (the number, then the config, then the link used).
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    createdAt: created(),
  },
  (t) => [
    index('webhook_events_project_created_idx').on(t.projectId, t.createdAt),
    index('webhook_events_setup_link_idx').on(t.setupLinkId, t.seq),
  ],
);

// Where a project's events go. `events` is ['*'] or a list of event types; the signing secret is
// stored encrypted and shown only when created or rotated.
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').$type<WebhookEndpointId>().primaryKey().defaultRandom(),
    projectId: projectRef(),
    url: text('url').notNull(),
    events: jsonb('events').$type<Array<EventType | '*'>>().notNull(),
    active: boolean('active').notNull().default(true),
    description: text('description'),
    secretEnc: text('secret_enc').notNull(),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_endpoints_project_created_idx').on(t.projectId, t.createdAt, t.id)],
);

// One row per event x endpoint subscribed when the event was written (same transaction). A
// pending row is due at `next_attempt_at`; a worker that claims it pushes that forward and sets
// `leased_until` (a lease), so a crashed worker's claim expires and another worker takes it over.
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').$type<WebhookDeliveryId>().primaryKey().defaultRandom(),
    projectId: projectRef(),
    endpointId: uuid('endpoint_id')
      .$type<WebhookEndpointId>()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .$type<WebhookEventId>()
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    eventType: text('event_type').$type<EventType>().notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    // Set while a worker sends it (the same instant as the pushed `next_attempt_at`).
    leasedUntil: ts('leased_until'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_endpoint_event_key').on(t.endpointId, t.eventId),
    index('webhook_deliveries_endpoint_created_idx').on(t.endpointId, t.createdAt, t.id),
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
  ],
);

// Numbers bought from Twilio for provisioning links, at most one per link. The row is the claim
// taken before the purchase (`purchasing`, with a lease), so two tabs or a double click buy one
// number. Link and customer may be deleted before the number is released: the references go null
// and the release sweep still finds the row.
export const provisionedNumbers = pgTable(
  'provisioned_numbers',
  {
    id: uuid('id').$type<ProvisionedNumberId>().primaryKey().defaultRandom(),
    projectId: projectRef(),
    customerId: uuid('customer_id')
      .$type<CustomerId>()
      .references(() => customers.id, { onDelete: 'set null' }),
    setupLinkId: uuid('setup_link_id')
      .$type<SetupLinkId>()
      .references(() => setupLinks.id, { onDelete: 'set null' }),
    status: text('status', { enum: PROVISIONED_NUMBER_STATUSES }).notNull().default('purchasing'),
    // While purchasing: when the claim lapses (a crashed purchase may then be taken over).
    claimedUntil: ts('claimed_until'),
    // Which Twilio account owns it: the operator's, or the project's own (to release it there).
    ownAccount: boolean('own_account').notNull().default(false),
    twilioSid: text('twilio_sid'),
    phoneNumber: text('phone_number'),
    areaCode: text('area_code'),
    countryIso: text('country_iso'),
    countryDialCode: text('country_dial_code'),
    displayNumber: text('display_number'),
    // The last verification code that reached the number by SMS, encrypted, and when.
    lastCodeEnc: text('last_code_enc'),
    lastCodeAt: ts('last_code_at'),
    releasedAt: ts('released_at'),
    releaseError: text('release_error'),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('provisioned_numbers_setup_link_key').on(t.setupLinkId),
    index('provisioned_numbers_phone_idx').on(t.phoneNumber),
    index('provisioned_numbers_active_idx')
      .on(t.createdAt)
      .where(sql`status <> 'released'`),
  ],
);

// Named destinations inside a project that receive sandbox messages.
export const agents = pgTable(
  'agents',
  {
    id: uuid('id').$type<AgentId>().primaryKey().defaultRandom(),
    projectId: projectRef(),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('agents_project_created_idx').on(t.projectId, t.createdAt, t.id)],
);

// A phone talking to an agent through the shared sandbox number. One live session per phone and
// project (a new one replaces the old); the activation code, sent from that phone, activates it.
export const sandboxSessions = pgTable(
  'sandbox_sessions',
  {
    id: uuid('id').$type<SandboxSessionId>().primaryKey().defaultRandom(),
    projectId: projectRef(),
    agentId: uuid('agent_id')
      .$type<AgentId>()
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    phoneNumber: text('phone_number').notNull(),
    status: text('status', { enum: SANDBOX_SESSION_STATUSES }).notNull().default('pending_activation'),
    activationCode: text('activation_code').notNull(),
    activatedAt: ts('activated_at'),
    expiresAt: ts('expires_at').notNull(),
    endedAt: ts('ended_at'),
    createdAt: created(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('sandbox_sessions_project_created_idx').on(t.projectId, t.createdAt, t.id),
    uniqueIndex('sandbox_sessions_one_live_per_phone')
      .on(t.projectId, t.phoneNumber)
      .where(sql`status in ('pending_activation', 'active')`),
    index('sandbox_sessions_phone_idx').on(t.phoneNumber, t.status),
  ],
);

// Idempotency-Key claims of API POSTs and the answers they replay (the one writer:
// lib/server/idempotency/store.ts). Unique per project and key; expired rows count as absent.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    key: text('key').notNull(),
    // sha256 of method, path and raw body: the same key for another request is refused.
    fingerprint: text('fingerprint').notNull(),
    state: text('state', { enum: IDEMPOTENCY_STATES }).notNull().default('in_progress'),
    // The first request's id: replayed as X-Request-Id, and the claimant that may complete it.
    requestId: text('request_id').notNull(),
    // While in progress: when a retry may take the claim over (the instance crashed).
    lockedUntil: ts('locked_until'),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<[string, string][]>(),
    // The answer's bytes, base64 then encrypted (answers may carry secrets).
    responseBodyEnc: text('response_body_enc'),
    createdAt: created(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('idempotency_keys_project_key').on(t.projectId, t.key),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
  ],
);

// Rate limit counters on PostgreSQL, written only by rate-limiter-flexible (lib/server/rate-limit/limiter.ts):
// `key` is the budget's name and its key, `expire` Unix milliseconds.
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: varchar('key', { length: 255 }).primaryKey(),
    points: integer('points').notNull().default(0),
    expire: bigint('expire', { mode: 'number' }),
  },
  (t) => [index('rate_limits_expire_idx').on(t.expire)],
);
