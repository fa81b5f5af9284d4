import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { pathId } from '@/lib/server/http/query';
import { requireSandboxSession } from '@/lib/server/sandbox-sessions/queries';
import { toApiSandboxSession } from '@/lib/server/sandbox-sessions/schema';
import { endSandboxSession } from '@/lib/server/sandbox-sessions/write';

type Params = Awaited<RouteContext<'/platform/v1/sandbox_sessions/[id]'>['params']>;

const sessionId = (params: Params) => pathId('sandbox_session', params.id, 'id');

export const GET = apiRoute<Params>(async ({ scope, params }) => ({
  data: toApiSandboxSession(await requireSandboxSession(scope, { sessionId: sessionId(params) })),
}));

// Ends the session (not a removal: 200 with the ended session; 409 once it has ended or expired).
export const DELETE = apiRoute<Params>(async ({ scope, params }) => ({
  data: toApiSandboxSession(await endSandboxSession(scope, { sessionId: sessionId(params) })),
}));

const notAllowed = methodNotAllowed(['GET', 'DELETE']);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
