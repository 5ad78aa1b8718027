// compare: agencies with failed consistency checks (勾稽关系), count and list, in the contract and every output.
import { afterAll, describe, expect, it } from 'vitest';
import { formatCompareReport } from '../../src/formatters/compare/compare-formatters.js';
import { cli, compareIn, compile, evidence, tempDir } from './helpers.js';

const RUBRIC = `id: county-test
version: "1"
title: 核验测试细则
total: 10
facts:
  received: { label: 收到申请数, type: integer, min: 0 }
  inPerson: { label: 当面申请数, type: integer, min: 0 }
  online: { label: 网络申请数, type: integer, min: 0 }
checks:
  - id: by-channel
    message: 收到申请数应等于各渠道之和
    sumEquals: { total: received, parts: [inPerson, online] }
  - id: online-le
    severity: warning
    message: 网络申请数不多于收到申请数
    lessOrEqual: [online, received]
nodes:
  - { id: "1", title: 依申请公开, points: 10, scoring: { method: binary, when: { fact: received, operator: greaterThanInclusive, value: 0 } } }
`;

const t = tempDir();
afterAll(() => t.cleanup());
t.write('rubric.yaml', RUBRIC);
t.write('in/a.json', evidence({ code: 'A', facts: { received: 3, inPerson: 2, online: 1 } })); // both pass
t.write('in/b.json', evidence({ code: 'B', facts: { received: 2, inPerson: 2, online: 1 } })); // by-channel fails
t.write('in/c.json', evidence({ code: 'C', facts: { received: 0, inPerson: 0, online: 1 } })); // both fail
t.write('in/d.json', evidence({ code: 'D', facts: { received: 2, inPerson: 2 } })); // blank: not assessable, not failed
const compiled = compile(RUBRIC);

describe('compare: agencies with failed checks', () => {
  it('counts and lists them, most unresolved first, and marks each agency row', async () => {
    const r = await compareIn(t.dir, { inputs: ['in'], rubric: { file: 'rubric.yaml', compiled } });
    expect(r.checks).toEqual([
      { id: 'by-channel', message: '收到申请数应等于各渠道之和', severity: 'error', agenciesFailed: 2 },
      { id: 'online-le', message: '网络申请数不多于收到申请数', severity: 'warning', agenciesFailed: 1 },
    ]);
    expect(r.checkFailures.map((f) => [f.code, f.failed, f.unresolved, f.checks.map((c) => c.id)])).toEqual([
      ['C', 2, 1, ['by-channel', 'online-le']],
      ['B', 1, 1, ['by-channel']],
    ]);
    expect(r.agencies.map((a) => [a.code, a.failedChecks.length])).toEqual([
      ['A', 0],
      ['B', 1],
      ['C', 2],
      ['D', 0],
    ]);
  });

  it('the text, csv and html outputs show them', async () => {
    const r = await compareIn(t.dir, { inputs: ['in'], rubric: { file: 'rubric.yaml', compiled } });
    const text = (await formatCompareReport(r, 'text')) as string;
    expect(text).toContain('数据核验未通过的单位（2 个，共 2 项核验）：');
    expect(text).toContain('  单位C（C）：未通过 2 项，其中错误级待处理 1 项（结果暂定）');
    expect(text).toContain('    online-le 网络申请数不多于收到申请数（提示）');
    const csv = (await formatCompareReport(r, 'csv')) as string;
    const [head, ...rows] = csv.replace(/^\ufeff/, '').trim().split(/\r?\n/);
    const col = head!.split(',').indexOf('数据核验未通过项数');
    expect(col).toBeGreaterThan(0);
    expect(rows.map((l) => l.split(',')[col]).sort()).toEqual(['0', '0', '1', '2']);
    const html = (await formatCompareReport(r, 'html')) as string;
    expect(html).toContain('<h2>数据核验未通过的单位</h2>');
    // the printed page names the check by its message, not by its English id
    expect(html).toContain('<li>收到申请数应等于各渠道之和（错误，待处理）</li>');
    expect(html).not.toContain('by-channel 收到申请数');
  });

  it('the CLI prints the same section', async () => {
    const res = await cli(['compare', 'in', '--rubric', 'rubric.yaml'], t.dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('数据核验未通过的单位（2 个');
  });
});
