// The embedded database (PGlite): the server killed with SIGKILL during writes and started again
// on the same data directory, several times. Are acknowledged writes lost? Does it start again
// without manual cleanup (a stale lock, a half-written page)?
//   node --import tsx bench/reliability/pglite-kill.ts [rounds=3] [seconds per round=10]
// Needs the .next-test build (`npm test` makes it, or `NEXT_DIST_DIR=.next-test npx next build`).
import { rmSync } from 'node:fs';
import { startTestServer, type TestServer } from '../../scripts/lib/test-server';
import { E2E_PROJECTS } from '../../scripts/lib/test-keys';
import { sleep, startWriteLoad, summarizeAnswers } from './load';
import { UNTHROTTLED } from './unthrottled';

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 10);
const apiKey = E2E_PROJECTS.primary.key;
const logFile = (round: number) => `/tmp/wa-pglite-kill-${process.pid}-${round}.log`;

const start = (round: number, dataDir?: string) =>
  startTestServer({ name: 'pglite-kill', logFile: logFile(round), dataDir, env: UNTHROTTLED, timeoutMs: 120_000 });

/** Every acknowledged id, read back through the API: the ones missing. */
async function missing(server: TestServer, ids: string[]): Promise<number> {
  let lost = 0;
  for (let i = 0; i < ids.length; i += 20) {
    const answers = await Promise.all(
      ids
        .slice(i, i + 20)
        .map((id) =>
          fetch(`${server.baseUrl}/platform/v1/customers/${id}`, { headers: { Authorization: `Bearer ${apiKey}` } }),
        ),
    );
    lost += answers.filter((r) => r.status !== 200).length;
  }
  return lost;
}

const acknowledged: string[] = [];
const restarts: number[] = [];
let server = await start(0);
const dataDir = server.dataDir;
let answers = '';
try {
  for (let round = 1; round <= rounds; round++) {
    const load = startWriteLoad({ baseUrl: server.baseUrl, apiKey, writers: 8, label: `pglite${round}` });
    await sleep(seconds * 1000);
    process.kill(server.pid, 'SIGKILL'); // mid-write: the writers are still sending
    await server.exited;
    await load.stop();
    await server.stop(); // the emulators and the log; the server is already gone
    acknowledged.push(...load.acknowledged);
    answers += `round ${round}: ${summarizeAnswers(load.answers)}; `;
    const t0 = Date.now();
    server = await start(round, dataDir); // no cleanup of any kind in between
    restarts.push((Date.now() - t0) / 1000);
  }
  const lost = await missing(server, acknowledged);
  console.log(`PGlite, server killed with SIGKILL during writes: ${rounds} rounds of ${seconds} s, 8 writers`);
  console.log(`  acknowledged creates: ${acknowledged.length}`);
  console.log(`  acknowledged writes lost: ${lost}`);
  console.log(
    `  started again without cleanup: ${restarts.length} of ${rounds} (${restarts.map((s) => `${s.toFixed(1)} s`).join(', ')})`,
  );
  console.log(`  answers: ${answers}`);
  const ok = lost === 0 && restarts.length === rounds && acknowledged.length > 0;
  console.log(ok ? 'PASS' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
