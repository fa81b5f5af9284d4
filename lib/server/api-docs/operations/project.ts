import 'server-only';
import { API_INPUTS as IN, API_OBJECTS as OUT } from '../objects';
import { one } from '../examples/answers';
import * as ex from '../examples/objects';
import * as req from '../examples/requests';
import type { OperationSpec } from '../operation';

const tag = 'Project';
const twilio = { object: OUT.TwilioCredentials };

export const PROJECT_OPERATIONS: OperationSpec[] = [
  {
    method: 'get',
    path: '/project',
    tag,
    operationId: 'getProject',
    summary: 'Get your project',
    description: 'The project of the API key, with its default theme.',
    response: {
      status: 200,
      description: 'The project.',
      object: OUT.Project,
      examples: one('The project', ex.project),
    },
  },
  {
    method: 'patch',
    path: '/project',
    tag,
    operationId: 'updateProject',
    summary: "Set your project's default theme",
    description:
      "`theme_config` is copied into links created afterwards, under the link's own colours (key by key); " +
      'existing links keep theirs. `null` or `{}` clears it.',
    body: { wrapper: 'project', schema: IN.ProjectUpdate, required: true, examples: req.PROJECT_UPDATE },
    response: {
      status: 200,
      description: 'The updated project.',
      object: OUT.Project,
      examples: one('Updated', ex.project),
    },
  },
  {
    method: 'get',
    path: '/project/twilio_credentials',
    tag,
    operationId: 'getTwilioCredentials',
    summary: "Your project's Twilio account",
    description: 'The SID and whether credentials are set; never the token.',
    response: { status: 200, description: 'The credentials.', ...twilio, examples: one('Set', ex.twilioCredentials) },
  },
  {
    method: 'put',
    path: '/project/twilio_credentials',
    tag,
    operationId: 'setTwilioCredentials',
    summary: "Set your project's Twilio account",
    description:
      'Needed to provision numbers outside the US. Sets or replaces both; the auth token is write-only (stored ' +
      'encrypted, not checked with Twilio until a number is bought).',
    body: {
      wrapper: 'twilio_credentials',
      schema: IN.TwilioCredentialsInput,
      required: true,
      examples: req.TWILIO_CREDENTIALS_PUT,
    },
    response: { status: 200, description: 'The credentials.', ...twilio, examples: one('Set', ex.twilioCredentials) },
  },
  {
    method: 'delete',
    path: '/project/twilio_credentials',
    tag,
    operationId: 'deleteTwilioCredentials',
    summary: "Clear your project's Twilio account",
    response: { status: 204, description: 'Cleared (also when none were set).' },
  },
];
