/*
 * HTTPie's nested JSON (3.0+): `platform[name]=HTTPie`, `tags[]=a`, `a[0][b]:=1`, `[]:=1` builds
 * nested objects and arrays from the fields' paths. Linear in the fields; depth bounded.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MAX_DEPTH = 32;

/** `a[b][0][]` -> ['a', 'b', 0, null] (null appends); null when the path is not one. */
function pathOf(name: string): (string | number | null)[] | null {
  const first = /^(?:\\.|[^[\\])*/.exec(name)?.[0] ?? '';
  const path: (string | number | null)[] = first === '' ? [] : [first.replace(/\\(.)/g, '$1')];
  let rest = name.slice(first.length);
  while (rest.length > 0 && path.length <= MAX_DEPTH) {
    const segment = /^\[([^\]]*)\]/.exec(rest);
    if (!segment) return null;
    const inner = segment[1] ?? '';
    path.push(inner === '' ? null : /^\d+$/.test(inner) ? Number(inner) : inner);
    rest = rest.slice(segment[0].length);
  }
  return rest.length === 0 ? path : null;
}

/** True when some field's name uses the nested syntax. */
export function isNested(names: readonly string[]): boolean {
  return names.some((n) => /\[[^\]]*\]/.test(n) && pathOf(n) !== null);
}

/** The JSON text of fields with nested names (`value` already JSON for `:=` fields). */
export function nestedJson(fields: readonly { name: string; json: Json }[]): string {
  let root: Json = null;
  for (const { name, json } of fields) {
    const path = pathOf(name) ?? [name];
    if (root === null) root = typeof path[0] === 'string' ? {} : [];
    let node: Json = root;
    path.forEach((key, i) => {
      const last = i === path.length - 1;
      const next = path[i + 1];
      const fresh = (): Json => (typeof next === 'string' ? {} : []);
      if (Array.isArray(node)) {
        const index = key === null ? node.length : typeof key === 'number' ? key : node.length;
        if (last) node[index] = json;
        else node = node[index] ??= fresh();
      } else if (node !== null && typeof node === 'object') {
        const k = String(key ?? '');
        if (last) node[k] = json;
        else node = node[k] ??= fresh();
      }
    });
  }
  return JSON.stringify(root);
}
