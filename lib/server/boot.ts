import 'server-only';
import { ConfigError } from './errors';
import { getDb, type Db } from './db/client';
import { seedDemo } from './demo/seed';
import { env } from './env';
import { describeError, log } from './log';
import { ensureApiKey, ensureProject } from './projects';
import { expireDueLinks } from './setup-links/write';
import { abandonSilentLinks } from './setup-links/write-progress';
import { rebindLegacySecrets } from './crypto-rebind';
import { deleteExpiredIdempotencyKeys } from './idempotency/store';
import { releaseUnusedNumbers } from './provisioning/release';
import { startDeliveryWorker } from './webhooks/worker';

/**
 * Server boot (from instrumentation.ts, through lib/startup.ts): open the database now rather than on the first request
 * (a fresh PGlite takes seconds), register the operator's bootstrap keys, start the link sweeps
 * and the webhook delivery worker (every instance runs one; they share the work), and seed the
 * demo. Idempotent per process: `next dev` may call register again.
 */
export function boot(): Promise<void> {
  const g = globalThis as unknown as { __boot?: Promise<void> };
  return (g.__boot ??= run());
}

async function run() {
  const db = await getDb();
  // Secrets stored by versions before row-bound encryption are re-encrypted once (crypto-rebind.ts).
  await rebindLegacySecrets(db);
  await ensureBootstrapKeys(db);
  startLinkSweeps(db);
  // Not awaited: the loop polls in the background on unref'd timers. Stored for tests and shutdown.
  (globalThis as unknown as { __webhookWorker?: unknown }).__webhookWorker = startDeliveryWorker(db);
  if (env.demo) {
    // The demo is a convenience: a failure to seed it is logged, it never stops the server.
    await seedDemo(db).catch((e) => log.error('demo_seed_failed', describeError(e)));
  }
}

async function ensureBootstrapKeys(db: Db) {
  for (const { project: name, key } of env.bootstrapApiKeys) {
    if (!name)
      throw new ConfigError('Bootstrap API keys: BOOTSTRAP_API_KEYS entries must be "Project name:sk_live_...".');
    const { project } = await ensureProject(db, name);
    await ensureApiKey({ db, projectId: project.id }, { key });
    log.info('bootstrap_api_key_ready', { project_id: project.id, project: name });
  }
}

/**
 * Every minute (SWEEP_INTERVAL_SECONDS): stores `expired` on due links (reads are already right;
 * this keeps the table so), reports links gone silent as abandoned, releases the numbers of
 * links that will never use them, and deletes idempotency keys past their 24 h. Every instance runs
 * it; the updates are conditional.
 */
function startLinkSweeps(db: Db) {
  let running = false; // a sweep slower than the interval is not started twice
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    expireDueLinks(db)
      .then((count) => count && log.info('setup_links_expired', { count }))
      .then(() => abandonSilentLinks(db))
      .then((count) => count && log.info('setup_links_abandoned', { count }))
      .then(() => releaseUnusedNumbers(db))
      .then((count) => count && log.info('provisioned_numbers_released', { count }))
      .then(() => deleteExpiredIdempotencyKeys(db))
      .then((count) => count && log.info('idempotency_keys_deleted', { count }))
      .catch((e) => log.error('link_sweep_failed', describeError(e)))
      .finally(() => (running = false));
  }, env.sweepIntervalMs);
  timer.unref(); // never what keeps the process alive
}
