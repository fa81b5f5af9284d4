import 'server-only';
import type { OperationSpec } from '../operation';
import { CUSTOMER_OPERATIONS, SETUP_LINK_OPERATIONS } from './customers';
import { PROJECT_OPERATIONS } from './project';
import { AGENT_OPERATIONS, SANDBOX_OPERATIONS } from './sandbox';
import { WEBHOOK_OPERATIONS } from './webhooks';
import { WHATSAPP_CONFIG_OPERATIONS } from './whatsapp-configs';

/** Every operation of the platform API, in the order the reference page shows them. */
export const OPERATIONS: OperationSpec[] = [
  ...CUSTOMER_OPERATIONS,
  ...SETUP_LINK_OPERATIONS,
  ...WHATSAPP_CONFIG_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
  ...AGENT_OPERATIONS,
  ...SANDBOX_OPERATIONS,
  ...PROJECT_OPERATIONS,
];

export const TAGS = [
  { name: 'Customers', description: 'The businesses you onboard.' },
  { name: 'Setup links', description: 'Hosted onboarding links: one active per customer.' },
  { name: 'WhatsApp configs', description: 'Connected numbers: made by completed links, or by hand.' },
  {
    name: 'Webhooks',
    description: 'Endpoints that receive your events (Standard Webhooks signatures), and their deliveries.',
  },
  { name: 'Agents', description: 'Named destinations for sandbox messages.' },
  { name: 'Sandbox sessions', description: "A tester's phone on the shared sandbox number for 24 hours." },
  { name: 'Project', description: 'Settings of the project your API key belongs to.' },
  { name: 'Reference', description: 'This document.' },
];
