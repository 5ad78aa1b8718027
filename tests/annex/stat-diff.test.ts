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
    ['wording', 'statRow: { table: 附件2, row: 64, text: "（三）接受培训人数" }', 'statRow: { table: 附件2, row: 64, text: "（三）接受培训人次" }', '统计表行：附件2 第64行「（三）接受培训人数」 → 附件2 第64行「（三）接受培训人次」'],
    ['removed', 'statRow: { table: 附件2, row: 64, text: "（三）接受培训人数" }', '', '统计表行：附件2 第64行「（三）接受培训人数」 → 无'],
  ])('%s', (_what, from, to, line) => {
    expect(seedText).toContain(from);
    const next = seedText.replace(from, to).replace('version: "2017.1"', 'version: "2017.2"');
    const d = diffRubrics(compile(seedText), compile(next));
    const trainees = d.facts.find((f) => f.id === 'trainees')!;
    expect(trainees.change).toBe('changed');
    expect(trainees.details).toEqual([line]);
  });
});

describe('diff of statTables', () => {
  it.each([
    ['a retitled table', '    title: 政务公开工作统计表\n', '    title: 政务公开工作情况统计表\n', ['统计表 附件2 标题：政务公开工作统计表 → 政务公开工作情况统计表']],
    ['a heading reworded', '- { row: 61, text: "九、政务公开会议和培训情况", unit: "—" }', '- { row: 61, text: "九、会议和培训情况", unit: "—" }', ['统计表 附件2 标题行：删除第61行「九、政务公开会议和培训情况」;新增第61行「九、会议和培训情况」']],
  ])('%s', (_what, from, to, lines) => {
    expect(seedText).toContain(from);
    const next = seedText.replace(from, to).replace('version: "2017.1"', 'version: "2017.2"');
    const d = diffRubrics(compile(seedText), compile(next));
    expect(d.meta).toEqual(['版本:2017.1 → 2017.2', ...lines]);
  });

  it('the seed against its 2018 revision: no statistics-table change (inherited)', async () => {
    const { loadRubric } = await import('../../src/index.js');
    const r18 = await loadRubric('rubrics/etuokeqianqi-2018.yaml');
    if (!r18.ok) throw new Error('2018 rubric invalid');
    const d = diffRubrics(compile(seedText), r18.value);
    expect(d.meta.filter((m) => m.includes('统计表'))).toEqual([]);
    expect(d.facts.filter((f) => f.details.some((x) => x.startsWith('统计表行')))).toEqual([]);
  });
});
