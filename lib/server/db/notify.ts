import 'server-only';
import type { PGlite } from '@electric-sql/pglite';
import type { Client, Pool } from 'pg';
import { describeError, log } from '../log';
import type { Db } from './client';

// LISTEN, the receiving half of NOTIFY. PostgreSQL delivers a notification when the transaction
// that sent it commits (never for one rolled back), to every session listening on the channel: one
// commit reaches the listeners of every instance. A notification is a hint, not a queue: those
// sent while the connection is down are lost, so callers keep a slower poll, and `onListen` runs
// each time listening (re)starts, to catch up with what was committed meanwhile.

export interface Listener {
  /** Stops listening and releases the connection. */
  close(): Promise<void>;
}

export interface ListenHandlers {
  onNotify: (payload: string) => void;
  /** Listening started, or started again after a lost connection. */
  onListen?: () => void;
}

const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];
/** `application_name` of the LISTEN connections (PostgreSQL). */
export const LISTENER_APPLICATION_NAME = 'wa-listener';

/** Listens on `channel` (a plain identifier) until `close()`; never throws, logs what fails. */
export function listen(db: Db, channel: string, handlers: ListenHandlers): Listener {
  const client = (db as unknown as { $client: PGlite | Pool }).$client;
  return 'listen' in client ? listenPglite(client, channel, handlers) : listenPostgres(client, channel, handlers);
}

/** The embedded database is one session in this process: it cannot drop, only close. */
function listenPglite(client: PGlite, channel: string, { onNotify, onListen }: ListenHandlers): Listener {
  const unlisten = client.listen(channel, onNotify).then(
    (stop) => {
      onListen?.();
      return stop;
    },
    (e) => {
      log.error('db_listen_failed', { channel, ...describeError(e) });
      return null;
    },
  );
  return {
    async close() {
      const stop = await unlisten;
      if (stop && !client.closed) await stop().catch(() => {});
    },
  };
}

/**
 * A connection of its own beside the pool (LISTEN belongs to a session, and a pooled client would
 * take one of the pool's slots for ever). Lost, it is opened again after RETRY_MS.
 */
function listenPostgres(pool: Pool, channel: string, { onNotify, onListen }: ListenHandlers): Listener {
  let closed = false;
  let current: Client | null = null;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let connecting: Promise<void> = Promise.resolve();

  const retry = (event: string, e: unknown) => {
    if (closed) return;
    const wait = RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)];
    log.warn(event, { channel, retry_in_ms: wait, ...describeError(e) });
    timer = setTimeout(start, wait);
    timer.unref(); // never what keeps the process alive
  };

  const connect = async () => {
    const { Client } = await import('pg');
    // keepAlive: a peer gone without a word (network cut) is noticed, not listened to for ever.
    // The name tells operators (pg_stat_activity) what the idle session is for.
    const c = new Client({ ...pool.options, keepAlive: true, application_name: LISTENER_APPLICATION_NAME });
    let lost = false;
    const onLost = (e: unknown) => {
      if (lost) return;
      lost = true;
      if (current === c) current = null;
      c.end().catch(() => {});
      retry('db_listen_lost', e);
    };
    // Without an 'error' listener, a dropped connection would crash the process.
    c.on('error', onLost);
    c.on('end', () => onLost(new Error('connection ended')));
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`listen "${channel}"`);
    } catch (e) {
      if (!lost) {
        lost = true;
        c.end().catch(() => {});
        retry('db_listen_failed', e);
      }
      return;
    }
    if (closed) {
      lost = true;
      await c.end().catch(() => {});
      return;
    }
    current = c;
    // Like the worker's timers, never what keeps the process alive (Client.unref: not in @types/pg).
    (c as unknown as { unref?: () => void }).unref?.();
    if (failures > 0) log.info('db_listen_restored', { channel });
    failures = 0;
    onListen?.();
  };
  const start = () => {
    connecting = connect().catch((e) => retry('db_listen_failed', e));
  };
  start();

  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await connecting; // a connection being opened is closed by connect() itself
      const c = current;
      current = null;
      await c?.end().catch(() => {});
    },
  };
}
