import 'server-only';
import { agentListQuerySchema } from '../../agents/schema';
import { sandboxSessionListQuerySchema } from '../../sandbox-sessions/schema';
import { API_INPUTS as IN, API_OBJECTS as OUT } from '../objects';
import { one, page } from '../examples/answers';
import * as ex from '../examples/objects';
import * as req from '../examples/requests';
import type { OperationSpec } from '../operation';

const agents = 'Agents';
const sandbox = 'Sandbox sessions';
const agent = { object: OUT.Agent };
const session = { object: OUT.SandboxSession };

export const AGENT_OPERATIONS: OperationSpec[] = [
  {
    method: 'post',
    path: '/agents',
    tag: agents,
    operationId: 'createAgent',
    summary: 'Create an agent',
    description: 'A named destination inside the project that receives sandbox messages.',
    body: { wrapper: 'agent', schema: IN.AgentCreate, required: true, examples: req.AGENT_CREATE },
    response: { status: 201, description: 'The new agent.', ...agent, examples: one('Created', ex.agent) },
  },
  {
    method: 'get',
    path: '/agents',
    tag: agents,
    operationId: 'listAgents',
    summary: 'List agents',
    list: { filters: agentListQuerySchema },
    response: { status: 200, description: 'A page of agents.', ...agent, examples: page('A page', ex.agent) },
  },
  {
    method: 'get',
    path: '/agents/{id}',
    tag: agents,
    operationId: 'getAgent',
    summary: 'Get an agent',
    response: { status: 200, description: 'The agent.', ...agent, examples: one('An agent', ex.agent) },
  },
  {
    method: 'patch',
    path: '/agents/{id}',
    tag: agents,
    operationId: 'updateAgent',
    summary: 'Update an agent',
    body: { wrapper: 'agent', schema: IN.AgentUpdate, required: false },
    response: { status: 200, description: 'The updated agent.', ...agent, examples: one('Updated', ex.agent) },
  },
  {
    method: 'delete',
    path: '/agents/{id}',
    tag: agents,
    operationId: 'deleteAgent',
    summary: 'Delete an agent',
    description: 'Removes the agent with its sandbox sessions.',
    response: { status: 204, description: 'Deleted.' },
  },
];

export const SANDBOX_OPERATIONS: OperationSpec[] = [
  {
    method: 'post',
    path: '/sandbox_sessions',
    tag: sandbox,
    operationId: 'createSandboxSession',
    summary: 'Create a sandbox session',
    description:
      "Authorises a tester's phone on the shared sandbox number for 24 hours once it sends the activation code; " +
      "replaces the project's live session for the same phone. An unknown `agent_id` is a 404 naming `agent_id`.",
    body: {
      wrapper: 'whatsapp_sandbox_session',
      schema: IN.SandboxSessionCreate,
      required: true,
      examples: req.SANDBOX_SESSION_CREATE,
    },
    response: {
      status: 201,
      description: 'The new session.',
      ...session,
      examples: one('Created', ex.sandboxSession, 'Seed 003'),
    },
    errors: ['resource_not_found', 'sandbox_unavailable'],
  },
  {
    method: 'get',
    path: '/sandbox_sessions',
    tag: sandbox,
    operationId: 'listSandboxSessions',
    summary: 'List sandbox sessions',
    list: { filters: sandboxSessionListQuerySchema },
    response: {
      status: 200,
      description: 'A page of sessions.',
      ...session,
      examples: page('A page', ex.sandboxSession),
    },
  },
  {
    method: 'get',
    path: '/sandbox_sessions/{id}',
    tag: sandbox,
    operationId: 'getSandboxSession',
    summary: 'Get a sandbox session',
    response: { status: 200, description: 'The session.', ...session, examples: one('A session', ex.sandboxSession) },
  },
  {
    method: 'delete',
    path: '/sandbox_sessions/{id}',
    tag: sandbox,
    operationId: 'endSandboxSession',
    summary: 'End a sandbox session',
    description: 'Not a removal: 200 with the ended session; 409 once it has ended or expired.',
    response: {
      status: 200,
      description: 'The ended session.',
      ...session,
      examples: one('Ended', { ...ex.sandboxSession, status: 'ended' }),
    },
    errors: ['sandbox_session_already_ended'],
  },
  {
    method: 'post',
    path: '/sandbox_sessions/{id}/messages',
    tag: sandbox,
    operationId: 'sendSandboxMessage',
    summary: 'Reply from the sandbox number',
    description: "Sends a text from the sandbox number to the session's phone (active sessions only).",
    body: { wrapper: 'message', schema: IN.SandboxMessageCreate, required: true, examples: req.SANDBOX_MESSAGE_CREATE },
    response: {
      status: 201,
      description: 'The sent message.',
      object: OUT.SandboxMessage,
      examples: one('Sent', ex.sandboxMessage),
    },
    errors: ['sandbox_session_not_active', 'sandbox_send_failed', 'sandbox_unavailable'],
  },
];
