// Flattens a JSON Schema of the OpenAPI document into table rows (`setup_link.theme_config.primary_color`),
// resolving `#/components/schemas/...` references, for the reference page (app/docs/api/page.tsx).

/* eslint-disable @typescript-eslint/no-explicit-any */
export type JsonSchema = Record<string, any>;

export interface SchemaRow {
  name: string;
  type: string;
  required: boolean;
  notes: string[];
}

export function resolve(doc: JsonSchema, schema: JsonSchema | undefined): JsonSchema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[String(s.$ref).split('/').pop()!] ?? {};
  return s;
}

/** The variants of a union, with `null` taken out (it shows as "nullable"). */
function variants(doc: JsonSchema, s: JsonSchema): { options: JsonSchema[]; nullable: boolean } {
  const list: JsonSchema[] = (s.anyOf ?? s.oneOf ?? [s]).map((v: JsonSchema) => resolve(doc, v));
  const types = Array.isArray(s.type) ? s.type : null;
  const nullable = list.some((v) => v.type === 'null') || Boolean(types?.includes('null'));
  const options = list.filter((v) => v.type !== 'null');
  if (types) return { options: [{ ...s, type: types.filter((t: string) => t !== 'null')[0] }], nullable };
  return { options, nullable };
}

export function typeLabel(doc: JsonSchema, schema: JsonSchema): string {
  const { options, nullable } = variants(doc, resolve(doc, schema));
  const label = options
    .map((s) => {
      if (s.const !== undefined) return JSON.stringify(s.const);
      if (s.enum) return s.enum.map((e: unknown) => JSON.stringify(e)).join(' | ');
      if (s.type === 'array') return `array of ${typeLabel(doc, s.items ?? {})}`;
      if (s.type === 'integer' || s.type === 'number' || s.type === 'string' || s.type === 'boolean')
        return s.format ? `${s.type} (${s.format})` : s.type;
      if (s.type === 'object') return s.properties ? 'object' : 'map of string';
      return 'any';
    })
    .join(' | ');
  return nullable ? `${label} | null` : label;
}

function notesOf(s: JsonSchema): string[] {
  const notes: string[] = [];
  if (s.description) notes.push(s.description);
  if (s.default !== undefined) notes.push(`default ${JSON.stringify(s.default)}`);
  if (s.minLength !== undefined || s.maxLength !== undefined)
    notes.push(`${s.minLength ?? 0} to ${s.maxLength ?? '∞'} characters`);
  if (s.minimum !== undefined || s.maximum !== undefined) notes.push(`${s.minimum ?? '-∞'} to ${s.maximum ?? '∞'}`);
  if (s.minItems !== undefined || s.maxItems !== undefined)
    notes.push(`${s.minItems ?? 0} to ${s.maxItems ?? '∞'} items`);
  if (s.pattern) notes.push(`pattern ${s.pattern}`);
  return notes;
}

/** One row per property, nested objects as dotted names (at most `depth` levels). */
export function schemaRows(doc: JsonSchema, schema: JsonSchema, prefix = '', depth = 3): SchemaRow[] {
  const s = resolve(doc, schema);
  const required = new Set<string>(s.required ?? []);
  return Object.entries<JsonSchema>(s.properties ?? {}).flatMap(([key, raw]) => {
    const prop = resolve(doc, raw);
    const name = prefix ? `${prefix}.${key}` : key;
    const { options } = variants(doc, prop);
    const row = {
      name,
      type: typeLabel(doc, prop),
      required: required.has(key),
      notes: notesOf({ ...options[0], ...prop }),
    };
    const object = options.find((o) => o.type === 'object' && o.properties);
    const items = options.find((o) => o.type === 'array' && resolve(doc, o.items).properties);
    const nested = object ?? (items ? resolve(doc, items.items) : null);
    return [row, ...(nested && depth > 1 ? schemaRows(doc, nested, items ? `${name}[]` : name, depth - 1) : [])];
  });
}
