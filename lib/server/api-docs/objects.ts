import 'server-only';
import { agentOutput, agentSchema, agentUpdateSchema, embeddedAgentOutput } from '../agents/schema';
import { customerOutput, customerSchema, customerUpdateSchema } from '../customers/schema';
import { linkEventOutput } from '../link-events/schema';
import { provisionedNumberOutput } from '../provisioning/schema';
import {
  sandboxMessageOutput,
  sandboxMessageSchema,
  sandboxSessionOutput,
  sandboxSessionSchema,
} from '../sandbox-sessions/schema';
import { setupLinkCreateSchema, setupLinkOutput, setupLinkUpdateSchema } from '../setup-links/schema';
import { twilioCredentialsOutput, twilioCredentialsSchema } from '../twilio-credentials';
import {
  webhookDeliveryOutput,
  webhookEndpointOutput,
  webhookEndpointSchema,
  webhookEndpointUpdateSchema,
} from '../webhooks/schema';
import { whatsappConfigOutput, whatsappConfigSchema, whatsappConfigUpdateSchema } from '../whatsapp-configs/schema';
import { errorEnvelope, pageMeta } from './envelope';
import { projectOutput, projectUpdateSchema } from '../projects/api';

// The named schemas of the document (components.schemas), each the very zod schema the code
// parses requests with or types its answers against (lib/server/*/schema.ts): the document is
// generated from them, so it cannot describe fields the API does not have.

/** What the API answers: one schema per API object. */
export const API_OBJECTS = {
  Customer: customerOutput,
  SetupLink: setupLinkOutput,
  ProvisionedPhoneNumber: provisionedNumberOutput,
  WhatsappConfig: whatsappConfigOutput,
  Webhook: webhookEndpointOutput,
  WebhookDelivery: webhookDeliveryOutput,
  LinkEvent: linkEventOutput,
  Agent: agentOutput,
  EmbeddedAgent: embeddedAgentOutput,
  SandboxSession: sandboxSessionOutput,
  SandboxMessage: sandboxMessageOutput,
  TwilioCredentials: twilioCredentialsOutput,
  Project: projectOutput,
  Error: errorEnvelope,
  PageMeta: pageMeta,
};

/** What partners write: the request bodies' inner objects (inlined in each operation: zod-openapi renders
 * named schemas for answers too, and these transform their input). */
export const API_INPUTS = {
  CustomerCreate: customerSchema,
  CustomerUpdate: customerUpdateSchema,
  SetupLinkCreate: setupLinkCreateSchema,
  SetupLinkUpdate: setupLinkUpdateSchema,
  WhatsappConfigCreate: whatsappConfigSchema,
  WhatsappConfigUpdate: whatsappConfigUpdateSchema,
  WebhookCreate: webhookEndpointSchema,
  WebhookUpdate: webhookEndpointUpdateSchema,
  AgentCreate: agentSchema,
  AgentUpdate: agentUpdateSchema,
  SandboxSessionCreate: sandboxSessionSchema,
  SandboxMessageCreate: sandboxMessageSchema,
  TwilioCredentialsInput: twilioCredentialsSchema,
  ProjectUpdate: projectUpdateSchema,
};
