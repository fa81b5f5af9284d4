import 'server-only';
import { now } from '../clock';
import { decryptSecret } from '../crypto';
import type { Db } from '../db/client';
import { listen } from '../db/notify';
import { env } from '../env';
import type { ProjectId, WebhookDeliveryId } from '../ids';
import { describeError, log } from '../log';
import { defaultPolicy, type AddressPolicy, type Resolver } from './address';
import {
  claimDeliveries,
  DELIVERIES_CHANNEL,
  recordAttempt,
  type AttemptOutcome,
  type ClaimedDelivery,
} from './deliveries';
import type { WebhookDelivery } from './domain';
import { retryAfterMs, sendOnce } from './send';
import { deliveryBody, signedHeaders } from './sign';

// The delivery worker: at least once, from the outbox (webhook_deliveries). Every app instance and
// `npm run worker` run one; claims (deliveries.ts) keep them from sending one delivery twice at
// once. Each worker keeps up to `concurrency` requests in flight and claims more as each ends, so
// a slow or dead endpoint holds one slot for at most the timeout, never the others.
// A worker wakes when a transaction that queued deliveries commits (NOTIFY from fanOutEvent, to
// the workers of every instance), so a delivery leaves at once; the poll is the fallback for a
// lost notification (connection down) and what finds retries coming due.

export interface DeliveryOptions {
  /** Seconds to wait after the 1st, 2nd, ... failed attempt; failed after the last. */
  schedule?: number[];
  timeoutMs?: number;
  policy?: AddressPolicy;
  resolve?: Resolver;
}

export interface WorkerOptions extends DeliveryOptions {
  pollMs?: number;
  concurrency?: number;
  /** Only this project's deliveries (tests sharing one PostgreSQL database); all projects when unset. */
  projectId?: ProjectId;
}

const TIMEOUT_MS = 15_000;
const MAX_RETRY_AFTER_MS = 24 * 3600_000;
const leaseFor = (timeoutMs: number) => timeoutMs * 2 + 30_000;

/** ±10% of `seconds`, in milliseconds. */
const jittered = (seconds: number) => Math.round(seconds * 1000 * (0.9 + Math.random() * 0.2));

/** Sends one claimed delivery and records the result. */
async function attempt(db: Db, claimed: ClaimedDelivery, options: DeliveryOptions): Promise<WebhookDelivery | null> {
  const { delivery, event, endpoint } = claimed;
  const schedule = options.schedule ?? env.webhooks.retrySchedule;
  let result: { statusCode: number | null; retryAfter: string | null; error: string | null };
  if (!endpoint.active) {
    result = { statusCode: null, retryAfter: null, error: 'endpoint is not active' };
  } else {
    try {
      const body = deliveryBody(event);
      const headers = signedHeaders(
        {
          secret: decryptSecret(endpoint.secretEnc, { column: 'webhook_endpoints.secret_enc', row: endpoint.id }),
          msgId: event.id,
          type: event.type,
          body,
        },
        now(),
      );
      result = await sendOnce(
        endpoint.url,
        { headers, body },
        {
          timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
          policy: options.policy ?? defaultPolicy(),
          resolve: options.resolve,
        },
      );
    } catch (e) {
      // Our side failed (e.g. a secret encrypted with a key this instance lacks): logged, and the
      // attempt counts as failed, so the schedule goes on instead of the lease running out.
      log.error('webhook_attempt_failed', { delivery_id: delivery.id, ...describeError(e) });
      result = { statusCode: null, retryAfter: null, error: 'internal error' };
    }
  }
  const t = now();
  let outcome: AttemptOutcome;
  if (result.error === null && result.statusCode !== null) {
    outcome = { kind: 'succeeded', statusCode: result.statusCode };
  } else if (delivery.attempts <= schedule.length && endpoint.active) {
    const wait = Math.max(
      jittered(schedule[delivery.attempts - 1]),
      Math.min(retryAfterMs(result.retryAfter, t) ?? 0, MAX_RETRY_AFTER_MS),
    );
    outcome = {
      kind: 'retry',
      statusCode: result.statusCode,
      error: result.error ?? 'failed',
      nextAttemptAt: new Date(t.getTime() + wait),
    };
  } else {
    outcome = { kind: 'failed', statusCode: result.statusCode, error: result.error ?? 'failed' };
  }
  const row = await recordAttempt(db, { claim: delivery, outcome });
  if (row?.status === 'failed')
    log.warn('webhook_delivery_failed', {
      delivery_id: row.id,
      webhook_id: row.endpointId,
      event_id: row.eventId,
      attempts: row.attempts,
      status_code: row.lastStatusCode,
      reason: row.lastError,
    });
  return row;
}

