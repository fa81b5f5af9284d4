// Parses the `message` events Meta's Embedded Signup popup posts to the page:
// `{type: "WA_EMBEDDED_SIGNUP", event, data, version?}`, as a JSON string or (sometimes) an object.
// Anything else (other SDK traffic, the emulator's private messages, garbage) yields null.

export const FINISH_EVENTS = ['FINISH', 'FINISH_ONLY_WABA', 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING'] as const;
export type FinishEvent = (typeof FINISH_EVENTS)[number];

export type SignupMessage =
  | { kind: 'finish'; event: FinishEvent; phoneNumberId?: string; wabaId?: string; businessId?: string }
  /** Abandoned (`currentStep`) or a user-reported error (`errorMessage`, `errorCode`, `sessionId`). */
  | {
      kind: 'cancel';
      event: 'CANCEL';
      currentStep?: string;
      errorMessage?: string;
      errorCode?: string;
      sessionId?: string;
    }
  | { kind: 'error'; event: 'ERROR'; errorMessage?: string; errorCode?: string };

const MAX_LEN = 500;

/** Ids arrive as strings, occasionally as numbers; anything else is dropped. */
function str(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.length > 0) return v.slice(0, MAX_LEN);
  return undefined;
}

function asObject(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function parseSignupMessage(raw: unknown): SignupMessage | null {
  let value = raw;
  if (typeof raw === 'string') {
    if (!raw.includes('WA_EMBEDDED_SIGNUP')) return null; // cheap filter for the SDK's own chatter
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const msg = asObject(value);
  if (!msg || msg.type !== 'WA_EMBEDDED_SIGNUP') return null;
  const data = asObject(msg.data) ?? {};
  const event = msg.event;
  if ((FINISH_EVENTS as readonly unknown[]).includes(event)) {
    return {
      kind: 'finish',
      event: event as FinishEvent,
      phoneNumberId: str(data.phone_number_id),
      wabaId: str(data.waba_id),
      businessId: str(data.business_id),
    };
  }
  if (event === 'CANCEL') {
    return {
      kind: 'cancel',
      event,
      currentStep: str(data.current_step),
      errorMessage: str(data.error_message),
      errorCode: str(data.error_code) ?? str(data.error_id),
      sessionId: str(data.session_id),
    };
  }
  if (event === 'ERROR') {
    return {
      kind: 'error',
      event,
      errorMessage: str(data.error_message),
      errorCode: str(data.error_code) ?? str(data.error_id),
    };
  }
  return null;
}
