import fc from 'fast-check';
import type { Endpoint } from './endpoints';
import { jsonText, key, readerRefused, schemaRefused } from './bodies';
import { anyJson, badDate, badId } from './values';

// One generated request against one endpoint, and whether it must be refused. Each class below
// changes one part of an otherwise well-formed request, so a request of a "refuse" class is
// invalid by construction; the "random" class may be valid (then 2xx is fine, a 5xx never is).

export interface Hostile {
  cls: string;
  refuse: boolean;
  /** Raw path segments replacing a parameter's valid value (percent-escapes kept). */
  params?: Record<string, string>;
  /** Raw query string, without "?". */
  query?: string;
  /** Header overrides; null removes the header. */
  headers?: Record<string, string | null>;
  body?: string | Uint8Array;
  /** Send the body as a stream without Content-Length. */
  stream?: boolean;
  /** The hosted page's link cookie: another token, or none (null); the valid one when absent. */
  cookie?: string | null;
}

/** What the endpoint turned out to parse (probed once before the run). */
export interface Traits {
  parsesBody: boolean;
  parsesQuery: boolean;
  /** Takes created_after / created_before. */
  parsesDates: boolean;
  /** Refuses a request without an API key (all but the public OpenAPI document). */
  needsKey: boolean;
  /** Answers a well-formed request 405 (a method the route does not serve). */
  notAllowed: boolean;
}

/** Query classes refused by list endpoints. */
const queryRefused = fc.oneof(
  fc
    .tuple(fc.constantFrom('page', 'per_page', 'status', 'q', 'created_after', 'zz'), fc.string(), fc.string())
    .map(([k, a, b]) => ({
      cls: 'query:duplicate',
      refuse: true,
      query: `${k}=${encodeURIComponent(a)}&${k}=${encodeURIComponent(b)}`,
    })),
  fc
    .tuple(fc.constantFrom('q', 'status', 'external_customer_id', 'created_after'), fc.constantFrom('%00', 'a%00b'))
    .map(([k, v]) => ({ cls: 'query:nul', refuse: true, query: `${k}=${v}` })),
  fc
    .tuple(fc.constantFrom('page', 'per_page'), fc.constantFrom('-1', '1e309', 'NaN', '0x10', 'abc', '1.5'))
    .map(([k, v]) => ({ cls: 'query:paging', refuse: true, query: `${k}=${v}` })),
);
const dateQueryRefused = fc
  .tuple(fc.constantFrom('created_after', 'created_before'), badDate)
  .map(([k, d]) => ({ cls: 'query:bad_date', refuse: true, query: `${k}=${encodeURIComponent(d)}` }));

/** Requests that may be valid: any query string, any JSON body. */
function random(endpoint: Endpoint): fc.Arbitrary<Hostile> {
  const query = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc
      .array(fc.tuple(key, fc.string({ maxLength: 20 })), { maxLength: 4 })
      .map((kv) => kv.map(([k, v]) => `${k}=${v}`).join('&')),
  );
  const body =
    endpoint.method === 'GET' || endpoint.method === 'DELETE' ? fc.constant(undefined) : anyJson.map(jsonText);
  // A random DELETE names nothing that exists: deleting the fixture would end everyone's run.
  const ids =
    endpoint.method === 'DELETE'
      ? fc
          .tuple(...endpoint.params.map(() => fc.uuid()))
          .map((u) => Object.fromEntries(endpoint.params.map((p, i) => [p, u[i]])))
      : fc.constant(undefined);
  return fc
    .tuple(query, body, ids)
    .map(([q, b, params]) => ({ cls: 'random', refuse: false, query: q, body: b, params }));
}

/** Every class that applies to the endpoint, weighted so each gets runs. */
export function hostileRequests(endpoint: Endpoint, traits: Traits): fc.Arbitrary<Hostile> {
  const classes: fc.Arbitrary<Hostile>[] = [];
  const readsBody = endpoint.method !== 'GET' && endpoint.method !== 'DELETE';
  const isApi = endpoint.kind === 'api';
  if (isApi && traits.needsKey) {
    classes.push(
      fc
        .oneof(fc.constant(null), fc.string(), fc.stringMatching(/^sk_live_[A-Za-z0-9]{20,60}$/))
        .chain((k) =>
          fc.constantFrom<Record<string, string | null>>(
            { 'x-api-key': k },
            { authorization: k === null ? null : `Bearer ${k}` },
          ),
        )
        .map((headers): Hostile => ({ cls: 'auth', refuse: true, headers: { 'x-api-key': null, ...headers } })),
    );
  }
  for (const p of endpoint.params) classes.push(badId.map((id) => ({ cls: 'id', refuse: true, params: { [p]: id } })));
  if (readsBody && endpoint.kind !== 'language' && endpoint.kind !== 'twilio_sms' && endpoint.kind !== 'meta_webhook')
    classes.push(readerRefused());
  if (readsBody && traits.parsesBody) classes.push(schemaRefused(endpoint.kind));
  if (traits.parsesQuery) classes.push(queryRefused);
  if (traits.parsesDates) classes.push(dateQueryRefused);
  if (endpoint.kind === 'hosted') {
    classes.push(
      fc
        .constantFrom(null, 'https://evil.example', 'null')
        .map((origin) => ({ cls: 'origin', refuse: true, headers: { origin } })),
      fc.oneof(fc.constant(null), fc.string(), fc.stringMatching(/^sl_[A-Za-z0-9_-]{43}$/)).map((token) => ({
        cls: 'cookie',
        refuse: true,
        cookie: token,
      })),
    );
  }
  if (endpoint.kind === 'twilio_sms' || endpoint.kind === 'meta_webhook') {
    // Unsigned or wrongly signed: refused whatever the body says.
    classes.push(
      fc.tuple(fc.option(fc.string()), fc.oneof(anyJson.map(jsonText), fc.string())).map(([sig, body]) => ({
        cls: 'unsigned',
        refuse: true,
        body: endpoint.method === 'GET' ? undefined : body,
        query:
          endpoint.method === 'GET'
            ? `hub.mode=subscribe&hub.verify_token=${encodeURIComponent(sig ?? '')}&hub.challenge=1`
            : undefined,
        headers: { 'x-twilio-signature': sig, 'x-hub-signature-256': sig === null ? null : `sha256=${sig}` },
      })),
    );
  }
  if (endpoint.kind === 'language') {
    classes.push(
      fc
        .constantFrom('https://evil.example', 'http://localhost:3001')
        .map((origin) => ({ cls: 'origin', refuse: true, headers: { origin, 'sec-fetch-site': 'cross-site' } })),
      fc.string().map((s) => ({
        cls: 'body:oversized',
        refuse: true,
        body: `locale=en&x=${'a'.repeat(3000)}${encodeURIComponent(s)}`,
      })),
    );
  }
  classes.push(random(endpoint));
  return fc.oneof(...classes);
}
