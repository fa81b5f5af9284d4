import 'server-only';
import { eq } from 'drizzle-orm';
import { now } from '../clock';
import { agents } from '../db/schema';
import type { AgentId } from '../ids';
import type { Scope } from '../scope';
import type { Agent } from './domain';
import { requireAgent } from './queries';
import type { AgentInput, AgentUpdate } from './schema';

// Every statement that writes `agents`.

export async function createAgent({ db, projectId }: Scope, { input }: { input: AgentInput }): Promise<Agent> {
  const [row] = await db
    .insert(agents)
    .values({ projectId, name: input.name, description: input.description ?? null })
    .returning();
  return row;
}

/** PATCH: changes the given fields (404 `id` for an unknown agent). */
export async function updateAgent(
  scope: Scope,
  { agentId, changes }: { agentId: AgentId; changes: AgentUpdate },
): Promise<Agent> {
  const current = await requireAgent(scope, { agentId });
  const [row] = await scope.db
    .update(agents)
    .set({ name: changes.name, description: changes.description, updatedAt: now() })
    .where(eq(agents.id, current.id))
    .returning();
  return row;
}

/** Deletes the agent; the database cascades to its sandbox sessions (live ones end with it). */
export async function deleteAgent(scope: Scope, { agentId }: { agentId: AgentId }): Promise<void> {
  const current = await requireAgent(scope, { agentId });
  await scope.db.delete(agents).where(eq(agents.id, current.id));
}
