import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseBody } from '@/lib/server/http/body';
import { listAnswer } from '@/lib/server/http/pagination';
import { parseListQuery } from '@/lib/server/http/query';
import { listAgents } from '@/lib/server/agents/queries';
import { agentListQuerySchema, agentSchema, toApiAgent } from '@/lib/server/agents/schema';
import { createAgent } from '@/lib/server/agents/write';

export const GET = apiRoute(async ({ scope, url }) => {
  const { page } = parseListQuery(url.searchParams, agentListQuerySchema);
  return listAnswer(await listAgents(scope, { page }), toApiAgent);
});

export const POST = apiRoute(async ({ scope, json }) => {
  const input = parseBody(json, 'agent', agentSchema);
  return { status: 201, data: toApiAgent(await createAgent(scope, { input })) };
});

const notAllowed = methodNotAllowed(['GET', 'POST']);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
