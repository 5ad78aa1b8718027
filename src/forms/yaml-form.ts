// The YAML evidence form (`zwgk init`): a blank (or pre-filled) evidence file in which every fact is explained in
// Chinese comments — label, type, unit, allowed values or range, source, which items use it — with a place for
// 自评分 (claims) and 佐证材料 (evidence) under every item. Built with the yaml Document API so it parses back.
// Also writes imported evidence (import-form.ts) in the same layout, without the blank places.
import { Document, isMap, isScalar, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { Evidence } from '../schema/evidence-schema.js';
import { formatPoints } from '../score/decimal.js';
import { derivedFacts, factChecks, factRows } from './fact-catalogue.js';
import { nodesForClass } from '../model/class-scope.js';
import { chineseTypography } from '../render/chinese-text.js';

export interface YamlFormOptions {
  /** Values to pre-fill (an earlier evidence file, or the result of an import). */
  evidence?: Evidence;
  /** List every item under claims and evidence with an empty place (default true: a form to fill). */
  blank?: boolean;
  /** Extra header lines (e.g. where an import came from). */
  header?: string[];
  /** Only the items and facts that apply to this agency class (checked by the caller with classProblem). */
  agencyClass?: string;
}

function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/** Comment lines, in Chinese typography (（）、，、；、：) like the xlsx form; the YAML values are untouched. */
function comment(lines: string[]): string {
  return lines.map((l) => ` ${chineseTypography(l)}`).join('\n');
}

function pairOf(map: unknown, key: string): Pair<YamlNode, YamlNode> | undefined {
  if (!isMap(map)) return undefined;
  return (map as YAMLMap<YamlNode, YamlNode>).items.find((p) => isScalar(p.key) && p.key.value === key);
}

function commentKey(map: unknown, key: string, lines: string[], space = false): void {
  const p = pairOf(map, key);
  if (!p || !isScalar(p.key)) return;
  p.key.commentBefore = comment(lines);
  if (space) p.key.spaceBefore = true;
}

/** Build the form (or an imported evidence file) as YAML text. */
export function buildYamlForm(compiled: CompiledRubric, opts: YamlFormOptions = {}): string {
  const r = compiled.rubric;
  const ev = opts.evidence;
  const blank = opts.blank ?? true;
  const cls = opts.agencyClass;
  const rows = factRows(compiled, cls);
  const nodes = nodesForClass(compiled.model, cls);

  const agency: Record<string, unknown> = { name: ev?.agency.name ?? '' };
  if (ev?.agency.shortName !== undefined) agency.shortName = ev.agency.shortName;
  agency.code = ev?.agency.code ?? '';
  if (ev?.agency.class !== undefined || (blank && r.classes)) agency.class = ev?.agency.class ?? cls ?? '';
  const period: Record<string, unknown> = { year: ev?.period.year ?? r.year ?? null };
  if (ev?.period.label !== undefined) period.label = ev.period.label;

  const data: Record<string, unknown> = { rubric: { id: r.id, version: r.version }, agency, period };
  if (ev?.preparedBy !== undefined) data.preparedBy = ev.preparedBy;
  if (ev?.reviewedBy !== undefined) data.reviewedBy = ev.reviewedBy;
  if (ev?.date !== undefined) data.date = ev.date;
  const facts: Record<string, unknown> = {};
  for (const row of rows) facts[row.id] = ev && Object.prototype.hasOwnProperty.call(ev.facts, row.id) ? ev.facts[row.id] : null;
  data.facts = facts;
  // Maps keyed by node id are built as JS Maps: a plain object would put integer-like ids ("1", "2") first.
  const byNode = <T>(record: Record<string, T> | undefined, fill: T | undefined): Map<string, T> => {
    const m = new Map<string, T>();
    for (const f of nodes) {
      const v = record?.[f.id];
      if (v !== undefined) m.set(f.id, v);
      else if (fill !== undefined) m.set(f.id, fill);
    }
    // Imported evidence keeps ids the rubric does not know, so validation can point at them; a blank form
    // pre-filled from last year's evidence (`init --from`) drops them.
    if (!blank) for (const [id, v] of Object.entries(record ?? {})) if (!m.has(id)) m.set(id, v);
    return m;
  };
  const claims = byNode<number | null>(ev?.claims, blank ? null : undefined);
  const evidence = byNode<unknown>(ev?.evidence, blank ? [] : undefined);
  if (claims.size > 0) data.claims = claims;
  if (evidence.size > 0) data.evidence = evidence;
  const naAllowed = nodes.filter((f) => f.node.mayBeNotApplicable);
  if ((ev && ev.notApplicable.length > 0) || (blank && naAllowed.length > 0)) data.notApplicable = ev?.notApplicable ?? [];
  if (ev && Object.keys(ev.remediation).length > 0) data.remediation = byNode(ev.remediation, undefined);

  const doc = new Document(data, { aliasDuplicateObjects: false });
  const root = doc.contents;
  doc.commentBefore = comment([
    `${r.title} —— 佐证材料${blank ? '填报表' : ''}(证据文件${cls !== undefined ? `，单位类别：${cls}` : ''})`,
    `细则:${r.id} 版本 ${r.version}${compiled.file ? `(${compiled.file})` : ''}`,
    ...(opts.header ?? []),
    ...(cls !== undefined ? [`本表只列出单位类别为「${cls}」的评分项和事实。`] : []),
    ...(blank
      ? [
          '',
          '填写说明:',
          '  1. agency 填写单位全称 name 和单位代码 code(必填);可加 shortName(简称)。' + (r.classes ? `class 填单位类别:${r.classes.join(' 或 ')}。` : ''),
          '  2. facts 逐项填写事实,每项上方注明了类型、单位、允许值和用于哪些评分项。',
          '     是/否 类填 true 或 false(也可写 是 / 否);不清楚或原表空白的留空,评分时按缺少佐证处理。',
          '  3. claims 填各评分项的自评分(不自评的留空)。',
          '  4. evidence 在评分项编号下逐条列出佐证材料,每条写 title(材料名称,必填),可写 docNumber(文号)、',
          '     url(网址)、date(日期 YYYY-MM-DD)、note(说明)。',
          '  5. 可加 preparedBy(填表人)、reviewedBy(审核人)、date(填表日期 YYYY-MM-DD)。',
          `  6. 填好后评分:npx zwgk score 本文件 --rubric ${compiled.file ?? '细则文件'}`,
        ]
      : []),
  ]);
  (doc.get('rubric', true) as { flow?: boolean }).flow = true;
  if (blank) {
    const a = doc.get('agency', true);
    commentKey(a, 'name', ['单位全称(必填)']);
    commentKey(a, 'code', ['单位代码(必填,如统一社会信用代码或办公室编定的代码)']);
    if (r.classes) commentKey(a, 'class', [`单位类别:${r.classes.join(' / ')}`]);
    commentKey(root, 'period', ['考核年度 year(必填)']);
  }

  const derived = derivedFacts(compiled);
  const checksOf = factChecks(compiled);
  commentKey(root, 'facts', [
    '======== 事实 ========',
    ...(derived.length > 0 ? [`以下事实由细则自动计算,不要填写:${derived.map((d) => `${d.id}(${d.def.label})`).join('、')}`] : []),
    ...(r.checks.length > 0 ? [`细则规定了 ${r.checks.length} 项数据核验(勾稽关系),涉及的事实下方注明「核验」,报送前请自查;未通过的须由政务公开办处理。`] : []),
  ], true);
  const factsMap = doc.get('facts', true);
  for (const row of rows) {
    const d = row.def;
    const lines = [`【${d.label}】`];
    const meta = [`类型:${row.typeText}`];
    if (d.unit && d.unit !== '是/否') meta.push(`单位:${d.unit}`);
    if (d.type !== 'boolean' && d.type !== 'text') meta.push(`允许值:${row.allowed}`);
    if (d.source) meta.push(`来源:${d.source}`);
    lines.push(`  ${meta.join(';')}`);
    if (d.description) lines.push(`  说明:${oneLine(d.description)}`);
    lines.push(row.usedBy.length > 0 ? `  用于:${row.usedBy.join(';')}` : '  用于:(未被评分项直接引用)');
    const checks = checksOf.get(row.id);
    if (checks) lines.push(`  核验:${checks.join(';')}`);
    commentKey(factsMap, row.id, lines, blank && row !== rows[0]);
  }

  if (data.claims) {
    commentKey(root, 'claims', ['======== 自评分(各评分项的自评得分,不自评的留空) ========'], true);
    const claimsMap = doc.get('claims', true);
    if (blank)
      for (const f of nodes)
        commentKey(claimsMap, f.id, [`${'  '.repeat(f.depth)}${f.id} ${f.node.title}(${f.kind === 'score' ? '满分' : f.kind === 'bonus' ? '加分最多' : '减分最多'} ${formatPoints(f.max, 4)} 分)`]);
  }
  if (data.evidence) {
    commentKey(root, 'evidence', [
      '======== 佐证材料(按评分项编号列出) ========',
      ...(blank
        ? ['例如:', '  "1.1.1":', '    - title: 局务会议纪要(材料名称,必填)', '      docNumber: 鄂前住建发〔2018〕1号', '      url: http://www.example.gov.cn/…', '      date: 2018-03-01', '      note: 说明']
        : []),
    ], true);
    const evMap = doc.get('evidence', true);
    if (blank) for (const f of nodes) commentKey(evMap, f.id, [`${f.id} ${f.node.title}`]);
  }
  if (data.notApplicable !== undefined)
    commentKey(root, 'notApplicable', [
      '======== 合理缺项(不适用的评分项及理由) ========',
      ...(blank ? [`可声明不适用的评分项:${naAllowed.map((f) => `${f.id} ${f.node.title}`).join(';') || '无'}`, '写法:- { node: "编号", reason: 理由 }'] : []),
    ], true);
  if (data.remediation !== undefined) commentKey(root, 'remediation', ['======== 整改情况 ========'], true);
  return doc.toString({ nullStr: '', lineWidth: 0 });
}
