import 'server-only';
import { customerListQuerySchema } from '../../customers/schema';
import { linkEventListQuerySchema } from '../../link-events/schema';
import { setupLinkListQuerySchema } from '../../setup-links/schema';
import { API_INPUTS as IN, API_OBJECTS as OUT } from '../objects';
import { one, page } from '../examples/answers';
import * as ex from '../examples/objects';
import * as req from '../examples/requests';
import type { OperationSpec } from '../operation';

const tag = 'Customers';

export const CUSTOMER_OPERATIONS: OperationSpec[] = [
  {
    method: 'post',
    path: '/customers',
    tag,
    operationId: 'createCustomer',
    summary: 'Create a customer',
    body: { wrapper: 'customer', schema: IN.CustomerCreate, required: true, examples: req.CUSTOMER_CREATE },
    response: {
      status: 201,
      description: 'The new customer.',
      object: OUT.Customer,
      examples: one('Created', ex.customer),
    },
    errors: ['external_customer_id_taken'],
  },
  {
    method: 'get',
    path: '/customers',
    tag,
    operationId: 'listCustomers',
    summary: 'List customers',
    description: '`q` searches names; `external_customer_id` filters exactly. Newest first.',
    list: { filters: customerListQuerySchema },
    response: {
      status: 200,
      description: 'A page of customers.',
      object: OUT.Customer,
      examples: page('A page', ex.customer),
    },
  },
  {
    method: 'get',
    path: '/customers/{customer_id}',
    tag,
    operationId: 'getCustomer',
    summary: 'Get a customer',
    response: {
      status: 200,
      description: 'The customer.',
      object: OUT.Customer,
      examples: one('A customer', ex.customer),
    },
  },
  {
    method: 'patch',
    path: '/customers/{customer_id}',
    tag,
    operationId: 'updateCustomer',
    summary: 'Update a customer',
    body: { wrapper: 'customer', schema: IN.CustomerUpdate, required: false },
    response: {
      status: 200,
      description: 'The updated customer.',
      object: OUT.Customer,
      examples: one('Updated', ex.customer),
    },
    errors: ['external_customer_id_taken'],
  },
  {
    method: 'delete',
    path: '/customers/{customer_id}',
    tag,
    operationId: 'deleteCustomer',
    summary: 'Delete a customer',
    description: 'Removes the customer with its setup links and WhatsApp configs.',
    response: { status: 204, description: 'Deleted.' },
  },
];

const links = 'Setup links';

export const SETUP_LINK_OPERATIONS: OperationSpec[] = [
  {
    method: 'post',
    path: '/customers/{customer_id}/setup_links',
    tag: links,
    operationId: 'createSetupLink',
    summary: 'Create a setup link',
    description:
      "Creating a link revokes the customer's previous active link. `expires_at` defaults to 30 days ahead " +
      '(or `expires_in_hours`, 1 to 720); `allowed_connection_types` defaults to both; `language` null detects ' +
      "the browser's. The answer's `url` is what you send your customer.",
    body: { wrapper: 'setup_link', schema: IN.SetupLinkCreate, required: false, examples: req.SETUP_LINK_CREATE },
    response: {
      status: 201,
      description: 'The new link.',
      object: OUT.SetupLink,
      examples: one('Created', ex.setupLink),
    },
    errors: [
      'invalid_url',
      'parameter_conflict',
      'provisioning_country_not_supported',
      'reconnect_number_not_found',
      'reconnect_connection_type_mismatch',
    ],
  },
  {
    method: 'get',
    path: '/customers/{customer_id}/setup_links',
    tag: links,
    operationId: 'listSetupLinks',
    summary: 'List setup links',
    description: '`created_after` and `created_before` are exclusive RFC 3339 timestamps. Newest first.',
    list: { filters: setupLinkListQuerySchema },
    response: {
      status: 200,
      description: 'A page of links.',
      object: OUT.SetupLink,
      examples: page('A page', ex.setupLink, 'Seed 000'),
    },
  },
  {
    method: 'get',
    path: '/customers/{customer_id}/setup_links/{id}',
    tag: links,
    operationId: 'getSetupLink',
    summary: 'Get a setup link',
    response: { status: 200, description: 'The link.', object: OUT.SetupLink, examples: one('A link', ex.setupLink) },
  },
  {
    method: 'patch',
    path: '/customers/{customer_id}/setup_links/{id}',
    tag: links,
    operationId: 'updateSetupLink',
    summary: 'Update a setup link',
    description: 'Only while the link is active. `status` can only be set to `revoked`.',
    body: { wrapper: 'setup_link', schema: IN.SetupLinkUpdate, required: false, examples: req.SETUP_LINK_UPDATE },
    response: {
      status: 200,
      description: 'The updated link.',
      object: OUT.SetupLink,
      examples: one('Updated', ex.setupLink),
    },
    errors: ['setup_link_not_active', 'invalid_url'],
  },
  {
    method: 'delete',
    path: '/customers/{customer_id}/setup_links/{id}',
    tag: links,
    operationId: 'revokeSetupLink',
    summary: 'Revoke a setup link',
    description: 'Revoking is not a removal: 200 with the revoked link; a link no longer active is a 409.',
    response: {
      status: 200,
      description: 'The revoked link.',
      object: OUT.SetupLink,
      examples: one('Revoked', ex.revokedLink, 'Seed 004'),
    },
    errors: ['setup_link_not_active'],
  },
  {
    method: 'get',
    path: '/customers/{customer_id}/setup_links/{id}/events',
    tag: links,
    operationId: 'listSetupLinkEvents',
    summary: "A setup link's timeline",
    description: "Oldest first, with each event's delivery per webhook endpoint. `data` is the webhook's `data`.",
    list: { filters: linkEventListQuerySchema },
    response: {
      status: 200,
      description: 'A page of events.',
      object: OUT.LinkEvent,
      examples: page('A page', ex.linkEvent),
    },
  },
];
