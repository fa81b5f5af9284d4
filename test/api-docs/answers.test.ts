import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { env } from '@/lib/server/env';
import { answerSchema, type OperationSpec } from '@/lib/server/api-docs/operation';
import { OPERATIONS } from '@/lib/server/api-docs/operations';
import { PARSE_OPTIONS } from '@/lib/server/http/errors';
import { receiveSandboxMessage } from '@/lib/server/sandbox-sessions/write';
import { testProject } from '../support/fixtures';
import { startTestMeta } from '../support/onboarding';
import { startReceiver } from '../support/receiver';
import { routeModuleFor } from './route-files';

// Doc and code cannot drift: every documented operation is called through its real route file,
// and its answer must have the documented status and parse with the documented (strict) schema.

let meta: Awaited<ReturnType<typeof startTestMeta>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const graphUrl = env.meta.graphUrl;
beforeAll(async () => {
  await getDb();
  meta = await startTestMeta();
  env.meta.graphUrl = meta.emulator.url; // the sandbox number's replies go to this emulator
  receiver = await startReceiver(() => ({ status: 500 })); // failed deliveries, so one can be retried
});
afterAll(async () => {
  env.meta.graphUrl = graphUrl;
  await meta.emulator.close();
  await receiver.close();
});

const byId = new Map(OPERATIONS.map((op) => [op.operationId, op]));
const called = new Set<string>();

describe('real answers against the OpenAPI document', () => {
  it('every operation answers as documented', async () => {
    const { apiKey } = await testProject();

    async function run(operationId: string, ids: Record<string, string> = {}, body?: unknown): Promise<any> {
      const op = byId.get(operationId) as OperationSpec;
      expect(op, operationId).toBeDefined();
      const mod = await routeModuleFor(op.path);
      const method = op.method.toUpperCase() as 'GET';
      const path = op.path.replace(/\{(\w+)\}/g, (_, p: string) => ids[p]);
      const params = { customerId: ids.customer_id, id: ids.id };
      const req = new Request(`http://localhost:3000/platform/v1${path}`, {
        method,
        headers: { 'X-API-Key': apiKey, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const res = await mod![method]!(req, { params: Promise.resolve(params) });
      const text = await res.text();
      expect({ operationId, status: res.status, text: res.status === op.response.status ? '' : text }).toEqual({
        operationId,
        status: op.response.status,
        text: '',
      });
      called.add(operationId);
      const schema = answerSchema(op);
      if (!schema) return null;
      const parsed = schema.safeParse(JSON.parse(text), PARSE_OPTIONS);
      expect(parsed.error?.issues ?? [], operationId).toEqual([]);
      return JSON.parse(text).data;
    }

    const customer = await run('createCustomer', {}, { customer: { name: 'Docs Co', external_customer_id: 'd-1' } });
    const c = { customer_id: customer.id };
    await run('listCustomers');
    await run('getCustomer', c);
    await run('updateCustomer', c, { customer: { name: 'Docs Company' } });

    const link = await run('createSetupLink', c, byId.get('createSetupLink')!.body!.examples!.full_example.value);
    const l = { ...c, id: link.id };
    await run('listSetupLinks', c);
    await run('getSetupLink', l);
    await run('updateSetupLink', l, { setup_link: { language: 'pt', metadata: { k: 'v' } } });
    await run('listSetupLinkEvents', l);
    await run('revokeSetupLink', l);

    const config = await run('createWhatsappConfig', c, byId.get('createWhatsappConfig')!.body!.examples!.seed.value);
    const w = { ...c, id: config.id };
    await run('listWhatsappConfigs', c);
    await run('getWhatsappConfig', w);
    await run('updateWhatsappConfig', w, { whatsapp_config: { display_phone_number: '+14155550100' } });

    const hook = await run('createWebhook', {}, { webhook: { url: receiver.url, events: ['*'] } });
    const h = { id: hook.id };
    await run('listWebhooks');
    await run('getWebhook', h);
    await run('updateWebhook', h, { webhook: { description: 'CRM' } });
    await run('rotateWebhookSecret', h);
    const delivery = await run('testWebhook', h);
    await run('listWebhookDeliveries', h);
    await run('retryDelivery', { id: delivery.id });

    const agent = await run('createAgent', {}, { agent: { name: 'Support', description: 'Docs' } });
    await run('listAgents');
    await run('getAgent', { id: agent.id });
    await run('updateAgent', { id: agent.id }, { agent: { description: null } });
    const body = { whatsapp_sandbox_session: { phone_number: '+12345678901', agent_id: agent.id } };
    const session = await run('createSandboxSession', {}, body);
    const db = await getDb();
    const message = { id: `wamid.${crypto.randomUUID()}`, from: session.phone_number, type: 'text' as const };
    await receiveSandboxMessage(db, { message: { ...message, text: session.activation_code, sentAt: new Date() } });
    await run('listSandboxSessions');
    await run('getSandboxSession', { id: session.id });
    await run('sendSandboxMessage', { id: session.id }, { message: { text: 'Hi! How can I help?' } });
    await run('endSandboxSession', { id: session.id });

    await run('getProject');
    await run('updateProject', {}, { project: { theme_config: { primary_color: '#10b981' } } });
    await run('getTwilioCredentials');
    await run('setTwilioCredentials', {}, byId.get('setTwilioCredentials')!.body!.examples!.readme.value);
    await run('deleteTwilioCredentials');

    await run('deleteWhatsappConfig', w);
    await run('deleteWebhook', h);
    await run('deleteAgent', { id: agent.id });
    await run('deleteCustomer', c);

    expect(OPERATIONS.map((op) => op.operationId).filter((id) => !called.has(id))).toEqual([]);
  });
});
