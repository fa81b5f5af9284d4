import { z } from 'zod';
import { apiTime, apiTimestamp } from '@/lib/shared/time';
import type { Customer } from './domain';

// The customer API: what partners write (input schemas), what they read (the output schema, and
// the serializer the route files answer with, typed against it).

/** A customer as partners write it (POST creates, PATCH takes any subset). */
export const customerSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  // Unique within the project; several customers may have none.
  external_customer_id: z.string().trim().min(1).max(255).nullable().optional(),
});
export const customerUpdateSchema = customerSchema.partial();

export const customerListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  external_customer_id: z.string().max(255).optional(),
});

/** A customer as the API returns it. */
export const customerOutput = z.strictObject({
  id: z.uuid(),
  object: z.literal('customer'),
  name: z.string(),
  external_customer_id: z.string().nullable(),
  created_at: apiTimestamp,
  updated_at: apiTimestamp,
});

export type CustomerInput = z.output<typeof customerSchema>;
export type CustomerUpdate = z.output<typeof customerUpdateSchema>;
export type CustomerListQuery = z.output<typeof customerListQuerySchema>;
export type ApiCustomer = z.input<typeof customerOutput>;

/** The API object of a customer. */
export function toApiCustomer(customer: Customer): ApiCustomer {
  return {
    id: customer.id,
    object: 'customer',
    name: customer.name,
    external_customer_id: customer.externalCustomerId,
    created_at: apiTime(customer.createdAt),
    updated_at: apiTime(customer.updatedAt),
  };
}
