// The evidence form as a view model: controls per fact type, field parsing with Chinese messages, the engine's
// diagnostics tied to fields, and the live score of the bundled 住建局 example (hand-checked: 56 / 100, 不合格).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRubric, parseEvidence, scoreEvidence } from '../../src/api.js';
import type { CompiledRubric } from '../../src/index.js';
import { mergeEvidenceParts, fieldErrorsOf, splitPath } from '../../src/web/form/evidence-draft.js';
import { buildEvidenceForm, factControl, type FactControlView } from '../../src/web/form/evidence-form-view.js';
import { boundFormValues, fieldId, fieldName, formValuesOf, parseEvidenceForm, parseFactText } from '../../src/web/form/form-fields.js';
import { buildLiveScore } from '../../src/web/form/live-score.js';
import { compileOk } from '../helpers/score.js';

const SMALL = `
id: small
version: "1"
title: 小细则
precision: 1
levels: [考核项目, 具体标准]
facts:
  hall: { label: 设立办事大厅, type: boolean, source: 附件2 第66行 }
  trainings: { label: 培训次数, type: integer, unit: 次, min: 0, source: 附件2 第63行 }
  rate: { label: 办结率, type: percent }
  opened: { label: 开通日期, type: date }
  level: { label: 网站等级, type: enum, values: [一级, 二级] }
  summary: { label: 工作总结, type: text }
  unused: { label: 其他统计, type: integer, min: 0 }
nodes:
  - id: "1"
    title: 组织
    points: 10
    children:
      - { id: "1.1", title: 办事大厅, points: 4, scoring: { method: binary, when: { fact: hall, operator: equal, value: true } } }
      - { id: "1.2", title: 培训, points: 6, mayBeNotApplicable: true, scoring: { method: binary, when: { all: [ { fact: trainings, operator: greaterThanInclusive, value: 1 }, { fact: hall, operator: equal, value: true } ] } } }
  - id: "2"
    title: 公开
    points: 90
    children:
      - { id: "2.1", title: 办结率, points: 30, scoring: { method: binary, when: { fact: rate, operator: greaterThanInclusive, value: 90 } } }
      - { id: "2.2", title: 网站, points: 30, scoring: { method: binary, when: { all: [ { fact: level, operator: equal, value: 一级 }, { fact: opened, operator: dateOnOrAfter, value: "2017-01-01" }, { fact: summary, operator: notEqual, value: "无" } ] } } }
      - { id: "2.3", title: 其他, points: 30, scoring: { method: binary, when: { fact: hall, operator: equal, value: true } } }
`;

function controlsOf(compiled: CompiledRubric, values = {}, errors = {}): Map<string, FactControlView> {
  const form = buildEvidenceForm({ compiled, values, errors, report: null });
  const out = new Map<string, FactControlView>();
  for (const s of form.sections) for (const e of s.entries) for (const f of e.item?.facts ?? []) out.set(f.factId, f);
  for (const f of form.otherFacts) out.set(f.factId, f);
  return out;
}

