// Fixtures for the renderer tests: the seed example's report (scored once per test file) and small generated
// rubrics of any depth, written as JSON (valid YAML).
import { readFileSync } from 'node:fs';
import type { CompiledRubric, ScoreReport } from '../../src/index.js';
import { compileOk, evidenceYaml, scoreOk } from '../helpers/score.js';

export const SEED_RUBRIC = 'rubrics/etuokeqianqi-2017.yaml';
export const SEED_EVIDENCE = 'examples/etuokeqianqi-2017/zhujianju.yaml';

let seed: Promise<{ compiled: CompiledRubric; report: ScoreReport }> | null = null;

/** The seed agency (鄂托克前旗住建局 2017) compiled and scored in-process. */
export function seedReport(): Promise<{ compiled: CompiledRubric; report: ScoreReport }> {
  seed ??= (async () => {
    const compiled = compileOk(readFileSync(SEED_RUBRIC, 'utf8'), SEED_RUBRIC);
    const report = await scoreOk(compiled, readFileSync(SEED_EVIDENCE, 'utf8'), SEED_EVIDENCE);
    return { compiled, report };
  })();
  return seed;
}

/** A deep copy of the seed report to mutate in a test. */
export async function seedCopy(): Promise<ScoreReport> {
  return structuredClone((await seedReport()).report);
}

/** Hashes and the engine version change with unrelated edits: keep them out of golden files. */
export function stable(text: string): string {
  return text.replace(/sha256:[0-9a-f]{64}/g, 'sha256:<hash>').replace(/zwgk-score \d+\.\d+\.\d+\S*/g, 'zwgk-score <version>');
}

type Node = Record<string, unknown>;

/** A binary leaf on the boolean fact `ok`. */
export function leaf(id: string, points: number, extra: Node = {}): Node {
  return { id, title: `项目${id}`, points, scoring: { method: 'binary', when: { fact: 'ok', operator: 'equal', value: true } }, ...extra };
}

/** An inner node whose points are its children's sum. */
export function group(id: string, children: Node[], extra: Node = {}): Node {
  const points = children.reduce((a, c) => a + (c.points as number), 0);
  return { id, title: `项目${id}`, points, children, ...extra };
}

/** Compile a generated rubric (nodes + optional top-level fields such as levels). */
export function compileTree(nodes: Node[], extra: Node = {}): CompiledRubric {
  const total = nodes.filter((n) => n.kind === undefined).reduce((a, c) => a + (c.points as number), 0);
  const doc = { id: 't', version: '1', title: '测试细则', total, precision: 1, facts: { ok: { label: '达标', type: 'boolean' } }, nodes, ...extra };
  return compileOk(JSON.stringify(doc), 't.yaml');
}

/** Score a generated rubric with `ok` set and optional claims. */
export function scoreTree(compiled: CompiledRubric, ok: boolean, extra: Node = {}): Promise<ScoreReport> {
  return scoreOk(compiled, evidenceYaml('t', '1', { facts: { ok }, ...extra }));
}
