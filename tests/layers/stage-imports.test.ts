// The stages are layered: assess/ (one agency's assessment) drives score/, checks/ and report/; none of them imports
// assess/, and score/ sees of report/ only the contract's types (score-report.ts), so the two never import each other
// in a cycle. Regex over import/export-from lines: enough for this code base's one import style.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../src');

function filesUnder(dir: string): string[] {
  return readdirSync(join(SRC, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(SRC, join(e.parentPath, e.name)));
}

/** Relative imports of a file under src/, as paths under src/ (with `.ts`), type-only ones marked. */
function importsOf(file: string): Array<{ to: string; typeOnly: boolean }> {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gms)].map((m) => ({
    to: normalize(join(dirname(file), m[2]!)).replace(/\.js$/, '.ts'),
    typeOnly: m[1] !== undefined,
  }));
}

/** Strongly connected components of more than one module (Tarjan), each sorted, for a readable failure. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('stage layering', () => {
  it.each(['score', 'report', 'checks'])('%s/ does not import assess/', (dir) => {
    const bad = filesUnder(dir).flatMap((f) => importsOf(f).filter((i) => i.to.startsWith('assess/')).map((i) => `${f} -> ${i.to}`));
    expect(bad).toEqual([]);
  });

  it('score/ imports from report/ only the contract (score-report.ts), and only its types', () => {
    const bad = filesUnder('score').flatMap((f) =>
      importsOf(f)
        .filter((i) => i.to.startsWith('report/') && (i.to !== 'report/score-report.ts' || !i.typeOnly))
        .map((i) => `${f} -> ${i.to}`),
    );
    expect(bad).toEqual([]);
  });

  it('the report contract imports nothing from score/ or assess/', () => {
    expect(importsOf('report/score-report.ts').filter((i) => /^(score|assess)\//.test(i.to))).toEqual([]);
  });

  it('no module of src/ imports itself back through a chain of static imports (type-only imports aside)', () => {
    const graph = new Map(filesUnder('.').map((f) => [f, importsOf(f).filter((i) => !i.typeOnly).map((i) => i.to)]));
    expect(cycles(graph)).toEqual([]);
  });

  it('the cycle finder finds a cycle', () => {
    const graph = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('the parser sees the imports it guards (a cross-stage import is found)', () => {
    expect(importsOf('assess/score-agency.ts').map((i) => i.to)).toEqual(expect.arrayContaining(['report/build-report.ts', 'score/aggregate.ts']));
  });
});
