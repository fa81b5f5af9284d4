import { describe, expect, it } from 'vitest';
import { testProject } from '@/test/support/fixtures';
import { agentOutput, embeddedAgentOutput, toApiAgent, toApiEmbeddedAgent } from './schema';
import { createAgent } from './write';

describe('agentOutput', () => {
  it('describes exactly what toApiAgent and toApiEmbeddedAgent return', async () => {
    const { db, project } = await testProject();
    const scope = { db, projectId: project.id };
    for (const input of [{ name: 'Support', description: 'First line' }, { name: 'No Description' }]) {
      const agent = await createAgent(scope, { input });
      const api = toApiAgent(agent);
      expect(agentOutput.parse(api)).toEqual(api);
      const embedded = toApiEmbeddedAgent(agent);
      expect(embeddedAgentOutput.parse(embedded)).toEqual(embedded);
      expect(Object.keys(embedded).sort()).toEqual(
        ['created_at', 'description', 'id', 'name', 'project_id', 'updated_at'].sort(),
      );
    }
  });
});
