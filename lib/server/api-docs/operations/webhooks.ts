import 'server-only';
import { deliveryListQuerySchema, webhookEndpointListQuerySchema } from '../../webhooks/schema';
import { API_INPUTS as IN, API_OBJECTS as OUT } from '../objects';
import { one, page } from '../examples/answers';
import * as ex from '../examples/objects';
import * as req from '../examples/requests';
import type { OperationSpec } from '../operation';

const tag = 'Webhooks';
const endpoint = { object: OUT.Webhook };
const delivery = { object: OUT.WebhookDelivery };

export const WEBHOOK_OPERATIONS: OperationSpec[] = [
  {
    method: 'post',
    path: '/webhooks',
    tag,
    operationId: 'createWebhook',
    summary: 'Register a webhook endpoint',
    description:
      '`events` is `["*"]` or a list of event types. The signing `secret` is in this answer only. The URL must be ' +
      'https and its host may not resolve to a private, loopback, link-local or metadata address.',
    body: { wrapper: 'webhook', schema: IN.WebhookCreate, required: true, examples: req.WEBHOOK_CREATE },
    response: {
      status: 201,
      description: 'The new endpoint, with its secret.',
      ...endpoint,
      examples: one('Created', ex.webhookWithSecret),
    },
    errors: ['invalid_url', 'unknown_event_type', 'webhook_url_not_allowed'],
  },
  {
    method: 'get',
    path: '/webhooks',
    tag,
    operationId: 'listWebhooks',
    summary: 'List webhook endpoints',
    list: { filters: webhookEndpointListQuerySchema },
    response: { status: 200, description: 'A page of endpoints.', ...endpoint, examples: page('A page', ex.webhook) },
  },
  {
    method: 'get',
    path: '/webhooks/{id}',
    tag,
    operationId: 'getWebhook',
    summary: 'Get a webhook endpoint',
    response: {
      status: 200,
      description: 'The endpoint (no secret).',
      ...endpoint,
      examples: one('An endpoint', ex.webhook),
    },
  },
  {
    method: 'patch',
    path: '/webhooks/{id}',
    tag,
    operationId: 'updateWebhook',
    summary: 'Update a webhook endpoint',
    body: { wrapper: 'webhook', schema: IN.WebhookUpdate, required: false },
    response: { status: 200, description: 'The updated endpoint.', ...endpoint, examples: one('Updated', ex.webhook) },
    errors: ['invalid_url', 'unknown_event_type', 'webhook_url_not_allowed'],
  },
  {
    method: 'delete',
    path: '/webhooks/{id}',
    tag,
    operationId: 'deleteWebhook',
    summary: 'Delete a webhook endpoint',
    description: 'Removes the endpoint with its delivery log.',
    response: { status: 204, description: 'Deleted.' },
  },
  {
    method: 'post',
    path: '/webhooks/{id}/rotate_secret',
    tag,
    operationId: 'rotateWebhookSecret',
    summary: "Rotate an endpoint's secret",
    description: 'The old secret stops working at once; the new one is in this answer only.',
    response: {
      status: 200,
      description: 'The endpoint with its new secret.',
      ...endpoint,
      examples: one('Rotated', ex.webhookWithSecret),
    },
  },
  {
    method: 'post',
    path: '/webhooks/{id}/test',
    tag,
    operationId: 'testWebhook',
    summary: 'Send a test event',
    description: 'Queues `webhook.test` for this endpoint alone, sends it now and answers the delivery.',
    response: {
      status: 200,
      description: 'The delivery after the attempt.',
      ...delivery,
      examples: one('Sent', ex.delivery),
    },
  },
  {
    method: 'get',
    path: '/webhooks/{id}/deliveries',
    tag,
    operationId: 'listWebhookDeliveries',
    summary: "An endpoint's delivery log",
    list: { filters: deliveryListQuerySchema },
    response: {
      status: 200,
      description: 'A page of deliveries, newest first.',
      ...delivery,
      examples: page('A page', ex.delivery),
    },
  },
  {
    method: 'post',
    path: '/deliveries/{id}/retry',
    tag,
    operationId: 'retryDelivery',
    summary: 'Retry a delivery',
    description: 'A failed or pending delivery is attempted again now.',
    response: {
      status: 200,
      description: 'The delivery after the attempt.',
      ...delivery,
      examples: one('Retried', ex.delivery),
    },
    errors: ['delivery_already_succeeded'],
  },
];
