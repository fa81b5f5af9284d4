// Completions racing on the same links, through the /setup/complete route handler (in-process)
// against the Meta emulator: 1,000 on 100 links by default (10 tabs per link, each with its own
// popup code and attempt id). Prints the wins, `setup_link.used` events and Meta's register and
// subscribed_apps calls (counted by the emulator, GET /_emulator/calls).
// Usage: node --import tsx bench/reliability/racing-completions.ts [LINKS=100] [PER_LINK=10]
// (DATABASE_URL for PostgreSQL). Exits 1 when a figure is off.
import { prepare, printTable, reexecWithReactServer, seconds } from './shared';

reexecWithReactServer();
const LINKS = Number(process.argv[2] ?? 100);
const PER_LINK = Number(process.argv[3] ?? 10);
await prepare('completions');
const { racingCompletions } = await import('@/test/reliability/completions');

const f = await racingCompletions({ links: LINKS, perLink: PER_LINK });
const ok =
  f.s5xx === 0 &&
  f.wins === LINKS &&
  f.linksWonOnce === LINKS &&
  f.usedEvents === LINKS &&
  f.registerCalls === LINKS &&
  f.subscribeCalls === LINKS;
printTable([
  {
    completions: f.completions,
    links: f.links,
    answers: Object.entries(f.statuses)
      .map(([s, n]) => `${n}x${s}`)
      .join(' '),
    'losers by code': Object.entries(f.failures)
      .map(([c, n]) => `${n}x${c}`)
      .join(' '),
    '5xx': f.s5xx,
    wins: f.wins,
    'links won once': f.linksWonOnce,
    'used events': f.usedEvents,
    'register calls': f.registerCalls,
    'subscribed_apps calls': f.subscribeCalls,
    time: seconds(f.ms),
    figure: ok ? 'as required' : 'OFF',
  },
]);
process.exit(ok ? 0 : 1);