describe('fact controls', () => {
  const compiled = compileOk(SMALL);
  const controls = controlsOf(compiled, { [fieldName.fact('hall')]: '是', [fieldName.fact('level')]: '二级' });
  it.each([
    // fact, flag, unit, allowed, source, inputMode
    ['hall', 'isBoolean', '', '是 / 否', '附件2 第66行', 'text'],
    ['trainings', 'isNumeric', '次', '≥ 0', '附件2 第63行', 'numeric'],
    ['rate', 'isNumeric', '%', '0%–100%', '', 'decimal'],
    ['opened', 'isDate', '', '日期，如 2018-01-12', '', 'text'],
    ['level', 'isEnum', '', '一级、二级', '', 'text'],
    ['summary', 'isTextArea', '', '文字', '', 'text'],
  ] as const)('%s → %s, unit "%s", range "%s", source "%s"', (fact, flag, unit, allowed, source, mode) => {
    const c = controls.get(fact)!;
    const flags = (['isBoolean', 'isNumeric', 'isDate', 'isEnum', 'isTextArea'] as const).filter((k) => c[k]);
    expect(flags).toEqual([flag]);
    expect([c.unit, c.allowed, c.source, c.inputMode]).toEqual([unit, allowed, source, mode]);
    expect(c.describedBy).toBe(c.hintId);
  });
  it('selects the current value among the options', () => {
    expect(controls.get('hall')!.options.map((o) => [o.label, o.selected])).toEqual([['是', true], ['否', false], ['未填', false]]);
    expect(controls.get('level')!.options.filter((o) => o.selected).map((o) => o.value)).toEqual(['二级']);
  });
  it('puts a shared fact at its first item and refers to it from the others', () => {
    const form = buildEvidenceForm({ compiled, values: {}, errors: {}, report: null });
    const items = form.sections.flatMap((s) => s.entries.flatMap((e) => (e.item ? [e.item] : [])));
    expect(items.map((i) => [i.id, i.facts.map((f) => f.factId), i.sharedFacts.map((f) => f.itemId)])).toEqual([
      ['1.1', ['hall'], []],
      ['1.2', ['trainings'], ['1.1']],
      ['2.1', ['rate'], []],
      ['2.2', ['opened', 'level', 'summary'], []],
      ['2.3', [], ['1.1']],
    ]);
    expect(items[0]!.facts[0]!.alsoUsedBy).toBe('另用于 1.2、2.3');
    expect(form.otherFacts.map((f) => f.factId)).toEqual(['unused']);
    expect(items.map((i) => i.notApplicable !== null)).toEqual([false, true, false, false, false]);
    expect(items[1]!.claim.label).toBe('自评分（满分 6 分）');
  });
  it('gives every control a unique id', () => {
    const form = buildEvidenceForm({ compiled, values: {}, errors: {}, report: null });
    const ids = form.sections.flatMap((s) =>
      s.entries.flatMap((e) => (e.item ? [...e.item.facts.map((f) => f.inputId), e.item.claim.inputId, ...e.item.citations.flatMap((c) => c.fields.map((f) => f.inputId))] : [])),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('field texts → values', () => {
  const facts = compileOk(SMALL).rubric.facts;
  it.each([
    ['hall', '是', { value: true }],
    ['hall', '否', { value: false }],
    ['hall', '', { value: null }],
    ['hall', '对', { error: '请选择“是”或“否”' }],
    ['trainings', ' 3 ', { value: 3 }],
    ['trainings', '1,200', { value: 1200 }],
    ['trainings', '三十', { error: '“三十”不是数字，请填写阿拉伯数字' }],
    ['trainings', '2.5', { error: '“2.5”不是整数，请填写整数' }],
    ['trainings', '-1', { error: '不能小于 0次' }],
    ['rate', '85%', { value: 85 }],
    ['rate', '120', { error: '不能大于 100%' }],
    ['rate', 'abc', { error: '“abc”不是数字，请填写阿拉伯数字（如 85 表示 85%）' }],
    ['opened', '2017-05-10', { value: '2017-05-10' }],
    ['opened', '2017/5/10', { error: '请按 年-月-日 填写日期，如 2017-05-10' }],
    ['level', '一级', { value: '一级' }],
    ['level', '三级', { error: '请从下列选项中选择：一级、二级' }],
    ['summary', '  已报送  ', { value: '已报送' }],
  ] as const)('%s = "%s"', (fact, raw, expected) => {
    expect(parseFactText(facts[fact]!, raw)).toEqual(expected);
  });

  it('reads claims, citations and n/a requests, with a message per unreadable field', () => {
    const compiled = compileOk(SMALL);
    const { parts, errors } = parseEvidenceForm(compiled, {
      [fieldName.claim('1.1')]: '4',
      [fieldName.claim('1.2')]: '很多',
      [fieldName.claim('2.1')]: '',
      [fieldName.na('1.2')]: '  本单位无培训职能 ',
      [fieldName.cite('1.1', 0, 'title')]: '大厅照片',
      [fieldName.cite('1.1', 0, 'url')]: 'https://example.gov.cn/a',
      [fieldName.cite('1.1', 1, 'docNumber')]: '鄂前发〔2017〕1号',
      [fieldName.cite('2.1', 0, 'title')]: '统计',
      [fieldName.cite('2.1', 0, 'url')]: 'javascript:alert(1)',
      [fieldName.fact('trainings')]: '三十',
      'fact:nosuch': '1',
    });
    expect(parts.claims).toEqual({ '1.1': 4 });
    expect(parts.notApplicable).toEqual([{ node: '1.2', reason: '本单位无培训职能' }]);
    expect(parts.evidence).toEqual({ '1.1': [{ title: '大厅照片', url: 'https://example.gov.cn/a' }] });
    expect(Object.keys(errors).sort()).toEqual(['cite:1.1:1:title', 'cite:2.1:0:url', 'claim:1.2', 'fact:trainings']);
    expect(parts.facts).toEqual({});
  });

  it('bounds a posted body and drops prototype keys', () => {
    const body = JSON.parse('{"__proto__": "x", "fact:a": "1", "fact:b": ["2", "3"], "fact:c": {"x": 1}}');
    const v = boundFormValues({ ...body, long: 'x'.repeat(5000) });
    expect(Object.keys(v).sort()).toEqual(['fact:a', 'fact:b', 'long']);
    expect(v['fact:b']).toBe('2');
    expect(v.long!.length).toBe(4000);
  });

  it('encodes field names into distinct ids', () => {
    expect(fieldId('claim:1.1')).toBe('f-claim_3a_1.1');
    expect(fieldId('cite:1.1:0:title')).not.toBe(fieldId('cite:1.1.0:title'));
    expect(splitPath('claims["1.1.1"]')).toEqual(['claims', '1.1.1']);
    expect(splitPath('notApplicable[0].node')).toEqual(['notApplicable', 0, 'node']);
  });
});

describe('the 住建局 example through the form', async () => {
  const r = await loadRubric('rubrics/etuokeqianqi-2017.yaml');
  if (!r.ok) throw new Error('rubric');
  const compiled = r.value;
  const text = readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8');
  const loaded = parseEvidence('zhujianju.yaml', text, compiled);
  if (!loaded.ok) throw new Error('evidence');
  const ev = loaded.value.evidence;

  it('round-trips the evidence through the form texts', () => {
    const { parts, errors } = parseEvidenceForm(compiled, formValuesOf(compiled, ev));
    expect(errors).toEqual({});
    const facts = Object.fromEntries(Object.entries(ev.facts).filter(([, v]) => v !== null));
    expect(Object.fromEntries(Object.entries(parts.facts).filter(([, v]) => v !== null))).toEqual(facts);
    expect(parts.claims).toEqual(ev.claims);
    expect(parts.evidence).toEqual(ev.evidence);
  });

  it('scores to the hand-checked total and explains the losses per item', async () => {
    const report = await scoreEvidence(compiled, loaded.value);
    const live = buildLiveScore(compiled, report);
    expect([live.totals.finalText, live.totals.grade, live.totals.claimedText]).toEqual(['56', '不合格', '74']);
    const item = (id: string) => live.items.find((i) => i.id === id)!;
    expect(item('1.3.1')).toMatchObject({ scoreText: '0', statusClass: 'missing_evidence', differenceText: '+2', differenceClass: 'over' });
    expect(item('1.3.1').fixes[0]).toMatch(/^补充佐证：/);
    expect(item('1.1.1')).toMatchObject({ scoreText: '5', statusText: '达标', reasons: [], fixes: [] });
    expect(item('7').pending).toBe(true);
    expect(live.sections.find((s) => s.id === '1')).toMatchObject({ scoreText: '13', claimedText: '15' });
    expect(live.missing.map((m) => m.id)).toEqual(['1.3.1']);
    expect(live.overClaims[0]).toMatchObject({ id: '4.1.1', differenceText: '+4' });
    const form = buildEvidenceForm({ compiled, values: formValuesOf(compiled, ev), errors: {}, report });
    expect(form.sections.map((s) => s.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const first = form.sections[0]!.entries;
    expect(first.map((e) => (e.isHeading ? `h:${e.id}` : e.id)).slice(0, 4)).toEqual(['h:1.1', '1.1.1', 'h:1.2', '1.2.1']);
    expect(first[1]!.item!.clauses.map((c) => c.id)).toEqual(['1.1.1.1', '1.1.1.2']);
    expect(first[1]!.item!.score.scoreText).toBe('5');
  });

  it('ties the engine’s evidence diagnostics to their fields, keeping the typed text', () => {
    const values = { ...formValuesOf(compiled, ev), [fieldName.claim('1.1.1')]: '9', [fieldName.na('1.1.1')]: '无' };
    const { parts, errors } = parseEvidenceForm(compiled, values);
    expect(errors).toEqual({});
    const base = JSON.parse(JSON.stringify({ rubric: ev.rubric, agency: ev.agency, period: ev.period }));
    const checked = parseEvidence('draft.json', JSON.stringify(mergeEvidenceParts(base, parts)), compiled);
    expect(checked.ok).toBe(false);
    const mapped = fieldErrorsOf(checked.diagnostics, parts);
    expect(Object.keys(mapped.errors).sort()).toEqual(['claim:1.1.1', 'na:1.1.1']);
    expect(mapped.errors['claim:1.1.1']).toContain('自评分 9 超出该项分值范围');
    const form = buildEvidenceForm({ compiled, values, errors: mapped.errors, report: null });
    const claim = form.sections[0]!.entries[1]!.item!.claim;
    expect([claim.value, claim.error !== '', claim.describedBy]).toEqual(['9', true, `${claim.hintId} ${claim.errorId}`]);
    expect(form.errors.map((e) => e.label)).toEqual(['1.1.1 自评分']);
  });
});

describe('factControl', () => {
  it('marks an error and describes the control by hint and error', () => {
    const c = factControl('x', { label: '次数', type: 'integer', min: 0 }, { 'fact:x': '三十' }, { 'fact:x': '“三十”不是数字' });
    expect([c.value, c.error, c.describedBy]).toEqual(['三十', '“三十”不是数字', `${c.hintId} ${c.errorId}`]);
  });
});
