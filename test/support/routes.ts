// Every platform route module, by the path it serves, for tests that call handlers directly.
import * as customers from '@/app/platform/v1/customers/route';
import * as customer from '@/app/platform/v1/customers/[customerId]/route';
import * as setupLinks from '@/app/platform/v1/customers/[customerId]/setup_links/route';
import * as setupLink from '@/app/platform/v1/customers/[customerId]/setup_links/[id]/route';
import * as linkEvents from '@/app/platform/v1/customers/[customerId]/setup_links/[id]/events/route';
import * as configs from '@/app/platform/v1/customers/[customerId]/whatsapp_configs/route';
import * as config from '@/app/platform/v1/customers/[customerId]/whatsapp_configs/[id]/route';
import * as webhooks from '@/app/platform/v1/webhooks/route';
import * as webhook from '@/app/platform/v1/webhooks/[id]/route';
import * as rotateSecret from '@/app/platform/v1/webhooks/[id]/rotate_secret/route';
import * as webhookTest from '@/app/platform/v1/webhooks/[id]/test/route';
import * as deliveries from '@/app/platform/v1/webhooks/[id]/deliveries/route';
import * as retryDelivery from '@/app/platform/v1/deliveries/[id]/retry/route';
import * as twilioCredentials from '@/app/platform/v1/project/twilio_credentials/route';
import * as agents from '@/app/platform/v1/agents/route';
import * as agent from '@/app/platform/v1/agents/[id]/route';
import * as sandboxSessions from '@/app/platform/v1/sandbox_sessions/route';
import * as sandboxSession from '@/app/platform/v1/sandbox_sessions/[id]/route';
import * as sandboxMessages from '@/app/platform/v1/sandbox_sessions/[id]/messages/route';
import * as unknown from '@/app/platform/v1/[...path]/route';

export const routes = {
  customers,
  customer,
  setupLinks,
  setupLink,
  linkEvents,
  configs,
  config,
  webhooks,
  webhook,
  rotateSecret,
  webhookTest,
  deliveries,
  retryDelivery,
  twilioCredentials,
  agents,
  agent,
  sandboxSessions,
  sandboxSession,
  sandboxMessages,
  unknown,
};

export const paths = {
  customers: () => '/customers',
  customer: (customerId: string) => `/customers/${customerId}`,
  setupLinks: (customerId: string) => `/customers/${customerId}/setup_links`,
  setupLink: (customerId: string, id: string) => `/customers/${customerId}/setup_links/${id}`,
  linkEvents: (customerId: string, id: string) => `/customers/${customerId}/setup_links/${id}/events`,
  configs: (customerId: string) => `/customers/${customerId}/whatsapp_configs`,
  config: (customerId: string, id: string) => `/customers/${customerId}/whatsapp_configs/${id}`,
  webhooks: () => '/webhooks',
  webhook: (id: string) => `/webhooks/${id}`,
  rotateSecret: (id: string) => `/webhooks/${id}/rotate_secret`,
  webhookTest: (id: string) => `/webhooks/${id}/test`,
  deliveries: (id: string) => `/webhooks/${id}/deliveries`,
  retryDelivery: (id: string) => `/deliveries/${id}/retry`,
  agents: () => '/agents',
  agent: (id: string) => `/agents/${id}`,
  sandboxSessions: () => '/sandbox_sessions',
  sandboxSession: (id: string) => `/sandbox_sessions/${id}`,
  sandboxMessages: (id: string) => `/sandbox_sessions/${id}/messages`,
  twilioCredentials: () => '/project/twilio_credentials',
};
