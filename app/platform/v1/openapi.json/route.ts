import { methodNotAllowed } from '@/lib/server/http/api-route';
import { json, newRequestId } from '@/lib/server/http/respond';
import { openApiDocument } from '@/lib/server/api-docs/document';

// The OpenAPI 3.1 document (lib/server/api-docs/document.ts), also at /api/v1/openapi.json through
// the rewrite in next.config.mjs. Public, like the reference page at /docs/api that renders it: it
// describes the API and holds no project's data, so it needs no API key.
export const GET = async () =>
  json(200, openApiDocument(), { 'X-Request-Id': newRequestId(), 'Cache-Control': 'public, max-age=300' });

const notAllowed = methodNotAllowed(['GET']);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
