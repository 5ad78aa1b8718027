// zwgk diff names the consistency checks added, removed or changed between two rubric versions.
import { describe, expect, it } from 'vitest';
import { diffRubrics, formatDiff } from '../../src/index.js';
import { compileOk } from '../helpers/score.js';

const make = (version: string, checks: string): string => `id: d
version: "${version}"
title: 核验修订
total: 10
facts:
  received: { label: 收到申请数, type: integer }
  inPerson: { label: 当面申请数, type: integer }
  online: { label: 网络申请数, type: integer }
checks:
${checks}
nodes:
  - { id: "1", title: 项, points: 10, scoring: { method: binary, when: { fact: received, operator: greaterThanInclusive, value: 0 } } }
`;

describe('diff: checks', () => {
  it('lists added, removed and changed checks with their relation in words', () => {
    const a = compileOk(make('1', `  - { id: sum, message: 合计, sumEquals: { total: received, parts: [inPerson] } }
  - { id: old, severity: warning, message: 旧核验, lessOrEqual: [online, received] }`));
    const b = compileOk(make('2', `  - { id: sum, severity: warning, message: 合计, sumEquals: { total: received, parts: [inPerson, online] } }
  - { id: new, message: 新核验, greaterOrEqual: [received, 0] }`));
    const d = diffRubrics(a, b);
    expect(d.checks).toEqual([
      { id: 'sum', label: '合计', change: 'changed', details: ['关系：收到申请数 = 当面申请数 → 收到申请数 = 当面申请数 + 网络申请数', '级别：错误 → 提示'] },
      { id: 'old', label: '旧核验', change: 'removed', details: [] },
      { id: 'new', label: '新核验', change: 'added', details: ['关系：收到申请数 ≥ 0', '级别：错误'] },
    ]);
    expect(d.identical).toBe(false);
    const text = formatDiff(d, 'text') as string;
    expect(text).toContain('数据核验（勾稽关系）（3）');
    expect(text).toContain('+ 新增 new 新核验');
  });

  it('the same checks: nothing to report', () => {
    const c = `  - { id: sum, message: 合计, sumEquals: { total: received, parts: [inPerson] } }`;
    expect(diffRubrics(compileOk(make('1', c)), compileOk(make('2', c))).checks).toEqual([]);
  });
});
