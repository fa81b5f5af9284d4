import 'server-only';
import { z } from 'zod';
import { API_INPUTS as IN, API_OBJECTS as OUT } from '../objects';
import { one, page } from '../examples/answers';
import * as ex from '../examples/objects';
import * as req from '../examples/requests';
import type { OperationSpec } from '../operation';

const tag = 'WhatsApp configs';
const base = '/customers/{customer_id}/whatsapp_configs';
const config = { object: OUT.WhatsappConfig };

export const WHATSAPP_CONFIG_OPERATIONS: OperationSpec[] = [
  {
    method: 'post',
    path: base,
    tag,
    operationId: 'createWhatsappConfig',
    summary: 'Create a WhatsApp config',
    description:
      'Completed setup links make configs; this writes one by hand. `access_token` and `webhook_verify_token` ' +
      'are write-only (stored encrypted; answers say only whether they are set).',
    body: {
      wrapper: 'whatsapp_config',
      schema: IN.WhatsappConfigCreate,
      required: true,
      examples: req.WHATSAPP_CONFIG_CREATE,
    },
    response: {
      status: 201,
      description: 'The new config.',
      ...config,
      examples: one('Created', ex.whatsappConfig, 'Seed 002'),
    },
    errors: ['invalid_url'],
  },
  {
    method: 'get',
    path: base,
    tag,
    operationId: 'listWhatsappConfigs',
    summary: "List a customer's WhatsApp configs",
    list: { filters: z.object({}) },
    response: {
      status: 200,
      description: 'A page of configs.',
      ...config,
      examples: page('A page', ex.whatsappConfig),
    },
  },
  {
    method: 'get',
    path: `${base}/{id}`,
    tag,
    operationId: 'getWhatsappConfig',
    summary: 'Get a WhatsApp config',
    response: { status: 200, description: 'The config.', ...config, examples: one('A config', ex.whatsappConfig) },
  },
  {
    method: 'patch',
    path: `${base}/{id}`,
    tag,
    operationId: 'updateWhatsappConfig',
    summary: 'Update a WhatsApp config',
    body: { wrapper: 'whatsapp_config', schema: IN.WhatsappConfigUpdate, required: false },
    response: {
      status: 200,
      description: 'The updated config.',
      ...config,
      examples: one('Updated', ex.whatsappConfig),
    },
    errors: ['invalid_url'],
  },
  {
    method: 'delete',
    path: `${base}/{id}`,
    tag,
    operationId: 'deleteWhatsappConfig',
    summary: 'Delete a WhatsApp config',
    description: 'Sends `whatsapp.config.deleted`.',
    response: { status: 204, description: 'Deleted.' },
  },
];
