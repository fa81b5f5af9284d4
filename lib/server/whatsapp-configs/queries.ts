import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { whatsappConfigs } from '../db/schema';
import { notFound } from '../http/errors';
import { isUuid } from '../ids';
import { paginate, type Pagination } from '../http/pagination';
import { requireCustomer } from '../customers/queries';
import { toApiWhatsappConfig, type WhatsappConfigRow } from './serialize';

/** The config row of that customer in that project, else 404 (`customer_id` or `id`). */
export async function requireWhatsappConfig(
  db: Db,
  projectId: string,
  customerId: string,
  id: string,
): Promise<WhatsappConfigRow> {
  await requireCustomer(db, projectId, customerId);
  if (!isUuid(id)) throw notFound('WhatsApp config', 'id');
  const [row] = await db
    .select()
    .from(whatsappConfigs)
    .where(
      and(
        eq(whatsappConfigs.id, id),
        eq(whatsappConfigs.customerId, customerId),
        eq(whatsappConfigs.projectId, projectId),
      ),
    );
  if (!row) throw notFound('WhatsApp config', 'id');
  return row;
}

export async function getWhatsappConfig(db: Db, projectId: string, customerId: string, id: string) {
  return toApiWhatsappConfig(await requireWhatsappConfig(db, projectId, customerId, id));
}

export async function listWhatsappConfigs(db: Db, projectId: string, customerId: string, page: Pagination) {
  await requireCustomer(db, projectId, customerId);
  const where = and(eq(whatsappConfigs.customerId, customerId), eq(whatsappConfigs.projectId, projectId));
  const { rows, meta } = await paginate(db, whatsappConfigs, where, page);
  return { data: rows.map(toApiWhatsappConfig), meta };
}
