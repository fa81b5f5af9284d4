import { z } from 'zod';
import { CONNECTION_TYPES, PAGE_STEPS, type FailureCode } from '@/lib/shared/vocabulary';

// The contract of POST /setup/complete, /setup/progress and /setup/renewal, in one place: the server parses with
// these schemas and the browser code is typed by them (type-only imports: no zod in the bundle).
// Meta's ids are numeric strings; anything else in them is refused before it reaches Graph.

const opt = <T extends z.ZodType>(s: T) => s.nullish().transform((v) => v ?? undefined);
const metaId = z.string().regex(/^\d{1,32}$/, 'must be a numeric Meta id');
const text = (max: number) => z.string().max(max);
// The link the page was rendered for (its public id): the server refuses the call when the
// browser's link cookie names another link (opened in another tab since), 409 link_mismatch.
const setupLinkId = z.string().min(1).max(100);

export const completionBody = z
  .object({
    setup_link_id: setupLinkId,
    attempt_id: z.string().min(1).max(100),
    connection_type: z.enum(CONNECTION_TYPES),
    outcome: z.enum(['finish', 'cancel', 'error']),
    code: opt(z.string().min(1).max(2048)),
    event: opt(text(100)),
    phone_number_id: opt(metaId),
    waba_id: opt(metaId),
    business_id: opt(metaId),
    current_step: opt(text(100)),
    error_message: opt(text(1000)),
    error_code: opt(z.union([text(100), z.number()]).transform(String)),
  })
  .refine((b) => b.outcome !== 'finish' || b.code, {
    path: ['code'],
    message: 'code is required when outcome is finish',
  });

// A step the page reports; the connection type goes with the steps that have one.
export const progressBody = z
  .object({
    setup_link_id: setupLinkId,
    attempt_id: z.string().min(1).max(100),
    step: z.enum(PAGE_STEPS),
    connection_type: opt(z.enum(CONNECTION_TYPES)),
  })
  .refine((b) => b.step === 'opened' || b.connection_type, {
    path: ['connection_type'],
    message: 'connection_type is required with this step',
  })
  .refine((b) => b.step !== 'opened' || !b.connection_type, {
    path: ['connection_type'],
    message: 'connection_type is not taken with the opened step',
  });

/** What the browser sends. */
export type CompletionRequest = z.input<typeof completionBody>;

/** What the page reports as the customer moves through its steps. */
export type ProgressRequest = z.input<typeof progressBody>;

/** What the server answers with 200. */
export type CompletionResponse =
  | { status: 'completed'; redirect_url: string | null; display_phone_number: string }
  | { status: 'failed'; error_code: FailureCode; redirect_url: string | null; next_attempt_id: string | null };

/** What POST /setup/renewal answers with 200: the request reached the partner's webhook outbox. */
export interface RenewalResponse {
  status: 'requested';
}

/**
 * What the state page of a used, expired or revoked link offers: the button (`available`), the
 * confirmation of a request made within the hour (`requested`), or neither when no webhook
 * endpoint would receive the request (`unavailable`: the text says to contact the partner).
 */
export type RenewalOffer = 'available' | 'requested' | 'unavailable';

/** The body of the hosted endpoints that take nothing else (renewal, phone number): the page's link. */
export const linkBody = z.strictObject({ setup_link_id: setupLinkId });

/** POST /setup/phone-number: the provisioning link's number, or `pending` while another request buys it. */
export type PhoneNumberResponse =
  { status: 'ready'; phone_number: string; display_number: string; country_iso: string | null } | { status: 'pending' };

/** POST /setup/phone-number/code: the last verification code that reached the number by SMS. */
export type PhoneCodeResponse = { code: string; received_at: string } | { code: null; received_at: null };
