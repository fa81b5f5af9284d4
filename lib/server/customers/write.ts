import 'server-only';
import { eq } from 'drizzle-orm';
import { now } from '../clock';
import { customers } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { ConflictError } from '../errors';
import { queueEvent } from '../events';
import type { CustomerId } from '../ids';
import type { Scope } from '../scope';
import { whatsappConfigsOfCustomer } from '../whatsapp-configs/queries';
import { whatsappConfigEvent } from '../whatsapp-configs/schema';
import type { Customer } from './domain';
import type { CustomerInput, CustomerUpdate } from './schema';
import { requireCustomer } from './queries';

// Every statement that writes `customers`.

const EXTERNAL_ID_INDEX = 'customers_project_external_key';

const externalIdTaken = (id: string) =>
  new ConflictError(
    'external_customer_id_taken',
    `Another customer of this project already has external_customer_id "${id}".`,
    'external_customer_id',
  );

/** Maps a unique violation of the external id to a 409; rethrows anything else. */
async function guardExternalId<T>(externalId: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (externalId && isUniqueViolation(e, EXTERNAL_ID_INDEX)) throw externalIdTaken(externalId);
    throw e;
  }
}

export async function createCustomer({ db, projectId }: Scope, { input }: { input: CustomerInput }): Promise<Customer> {
  const [row] = await guardExternalId(input.external_customer_id, () =>
    db
      .insert(customers)
      .values({ projectId, name: input.name, externalCustomerId: input.external_customer_id ?? null })
      .returning(),
  );
  return row;
}

/** PATCH: changes the given fields (404 `id` for an unknown customer). */
export async function updateCustomer(
  scope: Scope,
  { customerId, changes }: { customerId: CustomerId; changes: CustomerUpdate },
): Promise<Customer> {
  const current = await requireCustomer(scope, { customerId, param: 'id' });
  const [row] = await guardExternalId(changes.external_customer_id, () =>
    scope.db
      .update(customers)
      .set({ name: changes.name, externalCustomerId: changes.external_customer_id, updatedAt: now() })
      .where(eq(customers.id, current.id))
      .returning(),
  );
  return row;
}

/**
 * Deletes the customer; the database cascades to its setup links and WhatsApp configs.
 * Partners learn about the removed configs (whatsapp.config.deleted), in the same transaction.
 */
export async function deleteCustomer(scope: Scope, { customerId }: { customerId: CustomerId }): Promise<void> {
  await scope.db.transaction(async (tx) => {
    const txScope = { db: tx, projectId: scope.projectId };
    const customer = await requireCustomer(txScope, { customerId, param: 'id', lock: 'update' });
    for (const config of await whatsappConfigsOfCustomer(txScope, { customerId: customer.id }))
      await queueEvent(
        { db: tx, projectId: scope.projectId },
        { type: 'whatsapp.config.deleted', payload: whatsappConfigEvent(config), setupLinkId: config.setupLinkId },
      );
    await tx.delete(customers).where(eq(customers.id, customer.id));
  });
}
