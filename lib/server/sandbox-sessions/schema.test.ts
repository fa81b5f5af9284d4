import { describe, expect, it } from 'vitest';
import { testProject } from '@/test/support/fixtures';
import { createAgent } from '../agents/write';
import {
  sandboxMessageEvent,
  sandboxMessageOutput,
  sandboxSessionOutput,
  toApiSandboxMessage,
  toApiSandboxSession,
} from './schema';
import { createSandboxSession, endSandboxSession } from './write';

describe('sandbox session output schemas', () => {
  it('describe exactly what the serializers return', async () => {
    const { db, project } = await testProject();
    const scope = { db, projectId: project.id };
    const agent = await createAgent(scope, { input: { name: 'Support', description: null } });
    const session = await createSandboxSession(scope, { input: { phone_number: '+12345678901', agent_id: agent.id } });
    const ended = await endSandboxSession(scope, { sessionId: session.id });
    for (const s of [session, ended]) {
      const api = toApiSandboxSession(s);
      expect(sandboxSessionOutput.parse(api)).toEqual(api);
    }
    const message = toApiSandboxMessage({
      id: 'wamid.abc',
      sessionId: session.id,
      to: session.phoneNumber,
      text: 'hi',
      createdAt: new Date(),
    });
    expect(sandboxMessageOutput.parse(message)).toEqual(message);
  });

  it('builds the sandbox.message.received payload from ids, the phone and the message only', async () => {
    const { db, project } = await testProject();
    const scope = { db, projectId: project.id };
    const agent = await createAgent(scope, { input: { name: 'Support', description: 'secret plans' } });
    const session = await createSandboxSession(scope, { input: { phone_number: '+12345678901', agent_id: agent.id } });
    const payload = sandboxMessageEvent(session, {
      id: 'wamid.1',
      from: '+12345678901',
      type: 'text',
      text: 'hello',
      sentAt: new Date('2026-12-02T10:00:00.500Z'),
    });
    expect(payload).toEqual({
      project: { id: project.id },
      sandbox_session: { id: session.id, phone_number: '+12345678901', status: 'pending_activation' },
      agent: { id: agent.id, name: 'Support' },
      message: { id: 'wamid.1', from: '+12345678901', type: 'text', text: 'hello', timestamp: '2026-12-02T10:00:00Z' },
    });
    expect(JSON.stringify(payload)).not.toContain(session.activationCode);
  });
});
