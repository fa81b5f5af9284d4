import type { customers } from '../db/schema';
import { apiTime } from '@/lib/shared/time';

export type CustomerRow = typeof customers.$inferSelect;

export function toApiCustomer(row: CustomerRow) {
  return {
    id: row.id,
    object: 'customer' as const,
    name: row.name,
    external_customer_id: row.externalCustomerId,
    created_at: apiTime(row.createdAt),
    updated_at: apiTime(row.updatedAt),
  };
}

export type ApiCustomer = ReturnType<typeof toApiCustomer>;
