// PERCENT_SCALE_SUSPECT: a percent fact in (0, 1] where the rubric's threshold for it is above 1 (5% typed as 0.05).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDirs } from '../helpers/cli.js';
import { formatDiagnostics } from '../../src/index.js';
import { checkEvidenceText, compileRubricText, EVIDENCE_FILE, yaml } from '../helpers/diagnostics.js';

const rubric = compileRubricText(yaml`
  id: r
  version: "1"
  title: 百分数
  total: 4
  parameters:
    weightMin: { label: 最低权重, value: 4, unit: "%" }
  facts:
    weight: { label: 绩效权重, type: percent }
    share: { label: 占比, type: percent }
    rate: { label: 及时率, type: percent }
  nodes:
    - id: "1"
      title: 绩效权重不低于4%
      points: 2
      scoring: { method: binary, when: { fact: weight, operator: greaterThanInclusive, value: { param: weightMin } } }
    - id: "2"
      title: 占比不超过1%
      points: 1
      scoring: { method: binary, when: { fact: share, operator: lessThanInclusive, value: 1 } }
    - id: "3"
      title: 及时率每下降1个百分点扣0.1分
      points: 1
      scoring: { method: deduct, deductions: [{ id: r, reason: 及时率, per: { fact: rate, below: 100, step: 1 }, each: 0.1 }] }
`);

const evidence = (facts: string): string => yaml`
  rubric: { id: r, version: "1" }
  agency: { name: 测试单位, code: T }
  period: { year: 2024 }
  facts: ${facts}
`;

describe('PERCENT_SCALE_SUSPECT', () => {
  it('warns at the fact, naming the threshold and the likely value', () => {
    const c = checkEvidenceText(rubric, evidence('{ weight: 0.05, share: 0.5, rate: 0.98 }'));
    expect(c.ok).toBe(true);
    expect(c.diagnostics.map((d) => [d.code, d.severity, d.path, d.line])).toEqual([
      ['PERCENT_SCALE_SUSPECT', 'warning', 'facts.weight', 4],
      ['PERCENT_SCALE_SUSPECT', 'warning', 'facts.rate', 4],
    ]);
    expect(formatDiagnostics(c.diagnostics, new Map([[EVIDENCE_FILE, evidence('{ weight: 0.05, share: 0.5, rate: 0.98 }')]]))).toMatchInlineSnapshot(`
      "evidence.yaml:4:18 警告 PERCENT_SCALE_SUSPECT facts.weight:事实 "绩效权重(weight)" 是百分数,填写值 0.05 不超过 1,而细则的标准是 4%:是否想填 5(即 5%)?
        4 | facts: { weight: 0.05, share: 0.5, rate: 0.98 }
          |                  ^
        提示：百分数请填百分号前的数字,如 5% 填 5;从 Excel 百分比格式单元格复制来的 0.05 也应改为 5
      evidence.yaml:4:42 警告 PERCENT_SCALE_SUSPECT facts.rate:事实 "及时率(rate)" 是百分数,填写值 0.98 不超过 1,而细则的标准是 100%:是否想填 98(即 98%)?
        4 | facts: { weight: 0.05, share: 0.5, rate: 0.98 }
          |                                          ^
        提示：百分数请填百分号前的数字,如 5% 填 5;从 Excel 百分比格式单元格复制来的 0.05 也应改为 5
      共 0 个错误，2 个警告"
    `);
  });

  it.each([
    { facts: '{ weight: 5, share: 0.5, rate: 98 }', warned: [] }, // right scale
    { facts: '{ weight: 0, share: 0, rate: 100 }', warned: [] }, // 0 is 0%
    { facts: '{ weight: 1, share: 1, rate: 99 }', warned: ['facts.weight'] }, // 1 against 4: probably 100%
    { facts: '{ weight: 1.5, share: 1, rate: 99 }', warned: [] }, // above 1: taken as written
    { facts: '{ share: 0.2 }', warned: [] }, // the threshold for share is 1: nothing to compare against
  ])('$facts → $warned', ({ facts, warned }) => {
    const c = checkEvidenceText(rubric, evidence(facts));
    expect(c.diagnostics.filter((d) => d.code === 'PERCENT_SCALE_SUSPECT').map((d) => d.path)).toEqual(warned);
  });
});

describe('PERCENT_SCALE_SUSPECT on the command line', () => {
  const dirs = tempDirs();
  afterAll(() => dirs.removeAll());
  it('zwgk score prints the warning with file:line before scoring (exit 0)', async () => {
    const dir = dirs.make('zwgk-pct-');
    writeFileSync(join(dir, 'ev.yaml'), 'rubric: { id: etuokeqianqi-2017, version: "2017.1" }\nagency: { name: 甲局, code: J }\nperiod: { year: 2017 }\nfacts:\n  performanceWeight: 0.05\n');
    const r = await cli(['score', 'ev.yaml', '--rubric', join(process.cwd(), 'rubrics/etuokeqianqi-2017.yaml'), '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ev.yaml:5:22 警告 PERCENT_SCALE_SUSPECT facts.performanceWeight:事实 "政务公开在本部门绩效评估中的分值权重(performanceWeight)" 是百分数,填写值 0.05 不超过 1,而细则的标准是 4%:是否想填 5(即 5%)?');
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('PERCENT_SCALE_SUSPECT');
  });

  it('the text report repeats it under 证据材料的提醒', async () => {
    const dir = dirs.make('zwgk-pct-');
    writeFileSync(join(dir, 'ev.yaml'), 'rubric: { id: etuokeqianqi-2017, version: "2017.1" }\nagency: { name: 甲局, code: J }\nperiod: { year: 2017 }\nfacts:\n  performanceWeight: 0.05\n');
    const r = await cli(['score', 'ev.yaml', '--rubric', join(process.cwd(), 'rubrics/etuokeqianqi-2017.yaml')], dir);
    expect(r.stdout).toContain('证据材料的提醒（1 条）：\n  facts.performanceWeight：事实 "政务公开在本部门绩效评估中的分值权重（performanceWeight）" 是百分数');
  });
});
