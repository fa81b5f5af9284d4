import { schemaRows, type JsonSchema } from './schema-rows';
import { Inline } from './Text';

/** The fields of a schema as a table: name, type, required, rules. */
export function SchemaTable({ doc, schema, caption }: { doc: JsonSchema; schema: JsonSchema; caption: string }) {
  const rows = schemaRows(doc, schema);
  if (rows.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-border text-muted-text">
            <th scope="col" className="py-1 pe-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pe-3 font-medium">
              Type
            </th>
            <th scope="col" className="py-1 font-medium">
              Notes
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className="border-b border-border align-top">
              <td className="min-w-36 py-1 pe-3 font-mono text-xs [overflow-wrap:anywhere]">
                {r.name}
                {r.required && <span className="ms-1 text-destructive">required</span>}
              </td>
              <td className="py-1 pe-3 font-mono text-xs">{r.type}</td>
              <td className="py-1 text-xs">
                {r.notes.map((n, i) => (
                  <span key={i} className="block">
                    <Inline text={n} />
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
