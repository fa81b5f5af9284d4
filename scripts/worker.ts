// `npm run worker`: a webhook delivery worker on its own, beside the app instances (each of which
// runs one too). Any number may run at once: they share the work through the database. Runs with
// --conditions=react-server (see package.json) so the app's `server-only` modules load outside Next.
// With the embedded database (no DATABASE_URL) the server's own worker already runs, and this
// process could not open the database while the server holds it.
import { getDb } from '@/lib/server/db/client';
import { ConfigError } from '@/lib/server/errors';
import { describeError, log } from '@/lib/server/log';
import { startDeliveryWorker } from '@/lib/server/webhooks/worker';

async function main() {
  const db = await getDb();
  const worker = startDeliveryWorker(db);
  log.info('webhook_worker_started', { pid: process.pid });
  // The loop's timers are unref'd: this interval is what keeps the process alive.
  const keepAlive = setInterval(() => {}, 60_000);
  const stop = async (signal: string) => {
    log.info('webhook_worker_stopping', { signal });
    clearInterval(keepAlive);
    await worker.stop(); // lets the requests in flight finish (each at most 15 s)
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  if (e instanceof ConfigError) console.error(`Cannot start the worker: ${e.message}`);
  else console.error('Cannot start the worker:', describeError(e));
  process.exit(1);
});
