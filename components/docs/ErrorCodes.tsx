import type { JsonSchema } from './schema-rows';

// Every error code of the document once, with its status and meaning; operations link here.

/* eslint-disable @typescript-eslint/no-explicit-any */
export function ErrorCodes({ doc }: { doc: JsonSchema }) {
  const status = new Map<string, string>();
  for (const item of Object.values<any>(doc.paths ?? {}))
    for (const op of Object.values<any>(item))
      for (const [s, r] of Object.entries<any>(op.responses ?? {}))
        for (const code of Object.keys(r.content?.['application/json']?.examples ?? {}))
          if (!s.startsWith('2')) status.set(code, s);
  const codes = Object.entries<any>(doc.components?.examples ?? {}).filter(([code]) => status.has(code));
  codes.sort(([a], [b]) => Number(status.get(a)) - Number(status.get(b)) || a.localeCompare(b));
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Error codes</caption>
        <thead>
          <tr className="border-b border-border text-muted-text">
            <th scope="col" className="py-1 pe-3 font-medium">
              Status
            </th>
            <th scope="col" className="py-1 pe-3 font-medium">
              Code
            </th>
            <th scope="col" className="py-1 font-medium">
              Meaning
            </th>
          </tr>
        </thead>
        <tbody>
          {codes.map(([code, e]) => (
            <tr key={code} id={`error-${code}`} className="scroll-mt-4 border-b border-border align-top">
              <td className="py-1 pe-3 font-mono text-xs">{status.get(code)}</td>
              <td className="py-1 pe-3 font-mono text-xs break-all">{code}</td>
              <td className="py-1 text-xs">
                {e.value?.error?.message} <span className="text-muted-text">(type {e.value?.error?.type})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
