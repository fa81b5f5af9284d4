import { z } from 'zod';
import { apiTime, apiTimestamp } from '@/lib/shared/time';
import type { Agent } from './domain';

// The agent API: what partners write (input schemas), what they read (the output schema, and the
// serializer the route files answer with, typed against it).

/** Optional text: trimmed, and an empty one is no description (null). */
const description = z
  .string()
  .trim()
  .max(1000)
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

/** An agent as partners write it (POST creates, PATCH takes any subset). */
export const agentSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description,
});
export const agentUpdateSchema = agentSchema.partial();

export const agentListQuerySchema = z.object({});

/** An agent inside another object (a sandbox session, seed 003): the agent's fields without `object`. */
export const embeddedAgentOutput = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  project_id: z.uuid(),
  created_at: apiTimestamp,
  updated_at: apiTimestamp,
});

/** An agent as the API returns it. */
export const agentOutput = z.strictObject({
  id: z.uuid(),
  object: z.literal('agent'),
  name: z.string(),
  description: z.string().nullable(),
  project_id: z.uuid(),
  created_at: apiTimestamp,
  updated_at: apiTimestamp,
});

export type AgentInput = z.output<typeof agentSchema>;
export type AgentUpdate = z.output<typeof agentUpdateSchema>;
export type ApiAgent = z.input<typeof agentOutput>;
export type ApiEmbeddedAgent = z.input<typeof embeddedAgentOutput>;

/** The agent as a sandbox session shows it. */
export function toApiEmbeddedAgent(agent: Agent): ApiEmbeddedAgent {
  return {
    id: agent.id,
    name: agent.name,
    description: agent.description,
    project_id: agent.projectId,
    created_at: apiTime(agent.createdAt),
    updated_at: apiTime(agent.updatedAt),
  };
}

/** The API object of an agent. */
export function toApiAgent(agent: Agent): ApiAgent {
  const { id, ...rest } = toApiEmbeddedAgent(agent);
  return { id, object: 'agent', ...rest };
}
