// A vetoed agency: the leader summary names the veto as the one thing to fix, with the points it really took (the
// same facts scored without it), and after an assessment veto bonus and penalty nodes read `vetoed`, not `unmet`.
import { describe, expect, it } from 'vitest';
import { buildSummaryViewModel } from '../../src/index.js';
import { scoreBody } from '../helpers/mechanism.js';
import { nodeOf } from '../helpers/score.js';

const rubric = (veto: string): string => `
  total: 10
  facts:
    ok: { label: 制度健全, type: boolean }
    ok2: { label: 台账完整, type: boolean }
    extra: { label: 有创新举措, type: boolean }
    blamed: { label: 受到通报批评, type: boolean }
    bad: { label: 发生泄密事故, type: boolean }
  nodes:
    - id: s
      title: 基础工作
      points: 10
      children:
        - { id: a, title: 制度, points: 6, scoring: { method: binary, when: { fact: ok, operator: isTrue, value: true } } }
        - { id: b, title: 台账, points: 4, scoring: { method: binary, when: { fact: ok2, operator: isTrue, value: true } } }
    - { id: plus, title: 创新加分, kind: bonus, points: 2, scoring: { method: binary, when: { fact: extra, operator: isTrue, value: true } } }
    - { id: minus, title: 通报批评, kind: penalty, points: 1, scoring: { method: binary, when: { fact: blamed, operator: isTrue, value: true } } }
  vetoes:
    - { id: leak, title: 泄密事故, when: { fact: bad, operator: isTrue, value: true }, reason: 发生泄密事故单项否决, ${veto} }
`;
// Without any veto: a 6 + b 0 = 6, bonus 2, penalty 1 → 7.
const facts = { ok: true, ok2: false, extra: true, blamed: true, bad: true };

describe('assessment veto', () => {
  it.each([
    // stops scoring, result 0: it took the whole 7
    { veto: 'stopScoring: true', final: 0, stake: 7 },
    // scored but fixed at 3 (判定为不合格(3分)): it took 7 − 3 = 4
    { veto: 'stopScoring: false, score: 3', final: 3, stake: 4 },
  ])('$veto → final $final, stake $stake, one fix with that stake, bonus and penalty vetoed', async ({ veto, final, stake }) => {
    const r = await scoreBody(rubric(veto), facts);
    expect(r.totals.final).toBe(final);
    expect(r.veto).toMatchObject({ id: 'leak', finalWithoutVeto: 7, stake });
    expect([nodeOf(r, 'plus').status, nodeOf(r, 'minus').status]).toEqual(['vetoed', 'vetoed']);
    const vm = buildSummaryViewModel(r);
    expect(vm.fixes).toHaveLength(1);
    expect(vm.fixes[0]).toMatchObject({ title: '单项否决：泄密事故', lostText: String(stake), statusClass: 'vetoed' });
    expect(vm.fixes[0]!.actions).toEqual(['消除否决情形：发生泄密事故单项否决', expect.stringContaining('发生泄密事故'), '消除后按现有佐证可得 7 分']);
  });

  it('no veto: the report carries none and the bonus is scored as usual', async () => {
    const r = await scoreBody(rubric('stopScoring: true'), { ...facts, bad: false });
    expect(r.veto).toBeNull();
    expect(r.totals.final).toBe(7);
    expect(nodeOf(r, 'plus').status).toBe('met');
  });
});

describe('a veto on a section', () => {
  it('counts once, on the section, with what it took (6 of the section\'s 6 points), not per zeroed item', async () => {
    const r = await scoreBody(rubric('target: s'), { ...facts, blamed: false });
    // section vetoed to 0; bonus 2 still counts: final 2
    expect(r.totals.final).toBe(2);
    expect(nodeOf(r, 'a').status).toBe('vetoed');
    const fixes = buildSummaryViewModel(r).fixes;
    expect(fixes.map((f) => [f.id, f.lostText])).toEqual([['s', '6']]);
    expect(fixes[0]!.actions[0]).toBe('消除否决情形：单项否决：泄密事故。发生泄密事故单项否决');
  });

  it('a non-stopping section veto fixed at 1: it took 6 − 1 = 5; the items under it are not listed again', async () => {
    const r = await scoreBody(rubric('target: s, stopScoring: false, score: 1'), { ...facts, blamed: false });
    expect(nodeOf(r, 's').score).toBe(1);
    expect(buildSummaryViewModel(r).fixes.map((f) => [f.id, f.lostText])).toEqual([['s', '5']]);
  });
});
