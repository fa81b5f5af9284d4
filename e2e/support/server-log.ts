import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Everything the server under test prints (JSON log lines and Next's own output) is teed here
// by e2e/support/server.ts, so the suite can check what the server did, not only what it answered.
export const SERVER_LOG = path.resolve(import.meta.dirname, '../../test-results/server.log');

export const readServerLog = (file = SERVER_LOG) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

/** Resolves once the log has stopped growing for a moment (the server writes asynchronously). */
export async function serverLogSettled(file = SERVER_LOG, quietMs = 150, maxMs = 3000) {
  const size = () => (existsSync(file) ? statSync(file).size : 0);
  const deadline = Date.now() + maxMs;
  let last = -1;
  while (Date.now() < deadline) {
    const now = size();
    if (now === last) return;
    last = now;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

// Next's marks for errors nobody handled: its "⨯" prefix, and Node's unhandled rejections.
const NEXT_UNHANDLED = /^\s*⨯|Unhandled ?Rejection|uncaughtException/i;

/** Lines that mean the server failed: any 5xx API answer, any error nobody handled. */
export function serverLogProblems(text: string): string[] {
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let entry: { msg?: unknown; status?: unknown } | null = null;
    if (line.startsWith('{')) {
      try {
        entry = JSON.parse(line);
      } catch {
        entry = null;
      }
    }
    if (entry) {
      if (entry.msg === 'api_request' && typeof entry.status === 'number' && entry.status >= 500) problems.push(line);
      else if (entry.msg === 'api_unhandled_error') problems.push(line);
    } else if (NEXT_UNHANDLED.test(line)) {
      problems.push(line);
    }
  }
  return problems;
}
