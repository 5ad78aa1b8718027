// Pure parts of the pages: the review desk's step from a posted action to the next review document, the board's
// statuses, times in Beijing time, the audit CSV, the post-login redirect guard, and the templates' safety rules
// (no inline script or style a strict CSP would block, every value escaped).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/service/domain/actor.js';
import { formatAuditCsv } from '../../src/web/pages/audit-page.js';
import { buildChrome, flashFromQuery, withDone } from '../../src/web/pages/chrome.js';
import { dateTimeText, parseDateTimeInput, stateBadge } from '../../src/web/pages/labels.js';
import { heatLevel } from '../../src/web/pages/results-page.js';
import { applyReviewAction, beijingDate } from '../../src/web/pages/review-page.js';
import { keepSavedValues } from '../../src/web/routes/agency-routes.js';
import { safeNext } from '../../src/web/routes/auth-routes.js';
import { compilePageSet, WEB_TEMPLATE_DIR } from '../../src/web/views/page-env.js';
import { compileOk } from '../helpers/score.js';

const RUBRIC = `
id: r
version: "1"
title: 细则
total: 15
facts:
  n: { label: 次数, type: integer, min: 0 }
  hall: { label: 大厅, type: boolean }
nodes:
  - { id: "1", title: 甲, points: 10, scoring: { method: binary, when: { fact: n, operator: greaterThanInclusive, value: 1 } } }
  - { id: "2", title: 乙, points: 5, mayBeNotApplicable: true, scoring: { method: judgement, min: 0, max: 5 } }
`;
const actor: Actor = { id: 7, username: 'reviewer', displayName: '复核人员', role: 'reviewer', agencyCode: null };
const NOW = new Date('2026-11-23T18:30:00Z');

describe('applyReviewAction', () => {
  const compiled = compileOk(RUBRIC);
  const agency = { code: 'a1', name: '甲单位' };
  const signed = { reason: '理由', by: '复核人员', date: '2026-11-24' };
  it.each([
    ['judgement', { kind: 'judgement', key: '2', score: '4', reason: '理由' }, { judgements: { '2': { score: 4, ...signed } } }],
    ['override', { kind: 'override', key: '1', score: '7.5', reason: '理由' }, { overrides: { '1': { score: 7.5, ...signed } } }],
    ['correction', { kind: 'correction', key: 'n', value: '3', reason: '理由' }, { corrections: { n: { value: 3, ...signed } } }],
    ['correction of 是/否', { kind: 'correction', key: 'hall', value: '否', reason: '理由' }, { corrections: { hall: { value: false, ...signed } } }],
    ['n/a decision', { kind: 'na', key: '2', decision: 'rejected', reason: '理由' }, { notApplicable: { '2': { decision: 'rejected', ...signed } } }],
    ['check resolution', { kind: 'check', key: 'c1', resolution: 'accepted', reason: '理由' }, { checks: { c1: { resolution: 'accepted', ...signed } } }],
  ] as const)('%s', (_name, action, expected) => {
    const out = applyReviewAction(compiled, null, agency, action, actor, NOW);
    expect('review' in out && out.review).toMatchObject({ rubric: { id: 'r', version: '1' }, agency, ...expected });
  });
  it.each([
    ['no reason', { kind: 'judgement', key: '2', score: '4', reason: '  ' }, '请写明理由'],
    ['judgement above its bounds', { kind: 'judgement', key: '2', score: '6', reason: '理由' }, '评审分应在 0–5 分之间'],
    ['judgement on a computed item', { kind: 'judgement', key: '1', score: '1', reason: '理由' }, '1 不是酌情评分项'],
    ['override above the points', { kind: 'override', key: '1', score: '11', reason: '理由' }, '核定分不能超过该项分值 10 分'],
    ['override with text', { kind: 'override', key: '1', score: '十', reason: '理由' }, '请填写不小于 0 的分数'],
    ['unknown node', { kind: 'override', key: '9', score: '1', reason: '理由' }, '找不到项目 9'],
    ['correction not a number', { kind: 'correction', key: 'n', value: '三', reason: '理由' }, '次数:“三”不是数字'],
    ['correction of a prototype key', { kind: 'correction', key: '__proto__', value: '1', reason: '理由' }, '找不到可更正的事实 __proto__'],
    ['n/a without a decision', { kind: 'na', key: '2', reason: '理由' }, '请选择同意或不同意'],
  ] as const)('refuses %s', (_name, action, message) => {
    const out = applyReviewAction(compiled, null, agency, action as never, actor, NOW);
    expect('error' in out ? out.error : '').toContain(message);
  });
  it('keeps the earlier rulings and replaces the one ruled again', () => {
    const first = applyReviewAction(compiled, null, agency, { kind: 'judgement', key: '2', score: '4', reason: '一' }, actor, NOW);
    const withOverride = applyReviewAction(compiled, 'review' in first ? first.review : null, agency, { kind: 'override', key: '1', score: '5', reason: '二' }, actor, NOW);
    const again = applyReviewAction(compiled, 'review' in withOverride ? withOverride.review : null, agency, { kind: 'judgement', key: '2', score: '3', reason: '三' }, actor, NOW);
    expect('review' in again && [again.review.judgements, again.review.overrides]).toEqual([{ '2': { score: 3, reason: '三', by: '复核人员', date: '2026-11-24' } }, { '1': { score: 5, reason: '二', by: '复核人员', date: '2026-11-24' } }]);
    expect(beijingDate(new Date('2026-11-23T15:59:00Z'))).toBe('2026-11-23');
  });
});

