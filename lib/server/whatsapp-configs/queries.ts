import 'server-only';
import { and, eq } from 'drizzle-orm';
import { whatsappConfigs } from '../db/schema';
import { mapPage, paginate, type Page, type Pagination } from '../db/paginate';
import { NotFoundError } from '../errors';
import type { CustomerId, WhatsappConfigId } from '../ids';
import type { Scope } from '../scope';
import { requireCustomer } from '../customers/queries';
import { toWhatsappConfig, type WhatsappConfig } from './domain';

/**
 * The config of that customer in that project, else 404: `customer_id` for an unknown customer,
 * then `id` for an unknown config. A null `whatsappConfigId` (the path named no id at all) is
 * answered like an unknown one, after the customer check.
 */
export async function getWhatsappConfig(
  scope: Scope,
  { customerId, whatsappConfigId }: { customerId: CustomerId; whatsappConfigId: WhatsappConfigId | null },
): Promise<WhatsappConfig> {
  await requireCustomer(scope, { customerId });
  if (!whatsappConfigId) throw new NotFoundError('whatsapp_config', 'id');
  const [row] = await scope.db
    .select()
    .from(whatsappConfigs)
    .where(
      and(
        eq(whatsappConfigs.id, whatsappConfigId),
        eq(whatsappConfigs.customerId, customerId),
        eq(whatsappConfigs.projectId, scope.projectId),
      ),
    );
  if (!row) throw new NotFoundError('whatsapp_config', 'id');
  return toWhatsappConfig(row);
}

export async function listWhatsappConfigs(
  scope: Scope,
  { customerId, page }: { customerId: CustomerId; page: Pagination },
): Promise<Page<WhatsappConfig>> {
  await requireCustomer(scope, { customerId });
  const where = and(eq(whatsappConfigs.customerId, customerId), eq(whatsappConfigs.projectId, scope.projectId));
  return mapPage(await paginate(scope.db, { table: whatsappConfigs, where, page }), toWhatsappConfig);
}

/** Every config of the customer (in no particular order). */
export async function whatsappConfigsOfCustomer(
  { db, projectId }: Scope,
  { customerId }: { customerId: CustomerId },
): Promise<WhatsappConfig[]> {
  const rows = await db
    .select()
    .from(whatsappConfigs)
    .where(and(eq(whatsappConfigs.customerId, customerId), eq(whatsappConfigs.projectId, projectId)));
  return rows.map(toWhatsappConfig);
}
