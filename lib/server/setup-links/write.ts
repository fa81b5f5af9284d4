import 'server-only';
import { and, eq, lte, type SQL } from 'drizzle-orm';
import { now } from '../clock';
import type { Db } from '../db/client';
import { setupLinks } from '../db/schema';
import type { CustomerId, SetupLinkId, WhatsappConfigId } from '../ids';
import type { Scope } from '../scope';
import { CONNECTION_TYPES } from '@/lib/shared/vocabulary';
import { requireCustomer } from '../customers/queries';
import type { SetupLink, SetupLinkRow } from './domain';
import { lockActiveSetupLink } from './queries';
import { MAX_LINK_HOURS, type SetupLinkCreateInput, type SetupLinkUpdateInput } from './schema';
import { newLinkToken } from './token';
import { queueLinkEvent } from './queue-link-event';
import { withNumber } from './with-numbers';
import { checkProvisioningCountries, findReconnectTarget, pinReconnectUpdate } from './link-rules';
import { themeOverProjectDefault } from '../projects';

// Every statement that writes `setup_links` lives here or, for what the customer's page reports,
// in write-progress.ts. A link is created active and leaves `active` once, for good: `used`
// (onboarding completed), `expired` (its time passed) or `revoked` (by the partner, or replaced by
// the customer's next link). While active, the partner may change it. Each change queues its
// event in the same transaction, on the link's timeline (queue-link-event.ts).

const HOUR = 3_600_000;

