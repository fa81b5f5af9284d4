import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseBody } from '@/lib/server/http/body';
import { pathId } from '@/lib/server/http/query';
import { sandboxMessageSchema, toApiSandboxMessage } from '@/lib/server/sandbox-sessions/schema';
import { sendSandboxMessage } from '@/lib/server/sandbox-sessions/send';

type Params = Awaited<RouteContext<'/platform/v1/sandbox_sessions/[id]/messages'>['params']>;

// A reply from the sandbox number to the session's phone (active sessions only).
export const POST = apiRoute<Params>(async ({ scope, params, json }) => {
  const sessionId = pathId('sandbox_session', params.id, 'id');
  const { text } = parseBody(json, 'message', sandboxMessageSchema);
  return { status: 201, data: toApiSandboxMessage(await sendSandboxMessage(scope, { sessionId, text })) };
});

const notAllowed = methodNotAllowed(['POST']);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
