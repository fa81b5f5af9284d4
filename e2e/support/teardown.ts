import { expect } from '@playwright/test';
import { readServerLog, serverLogProblems, serverLogSettled, SERVER_LOG } from './server-log';

/**
 * Global teardown: the run fails if the server answered any API request with a 5xx or printed an
 * unhandled error, even when every test passed (errors in background work show up only here).
 */
export default async function globalTeardown() {
  await serverLogSettled();
  const problems = serverLogProblems(readServerLog());
  if (problems.length) {
    const shown = problems.slice(0, 20).map((l) => `  ${l.slice(0, 500)}`);
    throw new Error(`The server log (${SERVER_LOG}) shows ${problems.length} server error(s):\n${shown.join('\n')}`);
  }
}

/** For tests: fails if `secret` (a token, a key, a code) was ever written to the server log. */
export async function expectNotInServerLog(secret: string, what = 'secret') {
  expect(secret.length, 'a secret to look for must be non-trivial').toBeGreaterThanOrEqual(8);
  await serverLogSettled();
  const found = readServerLog().includes(secret);
  // Never echo the secret itself into the report.
  expect(found, `the ${what} (…${secret.slice(-4)}) must never appear in ${SERVER_LOG}`).toBe(false);
}
