import { describe, expect, it } from 'vitest';
import { raiseRateLimits } from '../support/hostile/limits';

// Issue 8 §6 at test scale (bench/reliability/concurrent-creates.ts runs 10,000 over 100 customers):
// creates fired at once never fail and leave exactly one active link per customer, its newest.
raiseRateLimits(); // before the app's modules read the environment: this measures concurrency

describe('concurrent setup-link creates', () => {
  it('300 creates over 10 customers: all 201, 10 active links, each the newest', async () => {
    const { concurrentCreates } = await import('./creates');
    const f = await concurrentCreates({ creates: 300, customers: 10 });
    expect(f.statuses).toEqual({ 201: 300 });
    expect(f.links).toBe(300);
    expect(f.activeLinks).toBe(10);
    expect(f.customersWithOneActive).toBe(10);
    expect(f.activeIsNewest).toBe(10);
    expect(f.revokedEvents).toBe(290);
  });

  it('200 creates for one customer: all 201, one active link', async () => {
    const { concurrentCreates } = await import('./creates');
    const f = await concurrentCreates({ creates: 200, customers: 1 });
    expect(f.statuses).toEqual({ 201: 200 });
    expect(f.activeLinks).toBe(1);
    expect(f.activeIsNewest).toBe(1);
  });
});
