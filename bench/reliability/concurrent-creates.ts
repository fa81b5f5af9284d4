// Setup-link creates fired at once through the route handler (in-process, as Next calls it):
// 10,000 over 100 customers, then 200 for one customer. Prints the answers by status and what
// they left: active links, customers with exactly one, customers whose active link is the newest.
// Usage: node --import tsx bench/reliability/concurrent-creates.ts [CREATES=10000] [CUSTOMERS=100]
// (DATABASE_URL for PostgreSQL). Exits 1 when a figure is off.
import { prepare, printTable, reexecWithReactServer, seconds } from './shared';

reexecWithReactServer();
const CREATES = Number(process.argv[2] ?? 10_000);
const CUSTOMERS = Number(process.argv[3] ?? 100);
await prepare('concurrency');
const { concurrentCreates } = await import('@/test/reliability/creates');

const rows = [];
let off = false;
for (const [creates, customers] of [
  [CREATES, CUSTOMERS],
  [200, 1],
]) {
  const f = await concurrentCreates({ creates, customers });
  const ok =
    f.s5xx === 0 &&
    f.statuses[201] === creates &&
    f.activeLinks === customers &&
    f.customersWithOneActive === customers &&
    f.activeIsNewest === customers;
  off ||= !ok;
  rows.push({
    creates,
    customers,
    answers: Object.entries(f.statuses)
      .map(([s, n]) => `${n}x${s}`)
      .join(' '),
    '5xx': f.s5xx,
    'active links': f.activeLinks,
    'one active': f.customersWithOneActive,
    'active is newest': f.activeIsNewest,
    'revoked events': f.revokedEvents,
    time: seconds(f.ms),
    'creates/s': Math.round((creates * 1000) / f.ms),
    figure: ok ? 'as required' : 'OFF',
  });
}
printTable(rows);
process.exit(off ? 1 : 0);
