import 'server-only';
import { now } from '../clock';
import type { Db } from '../db/client';
import { queueEvent } from '../events';
import type { EventType } from '@/lib/shared/vocabulary';
import { toSetupLink, type SetupLinkRow } from './domain';
import { setupLinkEvent } from './schema';

/** Queues a setup_link.* event about `row` in `tx`, on its timeline: the link object plus `extra`. */
export const queueLinkEvent = (tx: Db, row: SetupLinkRow, type: EventType, extra: Record<string, unknown> = {}) =>
  queueEvent(
    { db: tx, projectId: row.projectId },
    { type, payload: { ...setupLinkEvent(toSetupLink(row, now())), ...extra }, setupLinkId: row.id },
  );
