import type { customers } from '../db/schema';

/** A customer of a project: the person or business a setup link is for. It holds no secrets. */
export type Customer = typeof customers.$inferSelect;
