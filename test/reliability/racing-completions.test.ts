import { describe, expect, it } from 'vitest';
import { raiseRateLimits } from '../support/hostile/limits';

// Issue 8 §6 at test scale (bench/reliability/racing-completions.ts races 1,000 on 100 links):
// completions racing on the same links win once per link, send one `setup_link.used` per link and
// register each link's number at Meta once (the completion lease: the losers never call Meta).
raiseRateLimits(); // before the app's modules read the environment: this measures the race, not the limiter

describe('racing completions', () => {
  it('100 completions on 10 links: 10 wins, 10 used events, one register call per link, no 5xx', async () => {
    const { racingCompletions } = await import('./completions');
    const f = await racingCompletions({ links: 10, perLink: 10 });
    expect(f.s5xx).toBe(0);
    expect(f.wins).toBe(10);
    expect(f.linksWonOnce).toBe(10);
    expect(f.usedLinks).toBe(10);
    expect(f.usedEvents).toBe(10);
    expect(f.registerCalls).toBe(10);
    expect(f.subscribeCalls).toBe(10);
  });
});
