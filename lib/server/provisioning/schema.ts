import 'server-only';
import { z } from 'zod';
import type { ActiveNumber } from './domain';

// `provisioned_phone_number` of a setup link, exactly as seed 000 lists it.

export const provisionedNumberOutput = z.strictObject({
  id: z.uuid(),
  phone_number: z.string().regex(/^\+\d{8,15}$/),
  status: z.enum(['active', 'released']),
  area_code: z.string().nullable(),
  country_iso: z.string().nullable(),
  country_dial_code: z.string().nullable(),
  display_number: z.string().nullable(),
});

export type ApiProvisionedNumber = z.input<typeof provisionedNumberOutput>;

export const toApiProvisionedNumber = (n: ActiveNumber): ApiProvisionedNumber => ({
  id: n.id,
  phone_number: n.phoneNumber,
  status: n.status,
  area_code: n.areaCode,
  country_iso: n.countryIso,
  country_dial_code: n.countryDialCode,
  display_number: n.displayNumber,
});