describe('keepSavedValues', () => {
  const stored = { rubric: { id: 'r', version: '1' }, agency: { name: '甲', code: 'a' }, period: { year: 2024 }, facts: { n: 3, hall: true }, claims: { '1': 10 }, notApplicable: [{ node: '2', reason: '旧理由' }] };
  const parts = { facts: { hall: false }, claims: { '1': 8 }, evidence: { '1': [{ title: '甲' }, { title: '乙' }] }, notApplicable: [] };
  it.each([
    ['a mistyped fact keeps its saved value', { 'fact:n': 'x' }, { facts: { hall: false, n: 3 } }],
    ['a fact never saved stays out', { 'fact:m': 'x' }, { facts: { hall: false } }],
    ['a refused claim keeps the saved claim', { 'claim:1': 'x' }, { claims: { '1': 10 } }],
    ['a refused n/a reason keeps the saved request', { 'na:2': 'x' }, { notApplicable: [{ node: '2', reason: '旧理由' }] }],
    ['a refused citation row is left out', { 'cite:1:0:url': 'x' }, { evidence: { '1': [{ title: '乙' }] } }],
    ['no errors: the form as typed', {}, parts],
  ] as const)('%s', (_name, errors, expected) => {
    const out = keepSavedValues(parts, errors, stored) as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(expected)) expect(out[k]).toEqual(v);
  });
});

describe('labels', () => {
  it.each([
    [null, false, '未填报'],
    ['draft', false, '未填报'],
    ['draft', true, '填报中'],
    ['submitted', true, '已提交'],
    ['returned', true, '已退回'],
    ['accepted', true, '已复核'],
    ['appealed', true, '申诉中'],
    ['provisional', true, '已公示'],
  ] as const)('state %s (saved: %s) → %s', (state, saved, text) => {
    expect(stateBadge(state, saved).text).toBe(text);
  });
  it.each([
    ['2026-11-23T18:30:00.000Z', '2026-11-24 02:30'],
    [null, ''],
    ['not a date', ''],
  ])('%s in Beijing time → "%s"', (iso, text) => expect(dateTimeText(iso)).toBe(text));
  it.each([
    ['2026-12-24T03:13', '2026-12-23T19:13:00.000Z'],
    ['2026-12-24', '2026-12-24T15:59:00.000Z'],
    ['', null],
    ['12/24/2026', undefined],
  ])('datetime input "%s" → %s', (v, iso) => expect(parseDateTimeInput(v)).toBe(iso));
  it.each([
    [100, 100, 0],
    [80, 100, 1],
    [60, 100, 2],
    [40, 100, 3],
    [0, 0, 0],
  ])('heat of %s/%s is %s', (score, max, level) => expect(heatLevel(score, max)).toBe(level));
});

