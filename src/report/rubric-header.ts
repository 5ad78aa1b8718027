// The rubric identification every output contract carries (score report, blank sheet, comparison), built in one place
// so the contracts cannot drift apart. Key order is part of the byte-identical output.
import type { CompiledRubric } from '../compile/compile-rubric.js';

export interface RubricHeader {
  id: string;
  title: string;
  version: string;
  hash: string;
  total: number;
  precision: number;
  levels?: string[];
  year?: number;
  issuer?: string;
}

/** The rubric's id, title, version, content hash, total and precision (and level labels when asked for). */
export function rubricHeader<L extends boolean>(compiled: CompiledRubric, opts: { levels: L }): L extends true ? RubricHeader & { levels: string[] } : RubricHeader {
  const r = compiled.rubric;
  return {
    id: r.id,
    title: r.title,
    version: r.version,
    hash: compiled.hash,
    total: r.total,
    precision: r.precision,
    ...(opts.levels ? { levels: r.levels } : {}),
    ...(r.year !== undefined ? { year: r.year } : {}),
    ...(r.issuer !== undefined ? { issuer: r.issuer } : {}),
  } as L extends true ? RubricHeader & { levels: string[] } : RubricHeader;
}
