import { and, eq } from 'drizzle-orm';
import { POST as postComplete } from '@/app/setup/complete/route';
import { setupLinks, webhookEvents } from '@/lib/server/db/schema';
import { env } from '@/lib/server/env';
import { LINK_COOKIE } from '@/lib/server/http/link-cookie';
import { newAttemptId } from '@/lib/server/onboarding/attempt';
import { testProject } from '../support/fixtures';
import { startMetaEmulator } from '@/emulator/meta/server';
import { insertTestLink, TEST_APP } from '../support/onboarding';

// L links, each completed by P tabs at once: every tab ran Meta's popup (its own code from the
// Meta emulator) and posts to /setup/complete with its own attempt id, as the hosted page does.
// Counts the winners, `setup_link.used` events and Meta's register calls (the emulator counts
// them). Shared by test/reliability/racing-completions.test.ts and bench/reliability/racing-completions.ts.

const ORIGIN = 'http://localhost:3000';

export interface RaceFigures {
  links: number;
  completions: number;
  statuses: Record<number, number>;
  /** Failed completions by error code (the losers: already_used, or a lease held by another tab). */
  failures: Record<string, number>;
  s5xx: number;
  /** Answers `{"status": "completed"}`. */
  wins: number;
  linksWonOnce: number;
  usedLinks: number;
  usedEvents: number;
  registerCalls: number;
  subscribeCalls: number;
  ms: number;
}

const dialogOf = (url: string) => async (outcome: string) => {
  const res = await fetch(`${url}/dialog/complete`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ outcome }),
  });
  return (await res.json()) as { code: string; event: string; data: Record<string, string> };
};

export async function racingCompletions(opts: { links: number; perLink: number }): Promise<RaceFigures> {
  // Meta's codes live 30 s in the emulator; on PGlite (one connection) 1,000 completions queue
  // longer than that, and the race would measure expired codes instead of the lease.
  const emulator = await startMetaEmulator({ port: 0, ...TEST_APP, codeTtlMs: 600_000 });
  const meta = { emulator, dialog: dialogOf(emulator.url) };
  env.meta.graphUrl = emulator.url;
  try {
    const { db, project } = await testProject(`race-${crypto.randomUUID()}`);
    const links: Awaited<ReturnType<typeof insertTestLink>>[] = [];
    for (let l = 0; l < opts.links; l++)
      links.push(await insertTestLink(db, project.id, { allowedConnectionTypes: ['dedicated'] }));
    // The popups just before the race (Meta's codes are short-lived), 50 at a time.
    const tab = async ({ token, link }: (typeof links)[number]) => {
      const d = await meta.dialog('finish');
      const body = {
        setup_link_id: link.id,
        attempt_id: newAttemptId(link.id),
        connection_type: 'dedicated',
        outcome: 'finish',
        code: d.code,
        event: d.event,
        ...d.data,
      };
      const headers = {
        'content-type': 'application/json',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        cookie: `${LINK_COOKIE}=${token}`,
      };
      const init = { method: 'POST', headers, body: JSON.stringify(body) };
      return { linkId: link.id, req: new Request(`${ORIGIN}/setup/complete`, init) };
    };
    const pending = links.flatMap((l) => Array.from({ length: opts.perLink }, () => l));
    const tabs: Awaited<ReturnType<typeof tab>>[] = [];
    for (let i = 0; i < pending.length; i += 50) tabs.push(...(await Promise.all(pending.slice(i, i + 50).map(tab))));
    const started = performance.now();
    const answers = await Promise.all(
      tabs.map(async ({ linkId, req }) => {
        const res = await postComplete(req).catch(() => new Response(null, { status: 599 }));
        const json = (await res.json().catch(() => ({}))) as { status?: string; error_code?: string };
        const won = res.status === 200 && json.status === 'completed';
        return { linkId, status: res.status, won, errorCode: json.error_code };
      }),
    );
    const ms = performance.now() - started;
    const statuses: Record<number, number> = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    const failures: Record<string, number> = {};
    for (const a of answers) if (a.errorCode) failures[a.errorCode] = (failures[a.errorCode] ?? 0) + 1;
    const winsByLink = new Map<string, number>();
    for (const a of answers) if (a.won) winsByLink.set(a.linkId, (winsByLink.get(a.linkId) ?? 0) + 1);
    const used = await db
      .select()
      .from(setupLinks)
      .where(and(eq(setupLinks.projectId, project.id), eq(setupLinks.status, 'used')));
    const events = await db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.projectId, project.id), eq(webhookEvents.type, 'setup_link.used')));
    const calls = (await (await fetch(`${meta.emulator.url}/_emulator/calls`)).json()).calls as Record<string, number>;
    return {
      links: opts.links,
      completions: tabs.length,
      statuses,
      failures,
      s5xx: answers.filter((a) => a.status >= 500).length,
      wins: answers.filter((a) => a.won).length,
      linksWonOnce: [...winsByLink.values()].filter((n) => n === 1).length,
      usedLinks: used.length,
      usedEvents: events.length,
      registerCalls: calls['POST {id}/register'] ?? 0,
      subscribeCalls: calls['POST {id}/subscribed_apps'] ?? 0,
      ms,
    };
  } finally {
    await meta.emulator.close();
  }
}