describe('audit CSV and redirects', () => {
  it('writes a BOM, CRLF, quotes and defuses formulas', () => {
    const csv = formatAuditCsv([{ id: 1, at: '2026-11-23T18:30:00Z', actor: '=HYPERLINK("x")', agencyCode: 'a1', action: 'evidence.save', entity: 'evidence:1', before: null, after: { v: 1 }, reason: '第一行\n第二行' }]);
    expect(csv.startsWith('\ufeff序号,时间（北京时间）,')).toBe(true);
    expect(csv).toContain('\r\n1,2026-11-24 02:30,"\'=HYPERLINK(""x"")",a1,保存草稿,evidence:1,,"{""v"":1}","第一行\n第二行"\r\n');
  });
  it.each([
    ['/a/1/board', '/a/1/board'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    [undefined, '/'],
  ])('next=%s → %s', (next, to) => expect(safeNext(next)).toBe(to));
  it('shows only the fixed flash texts', () => {
    expect(flashFromQuery({ done: 'saved' })?.text).toBe('草稿已保存并重新评分。');
    expect(flashFromQuery({ done: '请致电 12345 领取奖金' })).toBeNull();
    expect(flashFromQuery({ done: 'constructor' })).toBeNull();
    expect(withDone('/a/1/setup', 'rubric')).toBe('/a/1/setup?done=rubric');
  });
});

describe('templates', () => {
  const files = [...readdirSync(WEB_TEMPLATE_DIR).filter((f) => f.endsWith('.hbs')).map((f) => join(WEB_TEMPLATE_DIR, f)), ...readdirSync(join(WEB_TEMPLATE_DIR, 'partials')).map((f) => join(WEB_TEMPLATE_DIR, 'partials', f))];
  it.each(files.map((f) => [f.slice(WEB_TEMPLATE_DIR.length), readFileSync(f, 'utf8')]))('%s has no inline script, style or handler', (_f, text) => {
    expect(text).not.toMatch(/<script(?![^>]*\bsrc=)/i);
    expect(text).not.toMatch(/<style/i);
    expect(text).not.toMatch(/\sstyle=/i);
    expect(text).not.toMatch(/\son[a-z]+=/i);
    expect(text).not.toMatch(/\{\{\{|\{\{&/);
  });
  it('escapes every value a page shows', () => {
    const set = compilePageSet();
    const chrome = buildChrome({ title: '<script>alert(1)</script>', pageClass: 'x', actor: { ...actor, displayName: '"><img src=x onerror=alert(1)>' }, csrf: 't"><b>', path: '/', assessmentId: 1 });
    const html = set.render('message', { ...chrome, heading: '<i>h</i>', text: '<b>t</b>', details: ['<u>d</u>'], back: { href: '/', label: '<s>' } });
    expect(html).not.toMatch(/<script>alert|<img src=x|<b>t<\/b>|<u>d|<i>h/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('value="t&quot;&gt;&lt;b&gt;"');
  });
  it('compiles every page, and refuses a template directory with unescaped output', () => {
    expect(compilePageSet().names.sort()).toEqual(['activate', 'annual-report', 'annual-reports', 'appeals', 'assessments', 'audit', 'board', 'evidence', 'login', 'message', 'password', 'results', 'review', 'setup', 'submit-confirm']);
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-pages-'));
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'bad.hbs'), '<p>{{{name}}}</p>');
    try {
      expect(() => compilePageSet(dir)).toThrow(/不转义输出/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('annual-report pages', () => {
  const view = { id: 1, agencyCode: 'a1', agencyName: '甲\u001b[2K单位', name: '年报\u202e.txt', hash: 'h', size: 9, outcome: 'FAIL' as const, reportYear: 2024, previousHash: null, summary: { PASS: 10, FAIL: 1, WARN: 1, NOT_ASSESSABLE: 0, outcome: 'FAIL' as const }, by: '填报人', createdAt: '2026-11-23T18:30:00Z' };
  it('the office table counts outcomes and strips control characters from report text', async () => {
    const { buildOfficeAnnualReportsPage } = await import('../../src/web/pages/annual-report-page.js');
    const chrome = buildChrome({ title: 't', pageClass: 'p', actor, csrf: 'x', path: '/a/1/annual-reports', assessmentId: 1, flash: null, crumbs: [] });
    const page = buildOfficeAnnualReportsPage({ chrome, assessmentId: 1, rows: [{ agencyCode: 'a1', agencyName: view.agencyName, latest: view, uploads: 2 }, { agencyCode: 'a2', agencyName: '乙单位', latest: null, uploads: 0 }] });
    expect(page.totalsText).toBe('共 2 个单位：已上传 1，通过 0，提醒 0，不通过 1，无法判断 0，未上传 1');
    expect(page.rows[0]).toMatchObject({ name: '甲[2K单位', highlight: true, latest: { name: '年报.txt', outcomeText: '不通过', countsText: '通过 10，提醒 1，不通过 1，无法判断 0' } });
    expect(page.rows[1]).toMatchObject({ latest: null, highlight: false, href: '/a/1/agencies/a2/annual-report' });
  });
});
