import 'server-only';
import { and, eq } from 'drizzle-orm';
import { agents } from '../db/schema';
import { paginate, type Page, type Pagination } from '../db/paginate';
import { NotFoundError } from '../errors';
import type { AgentId } from '../ids';
import type { Scope } from '../scope';
import type { Agent } from './domain';

/**
 * The agent if it belongs to the project, else a 404 naming `param` (`id` on the agent's own
 * routes, the default; `agent_id` where a body names it). `lock` takes FOR SHARE: a writer that
 * links a row to the agent keeps it from being deleted until its transaction ends.
 */
export async function requireAgent(
  { db, projectId }: Scope,
  { agentId, param = 'id', lock = false }: { agentId: AgentId; param?: string; lock?: boolean },
): Promise<Agent> {
  const query = db
    .select()
    .from(agents)
    .where(and(eq(agents.id, agentId), eq(agents.projectId, projectId)));
  const [row] = lock ? await query.for('share') : await query;
  if (!row) throw new NotFoundError('agent', param);
  return row;
}

export async function listAgents({ db, projectId }: Scope, { page }: { page: Pagination }): Promise<Page<Agent>> {
  return paginate(db, { table: agents, where: eq(agents.projectId, projectId), page });
}
