// What every check reads: this report, optionally last year's and a summary's children, and the agency level.
import { Decimal } from 'decimal.js';
import { indexCells, type AnnualReport, type Cell } from '../model.js';
import { labelKey } from '../normalize.js';
import type { CellRead, CheckItem, Outcome } from './check-types.js';
import type { Equation, Term } from './equations.js';

export interface CheckOptions {
  previous?: AnnualReport;
  children?: AnnualReport[];
  /** Agency level for the deadline (S9), e.g. 县级部门. */
  level?: string;
  /** S4: share of (六)其他处理 in (七)总计 above which it is 偏高 (percent; policy choice, default 10). */
  otherShareLimit?: number;
  /** S8: text similarity (0–1) from which section 五 counts as 雷同 (default 0.8). */
  similarityLimit?: number;
}

export class CheckContext {
  /** 0 = this report, 1 = last year's (when given), 2… = children. */
  readonly reports: Array<AnnualReport | undefined>;
  private readonly indexes: Array<Map<string, Cell>>;

  constructor(
    readonly report: AnnualReport,
    readonly opts: CheckOptions,
  ) {
    this.reports = [report, opts.previous, ...(opts.children ?? [])];
    // Keys are compared in normalised form (half-width brackets, no spaces) so `表四/行政复议/结果纠正` typed in a
    // rubric matches the official 「（…）」 names.
    this.indexes = this.reports.map((r) => {
      const m = new Map<string, Cell>();
      if (r) for (const [k, c] of indexCells(r)) m.set(labelKey(k), c);
      return m;
    });
  }

  get previous(): AnnualReport | undefined {
    return this.opts.previous;
  }

  cell(ref: string, report = 0): Cell | undefined {
    return this.indexes[report]?.get(labelKey(ref));
  }

  reportName(i: number): string {
    return i === 0 ? '本年' : i === 1 ? '上年' : (this.reports[i]?.file ?? `下级${i - 1}`);
  }

  read(t: Term): CellRead {
    return { report: this.reportName(t.report), ref: t.ref, value: this.cell(t.ref, t.report)?.value ?? null };
  }

  /** Σ lhs = Σ rhs, exactly (decimal.js). A blank cell makes the equation not assessable, never 0. */
  evaluate(eq: Equation, onMismatch: Outcome): CheckItem {
    const lhs = eq.lhs.map((t) => this.read(t));
    const rhs = eq.rhs.map((t) => this.read(t));
    const reads = [...lhs, ...rhs];
    const blank = reads.filter((r) => r.value === null);
    if (blank.length) {
      const shown = blank.slice(0, 3).map((r) => `${r.report === '本年' ? '' : `[${r.report}]`}${r.ref}`);
      const names = `${shown.join('、')}${blank.length > 3 ? ` 等 ${blank.length} 个` : ''}`;
      return { label: eq.label, outcome: 'NOT_ASSESSABLE', reads, detail: `空白单元格不是 0,无法核对:${names}` };
    }
    const sum = (xs: CellRead[]): Decimal => xs.reduce((s, r) => s.plus(r.value!), new Decimal(0));
    const show = (xs: CellRead[]): string => (xs.length === 1 ? xs[0]!.value! : `${xs.map((r) => r.value).join(' + ')} = ${sum(xs).toFixed()}`);
    const a = sum(lhs);
    const b = sum(rhs);
    const ok = a.equals(b);
    return { label: eq.label, outcome: ok ? 'PASS' : onMismatch, reads, detail: `${show(lhs)};${show(rhs)}${ok ? '' : `;相差 ${a.minus(b).toFixed()}`}` };
  }
}
