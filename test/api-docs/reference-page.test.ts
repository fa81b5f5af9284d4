import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ApiReferencePage from '@/app/docs/api/page';
import { buildOpenApiDocument } from '@/lib/server/api-docs/document';

// /docs/api renders the whole document on the server: every operation with its anchor in the
// table of contents, and no script of its own (nothing from a CDN).

const html = renderToStaticMarkup(createElement(ApiReferencePage));
const doc = buildOpenApiDocument() as any;
const ops = Object.entries<any>(doc.paths).flatMap(([path, item]) =>
  Object.entries<any>(item).map(([method, op]) => ({ path, method, op })),
);

describe('the API reference page', () => {
  it('shows every operation: method, full path and summary, under an anchor the contents link to', () => {
    for (const { path, method, op } of ops) {
      expect(html, op.operationId).toContain(`id="${op.operationId}"`);
      expect(html, op.operationId).toContain(`href="#${op.operationId}"`);
      expect(html).toContain(`>${method}</span>`);
      expect(html).toContain(`/platform/v1${path}`);
    }
    for (const tag of doc.tags) expect(html).toContain(`>${tag.name}</h2>`);
  });

  it('has every in-page link pointing at an element of the page', () => {
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(ops.length);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
  });

  it('shows fields, examples and error codes, in English, without scripts', () => {
    expect(html).toMatch(/^<div lang="en" dir="ltr">/);
    expect(html).not.toContain('<script');
    // A body field with its rule, a seed example, an error code with its meaning, the objects.
    expect(html).toContain('allowed_connection_types');
    expect(html).toContain('https://your-app.com/whatsapp/success');
    expect(html).toContain('setup_link_not_active');
    expect(html).toContain('Retry-After');
    expect(html).toContain('Idempotency-Key');
    expect(html).toContain('>SetupLink</h3>');
    expect(html).toContain('href="/platform/v1/openapi.json"');
  });
});
