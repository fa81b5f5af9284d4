import type { provisionedNumbers } from '../db/schema';

/** A number bought (or being bought) for a provisioning link. Only this folder handles rows. */
export type ProvisionedNumber = typeof provisionedNumbers.$inferSelect;

/** A number the API and the page may show: bought, with its details. */
export type ActiveNumber = ProvisionedNumber & { status: 'active' | 'released'; phoneNumber: string };

export const isShown = (n: ProvisionedNumber | null | undefined): n is ActiveNumber =>
  !!n && n.status !== 'purchasing' && n.phoneNumber !== null;
