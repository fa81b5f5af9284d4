import 'server-only';
import { now } from '../clock';
import type { Db } from '../db/client';
import { queueEvent } from '../events';
import type { EventType } from '@/lib/shared/vocabulary';
import type { SetupLinkRow } from './domain';
import { withNumber } from './with-numbers';
import { setupLinkEvent } from './schema';

/** Queues a setup_link.* event about `row` in `tx`, on its timeline: the link object plus `extra`. */
export async function queueLinkEvent(tx: Db, row: SetupLinkRow, type: EventType, extra: Record<string, unknown> = {}) {
  const link = await withNumber(tx, row, now());
  return queueEvent(
    { db: tx, projectId: row.projectId },
    { type, payload: { ...setupLinkEvent(link), ...extra }, setupLinkId: row.id },
  );
}
