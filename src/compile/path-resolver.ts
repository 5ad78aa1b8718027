// A safe replacement for json-rules-engine's default jsonpath-plus resolver (which has a published RCE bypass
// in the 10.x line): walks own properties only, for plain paths like `$.a.b[0]`. Rubrics are checked to use
// nothing else (INVALID_PATH), so this never needs to evaluate an expression.

const SEGMENT = /\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d{1,4})\]/g;

/** Split a plain path into property names and indices; null if it is not plain. */
export function splitPlainPath(path: string): Array<string | number> | null {
  const body = path.startsWith('$') ? path.slice(1) : path;
  const out: Array<string | number> = [];
  let consumed = 0;
  for (const m of body.matchAll(SEGMENT)) {
    if (m.index !== consumed) return null;
    consumed += m[0].length;
    out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  }
  return consumed === body.length ? out : null;
}

/** json-rules-engine `pathResolver`: own-property walk; anything else resolves to undefined. */
export function ownPropertyPathResolver(value: unknown, path: string): unknown {
  const segments = splitPlainPath(path);
  if (segments === null) return undefined;
  let cur: unknown = value;
  for (const seg of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
