import { z } from 'zod';
import { CONNECTION_TYPES, type FailureCode } from '@/lib/shared/vocabulary';

// The contract of POST /setup/complete and /setup/progress, in one place: the server parses with
// these schemas and the browser code is typed by them (type-only imports: no zod in the bundle).
// Meta's ids are numeric strings; anything else in them is refused before it reaches Graph.

const opt = <T extends z.ZodType>(s: T) => s.nullish().transform((v) => v ?? undefined);
const metaId = z.string().regex(/^\d{1,32}$/, 'must be a numeric Meta id');
const text = (max: number) => z.string().max(max);

export const completionBody = z
  .object({
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

export const progressBody = z.object({
  attempt_id: z.string().min(1).max(100),
  step: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be a short step name'),
});

/** What the browser sends. */
export type CompletionRequest = z.input<typeof completionBody>;

/** What the server answers with 200. */
export type CompletionResponse =
  | { status: 'completed'; redirect_url: string | null; display_phone_number: string }
  | { status: 'failed'; error_code: FailureCode; redirect_url: string | null; next_attempt_id: string | null };
