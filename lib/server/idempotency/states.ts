// The states of an Idempotency-Key claim (lib/server/idempotency/store.ts): the first request
// holds it `in_progress` under a lease, then it is `done` with the answer to replay.
export const IDEMPOTENCY_STATES = ['in_progress', 'done'] as const;
export type IdempotencyState = (typeof IDEMPOTENCY_STATES)[number];
