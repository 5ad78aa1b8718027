// Where each value of a resolved rubric came from: the file (SourceFile) and the path inside that file.
// Objects and arrays carry an origin by identity; a key changed by a later layer carries its own origin.
// Input: the data trees of every layer. Output: relocate(path in resolved data) → {src, path in that file}.
import type { PathSegment } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/parse-source.js';

export interface Origin {
  src: SourceFile;
  path: PathSegment[];
}

type Container = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Container {
  return typeof v === 'object' && v !== null;
}

export class OriginMap {
  private readonly objects = new WeakMap<object, Origin>();
  private readonly keys = new WeakMap<object, Map<string, Origin>>();

  /** Register every object and array of a file's data with its path in that file. */
  registerTree(value: unknown, src: SourceFile, path: PathSegment[] = []): void {
    if (!isContainer(value)) return;
    this.objects.set(value, { src, path });
    if (Array.isArray(value)) value.forEach((v, i) => this.registerTree(v, src, [...path, i]));
    else for (const [k, v] of Object.entries(value)) this.registerTree(v, src, [...path, k]);
  }

  /** Record that `obj[key]` was last set by `origin` (a later layer). */
  setKey(obj: object, key: string, origin: Origin): void {
    let m = this.keys.get(obj);
    if (!m) this.keys.set(obj, (m = new Map()));
    m.set(key, origin);
  }

  origin(obj: object): Origin | undefined {
    return this.objects.get(obj);
  }

  /** Deep copy `value`, carrying every origin over to the copies, so a layer can edit without touching its parent. */
  clone<T>(value: T): T {
    if (!isContainer(value)) return value;
    const copy: Container = Array.isArray(value) ? value.map((v) => this.clone(v)) : {};
    if (!Array.isArray(value)) for (const [k, v] of Object.entries(value)) (copy as Record<string, unknown>)[k] = this.clone(v);
    const o = this.objects.get(value);
    if (o) this.objects.set(copy, o);
    const k = this.keys.get(value);
    if (k) this.keys.set(copy, new Map(k));
    return copy as T;
  }

  /**
   * The file and path that caused the value at `path` of `root`: the deepest object or key on the way down that has
   * an origin, with the rest of the path appended. The caller's locator walks up to the nearest existing YAML node.
   */
  relocate(root: unknown, path: readonly PathSegment[]): Origin | undefined {
    let best: Origin | undefined = isContainer(root) ? this.objects.get(root) : undefined;
    let cur: unknown = root;
    for (let i = 0; i < path.length; i++) {
      if (!isContainer(cur)) break;
      const seg = path[i]!;
      const rest = path.slice(i + 1);
      const keyOrigin = this.keys.get(cur)?.get(String(seg));
      if (keyOrigin) best = { src: keyOrigin.src, path: [...keyOrigin.path, ...rest] };
      const next: unknown = Object.prototype.hasOwnProperty.call(cur, seg) ? (cur as Record<string | number, unknown>)[seg] : undefined;
      const o = isContainer(next) ? this.objects.get(next) : undefined;
      if (o) best = { src: o.src, path: [...o.path, ...rest] };
      cur = next;
    }
    if (best === undefined) return undefined;
    return best;
  }
}
