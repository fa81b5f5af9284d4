import 'server-only';
import type { Db } from '../db/client';
import { findProjectByApiKey, type Project } from '../projects';
import { ApiError } from './errors';

const unauthorized = (message: string) => new ApiError('invalid_api_key', { message });

/** Reads the key from `X-API-Key` or `Authorization: Bearer`; never from the query string. */
export async function authenticateApiKey(db: Db, { headers, url }: { headers: Headers; url: URL }): Promise<Project> {
  const auth = headers.get('authorization');
  let key = headers.get('x-api-key')?.trim();
  if (!key && auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m) {
      const message = 'The Authorization header must be "Bearer <api key>".';
      throw new ApiError('malformed_authorization_header', { message });
    }
    key = m[1];
  }
  if (!key) {
    if (url.searchParams.has('api_key') || url.searchParams.has('key')) {
      throw unauthorized('API keys are not accepted in the URL. Send it in the X-API-Key header.');
    }
    const message = 'Send your API key in the X-API-Key header or as Authorization: Bearer <key>.';
    throw new ApiError('missing_api_key', { message });
  }
  const project = await findProjectByApiKey(db, key);
  if (!project) throw unauthorized('The API key is unknown or revoked.');
  return project;
}
