import fc from 'fast-check';
import type { Db } from '@/lib/server/db/client';
import type { Endpoint } from './endpoints';
import type { HostileContext } from './fixture';
import { hostileRequests, type Hostile, type Traits } from './requests';
import { send, type Outcome } from './send';
import { changedTables, snapshot } from './snapshot';

// Runs N generated requests against one endpoint: first the classes that must be refused (with
// the database's state compared before and after), then the random ones (which may be valid).
// Shared by test/api/hostile-generated.test.ts and bench/reliability/hostile.ts.

export interface EndpointFigures {
  endpoint: string;
  requests: number;
  refusedClass: number;
  s2xx: number;
  s4xx: number;
  s5xx: number;
  /** Share of non-2xx answers in the JSON error envelope. */
  envelopePct: number;
  changedTables: string[];
  /** Answers that broke a rule: a 5xx, a refuse-class request not answered 4xx, a non-2xx without the envelope. */
  failures: Array<{ cls: string; status: number; request: string; answer: string }>;
  /** Requests no client could send (e.g. a line break in a header), not counted. */
  unsendable: number;
}

// Error answers that are not JSON by design: Twilio and Meta read only the status, the language
// form gets text.
const needsEnvelope = (e: Endpoint) => e.kind === 'api' || e.kind === 'hosted';

/** What the endpoint validates, found by asking it (before any snapshot: a probe may change state). */
export async function probe(endpoint: Endpoint, ctx: HostileContext): Promise<Traits> {
  const refused = async (h: Hostile) => {
    const o = await send(endpoint, ctx, h);
    return o !== null && o.status >= 400 && o.status < 500;
  };
  const readsBody = endpoint.method !== 'GET' && endpoint.method !== 'DELETE';
  return {
    parsesBody:
      endpoint.kind === 'hosted' || (readsBody && (await refused({ cls: 'probe', refuse: false, body: '[]' }))),
    parsesQuery: endpoint.method === 'GET' && (await refused({ cls: 'probe', refuse: false, query: 'zz=1&zz=2' })),
    parsesDates:
      endpoint.method === 'GET' && (await refused({ cls: 'probe', refuse: false, query: 'created_after=yesterday' })),
    notAllowed: (await send(endpoint, ctx, { cls: 'probe', refuse: false }))?.status === 405,
    needsKey:
      endpoint.kind === 'api' && (await refused({ cls: 'probe', refuse: false, headers: { 'x-api-key': null } })),
  };
}

const describe = (h: Hostile) =>
  JSON.stringify({ ...h, body: typeof h.body === 'string' ? h.body.slice(0, 200) : h.body && '[bytes]' }).slice(0, 400);

export async function runEndpoint(
  db: Db,
  endpoint: Endpoint,
  ctx: HostileContext,
  opts: { runs: number; seed: number; notAllowedRuns?: number },
): Promise<EndpointFigures> {
  const traits = await probe(endpoint, ctx);
  const runs = traits.notAllowed ? (opts.notAllowedRuns ?? opts.runs) : opts.runs;
  const generated = fc.sample(hostileRequests(endpoint, traits), { numRuns: runs, seed: opts.seed });
  const f: EndpointFigures = {
    endpoint: endpoint.name,
    requests: 0,
    refusedClass: 0,
    s2xx: 0,
    s4xx: 0,
    s5xx: 0,
    envelopePct: 100,
    changedTables: [],
    failures: [],
    unsendable: 0,
  };
  let nonOk = 0;
  let enveloped = 0;
  const record = (h: Hostile, o: Outcome | null) => {
    if (!o) return void f.unsendable++;
    f.requests++;
    if (h.refuse) f.refusedClass++;
    if (o.status < 300) f.s2xx++;
    else if (o.status >= 400 && o.status < 500) f.s4xx++;
    else if (o.status >= 500) f.s5xx++;
    if (o.status >= 300) {
      nonOk++;
      if (o.envelope) enveloped++;
    }
    const broken =
      o.status >= 500 ||
      (h.refuse && (o.status < 400 || o.status >= 500)) ||
      (o.status >= 400 && needsEnvelope(endpoint) && !o.envelope);
    if (broken && f.failures.length < 10)
      f.failures.push({ cls: h.cls, status: o.status, request: describe(h), answer: o.text.slice(0, 300) });
  };
  const before = await snapshot(db);
  for (const h of generated.filter((g) => g.refuse)) record(h, await send(endpoint, ctx, h));
  f.changedTables = changedTables(before, await snapshot(db));
  for (const h of generated.filter((g) => !g.refuse)) record(h, await send(endpoint, ctx, h));
  f.envelopePct = nonOk === 0 ? 100 : Math.round((1000 * enveloped) / nonOk) / 10;
  return f;
}

/** The hosted page's endpoints first (a random valid create would revoke their link), DELETEs last. */
export const runOrder = (endpoints: Endpoint[]) => {
  const rank = (e: Endpoint) => (e.kind !== 'api' ? 0 : e.method === 'DELETE' ? 2 : 1);
  return [...endpoints].sort((a, b) => rank(a) - rank(b));
};

/** One line per broken endpoint, with its first offending requests, for a readable failure. */
export function summarize(f: EndpointFigures): string {
  const head = `${f.endpoint}: ${f.requests} requests, 5xx ${f.s5xx}, envelope ${f.envelopePct}%, changed [${f.changedTables.join(', ')}]`;
  const firsts = f.failures
    .slice(0, 3)
    .map((x) => `\n    ${x.status} ${x.cls} ${x.request.slice(0, 160)} -> ${x.answer.slice(0, 120)}`);
  return head + firsts.join('');
}
