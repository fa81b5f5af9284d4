import type { agents } from '../db/schema';

/** A named destination inside a project that receives sandbox messages. It holds no secrets. */
export type Agent = typeof agents.$inferSelect;
