// zwgk score with failed checks: the result is provisional (exit 0, listed as pending); --strict refuses an error-level
// failure the office has not resolved (exit 1, the check and its values on stderr); a resolving review lets it pass.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectNoStack, tempDirs } from '../helpers/cli.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());
const dir = dirs.make('zwgk-checks-');
writeFileSync(
  join(dir, 'rubric.yaml'),
  `id: c
version: "1"
title: 核验
total: 10
facts:
  received: { label: 收到申请数, type: integer, unit: 件 }
  inPerson: { label: 当面申请数, type: integer, unit: 件 }
checks:
  - { id: by-channel, message: 收到申请数应等于各渠道之和, sumEquals: { total: received, parts: [inPerson] } }
nodes:
  - { id: "1", title: 依申请公开, points: 10, scoring: { method: binary, when: { fact: received, operator: greaterThanInclusive, value: 0 } } }
`,
);
writeFileSync(join(dir, 'ev.yaml'), 'rubric: { id: c, version: "1" }\nagency: { name: 甲局, code: J }\nperiod: { year: 2024 }\nfacts: { received: 3, inPerson: 2 }\n');
writeFileSync(
  join(dir, 'review.yaml'),
  'rubric: { id: c, version: "1" }\nagency: { code: J }\nchecks:\n  by-channel: { resolution: accepted, reason: 1件为信函申请漏填, by: 县政务公开办, date: 2025-01-20 }\n',
);

describe('zwgk score and failed checks', () => {
  it('without --strict: exit 0, the report carries the failed check and is provisional', async () => {
    const r = await cli(['score', 'ev.yaml', '--rubric', 'rubric.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.checks.map((c: { id: string; outcome: string }) => [c.id, c.outcome])).toEqual([['by-channel', 'fail']]);
    expect(report.status).toBe('provisional');
  });

  it('--strict: exit 1 with the check, what was compared and no report', async () => {
    const r = await cli(['score', 'ev.yaml', '--rubric', 'rubric.yaml', '--strict'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('错误:--strict 模式下数据核验须全部通过或已由政务公开办处理,以下 1 项未通过:');
    expect(r.stderr).toContain('收到申请数 3 件;分项合计 2 = 2,相差 1');
    expectNoStack(r);
  });

  it('--strict with a review that resolves it: exit 0, final', async () => {
    const r = await cli(['score', 'ev.yaml', '--rubric', 'rubric.yaml', '--strict', '--review', 'review.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.status).toBe('final');
    expect(report.checks[0].resolution).toEqual({ resolution: 'accepted', reason: '1件为信函申请漏填', by: '县政务公开办', date: '2025-01-20' });
  });
});
