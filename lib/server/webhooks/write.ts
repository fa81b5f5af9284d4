import 'server-only';
import { eq } from 'drizzle-orm';
import { now } from '../clock';
import { encryptSecret } from '../crypto';
import { webhookEndpoints } from '../db/schema';
import { InvalidInputError } from '../errors';
import { newId, type WebhookEndpointId } from '../ids';
import type { Scope } from '../scope';
import { BlockedAddressError, resolveAllowed, urlHost, type Resolver } from './address';
import type { WebhookEndpoint } from './domain';
import { requireWebhookEndpoint } from './queries';
import type { WebhookEndpointInput, WebhookEndpointUpdate } from './schema';
import { newWebhookSecret } from './sign';

// Every statement that writes `webhook_endpoints`.

const RESOLVE_TIMEOUT_MS = 3000;

/**
 * 422 when the URL's host is, or resolves to, an address we may not call. A host that does not
 * resolve now is accepted (DNS may be down, or the record not yet published): every delivery
 * checks again before connecting.
 */
async function assertCallable(url: string, resolve?: Resolver): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      resolveAllowed(urlHost(new URL(url)), { resolve }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('DNS timeout')), RESOLVE_TIMEOUT_MS))),
    ]);
  } catch (e) {
    if (e instanceof BlockedAddressError)
      throw new InvalidInputError(
        'webhook_url_not_allowed',
        `url: ${e.message}; webhooks go to public addresses only.`,
        'url',
      );
  } finally {
    clearTimeout(timer);
  }
}

/** Creates an endpoint; returns it with its secret in clear (shown to the partner once). */
export async function createWebhookEndpoint(
  { db, projectId }: Scope,
  { input, resolve }: { input: WebhookEndpointInput; resolve?: Resolver },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  await assertCallable(input.url, resolve);
  const secret = newWebhookSecret();
  const id = newId<WebhookEndpointId>();
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({
      id,
      projectId,
      url: input.url,
      events: input.events,
      active: input.active ?? true,
      description: input.description ?? null,
      secretEnc: encryptSecret(secret, { column: 'webhook_endpoints.secret_enc', row: id }),
    })
    .returning();
  return { endpoint, secret };
}

/** PATCH: changes the given fields (404 `id` for an unknown endpoint). */
export async function updateWebhookEndpoint(
  scope: Scope,
  {
    endpointId,
    changes,
    resolve,
  }: { endpointId: WebhookEndpointId; changes: WebhookEndpointUpdate; resolve?: Resolver },
): Promise<WebhookEndpoint> {
  const current = await requireWebhookEndpoint(scope, { endpointId });
  if (changes.url !== undefined) await assertCallable(changes.url, resolve);
  const [row] = await scope.db
    .update(webhookEndpoints)
    .set({
      url: changes.url,
      events: changes.events,
      active: changes.active,
      description: changes.description,
      updatedAt: now(),
    })
    .where(eq(webhookEndpoints.id, current.id))
    .returning();
  return row;
}

/** A new secret replaces the old one at once; returns it in clear. */
export async function rotateWebhookSecret(
  scope: Scope,
  { endpointId }: { endpointId: WebhookEndpointId },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const current = await requireWebhookEndpoint(scope, { endpointId });
  const secret = newWebhookSecret();
  const [endpoint] = await scope.db
    .update(webhookEndpoints)
    .set({
      secretEnc: encryptSecret(secret, { column: 'webhook_endpoints.secret_enc', row: current.id }),
      updatedAt: now(),
    })
    .where(eq(webhookEndpoints.id, current.id))
    .returning();
  return { endpoint, secret };
}

/** Deletes the endpoint; the database cascades to its deliveries. */
export async function deleteWebhookEndpoint(scope: Scope, { endpointId }: { endpointId: WebhookEndpointId }) {
  const current = await requireWebhookEndpoint(scope, { endpointId });
  await scope.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, current.id));
}
