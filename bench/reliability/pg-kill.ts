// PostgreSQL killed with `kill -9` under load, then started again: are acknowledged writes lost,
// does the app serve again without a restart, what does it answer meanwhile?
//   node --import tsx bench/reliability/pg-kill.ts [seconds=60]
// Needs the .next-test build (`npm test` makes it, or `NEXT_DIST_DIR=.next-test npx next build`).
// A durable cluster (fsync and synchronous commit on, PostgreSQL's defaults), its own app server
// and emulators; 16 writers create customers for the whole run; the postmaster is killed by PID a
// third of the way in and started again 5 s later.
import pg from 'pg';
import { postmasterPid, startCluster, startPostmaster, stopCluster } from '../../scripts/lib/pg-cluster';
import { startTestServer } from '../../scripts/lib/test-server';
import { E2E_PROJECTS } from '../../scripts/lib/test-keys';
import { sleep, startWriteLoad, summarizeAnswers } from './load';
import { UNTHROTTLED } from './unthrottled';

const seconds = Number(process.argv[2] ?? 60);
const OUTAGE_MS = 5_000;

const cluster = await startCluster({ durable: true });
const server = await startTestServer({
  name: 'pg-kill',
  logFile: `${cluster.dir}-app.log`,
  env: { DATABASE_URL: cluster.url, ...UNTHROTTLED },
});
try {
  const load = startWriteLoad({
    baseUrl: server.baseUrl,
    apiKey: E2E_PROJECTS.primary.key,
    writers: 16,
    label: 'pgkill',
  });
  // /readyz every 100 ms: what a load balancer would see.
  const probes: Array<{ at: number; ready: boolean }> = [];
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const ready = await fetch(`${server.baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.status === 200,
        () => false,
      );
      probes.push({ at: Date.now(), ready });
      await sleep(100);
    }
  })();

  await sleep((seconds * 1000) / 3);
  const pid = postmasterPid(cluster);
  if (!pid) throw new Error('No postmaster PID');
  const ackedBeforeKill = load.acknowledged.length;
  process.kill(pid, 'SIGKILL');
  const killedAt = Date.now();
  await sleep(OUTAGE_MS);
  startPostmaster(cluster); // returns once it accepts connections again (crash recovery done)
  const restartedAt = Date.now();
  const ackedAtRestart = load.acknowledged.length;
  // The first create acknowledged after the restart: when the app serves again.
  let recoveredAt: number | null = null;
  while (recoveredAt === null && Date.now() - restartedAt < 30_000) {
    if (load.acknowledged.length > ackedAtRestart) recoveredAt = Date.now();
    else await sleep(10);
  }
  await sleep(Math.max(0, seconds * 1000 - (Date.now() - killedAt) - (seconds * 1000) / 3));
  await load.stop();
  probing = false;
  await prober;

  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>('select id::text from customers where id = any($1::uuid[])', [
    load.acknowledged,
  ]);
  await client.end();
  const stored = new Set(rows.map((r) => r.id));
  const lost = load.acknowledged.filter((id) => !stored.has(id)).length;
  const during = probes.filter((p) => p.at > killedAt + 1000 && p.at < restartedAt);
  const serverAlive = await Promise.race([server.exited.then(() => false), sleep(100).then(() => true)]);

  console.log(`PostgreSQL kill -9 under load (${seconds} s, 16 writers, durable cluster)`);
  console.log(`  acknowledged creates: ${load.acknowledged.length} (${ackedBeforeKill} before the kill)`);
  console.log(`  acknowledged writes lost: ${lost}`);
  console.log(
    `  app serving again: ${recoveredAt === null ? 'NO (within 30 s)' : `${((recoveredAt - restartedAt) / 1000).toFixed(2)} s`} after PostgreSQL accepted connections, same app process: ${serverAlive ? 'yes' : 'no'}`,
  );
  console.log(
    `  /readyz during the outage: ${during.filter((p) => !p.ready).length} of ${during.length} probes unhealthy`,
  );
  console.log(`  answers: ${summarizeAnswers(load.answers)}; network errors: ${load.networkErrors}`);
  console.log(`  error answers without the JSON envelope: ${load.withoutEnvelope}`);
  const ok = lost === 0 && recoveredAt !== null && recoveredAt - restartedAt <= 10_000 && load.withoutEnvelope === 0;
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  await server.stop();
  stopCluster(cluster.dir);
}
