import fc from 'fast-check';
import type { Endpoint } from './endpoints';
import type { Hostile } from './requests';
import {
  anyJson,
  badDate,
  deepJson,
  hugeString,
  invalidJson,
  invalidUtf8,
  noFieldsType,
  notJsonType,
  unstorableString,
} from './values';

// Hostile request bodies: the classes every body reader refuses, and those an endpoint that
// validates its body refuses (an entry no endpoint accepts, the wrong type, a wrong wrapper).

const WRAPPERS = [
  'customer',
  'setup_link',
  'whatsapp_config',
  'webhook',
  'agent',
  'whatsapp_sandbox_session',
  'sandbox_message',
  'twilio_credentials',
  'project',
];
// Field names of the API and the hosted page, so generated bodies hit real fields too.
export const FIELDS = [
  'name',
  'external_customer_id',
  'metadata',
  'language',
  'expires_at',
  'expires_in_hours',
  'allowed_connection_types',
  'success_redirect_url',
  'failure_redirect_url',
  'theme_config',
  'provision_phone_number',
  'phone_number_country_isos',
  'reconnect_phone_number',
  'phone_number_id',
  'business_account_id',
  'access_token',
  'webhook_destination_url',
  'url',
  'events',
  'active',
  'description',
  'phone_number',
  'agent_id',
  'account_sid',
  'auth_token',
  'text',
  'connection_type',
  'outcome',
  'code',
  'step',
];

export const key = fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 }));
export const jsonText = (v: unknown) => JSON.stringify(v);

/** A body entry no endpoint accepts: an unknown name, a value of no field's type, a date out of range. */
const poison = fc.oneof(
  fc.tuple(fc.stringMatching(/^zz_[a-z0-9_]{1,12}$/), anyJson),
  fc.tuple(fc.constantFrom(...FIELDS), noFieldsType),
  fc.tuple(fc.constant('expires_at'), badDate),
  fc.tuple(fc.constant('expires_in_hours'), fc.constantFrom(0, -1, 721, 1e308, 1.5, '24')),
);

/** A JSON object with at least one poisoned entry, flat or in a (maybe wrong) wrapper. */
const poisonedObject = fc
  .tuple(fc.dictionary(key, anyJson, { maxKeys: 4 }), poison, fc.option(fc.constantFrom(...WRAPPERS)))
  .map(([rest, [k, v], wrapper]) => {
    const inner = { ...rest, [k]: v };
    return wrapper ? { [wrapper]: inner } : inner;
  });

/** Well-formed JSON with a NUL or a lone surrogate in some key or string. */
const unstorableBody = fc
  .tuple(fc.dictionary(key, anyJson, { maxKeys: 3 }), key, unstorableString, fc.boolean())
  .map(([rest, k, bad, inKey]) => (inKey ? { ...rest, [bad]: 1 } : { ...rest, [k]: { deep: [bad] } }));

const OVERSIZED = ' '.repeat(1024 * 1024 + 10) + '{}';

/** Body classes refused by the body reader of every endpoint that reads one. */
export function readerRefused(): fc.Arbitrary<Hostile> {
  return fc.oneof(
    invalidJson.map((body) => ({ cls: 'body:invalid_json', refuse: true, body })),
    invalidUtf8.map((body) => ({ cls: 'body:invalid_utf8', refuse: true, body })),
    unstorableBody.map((b) => ({ cls: 'body:nul_or_surrogate', refuse: true, body: jsonText(b) })),
    fc.tuple(notJsonType, anyJson).map(([type, b]) => ({
      cls: 'body:content_type',
      refuse: true,
      body: jsonText(b),
      headers: { 'content-type': type },
    })),
    fc.boolean().map((stream) => ({ cls: 'body:oversized', refuse: true, body: OVERSIZED, stream })),
  );
}

/** Body classes refused by endpoints that validate their body. */
export function schemaRefused(kind: Endpoint['kind']): fc.Arbitrary<Hostile> {
  const json = (cls: string) => (b: unknown) => ({ cls, refuse: true, body: typeof b === 'string' ? b : jsonText(b) });
  const topLevel = fc.oneof(fc.array(anyJson), fc.integer(), fc.string(), fc.boolean());
  if (kind === 'hosted') {
    // Every hosted body needs a valid attempt id (or is strictly empty): a non-empty object with a
    // wrong one is refused.
    const wrongAttempt = fc.oneof(fc.constant(undefined), noFieldsType, fc.integer(), hugeString, fc.constant(''));
    const body = fc
      .tuple(fc.dictionary(key, anyJson, { maxKeys: 4 }), wrongAttempt, poison)
      .map(([rest, attempt, [k, v]]) => ({ ...rest, [k]: v, attempt_id: attempt }));
    return fc.oneof(
      body.map(json('body:wrong_fields')),
      topLevel.map(json('body:wrong_type')),
      deepJson.map(json('body:deep')),
    );
  }
  return fc.oneof(
    poisonedObject.map(json('body:wrong_fields')),
    topLevel.map(json('body:wrong_type')),
    fc.constantFrom(...WRAPPERS).chain((w) => topLevel.map((v) => json('body:wrong_wrapper')({ [w]: v }))),
    deepJson.map((d) => json('body:deep')(`{"metadata":${d},"zz":1}`)),
    fc.tuple(fc.constantFrom(...FIELDS), hugeString).map(([k, s]) => json('body:huge_string')({ [k]: s, zz_x: 1 })),
  );
}
