import { z } from 'zod';

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

export type CustomerInput = z.output<typeof customerSchema>;
export type CustomerUpdate = z.output<typeof customerUpdateSchema>;
export type CustomerListQuery = z.output<typeof customerListQuerySchema>;
