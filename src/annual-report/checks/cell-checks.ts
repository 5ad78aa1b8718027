// Checks over single cells and the report as a whole: H5 (cell semantics), H6 (format by year), S4 (其他处理 share),
// S10 (blank cells), S12 (units stripped from cells).
import { Decimal } from 'decimal.js';
import { cellKind, layoutOf } from '../layout.js';
import { cellKey, type Cell } from '../model.js';
import { parseCellValue } from '../normalize.js';
import type { CheckContext } from './check-context.js';
import type { CheckItem } from './check-types.js';

const ref = (c: Cell): string => cellKey(c.table, c.row, c.column);

/** H5: 表三/表四 and 2021 表二 counts are integers ≥ 0; 2019 本年增/减 may be negative; amounts are decimals ≥ 0. */
export function checkH5(ctx: CheckContext): CheckItem[] {
  const items: CheckItem[] = [];
  for (const { table, rows } of layoutOf(ctx.report.format)) {
    const reads = [];
    let bad = 0;
    for (const row of rows) {
      for (const column of row.columns) {
        const c = ctx.cell(cellKey(table, row.name, column));
        if (!c) continue;
        reads.push({ report: '本年', ref: ref(c), value: c.value });
        const kind = cellKind(table, row, column);
        let problem: string | undefined;
        if (c.value === null) {
          if (c.raw !== '' && parseCellValue(c.raw).kind === 'text') problem = `「${c.raw}」不是数字`;
        } else {
          const v = new Decimal(c.value);
          if (kind !== 'amount' && !v.isInteger()) problem = `${c.value} 不是整数`;
          else if (kind !== 'delta' && v.isNegative()) problem = `${c.value} 是负数`;
        }
        if (problem) {
          bad++;
          items.push({ label: `${ref(c)}`, outcome: 'FAIL', reads: [{ report: '本年', ref: ref(c), value: c.value }], detail: problem });
        }
      }
    }
    const rule = table === '表二' && ctx.report.format === '2019' ? '本年增/减可为负整数,采购总金额可为小数,其余为非负整数' : table === '表二' ? '件数为非负整数,收费金额(万元)为非负数' : '均为非负整数';
    if (reads.length) items.push({ label: `${table}全部单元格`, outcome: bad ? 'FAIL' : 'PASS', reads, detail: `读取 ${reads.length} 个单元格,${rule}${bad ? `;${bad} 个不符` : ''}` });
  }
  return items;
}

/** H6: year ≤ 2018 free form; 2019 either format or free (鼓励); 2020 → 2019 format; ≥ 2021 → 2021 format. */
export function checkH6(ctx: CheckContext): CheckItem[] {
  const { year, format } = ctx.report;
  const shown = format === 'free' ? '自由格式(无统一统计表)' : `${format} 年格式`;
  if (year === null) return [{ label: '报告年度与格式', outcome: 'NOT_ASSESSABLE', reads: [], detail: `报告年度未知;格式为${shown}` }];
  if (format === 'free' && ctx.report.sections.some((s) => /收到和处理政府信息公开申请/.test(s.heading))) {
    return [{ label: `${year} 年度报告`, outcome: 'NOT_ASSESSABLE', reads: [], detail: '正文按统一格式分节,但未读到统计表(可能是图片或附件)' }];
  }
  const expected = year <= 2018 ? ['free'] : year === 2019 ? ['2019', 'free'] : year === 2020 ? ['2019'] : ['2021'];
  const want = year <= 2018 ? '2019 年以前为自由格式' : year === 2019 ? '2019 年度鼓励使用 2019 年试行格式' : year === 2020 ? '2020 年度应使用 2019 年试行格式(国办公开办函〔2019〕60号)' : '2021 年度起应使用 2021 年格式(国办公开办函〔2021〕30号)';
  const ok = expected.includes(format);
  return [{ label: `${year} 年度报告`, outcome: ok ? 'PASS' : 'FAIL', reads: [], detail: `${want};本报告为${shown}` }];
}

/** S4: (六)其他处理 above `otherShareLimit`% of (七)总计 is 偏高 (GB-2019 notice) → warn. */
export function checkS4(ctx: CheckContext): CheckItem[] {
  const format = ctx.report.format;
  if (format === 'free') return [];
  const rows = format === '2021' ? ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'].map((r) => `（六）其他处理/${r}`) : ['三、本年度办理结果/（六）其他处理'];
  const refs = rows.map((r) => cellKey('表三', r, '总计'));
  const totalRef = cellKey('表三', '三、本年度办理结果/（七）总计', '总计');
  const reads = [...refs, totalRef].map((r) => ({ report: '本年', ref: r, value: ctx.cell(r)?.value ?? null }));
  if (reads.some((r) => r.value === null)) return [{ label: '(六)其他处理占(七)总计的比例', outcome: 'NOT_ASSESSABLE', reads, detail: '有空白单元格' }];
  const other = reads.slice(0, -1).reduce((s, r) => s.plus(r.value!), new Decimal(0));
  const total = new Decimal(reads[reads.length - 1]!.value!);
  const limit = ctx.opts.otherShareLimit ?? 10;
  if (total.isZero()) return [{ label: '(六)其他处理占(七)总计的比例', outcome: 'PASS', reads, detail: '(七)总计为 0' }];
  const share = other.div(total).times(100);
  const high = share.greaterThan(limit);
  return [{ label: '(六)其他处理占(七)总计的比例', outcome: high ? 'WARN' : 'PASS', reads, detail: `${other.toFixed()} ÷ ${total.toFixed()} = ${share.toDecimalPlaces(1).toFixed()}%,${high ? '高于' : '不高于'} ${limit}%` }];
}

/** S10: blank or "/" cells are not zeros; list them (the equations that need them are not assessable). */
export function checkS10(ctx: CheckContext): CheckItem[] {
  const blanks = ctx.report.cells.filter((c) => c.value === null && c.table !== '表二');
  const reads = blanks.map((c) => ({ report: '本年', ref: ref(c), value: null }));
  return [{ label: '表三、表四空白单元格', outcome: blanks.length ? 'WARN' : 'PASS', reads, detail: blanks.length ? `${blanks.length} 个单元格为空白或「/」,按「未填」而不是 0 处理:${blanks.slice(0, 10).map(ref).join('、')}${blanks.length > 10 ? ' 等' : ''}` : '没有空白单元格' }];
}

/** S12 (info): units printed inside cells ("251000元") were stripped and kept; list them for a person to see. */
export function checkS12(ctx: CheckContext): CheckItem[] {
  const withUnit = ctx.report.cells.filter((c) => c.unit && parseCellValue(c.raw).kind === 'number' && (parseCellValue(c.raw) as { unit?: string }).unit);
  const reads = withUnit.map((c) => ({ report: '本年', ref: ref(c), value: c.value }));
  return [{ label: '单元格内的单位', outcome: 'PASS', reads, detail: withUnit.length ? `已剥离单位:${withUnit.map((c) => `${ref(c)}「${c.raw}」→ ${c.value}(${c.unit})`).join(';')}` : '单元格内没有单位' }];
}
