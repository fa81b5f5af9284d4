import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseBody } from '@/lib/server/http/body';
import { listAnswer } from '@/lib/server/http/pagination';
import { parseListQuery } from '@/lib/server/http/query';
import { listSandboxSessions } from '@/lib/server/sandbox-sessions/queries';
import {
  sandboxSessionListQuerySchema,
  sandboxSessionSchema,
  toApiSandboxSession,
} from '@/lib/server/sandbox-sessions/schema';
import { createSandboxSession } from '@/lib/server/sandbox-sessions/write';

export const GET = apiRoute(async ({ scope, url }) => {
  const { filters, page } = parseListQuery(url.searchParams, sandboxSessionListQuerySchema);
  return listAnswer(await listSandboxSessions(scope, { filters, page }), toApiSandboxSession);
});

// Replaces the project's live session for the same phone (it becomes `ended`).
export const POST = apiRoute(async ({ scope, json }) => {
  const input = parseBody(json, 'whatsapp_sandbox_session', sandboxSessionSchema);
  return { status: 201, data: toApiSandboxSession(await createSandboxSession(scope, { input })) };
});

const notAllowed = methodNotAllowed(['GET', 'POST']);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
