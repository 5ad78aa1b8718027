// The blank review (`zwgk init --review`): for one agency, every place the office must rule (judged items, judged
// deductions, not-applicable requests, failed error checks) listed with `null`, explained in Chinese comments, plus
// empty overrides and corrections. Built with the yaml Document API so the file parses back as a (pending) review.
import { Document, isMap, isScalar, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { ScoreReport } from '../report/score-report.js';
import type { Evidence } from '../schema/evidence-schema.js';
import type { ReviewInput } from '../schema/review-schema.js';
import { formatPoints } from '../score/decimal.js';
import { judgementBounds, judgementKeys } from './judgement-bounds.js';

/**
 * The blank review for an agency. With the agency's scored report, only what is pending is listed (judged deductions
 * that fired, failed error checks); without it every judgement key of the applicable nodes is listed.
 */
export function buildBlankReview(compiled: CompiledRubric, evidence: Evidence, report?: ScoreReport): ReviewInput {
  const r = compiled.rubric;
  const judgements: Record<string, null> = {};
  const notApplicable: Record<string, null> = {};
  const checks: Record<string, null> = {};
  if (report) {
    for (const p of report.pending) {
      if (p.kind === 'judgement') judgements[p.id] = null;
      else if (p.kind === 'notApplicable') notApplicable[p.id] = null;
      else checks[p.id] = null;
    }
  } else {
    const cls = evidence.agency.class;
    const applicable = (id: string): boolean => {
      for (let f = compiled.model.byId.get(id); f; f = f.parent ? compiled.model.byId.get(f.parent) : undefined)
        if (f.node.classes && (cls === undefined || !f.node.classes.includes(cls))) return false;
      return true;
    };
    for (const key of judgementKeys(compiled)) if (applicable(key.split('#')[0]!)) judgements[key] = null;
    for (const x of evidence.notApplicable) notApplicable[x.node] = null;
  }
  return {
    rubric: { id: r.id, version: r.version },
    agency: { code: evidence.agency.code, name: evidence.agency.name },
    judgements,
    overrides: {},
    corrections: {},
    notApplicable,
    checks,
  };
}

function pairOf(map: unknown, key: string): Pair<YamlNode, YamlNode> | undefined {
  if (!isMap(map)) return undefined;
  return (map as YAMLMap<YamlNode, YamlNode>).items.find((p) => isScalar(p.key) && p.key.value === key);
}

function commentKey(map: unknown, key: string, lines: string[], space = false): void {
  const p = pairOf(map, key);
  if (!p || !isScalar(p.key)) return;
  p.key.commentBefore = lines.map((l) => ` ${l}`).join('\n');
  if (space) p.key.spaceBefore = true;
}

/** The blank review as commented YAML text (what `zwgk init --review` writes). */
export function formatBlankReview(compiled: CompiledRubric, evidence: Evidence, input: ReviewInput, report?: ScoreReport): string {
  const r = compiled.rubric;
  const doc = new Document(input, { aliasDuplicateObjects: false });
  const root = doc.contents;
  const today = `${(r.year ?? 2024) + 1}-01-25`;
  doc.commentBefore = [
    `${r.title} —— 政务公开办评审文件(${evidence.agency.name},单位代码 ${evidence.agency.code})`,
    `细则:${r.id} 版本 ${r.version}`,
    '',
    '由政务公开办填写,与单位的证据文件分开保存;单位不能在证据文件中写评审意见。每条都须写 reason(理由)、by(评审人)、date(日期 YYYY-MM-DD)。',
    '写 null 的条目表示尚未评审;评分结果在所有待评事项评定之前为"暂定"(provisional)。',
    `评分:npx zwgk score <证据文件> --rubric ${compiled.file ?? '<细则文件>'} --review <本文件>`,
  ]
    .map((l) => (l ? ` ${l}` : ''))
    .join('\n');
  (doc.get('rubric', true) as { flow?: boolean }).flow = true;
  (doc.get('agency', true) as { flow?: boolean }).flow = true;
  const claims = evidence.claims;
  const example = (field: string): string => `写法:{ ${field}, reason: 理由, by: 政务公开办, date: ${today} }`;

  commentKey(root, 'judgements', ['======== 酌情评分(在细则给定的范围内评定) ========', example('score: 分数')], true);
  const jm = doc.get('judgements', true);
  for (const key of Object.keys(input.judgements ?? {})) {
    const b = judgementBounds(compiled, key);
    const f = compiled.model.byId.get(key.split('#')[0]!);
    if (!b || !f) continue;
    const ded = b.deductionId !== undefined && f.node.scoring?.method === 'deduct' ? f.node.scoring.deductions.find((d) => d.id === b.deductionId) : undefined;
    const claim = claims[f.id];
    commentKey(jm, key, [
      `${f.id} ${f.node.title}${ded ? `:${ded.reason}(酌情扣 ${b.min}–${b.max} 分)` : `(酌情给分 ${b.min}–${b.max} 分)`}${claim !== undefined ? `;单位自评 ${claim} 分` : ''}`,
    ]);
  }

  commentKey(root, 'overrides', ['======== 改定分(任一节点,须写理由) ========', `例如:"4.1.2": ${example('score: 分数').replace('写法:', '')}`], true);
  commentKey(root, 'corrections', ['======== 事实更正(按更正后的值评分,报告同时列出原值) ========', `例如:trainingSessions: ${example('value: 更正后的值').replace('写法:', '')}`], true);

  commentKey(root, 'notApplicable', ['======== 合理缺项申请的决定(accepted 同意 / rejected 不同意) ========', example('decision: accepted')], true);
  const nm = doc.get('notApplicable', true);
  for (const x of evidence.notApplicable) {
    const f = compiled.model.byId.get(x.node);
    if (f) commentKey(nm, x.node, [`${f.id} ${f.node.title}(${formatPoints(f.max, 4)} 分):单位申请理由「${x.reason}」`]);
  }

  commentKey(root, 'checks', ['======== 未通过的数据核验(错误级)的处理(accepted 数据无误 / corrected 已更正事实) ========', example('resolution: accepted')], true);
  const cm = doc.get('checks', true);
  for (const c of report?.checks ?? []) if (Object.prototype.hasOwnProperty.call(input.checks ?? {}, c.id)) commentKey(cm, c.id, [`${c.message}:${c.text}`]);
  return doc.toString({ nullStr: 'null', lineWidth: 0 });
}
