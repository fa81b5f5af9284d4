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
  .transform((s) => new Date(s));

/** A timestamp as `apiTime` writes it, for the API's output schemas: RFC 3339 UTC, whole seconds. */
export const apiTimestamp = z.iso.datetime({ precision: 0 });
