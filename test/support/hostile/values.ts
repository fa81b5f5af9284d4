import fc from 'fast-check';

// The hostile values of issue 8 §5, as fast-check arbitraries: text PostgreSQL cannot store, huge
// strings, deep nesting, wrong types, dates out of range, malformed ids and percent-escapes.

const LONE_SURROGATE = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** A string with a NUL or an unpaired surrogate somewhere in it. */
export const unstorableString = fc
  .tuple(fc.string({ maxLength: 20 }), fc.oneof(fc.constant('\u0000'), LONE_SURROGATE), fc.string({ maxLength: 20 }))
  .map(([a, bad, b]) => a + bad + b)
  // A high surrogate followed by a low one is a valid pair: keep only really unpaired ones.
  .filter((s) => /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s));

export const hugeString = fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'x'.repeat(n));

/** Arrays or objects nested `depth` deep, as JSON text (too deep for any field). */
export const deepJson = fc
  .tuple(fc.integer({ min: 3, max: 20_000 }), fc.boolean())
  .map(([d, arr]) => (arr ? '['.repeat(d) + ']'.repeat(d) : '{"a":'.repeat(d) + '1' + '}'.repeat(d)));

/** Dates PostgreSQL cannot store or that are not dates at all. */
export const badDate = fc.oneof(
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59-14:00',
    '10000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-13-40T99:99:99Z',
    '1e309',
    'yesterday',
    'NaN',
  ),
  fc.integer({ min: -1e6, max: 1e6 }).map((y) => `${String(y).padStart(5, '0')}-01-01T00:00:00Z`),
);

/** A value of no field's type: no field takes nested arrays or objects holding arrays. */
export const noFieldsType = fc.oneof(
  fc.array(fc.array(fc.integer(), { minLength: 1 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.array(fc.array(fc.boolean(), { minLength: 1 })), {
    minKeys: 1,
    maxKeys: 3,
  }),
);

/** Any JSON value but null (a null body means "no body"). */
export const anyJson = fc.jsonValue({ maxDepth: 4 }).filter((v) => v !== null);

/** Path segments that are not an id of anything (raw: percent-escapes as a browser would send them). */
export const badId = fc.oneof(
  fc.constantFrom(
    '%ff',
    '%zz',
    '%c0%80',
    '%00',
    '%',
    '%2e%2e',
    '%2f',
    '..',
    '.',
    'null',
    'undefined',
    '00000000-0000-0000-0000-000000000000',
    "1'%20or%20'1'%3D'1",
    '%ed%a0%80',
    '%F0%9F%98%80',
    'sl_AAAAAAAA',
  ),
  fc.uuid().map((u) => u), // well-formed, owned by nobody
  fc.uuid().map((u) => `${u}x`),
  fc.uuid().map((u) => u.toUpperCase().replace(/-/g, '')),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.stringMatching(/^(%[0-9A-Fa-f]{0,2}){1,8}$/),
  fc.integer({ min: 5000, max: 20_000 }).map((n) => 'a'.repeat(n)),
);

/** Invalid UTF-8: a stray continuation byte, an overlong form, a lone lead byte or a surrogate. */
export const invalidUtf8 = fc
  .tuple(
    fc.string({ maxLength: 30 }),
    fc.constantFrom([0x80], [0xc0, 0x80], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80]),
    fc.string({ maxLength: 30 }),
  )
  .map(([a, bytes, b]) => Buffer.concat([Buffer.from(`{"name":"${a}`), Buffer.from(bytes), Buffer.from(`${b}"}`)]));

/** Text that is not JSON (and not empty: an empty body is no body). */
export const invalidJson = fc
  .oneof(
    fc.constantFrom('{', '{"a":', '[1,]', "{'a':1}", 'undefined', 'NaN', '{"a":1}}', '{"setup_link": {}} trailing'),
    fc.string({ minLength: 1, maxLength: 200 }),
  )
  .filter((s) => {
    if (s.trim() === '') return false;
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  });

/** Content types that are not JSON. */
export const notJsonType = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/json',
  '',
);
