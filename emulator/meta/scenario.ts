// Outcomes the emulated Embedded Signup popup can produce, and how it delivers them.
// Kept apart from server.ts so the page renderer and the store can share the types without cycles.

export const META_SCENARIOS = [
  'finish',
  'finish_coexistence',
  'cancel',
  'error',
  'token_exchange_error',
  'register_error',
] as const;
export type MetaScenario = (typeof META_SCENARIOS)[number];

/** An outcome chosen in the popup. Same names as the scenarios (a scenario is an outcome picked without clicks). */
export type MetaOutcome = MetaScenario;

/**
 * How the popup hands the result back. The real SDK callback and the WA_EMBEDDED_SIGNUP message
 * arrive in either order, sometimes only one of them, and other origins may post look-alikes:
 * the hosted page must cope with all of it, so each variant can be forced.
 */
export interface MetaDelivery {
  order: 'message_first' | 'callback_first';
  deliver: 'both' | 'callback_only' | 'message_only';
  /** Before the real result, post a forged FINISH message and auth result from an opaque ("null") origin. */
  hostile: boolean;
}

export const DEFAULT_DELIVERY: MetaDelivery = { order: 'message_first', deliver: 'both', hostile: false };

export function isScenario(value: unknown): value is MetaScenario {
  return typeof value === 'string' && (META_SCENARIOS as readonly string[]).includes(value);
}

/**
 * Parses `finish`, or `finish+callback_first+hostile` style specs (env var friendly).
 * Modifiers: callback_first, message_first, callback_only, message_only, both, hostile.
 * Empty / "none" / "off" mean "no scenario" (the popup waits for clicks). Throws on unknown words
 * so a typo in META_EMULATOR_SCENARIO fails loudly instead of silently waiting for a click.
 */
export function parseScenarioSpec(spec: string | null | undefined): {
  scenario: MetaScenario | null;
  delivery: MetaDelivery;
} {
  const delivery: MetaDelivery = { ...DEFAULT_DELIVERY };
  const words = (spec ?? '')
    .split(/[+,\s]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  let scenario: MetaScenario | null = null;
  for (const word of words) {
    if (isScenario(word)) scenario = word;
    else if (word === 'none' || word === 'off' || word === 'manual') scenario = null;
    else if (word === 'callback_first' || word === 'message_first') delivery.order = word;
    else if (word === 'callback_only' || word === 'message_only' || word === 'both') delivery.deliver = word;
    else if (word === 'hostile') delivery.hostile = true;
    else
      throw new Error(
        `Unknown Meta emulator scenario word "${word}" (expected one of ${META_SCENARIOS.join(', ')} plus optional callback_first, callback_only, message_only, hostile)`,
      );
  }
  return { scenario, delivery };
}

/** Validates a partial delivery object from JSON; returns an error message or the merged value. */
export function mergeDelivery(base: MetaDelivery, input: unknown): MetaDelivery | string {
  if (input === undefined || input === null) return base;
  if (typeof input !== 'object') return 'delivery must be an object';
  const o = input as Record<string, unknown>;
  const out = { ...base };
  if (o.order !== undefined) {
    if (o.order !== 'message_first' && o.order !== 'callback_first')
      return 'order must be message_first or callback_first';
    out.order = o.order;
  }
  if (o.deliver !== undefined) {
    if (o.deliver !== 'both' && o.deliver !== 'callback_only' && o.deliver !== 'message_only')
      return 'deliver must be both, callback_only or message_only';
    out.deliver = o.deliver;
  }
  if (o.hostile !== undefined) {
    if (typeof o.hostile !== 'boolean') return 'hostile must be a boolean';
    out.hostile = o.hostile;
  }
  return out;
}
