// zwgk diff names a change of a fact's statistics-table row (statRow): its table, row number or wording.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffRubrics, parseRubric } from '../../src/index.js';
import { SEED_RUBRIC } from '../helpers/cli.js';

const seedText = readFileSync(SEED_RUBRIC, 'utf8');
const compile = (text: string) => {
  const r = parseRubric(SEED_RUBRIC, text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
};

describe('diff of statRow', () => {
  it.each([
    ['wording', 'statRow: { table: 附件2, row: 64, text: "（三）接受培训人数" }', 'statRow: { table: 附件2, row: 64, text: "（三）接受培训人次" }', '统计表行:附件2 第64行「（三）接受培训人数」 → 附件2 第64行「（三）接受培训人次」'],
    ['removed', 'statRow: { table: 附件2, row: 64, text: "（三）接受培训人数" }', '', '统计表行:附件2 第64行「（三）接受培训人数」 → 无'],
  ])('%s', (_what, from, to, line) => {
    expect(seedText).toContain(from);
    const next = seedText.replace(from, to).replace('version: "2017.1"', 'version: "2017.2"');
    const d = diffRubrics(compile(seedText), compile(next));
    const trainees = d.facts.find((f) => f.id === 'trainees')!;
    expect(trainees.change).toBe('changed');
    expect(trainees.details).toEqual([line]);
  });
});
