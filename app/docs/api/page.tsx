import type { Metadata } from 'next';
import { ApiReference } from '@/components/docs/ApiReference';
import { API_BASE_PATH, openApiDocument } from '@/lib/server/api-docs/document';

// The human-readable API reference: the OpenAPI document (GET /platform/v1/openapi.json) rendered
// on the server from our own bundle, no script and no CDN. A developer page in English, like the
// demo partner page: it is outside proxy.ts's matcher, so the root layout may pick the visitor's
// language for <html>; the content says lang="en" dir="ltr" itself.

export const metadata: Metadata = { title: 'API reference' };

export default function ApiReferencePage() {
  return (
    <div lang="en" dir="ltr">
      <ApiReference doc={openApiDocument()} documentUrl={`${API_BASE_PATH}/openapi.json`} />
    </div>
  );
}
