import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseBody } from '@/lib/server/http/body';
import { projectTwilioCredentials, setProjectTwilioCredentials } from '@/lib/server/projects';
import { toApiTwilioCredentials, toTwilioCredentials, twilioCredentialsSchema } from '@/lib/server/twilio-credentials';

// The authenticated project's own Twilio account (provisioning numbers outside the US). The auth
// token is write-only: answers carry the SID and `configured`, never the token.

export const GET = apiRoute(async ({ scope }) => ({
  data: toApiTwilioCredentials(await projectTwilioCredentials(scope)),
}));

// Sets or replaces both at once.
export const PUT = apiRoute(async ({ scope, json }) => {
  const credentials = toTwilioCredentials(parseBody(json, 'twilio_credentials', twilioCredentialsSchema));
  await setProjectTwilioCredentials(scope, { credentials });
  return { data: toApiTwilioCredentials(credentials) };
});

// Clears them (also when none were set): 204.
export const DELETE = apiRoute(async ({ scope }) => {
  await setProjectTwilioCredentials(scope, { credentials: null });
  return { status: 204, data: null };
});

const notAllowed = methodNotAllowed(['GET', 'PUT', 'DELETE']);
export const POST = notAllowed;
export const PATCH = notAllowed;
