// How long a partner waits for `setup_link.used` after an onboarding commits: one delivery worker
// with the default settings, a local receiver, N commits that queue what a completed onboarding
// queues (`whatsapp.phone_number.created`, `whatsapp.config.created`, `setup_link.used`).
// Usage: node --import tsx bench/webhook-latency.ts [N=200]
// PGlite in a temporary directory, or the PostgreSQL database of DATABASE_URL (the bench's rows
// stay there, under a project of their own; the worker sends only that project's deliveries).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

// The app's modules import `server-only`, which throws outside the react-server condition (as in
// `npm run worker`): run again with it.
if (!import.meta.resolve('server-only').endsWith('/empty.js')) {
  const args = ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)];
  process.exit(spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1);
}

const N = Number(process.argv[2] ?? 200);
const MAX_PAUSE_MS = 200; // random pause between commits, so that they do not batch

const dataDir = process.env.DATABASE_URL ? null : mkdtempSync(path.join(os.tmpdir(), 'wa-bench-'));
if (dataDir) process.env.DATA_DIR = dataDir;
process.env.LOG_LEVEL ??= 'warn';
// The receiver is on 127.0.0.1: the address policy that allows loopback (as in dev mode and tests).
process.env.ALLOW_LOCALHOST_REDIRECTS = 'true';

const { getDb } = await import('@/lib/server/db/client');
const { queueEvent } = await import('@/lib/server/events');
const { ensureProject } = await import('@/lib/server/projects');
const { createWebhookEndpoint } = await import('@/lib/server/webhooks/write');
const { startDeliveryWorker } = await import('@/lib/server/webhooks/worker');

/** A receiver on 127.0.0.1 that answers 200 and notes when each webhook-id arrived. */
async function startReceiver() {
  const arrived = new Map<string, number>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrived.set(String(req.headers['webhook-id']), performance.now());
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, arrived, close: () => server.closeAllConnections() };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const db = await getDb();
if (dataDir) process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
const receiver = await startReceiver();
const { project } = await ensureProject(db, `bench-${crypto.randomUUID()}`);
const projectId = project.id;
await createWebhookEndpoint(
  { db, projectId },
  {
    input: {
      url: receiver.url,
      events: ['whatsapp.phone_number.created', 'whatsapp.config.created', 'setup_link.used'],
    },
  },
);
const worker = startDeliveryWorker(db, { projectId });

const committed = new Map<string, number>();
for (let i = 0; i < N; i++) {
  await new Promise((r) => setTimeout(r, Math.random() * MAX_PAUSE_MS));
  const usedId = await db.transaction(async (tx) => {
    const scope = { db: tx, projectId };
    const phone = { phone_number_id: `pn_${i}`, display_phone_number: `+1555000${i}` };
    await queueEvent(scope, { type: 'whatsapp.phone_number.created', payload: phone });
    await queueEvent(scope, { type: 'whatsapp.config.created', payload: { id: `cfg_${i}`, ...phone } });
    return queueEvent(scope, { type: 'setup_link.used', payload: { id: `link_${i}`, status: 'used' } });
  });
  committed.set(usedId, performance.now());
}

const deadline = Date.now() + 60_000;
while ([...committed.keys()].some((id) => !receiver.arrived.has(id)) && Date.now() < deadline)
  await new Promise((r) => setTimeout(r, 50));
await worker.stop();
receiver.close();

const latencies = [...committed]
  .filter(([id]) => receiver.arrived.has(id))
  .map(([id, at]) => receiver.arrived.get(id)! - at)
  .sort((a, b) => a - b);
const ms = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(1));
console.log(
  `webhook latency, commit -> setup_link.used received (${process.env.DATABASE_URL ? 'postgres' : 'pglite'}, ` +
    `${latencies.length}/${N} received): median ${ms(percentile(latencies, 50))} ms, ` +
    `p90 ${ms(percentile(latencies, 90))} ms, p99 ${ms(percentile(latencies, 99))} ms, ` +
    `max ${ms(latencies.at(-1))} ms`,
);
process.exit(latencies.length === N ? 0 : 1);
