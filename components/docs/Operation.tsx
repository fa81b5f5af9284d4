import type { JsonSchema } from './schema-rows';
import { resolve } from './schema-rows';
import { SchemaTable } from './SchemaTable';
import { Inline, JsonBlock, Text } from './Text';

// One operation of the document: method and path, what it does, parameters, body, answers.

/* eslint-disable @typescript-eslint/no-explicit-any */
interface Props {
  doc: JsonSchema;
  basePath: string;
  path: string;
  method: string;
  op: JsonSchema;
}

const METHOD_TONE: Record<string, string> = {
  get: 'bg-secondary text-secondary-foreground',
  delete: 'bg-destructive text-destructive-foreground',
};

const exampleValue = (doc: JsonSchema, e: JsonSchema) =>
  e.$ref ? doc.components?.examples?.[String(e.$ref).split('/').pop()!]?.value : e.value;

function Examples({ doc, examples, label }: { doc: JsonSchema; examples?: Record<string, any>; label: string }) {
  if (!examples) return null;
  return Object.entries(examples).map(([name, e]) => (
    <details key={name} className="rounded-md border border-border p-2">
      <summary className="cursor-pointer text-sm font-medium">
        Example: {e.summary ?? name}
        {e.description && <span className="font-normal text-muted-text"> ({e.description})</span>}
      </summary>
      <div className="mt-2">
        <JsonBlock value={exampleValue(doc, e)} label={`${label}: ${e.summary ?? name}`} />
      </div>
    </details>
  ));
}

/** A success answer: its envelope and a link to the object it carries (listed once, under API objects). */
function Answer({
  doc,
  status,
  response,
  summary,
}: {
  doc: JsonSchema;
  status: string;
  response: any;
  summary: string;
}) {
  const content = response.content?.['application/json'];
  const data = content ? resolve(doc, content.schema).properties?.data : null;
  const list = data?.type === 'array';
  const name = String((list ? data.items : data)?.$ref ?? '')
    .split('/')
    .pop();
  return (
    <div className="flex flex-col gap-2">
      <h4 className="text-sm font-semibold">
        Answer {status}: <span className="font-normal">{response.description}</span>
      </h4>
      {name && (
        <p className="text-sm">
          <Inline
            text={
              list
                ? '`{"data": [...], "meta": {...}, "request_id"}`, each item a '
                : '`{"data": {...}, "request_id"}`, data a '
            }
          />
          <a className="font-mono text-primary underline" href={`#object-${name}`}>
            {name}
          </a>
        </p>
      )}
      <Examples doc={doc} examples={content?.examples} label={`Answer of ${summary}`} />
    </div>
  );
}

export function Operation({ doc, basePath, path, method, op }: Props) {
  const params: any[] = op.parameters ?? [];
  const body = op.requestBody?.content?.['application/json'];
  // Bodies are `{"wrapper": {...}}` or flat: the flat variant lists the fields.
  const bodySchema = body ? (resolve(doc, body.schema).anyOf?.[1] ?? body.schema) : null;
  const responses = Object.entries<any>(op.responses ?? {});
  const ok = responses.filter(([s]) => s.startsWith('2'));
  const errors = responses.filter(([s]) => !s.startsWith('2'));
  return (
    <section
      id={op.operationId}
      aria-labelledby={`${op.operationId}-h`}
      className="flex scroll-mt-4 flex-col gap-3 border-t border-border pt-6"
    >
      <h3 id={`${op.operationId}-h`} className="text-lg font-semibold">
        <a href={`#${op.operationId}`} className="hover:underline focus-visible:underline">
          {op.summary}
        </a>
      </h3>
      <p className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span
          className={`rounded px-2 py-0.5 font-bold uppercase ${METHOD_TONE[method] ?? 'bg-primary text-primary-foreground'}`}
        >
          {method}
        </span>
        <span className="break-all">
          {basePath}
          {path}
        </span>
        {op.security?.length === 0 && <span className="text-muted-text">(no API key)</span>}
      </p>
      <Text text={op.description} className="text-sm" />

      {params.length > 0 && (
        <div className="flex flex-col gap-1">
          <h4 className="text-sm font-semibold">Parameters</h4>
          <SchemaTable
            doc={doc}
            caption={`Parameters of ${op.summary}`}
            schema={{
              type: 'object',
              required: params.filter((p) => p.required).map((p) => `${p.name} (${p.in})`),
              properties: Object.fromEntries(
                params.map((p) => [
                  `${p.name} (${p.in})`,
                  { ...p.schema, description: p.description ?? p.schema?.description },
                ]),
              ),
            }}
          />
        </div>
      )}

      {bodySchema && (
        <div className="flex flex-col gap-2">
          <h4 className="text-sm font-semibold">Request body{op.requestBody.required ? '' : ' (optional)'}</h4>
          <Text text={op.requestBody.description} className="text-sm text-muted-text" />
          <SchemaTable doc={doc} schema={bodySchema} caption={`Request body of ${op.summary}`} />
          <Examples doc={doc} examples={body.examples} label="Request" />
        </div>
      )}

      {ok.map(([status, r]) => (
        <Answer key={status} doc={doc} status={status} response={r} summary={op.summary} />
      ))}

      {errors.length > 0 && (
        <div className="flex flex-col gap-1">
          <h4 className="text-sm font-semibold">Errors</h4>
          <ul className="flex flex-col gap-1 text-sm">
            {errors.map(([status, r]) => (
              <li key={status}>
                <span className="font-mono">{status}</span>{' '}
                {Object.keys(r.content?.['application/json']?.examples ?? {}).map((code, i) => (
                  <span key={code}>
                    {i > 0 && ', '}
                    <a className="font-mono text-xs text-primary underline" href={`#error-${code}`}>
                      {code}
                    </a>
                  </span>
                ))}
                {r.headers && <span className="text-muted-text"> (headers: {Object.keys(r.headers).join(', ')})</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
