import { call, type Answer } from '../api-client';
import { testProject } from '../fixtures';
import { paths, routes } from '../routes';

// A project with one of everything, made through the API, so that each endpoint's valid ids
// exist: a request of a hostile class then differs from a valid one in that class only.

export interface HostileContext {
  apiKey: string;
  /** Valid path values by parameter: `customerId`, and `id` by the segment before it (`id@webhooks`). */
  ids: Record<string, string>;
  /** The link cookie's value (the token of an active link). */
  linkToken: string;
  /** Resources the API failed to make (their ids are then random, owned by nobody). */
  missing: string[];
}

export async function hostileFixture(): Promise<
  HostileContext & { db: Awaited<ReturnType<typeof testProject>>['db'] }
> {
  const { db, apiKey } = await testProject(`hostile-${crypto.randomUUID()}`);
  const missing: string[] = [];
  const need = (what: string, a: Answer): Record<string, string> => {
    if (a.status < 300) return a.body.data;
    missing.push(`${what}: ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
    return { id: crypto.randomUUID(), url: 'http://localhost:3000/s/none' };
  };
  const api = (
    r: Parameters<typeof call>[0],
    m: Parameters<typeof call>[1],
    p: string,
    o?: Parameters<typeof call>[4],
  ) => call(r, m, p, apiKey, o);
  const customer = need(
    'customer',
    await api(routes.customers, 'POST', paths.customers(), { body: { name: 'Target' } }),
  );
  const customerId = customer.id;
  const link = need(
    'link',
    await api(routes.setupLinks, 'POST', paths.setupLinks(customerId), { params: { customerId }, body: {} }),
  );
  const config = need(
    'config',
    await api(routes.configs, 'POST', paths.configs(customerId), {
      params: { customerId },
      body: { name: 'Config', phone_number_id: '1234567890', business_account_id: '98765432109', access_token: 'EAAx' },
    }),
  );
  const webhook = need(
    'webhook',
    await api(routes.webhooks, 'POST', paths.webhooks(), { body: { url: 'http://127.0.0.1:9/hooks', events: ['*'] } }),
  );
  const delivery = need(
    'delivery',
    await api(routes.webhookTest, 'POST', paths.webhookTest(webhook.id), { params: { id: webhook.id } }),
  );
  const agent = need('agent', await api(routes.agents, 'POST', paths.agents(), { body: { name: 'Agent' } }));
  const session = need(
    'sandbox session',
    await api(routes.sandboxSessions, 'POST', paths.sandboxSessions(), {
      body: { phone_number: '+12345678901', agent_id: agent.id },
    }),
  );
  const linkToken = new URL(link.url).pathname.split('/').pop()!;
  return {
    db,
    apiKey,
    linkToken,
    missing,
    ids: {
      customerId,
      'id@setup_links': link.id,
      'id@whatsapp_configs': config.id,
      'id@webhooks': webhook.id,
      'id@deliveries': delivery.id,
      'id@agents': agent.id,
      'id@sandbox_sessions': session.id,
    },
  };
}

/** The valid value of a template's parameter (`{id}` named by the segment before it). */
export function validParam(ctx: HostileContext, template: string, param: string): string {
  if (param !== 'id') return ctx.ids[param] ?? crypto.randomUUID();
  const before = /\/([^/]+)\/\{id\}/.exec(template)?.[1];
  return ctx.ids[`id@${before}`] ?? crypto.randomUUID();
}
