import { z } from 'zod';

/** RFC 3339 UTC without milliseconds (`2026-11-21T10:00:00Z`), the API's format. */
export function apiTime(d: Date): string;
export function apiTime(d: Date | null): string | null;
export function apiTime(d: Date | null): string | null {
  return d ? d.toISOString().replace(/\.\d+Z$/, 'Z') : null;
}

/** An RFC 3339 timestamp with `Z` or an offset (a bare local time would be ambiguous). */
export const apiDateTime = z.iso
  .datetime({ offset: true, error: 'must be an RFC 3339 timestamp like 2026-11-21T10:00:00Z' })
  .transform((s) => new Date(s))
  // In UTC, years 1 to 9999: what PostgreSQL and toISOString agree on (year 0 or 10000 would not store).
  .refine((d) => d.getUTCFullYear() >= 1 && d.getUTCFullYear() <= 9999, 'must be between the years 1 and 9999 in UTC');

/** A timestamp as `apiTime` writes it, for the API's output schemas: RFC 3339 UTC, whole seconds. */
export const apiTimestamp = z.iso.datetime({ precision: 0 });
