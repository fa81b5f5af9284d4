// Reading a node with ?fields=, as Graph does it.
import { graphError } from './errors.js';
import { ok, stringParam, type GraphResponse } from './types.js';

export type Picked = { error: GraphResponse } | { value: Record<string, unknown> };

/** Applies ?fields=a,b{c} like Graph: id always comes back, unknown fields are an error. */
export function pickFields(
  node: Record<string, unknown>,
  fieldsParam: unknown,
  defaults: string[],
  nodeType: string,
): Picked {
  const raw = stringParam(fieldsParam);
  const fields = raw
    ? raw
        .replace(/\{[^}]*\}/g, '')
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean)
    : defaults;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!(f in node))
      return {
        error: graphError(400, 100, `(#100) Tried accessing nonexisting field (${f}) on node type (${nodeType})`),
      };
    out[f] = node[f];
  }
  out.id = node.id;
  return { value: out };
}

/** GET /{id}: the node with the requested (or default) fields. */
export function readNode(
  node: Record<string, unknown>,
  fieldsParam: unknown,
  defaults: string[],
  nodeType: string,
): GraphResponse {
  const picked = pickFields(node, fieldsParam, defaults, nodeType);
  return 'error' in picked ? picked.error : ok(picked.value);
}
