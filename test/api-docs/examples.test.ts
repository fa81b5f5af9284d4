import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/server/api-docs/document';
import { errorEnvelope } from '@/lib/server/api-docs/envelope';
import { answerSchema } from '@/lib/server/api-docs/operation';
import { OPERATIONS } from '@/lib/server/api-docs/operations';
import { parseBody } from '@/lib/server/http/body';
import { ERROR_CATALOGUE } from '@/lib/server/http/error-catalogue';
import { PARSE_OPTIONS } from '@/lib/server/http/errors';
import {
  SEED_001_FULL_EXAMPLE,
  SEED_001_QUICK_START,
  SEED_002_WHATSAPP_CONFIG,
  SEED_003_SANDBOX_SESSION,
} from '../support/seeds';

// The document's examples (from the seed pages) are real: each request body passes the route's
// own parser, each answer parses with the schema the document gives it.

const doc = buildOpenApiDocument() as any;
const byId = new Map(OPERATIONS.map((op) => [op.operationId, op]));

describe('the examples of the OpenAPI document', () => {
  const withBodies = OPERATIONS.filter((op) => op.body?.examples);
  it.each(withBodies.map((op) => [op.operationId, op] as const))('%s: its request examples parse', (_, op) => {
    const body = op.body!;
    for (const [name, example] of Object.entries(body.examples!)) {
      expect(() => parseBody(example.value, body.wrapper, body.schema), `${op.operationId} ${name}`).not.toThrow();
      // The document carries them as they are.
      const content = doc.paths[op.path][op.method].requestBody.content['application/json'];
      expect(content.examples[name].value).toEqual(example.value);
    }
  });

  it("carries the seed pages' request bodies verbatim", () => {
    const example = (id: string, name: string) => byId.get(id)!.body!.examples![name].value;
    expect(example('createSetupLink', 'quick_start')).toEqual(JSON.parse(SEED_001_QUICK_START));
    expect(example('createSetupLink', 'full_example')).toEqual(SEED_001_FULL_EXAMPLE);
    expect(example('createWhatsappConfig', 'seed')).toEqual(JSON.parse(SEED_002_WHATSAPP_CONFIG));
    expect(example('createSandboxSession', 'seed')).toEqual(JSON.parse(SEED_003_SANDBOX_SESSION));
  });

  it('has an answer example for every operation with a body, and each one parses with its schema', () => {
    for (const op of OPERATIONS) {
      const schema = answerSchema(op);
      if (!schema) {
        expect(op.response.status, op.operationId).toBe(204);
        continue;
      }
      const examples = Object.entries(op.response.examples ?? {});
      expect(examples.length, op.operationId).toBeGreaterThan(0);
      for (const [name, example] of examples) {
        const parsed = schema.safeParse(example.value, PARSE_OPTIONS);
        expect(parsed.error?.issues ?? [], `${op.operationId} ${name}`).toEqual([]);
        const content = doc.paths[op.path][op.method].responses[op.response.status].content['application/json'];
        expect(content.examples[name].value).toEqual(example.value);
      }
    }
  });

  it('has an error example for every API error code, in the envelope, with its type', () => {
    const examples = doc.components.examples as Record<string, { value: unknown }>;
    const catalogue = ERROR_CATALOGUE as Record<string, { type: string; hosted?: true }>;
    const apiCodes = Object.keys(catalogue).filter((c) => !catalogue[c].hosted);
    expect(Object.keys(examples).sort()).toEqual(apiCodes.sort());
    for (const [code, { value }] of Object.entries(examples)) {
      const parsed = errorEnvelope.parse(value);
      expect(parsed.error).toMatchObject({ code, type: catalogue[code].type });
    }
  });
});
