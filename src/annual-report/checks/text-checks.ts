// Checks that read the report's text: S5 (figures quoted in the text match the tables), S6 (信息处理费 reported in
// section 六), S7 (section 一 ≤ 1000 汉字), S8 (section 五 not 雷同 with last year's).
import { Decimal } from 'decimal.js';
import { cellKey } from '../model.js';
import { halfWidth } from '../normalize.js';
import { findSection } from '../sections.js';
import type { CheckContext } from './check-context.js';
import type { CellRead, CheckItem } from './check-types.js';

/** A figure the narrative may quote, and the cells (alternatives, each a sum) it may equal. */
interface TextFigure {
  /** What the clause must name. */
  names: RegExp;
  unit: RegExp;
  cells: (f: '2021' | '2019') => string[][];
}

const T2DEC = (f: '2021' | '2019'): string => (f === '2021' ? '本年处理决定数量' : '处理决定数量');
const T3 = (row: string): string => cellKey('表三', row, '总计');
const NEW = T3('一、本年新收政府信息公开申请数量');
const CARRIED = T3('二、上年结转政府信息公开申请数量');
const TOTAL = T3('三、本年度办理结果/（七）总计');

export const TEXT_FIGURES: readonly TextFigure[] = [
  { names: /依申请|信息公开申请|公开申请/, unit: /^件$/, cells: () => [[NEW], [TOTAL], [NEW, CARRIED]] },
  { names: /行政许可/, unit: /^件$/, cells: (f) => [[cellKey('表二', '行政许可', T2DEC(f))]] },
  { names: /行政处罚/, unit: /^件$/, cells: (f) => [[cellKey('表二', '行政处罚', T2DEC(f))]] },
  { names: /行政强制/, unit: /^件$/, cells: (f) => [[cellKey('表二', '行政强制', T2DEC(f))]] },
  { names: /行政事业性收费|收费|收缴|配套费/, unit: /^万元$/, cells: (f) => (f === '2021' ? [[cellKey('表二', '行政事业性收费', '本年收费金额')]] : []) },
  { names: /行政复议/, unit: /^件$/, cells: () => [[cellKey('表四', '行政复议', '总计')]] },
  {
    names: /行政诉讼/,
    unit: /^件$/,
    cells: () => [[cellKey('表四', '行政诉讼(未经复议直接起诉)', '总计'), cellKey('表四', '行政诉讼(复议后起诉)', '总计')]],
  },
];

const FIGURE = /(?<![\d.A-Za-z])(\d+(?:\.\d+)?)\s*(万元|件)/g;
const CLAUSE_END = /[,,;;。:、()()!?!?]/;

/** S5: each figure a section quotes for something a table counts must equal that cell (or one of its readings). */
export function checkS5(ctx: CheckContext): CheckItem[] {
  const format = ctx.report.format;
  if (format === 'free') return [];
  const items: CheckItem[] = [];
  for (const s of ctx.report.sections) {
    const text = halfWidth(s.text);
    for (const sentence of text.split(/(?<=[。;;!?\n])/)) {
      let prevEnd = 0;
      for (const m of sentence.matchAll(FIGURE)) {
        let a = m.index!;
        while (a > prevEnd && !CLAUSE_END.test(sentence[a - 1]!)) a--;
        prevEnd = m.index! + m[0].length;
        const clause = sentence.slice(a, prevEnd).trim();
        const fig = TEXT_FIGURES.find((f) => f.names.test(clause) && f.unit.test(m[2]!));
        const alternatives = fig?.cells(format) ?? [];
        if (!fig || alternatives.length === 0) continue;
        const quoted = new Decimal(m[1]!);
        const reads: CellRead[] = [];
        let assessable = false;
        let matched: string | undefined;
        for (const alt of alternatives) {
          const rs = alt.map((ref) => ({ report: '本年', ref, value: ctx.cell(ref)?.value ?? null }));
          reads.push(...rs);
          if (rs.some((r) => r.value === null)) continue;
          assessable = true;
          const sum = rs.reduce((x, r) => x.plus(r.value!), new Decimal(0));
          if (sum.equals(quoted) && !matched) matched = rs.map((r) => r.ref).join(' + ');
        }
        const label = `${s.heading.slice(0, 2)}「${clause}」`;
        if (matched) items.push({ label, outcome: 'PASS', reads, detail: `文中 ${m[1]}${m[2]} = ${matched}` });
        else if (!assessable) items.push({ label, outcome: 'NOT_ASSESSABLE', reads, detail: '对应单元格为空白' });
        else items.push({ label, outcome: 'WARN', reads, detail: `文中 ${m[1]}${m[2]} 与表中 ${[...new Map(reads.map((r) => [r.ref, r])).values()].map((r) => `${r.ref} = ${r.value ?? '空白'}`).join(',')} 均不一致` });
      }
    }
  }
  return items;
}

