import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customers, whatsappConfigs } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { ApiError } from '../http/errors';
import { queueEvent } from '../events';
import { whatsappConfigEvent } from '../whatsapp-configs/serialize';
import type { CustomerInput, CustomerUpdate } from './schema';
import { requireCustomer } from './queries';
import { toApiCustomer, type ApiCustomer } from './serialize';

const EXTERNAL_ID_INDEX = 'customers_project_external_key';

const externalIdTaken = (id: string) =>
  new ApiError(
    409,
    'conflict',
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

export async function createCustomer(db: Db, projectId: string, input: CustomerInput): Promise<ApiCustomer> {
  const [row] = await guardExternalId(input.external_customer_id, () =>
    db
      .insert(customers)
      .values({ projectId, name: input.name, externalCustomerId: input.external_customer_id ?? null })
      .returning(),
  );
  return toApiCustomer(row);
}

export async function updateCustomer(
  db: Db,
  projectId: string,
  customerId: string,
  input: CustomerUpdate,
): Promise<ApiCustomer> {
  const current = await requireCustomer(db, projectId, customerId, { param: 'id' });
  const [row] = await guardExternalId(input.external_customer_id, () =>
    db
      .update(customers)
      .set({ name: input.name, externalCustomerId: input.external_customer_id, updatedAt: new Date() })
      .where(eq(customers.id, current.id))
      .returning(),
  );
  return toApiCustomer(row);
}

/**
 * Deletes the customer; the database cascades to its setup links and WhatsApp configs.
 * Partners learn about the removed configs (whatsapp.config.deleted), in the same transaction.
 */
export async function deleteCustomer(db: Db, projectId: string, customerId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const customer = await requireCustomer(tx, projectId, customerId, { param: 'id', lock: true });
    const configs = await tx.select().from(whatsappConfigs).where(eq(whatsappConfigs.customerId, customer.id));
    for (const config of configs)
      await queueEvent(tx, projectId, 'whatsapp.config.deleted', whatsappConfigEvent(config));
    await tx.delete(customers).where(eq(customers.id, customer.id));
  });
}