/** Sends one delivery now (test, retry) if no worker holds it; the delivery after the attempt, or null. */
export async function deliverNow(
  db: Db,
  { deliveryId, ...options }: DeliveryOptions & { deliveryId: WebhookDeliveryId },
): Promise<WebhookDelivery | null> {
  const [claimed] = await claimDeliveries(db, {
    limit: 1,
    leaseMs: leaseFor(options.timeoutMs ?? TIMEOUT_MS),
    deliveryId,
  });
  return claimed ? attempt(db, claimed, options) : null;
}

export interface DeliveryWorker {
  /** Stops claiming, waits for the requests in flight. */
  stop(): Promise<void>;
  /** Number of attempts made so far (for measurements). */
  readonly attempts: number;
  /**
   * Resolves once the worker listens for commits and has looked for due deliveries since: from
   * then on, a committed delivery wakes it (for tests and measurements; never if LISTEN fails).
   */
  readonly listening: Promise<void>;
}

/**
 * Starts a worker loop on `db`: woken by commits that queue deliveries, and polling every `pollMs`
 * (1 s) while idle; never keeps the process alive. Holds one database connection for LISTEN.
 */
export function startDeliveryWorker(db: Db, options: WorkerOptions = {}): DeliveryWorker {
  const pollMs = options.pollMs ?? 1000;
  const concurrency = options.concurrency ?? 16;
  const leaseMs = leaseFor(options.timeoutMs ?? TIMEOUT_MS);
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  let attempts = 0;
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  // Set by a wake-up that comes while the loop is not asleep (a commit during a claim that could
  // not see it yet): the next sleep is skipped instead of the wake-up lost.
  let nudged = false;
  const nudge = () => {
    nudged = true;
    wake?.();
  };
  let listenerUp = false;
  let markListening = () => {};
  const listening = new Promise<void>((resolve) => (markListening = resolve));
  const listener = listen(db, DELIVERIES_CHANNEL, {
    onNotify: nudge,
    // Claim once more: what committed before LISTEN took effect sent its notification to nobody.
    onListen: () => {
      listenerUp = true;
      nudge();
    },
  });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (nudged) return resolve();
      wake = resolve;
      timer = setTimeout(resolve, ms);
      timer.unref();
    }).finally(() => {
      clearTimeout(timer);
      wake = null;
    });

  const loop = async () => {
    while (!stopped) {
      nudged = false;
      const free = concurrency - inFlight.size;
      let claimed: ClaimedDelivery[] = [];
      // Claim in batches (half the slots at least, or whatever is free when idle): one claim per
      // finished request would cost a query per delivery.
      if (free > 0 && (free * 2 >= concurrency || inFlight.size === 0)) {
        try {
          claimed = await claimDeliveries(db, { limit: free, leaseMs, projectId: options.projectId });
        } catch (e) {
          log.error('webhook_claim_failed', describeError(e));
        }
      }
      for (const c of claimed) {
        const p = attempt(db, c, options)
          .catch((e) => log.error('webhook_attempt_failed', { delivery_id: c.delivery.id, ...describeError(e) }))
          .finally(() => {
            attempts++;
            inFlight.delete(p);
            nudge(); // a slot is free: claim again
          });
        inFlight.add(p);
      }
      if (stopped) break;
      // Full batch with free slots left: look again at once; otherwise wait for a slot or the poll.
      if (claimed.length === 0 || (concurrency - inFlight.size) * 2 < concurrency) {
        if (listenerUp && !nudged) markListening();
        await sleep(pollMs);
      }
    }
  };
  const running = loop();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await Promise.all([running, listener.close()]);
      await Promise.allSettled([...inFlight]);
    },
    get attempts() {
      return attempts;
    },
    listening,
  };
}