/** S6 (2021): 信息处理费 is reported in section 六; if fee notices were issued ((六)2 > 0) the text must say so. */
export function checkS6(ctx: CheckContext): CheckItem[] {
  const six = findSection(ctx.report.sections, '六', /其他需要报告/);
  const ref = cellKey('表三', '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '总计');
  const value = ctx.cell(ref)?.value ?? null;
  const reads = [{ report: '本年', ref, value }];
  const mentions = six ? /信息处理费|收费|收取/.test(six.text) : false;
  if (mentions) return [{ label: '第六部分报告信息处理费', outcome: 'PASS', reads, detail: '第六部分写明了信息处理费收取情况' }];
  if (value === null) return [{ label: '第六部分报告信息处理费', outcome: 'NOT_ASSESSABLE', reads, detail: '第六部分未提信息处理费,且 (六)2 为空白' }];
  if (new Decimal(value).greaterThan(0)) return [{ label: '第六部分报告信息处理费', outcome: 'WARN', reads, detail: `(六)2 为 ${value}(发出过收费通知),第六部分却未报告信息处理费` }];
  return [{ label: '第六部分报告信息处理费', outcome: 'PASS', reads, detail: '未发出收费通知((六)2 为 0);第六部分未提信息处理费(建议写明「未收取信息处理费」)' }];
}

const HANZI = /[\u4e00-\u9fff]/g;

/** S7 (2021): section 一 总体情况 原则上不超过一千字 (counted in 汉字). */
export function checkS7(ctx: CheckContext): CheckItem[] {
  const one = findSection(ctx.report.sections, '一', /总体情况/);
  if (!one) return [{ label: '第一部分篇幅', outcome: 'NOT_ASSESSABLE', reads: [], detail: '未找到「一、总体情况」' }];
  const n = (one.text.match(HANZI) ?? []).length;
  return [{ label: '第一部分篇幅', outcome: n <= 1000 ? 'PASS' : 'WARN', reads: [], detail: `「一、总体情况」共 ${n} 个汉字,${n <= 1000 ? '不超过' : '超过'} 1000 字` }];
}

/** Dice coefficient of character bigrams (punctuation, digits and spaces ignored): 1 = identical wording. */
export function textSimilarity(a: string, b: string): number {
  const clean = (s: string): string => (halfWidth(s).match(HANZI) ?? []).join('');
  const grams = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(clean(a));
  const gb = grams(clean(b));
  let na = 0;
  let nb = 0;
  let both = 0;
  for (const v of ga.values()) na += v;
  for (const v of gb.values()) nb += v;
  for (const [g, v] of ga) both += Math.min(v, gb.get(g) ?? 0);
  return na + nb === 0 ? 0 : (2 * both) / (na + nb);
}

/** S8: section 五 (问题及改进) must not repeat last year's (「不得出现……年年雷同现象」). */
export function checkS8(ctx: CheckContext): CheckItem[] {
  const prev = ctx.previous;
  if (!prev) return [];
  const a = findSection(ctx.report.sections, '五', /问题/);
  const b = findSection(prev.sections, '五', /问题/);
  if (!a || !b || !a.text || !b.text) return [{ label: '第五部分与上年比较', outcome: 'NOT_ASSESSABLE', reads: [], detail: `${a ? '上年' : '本年'}年报未找到「存在的主要问题及改进情况」一节` }];
  const sim = textSimilarity(a.text, b.text);
  const limit = ctx.opts.similarityLimit ?? 0.8;
  const pct = `${(Math.round(sim * 1000) / 10).toFixed(1)}%`;
  return [{ label: '第五部分与上年比较', outcome: sim >= limit ? 'WARN' : 'PASS', reads: [], detail: `文字相似度 ${pct}(${sim >= limit ? '达到' : '低于'}雷同阈值 ${Math.round(limit * 100)}%)` }];
}
