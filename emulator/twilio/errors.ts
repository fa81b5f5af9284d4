// Twilio's REST error shape: {code, message, more_info, status}, with the codes the endpoints
// we emulate really answer (https://www.twilio.com/docs/api/errors/{code}).

export interface ApiReply {
  status: number;
  /** null: no body (204). */
  body: unknown;
  headers?: Record<string, string>;
}

export function twilioError(status: number, code: number, message: string, extra: Record<string, unknown> = {}) {
  return {
    status,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status, ...extra },
  } satisfies ApiReply;
}

export const notFound = (path: string) => twilioError(404, 20404, `The requested resource ${path} was not found`);

/** Wrong or missing credentials, or a path naming another account than the one authenticated. */
export const authError = () =>
  twilioError(401, 20003, 'Authenticate', { detail: 'Your AccountSid or AuthToken was incorrect.' });

export const methodNotAllowed = () => twilioError(405, 20004, 'Method not allowed');

export const notAvailable = (phoneNumber: string) =>
  twilioError(400, 21422, `PhoneNumber ${phoneNumber} is not available.`);
