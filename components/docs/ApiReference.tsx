import { ErrorCodes } from './ErrorCodes';
import { Operation } from './Operation';
import { SchemaTable } from './SchemaTable';
import type { JsonSchema } from './schema-rows';
import { Text } from './Text';

// The API reference page (app/docs/api/page.tsx): the OpenAPI document rendered on the server, with
// a table of contents of anchor links; no script is needed to read or navigate it.

/* eslint-disable @typescript-eslint/no-explicit-any */
const slug = (s: string) => `tag-${s.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

export function ApiReference({ doc, documentUrl }: { doc: JsonSchema; documentUrl: string }) {
  const basePath: string = doc.servers?.[0]?.url ?? '';
  const ops = Object.entries<any>(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries<any>(item).map(([method, op]) => ({ path, method, op })),
  );
  const tags: Array<{ name: string; description?: string }> = doc.tags ?? [];
  const objects = Object.entries<JsonSchema>(doc.components?.schemas ?? {});
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-8 text-text lg:flex-row">
      <nav
        aria-label="Contents"
        className="lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:w-64 lg:shrink-0 lg:overflow-y-auto"
      >
        <details open className="rounded-lg border border-border bg-card p-3 lg:border-0 lg:bg-transparent lg:p-0">
          <summary className="cursor-pointer font-semibold">Contents</summary>
          <ul className="mt-2 flex flex-col gap-2 text-sm">
            <li>
              <a className="underline-offset-2 hover:underline focus-visible:underline" href="#overview">
                Overview
              </a>
            </li>
            {tags.map((tag) => (
              <li key={tag.name}>
                <a
                  className="font-medium underline-offset-2 hover:underline focus-visible:underline"
                  href={`#${slug(tag.name)}`}
                >
                  {tag.name}
                </a>
                <ul className="mt-1 hidden flex-col gap-1 ps-3 lg:flex">
                  {ops
                    .filter(({ op }) => op.tags?.[0] === tag.name)
                    .map(({ op, method }) => (
                      <li key={op.operationId}>
                        <a
                          className="text-muted-text underline-offset-2 hover:underline focus-visible:underline"
                          href={`#${op.operationId}`}
                        >
                          <span className="font-mono text-xs uppercase">{method}</span> {op.summary}
                        </a>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
            <li>
              <a className="font-medium underline-offset-2 hover:underline focus-visible:underline" href="#errors">
                Error codes
              </a>
            </li>
            <li>
              <a className="font-medium underline-offset-2 hover:underline focus-visible:underline" href="#objects">
                API objects
              </a>
            </li>
          </ul>
        </details>
      </nav>

      <main className="flex min-w-0 flex-1 flex-col gap-10 break-words">
        <header id="overview" className="flex flex-col gap-3">
          <p className="text-sm font-medium text-muted-text">API reference · OpenAPI {doc.openapi}</p>
          <h1 className="text-3xl font-semibold">{doc.info?.title}</h1>
          <Text text={doc.info?.description} />
          <p>
            The machine-readable document:{' '}
            <a className="font-mono text-primary underline" href={documentUrl}>
              {documentUrl}
            </a>
          </p>
        </header>

        {tags.map((tag) => (
          <section
            key={tag.name}
            id={slug(tag.name)}
            aria-labelledby={`${slug(tag.name)}-h`}
            className="flex scroll-mt-4 flex-col gap-4"
          >
            <h2 id={`${slug(tag.name)}-h`} className="text-2xl font-semibold">
              {tag.name}
            </h2>
            <Text text={tag.description} className="text-muted-text" />
            {ops
              .filter(({ op }) => op.tags?.[0] === tag.name)
              .map(({ path, method, op }) => (
                <Operation key={op.operationId} doc={doc} basePath={basePath} path={path} method={method} op={op} />
              ))}
          </section>
        ))}

        <section id="errors" aria-labelledby="errors-h" className="flex scroll-mt-4 flex-col gap-4">
          <h2 id="errors-h" className="text-2xl font-semibold">
            Error codes
          </h2>
          <p>
            Every error answer is the envelope below; branch on <code className="font-mono">code</code>.
          </p>
          <SchemaTable doc={doc} schema={doc.components?.schemas?.Error ?? {}} caption="The error envelope" />
          <ErrorCodes doc={doc} />
        </section>

        <section id="objects" aria-labelledby="objects-h" className="flex scroll-mt-4 flex-col gap-4">
          <h2 id="objects-h" className="text-2xl font-semibold">
            API objects
          </h2>
          {objects.map(([name, schema]) => (
            <div
              key={name}
              id={`object-${name}`}
              className="flex scroll-mt-4 flex-col gap-2 border-t border-border pt-4"
            >
              <h3 className="font-mono text-lg font-semibold">{name}</h3>
              <Text text={schema.description} className="text-sm text-muted-text" />
              <SchemaTable doc={doc} schema={schema} caption={`Fields of ${name}`} />
            </div>
          ))}
        </section>
      </main>
    </div>
  );
}
