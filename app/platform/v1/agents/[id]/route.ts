import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseBody } from '@/lib/server/http/body';
import { pathId } from '@/lib/server/http/query';
import { requireAgent } from '@/lib/server/agents/queries';
import { agentUpdateSchema, toApiAgent } from '@/lib/server/agents/schema';
import { deleteAgent, updateAgent } from '@/lib/server/agents/write';

type Params = Awaited<RouteContext<'/platform/v1/agents/[id]'>['params']>;

const agentId = (params: Params) => pathId('agent', params.id, 'id');

export const GET = apiRoute<Params>(async ({ scope, params }) => ({
  data: toApiAgent(await requireAgent(scope, { agentId: agentId(params) })),
}));

export const PATCH = apiRoute<Params>(async ({ scope, params, json }) => {
  const changes = parseBody(json, 'agent', agentUpdateSchema);
  return { data: toApiAgent(await updateAgent(scope, { agentId: agentId(params), changes })) };
});

// Removes the agent with its sandbox sessions.
export const DELETE = apiRoute<Params>(async ({ scope, params }) => {
  await deleteAgent(scope, { agentId: agentId(params) });
  return { status: 204, data: null };
});

const notAllowed = methodNotAllowed(['GET', 'PATCH', 'DELETE']);
export const POST = notAllowed;
export const PUT = notAllowed;