/** API field names -> columns, for the fields present in `input` (PATCH leaves the rest alone). */
function linkColumns(
  input: Partial<SetupLinkCreateInput & SetupLinkUpdateInput>,
): Partial<typeof setupLinks.$inferInsert> {
  const columns: Partial<typeof setupLinks.$inferInsert> = {
    successRedirectUrl: input.success_redirect_url,
    failureRedirectUrl: input.failure_redirect_url,
    allowedConnectionTypes: input.allowed_connection_types,
    language: input.language,
    themeConfig: input.theme_config === null ? {} : input.theme_config,
    metadata: input.metadata === null ? {} : input.metadata,
    expiresAt: input.expires_at,
    provisionPhoneNumber: input.provision_phone_number,
    phoneNumberCountryIsos: input.phone_number_country_isos,
    phoneNumberAreaCode: input.phone_number_area_code,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

/**
 * Stores `expired` for active links whose time has passed (lazily on read, and by the periodic
 * sweep across all projects) and queues one setup_link.expired event per link. Pass a customer id
 * to limit it. Concurrent callers cannot double-report: the UPDATE only matches rows still active.
 */
export async function expireDueLinks(db: Db, { customerId }: { customerId?: CustomerId } = {}): Promise<number> {
  const at = now();
  const due = and(
    eq(setupLinks.status, 'active'),
    lte(setupLinks.expiresAt, at),
    customerId ? eq(setupLinks.customerId, customerId) : undefined,
  );
  // Every API read of a customer's links comes through here: the usual answer (nothing due) costs
  // one indexed SELECT, and only a real expiry pays for the write transaction.
  const [anyDue] = await db.select({ id: setupLinks.id }).from(setupLinks).where(due).limit(1);
  if (!anyDue) return 0;
  return db.transaction(async (tx) => {
    const rows = await tx.update(setupLinks).set({ status: 'expired', updatedAt: at }).where(due).returning();
    for (const row of rows) await queueLinkEvent(tx, row, 'setup_link.expired');
    return rows.length;
  });
}

/** Revokes the active links matching `where` and queues setup_link.revoked for each, in `tx`. */
async function revokeWhere(tx: Db, where: SQL | undefined): Promise<SetupLinkRow[]> {
  const at = now();
  const rows = await tx
    .update(setupLinks)
    .set({ status: 'revoked', revokedAt: at, updatedAt: at })
    .where(and(where, eq(setupLinks.status, 'active')))
    .returning();
  for (const row of rows) await queueLinkEvent(tx, row, 'setup_link.revoked');
  return rows;
}

/** Revokes an active link the caller has locked (lockActiveSetupLink). */
async function revokeLockedLink(tx: Db, row: SetupLinkRow): Promise<SetupLinkRow> {
  const [revoked] = await revokeWhere(tx, eq(setupLinks.id, row.id));
  return revoked;
}

/**
 * Creates the customer's new active link and revokes the previous one, in one transaction.
 * The customer row is locked first, so concurrent creates for one customer queue up instead of
 * tripping the one-active-link index; each one wins in turn and the last stays active.
 * `input` is setupLinkCreateSchema's output; omitted fields take their defaults: both connection
 * types, US numbers, and an expiry 30 days (or `expires_in_hours`) from now. The rules that need
 * the database (link-rules.ts: Twilio credentials for numbers outside the US, the config a
 * `reconnect_phone_number` names) are checked under the customer lock, before anything is written.
 */
export async function createSetupLink(
  scope: Scope,
  { customerId, input }: { customerId: CustomerId; input: SetupLinkCreateInput },
): Promise<SetupLink> {
  const row = await scope.db.transaction(async (tx) => {
    const txScope = { db: tx, projectId: scope.projectId };
    await requireCustomer(txScope, { customerId, lock: true });
    await checkProvisioningCountries(txScope, { input });
    // The project's default theme is copied in, under the link's own colours (projects/theme.ts).
    const themeConfig = await themeOverProjectDefault(txScope, { themeConfig: input.theme_config });
    const reconnect = input.reconnect_phone_number
      ? await findReconnectTarget(txScope, {
          customerId,
          phoneNumber: input.reconnect_phone_number,
          allowedConnectionTypes: input.allowed_connection_types,
        })
      : null;
    // A due link becomes expired, not revoked: expire first, then revoke what is still active.
    await expireDueLinks(tx, { customerId });
    await revokeWhere(tx, eq(setupLinks.customerId, customerId));
    const at = now();
    const { id, tokenHash, tokenEnc } = newLinkToken();
    const [link] = await tx
      .insert(setupLinks)
      .values({
        allowedConnectionTypes: [...CONNECTION_TYPES],
        phoneNumberCountryIsos: ['US'],
        ...linkColumns(input),
        themeConfig,
        ...(reconnect && {
          reconnectPhoneNumber: reconnect.phoneNumber,
          reconnectWhatsappConfigId: reconnect.whatsappConfigId,
          ...(reconnect.allowedConnectionTypes && { allowedConnectionTypes: reconnect.allowedConnectionTypes }),
        }),
        projectId: scope.projectId,
        customerId,
        id,
        tokenHash,
        tokenEnc,
        createdAt: at,
        updatedAt: at,
        expiresAt: input.expires_at ?? new Date(at.getTime() + (input.expires_in_hours ?? MAX_LINK_HOURS) * HOUR),
      })
      .returning();
    await queueLinkEvent(tx, link, 'setup_link.created');
    return link;
  });
  return withNumber(scope.db, row, now());
}

/**
 * PATCH: changes the given fields of an active link (409 otherwise) and, with
 * `status: "revoked"`, revokes it in the same transaction. A reconnect link's allowed types stay
 * pinned to its config's connection type (link-rules.ts). The link row is locked first, so two
 * PATCHes of one link apply one after the other.
 */
export async function updateSetupLink(
  scope: Scope,
  {
    customerId,
    setupLinkId,
    changes,
  }: { customerId: CustomerId; setupLinkId: SetupLinkId | null; changes: SetupLinkUpdateInput },
): Promise<SetupLink> {
  const row = await scope.db.transaction(async (tx) => {
    const txScope = { db: tx, projectId: scope.projectId };
    let link = await lockActiveSetupLink(txScope, { customerId, setupLinkId });
    const { status, ...fields } = changes;
    const columns = linkColumns(fields);
    if (fields.theme_config !== undefined)
      columns.themeConfig = await themeOverProjectDefault(txScope, { themeConfig: fields.theme_config });
    if (link.reconnectWhatsappConfigId && fields.allowed_connection_types) {
      columns.allowedConnectionTypes = await pinReconnectUpdate(txScope, {
        customerId,
        whatsappConfigId: link.reconnectWhatsappConfigId,
        requested: fields.allowed_connection_types,
      });
    }
    if (Object.keys(columns).length > 0) {
      [link] = await tx
        .update(setupLinks)
        .set({ ...columns, updatedAt: now() })
        .where(eq(setupLinks.id, link.id))
        .returning();
    }
    return status === 'revoked' ? revokeLockedLink(tx, link) : link;
  });
  return withNumber(scope.db, row, now());
}

/** DELETE: revokes an active link (a final link is a 409). */
export async function revokeSetupLink(
  scope: Scope,
  { customerId, setupLinkId }: { customerId: CustomerId; setupLinkId: SetupLinkId | null },
): Promise<SetupLink> {
  const row = await scope.db.transaction(async (tx) => {
    const link = await lockActiveSetupLink({ db: tx, projectId: scope.projectId }, { customerId, setupLinkId });
    return revokeLockedLink(tx, link);
  });
  return withNumber(scope.db, row, now());
}

/** What a completed onboarding stores on its link. */
export interface LinkUse {
  whatsappConfigId: WhatsappConfigId;
  phoneNumberId: string;
  businessAccountId: string;
  displayPhoneNumber: string;
}

/**
 * The link was used: onboarding completed and produced the config. `scope.db` is onboarding's
 * transaction, in which the caller has locked the link and seen it active (lockLinkForUse).
 * Queues setup_link.used.
 */
export async function markLinkUsed(
  scope: Scope,
  { setupLinkId, use }: { setupLinkId: SetupLinkId; use: LinkUse },
): Promise<SetupLink> {
  const at = now();
  const [row] = await scope.db
    .update(setupLinks)
    .set({
      status: 'used',
      usedAt: at,
      updatedAt: at,
      whatsappSetupStatus: 'completed',
      whatsappSetupError: null,
      lastStep: 'completed',
      lastActivityAt: at,
      whatsappConfigId: use.whatsappConfigId,
      phoneNumberId: use.phoneNumberId,
      businessAccountId: use.businessAccountId,
      displayPhoneNumber: use.displayPhoneNumber,
    })
    .where(and(eq(setupLinks.id, setupLinkId), eq(setupLinks.projectId, scope.projectId)))
    .returning();
  await queueLinkEvent(scope.db, row, 'setup_link.used');
  return withNumber(scope.db, row, at);
}
