import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { ERROR_CATALOGUE, type ErrorCode } from './error-catalogue';
import { withErrorCodeTable } from './error-catalogue-doc';

const DOC = path.resolve(import.meta.dirname, '../../../docs/ERROR_CODES.md');

describe('the error catalogue', () => {
  it('is what docs/ERROR_CODES.md lists (run `npm run docs:errors` after changing it)', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(doc).toBe(withErrorCodeTable(doc));
  });

  it('gives every error raised by its code the status and type of its entry', () => {
    for (const code of Object.keys(ERROR_CATALOGUE) as ErrorCode[]) {
      const err = new ApiError(code, { message: 'm' });
      expect([err.status, err.type]).toEqual([ERROR_CATALOGUE[code].status, ERROR_CATALOGUE[code].type]);
    }
    expect(new ApiError('setup_link_not_active', { message: 'm' }).status).toBe(409);
  });
});
