// H1–H4 (within one report), S1–S3 (against last year's report) and S11 (a summary against its children) as data:
// each is a list of equations `Σ lhs = Σ rhs` over named cells, generated from the official layout.
import { resultLeaves, T2_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS } from '../layout.js';
import { cellKey, type ReportFormat } from '../model.js';

/** A cell of one of the reports a check reads: 0 = this report, 1 = previous year's, 2… = children (S11). */
export interface Term {
  report: number;
  ref: string;
}

export interface Equation {
  label: string;
  lhs: Term[];
  rhs: Term[];
}

const t3 = (format: '2021' | '2019', id: string, col: string, report = 0): Term => ({
  report,
  ref: cellKey('表三', T3_ROWS[format].find((r) => r.id === id)!.name, col),
});

/** H1: for each column, 一 + 二 = (七)总计 + 四 (printed on the form). */
export function equationsH1(format: '2021' | '2019'): Equation[] {
  return T3_COLUMNS.map((c) => ({
    label: `「${c}」列:一 + 二 = (七)总计 + 四`,
    lhs: [t3(format, 'new', c), t3(format, 'carried', c)],
    rhs: [t3(format, 'total', c), t3(format, 'forward', c)],
  }));
}

/** H2: for each column, (七)总计 = (一) + (二) + every leaf of (三)–(六). */
export function equationsH2(format: '2021' | '2019'): Equation[] {
  return T3_COLUMNS.map((c) => ({
    label: `「${c}」列:(七)总计 = (一)至(六)各项之和`,
    lhs: [t3(format, 'total', c)],
    rhs: resultLeaves(format).map((r) => ({ report: 0, ref: cellKey('表三', r.name, c) })),
  }));
}

/** H3: for each row of 表三, 总计 = 自然人 + the five kinds of 法人或其他组织. */
export function equationsH3(format: '2021' | '2019'): Equation[] {
  return T3_ROWS[format].map((r) => ({
    label: `「${r.name}」行:总计 = 自然人 + 法人或其他组织各列`,
    lhs: [{ report: 0, ref: cellKey('表三', r.name, '总计') }],
    rhs: T3_COLUMNS.filter((c) => c !== '总计').map((c) => ({ report: 0, ref: cellKey('表三', r.name, c) })),
  }));
}

/** H4: 表四, for 复议 / 直接起诉 / 复议后起诉: 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
export function equationsH4(): Equation[] {
  return T4_ROWS.map((r) => ({
    label: `「${r}」:总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
    lhs: [{ report: 0, ref: cellKey('表四', r, '总计') }],
    rhs: T4_COLUMNS.filter((c) => c !== '总计').map((c) => ({ report: 0, ref: cellKey('表四', r, c) })),
  }));
}

/** S1: 上年结转 (this year) = 结转下年度继续办理 (last year), per column. */
export function equationsS1(format: '2021' | '2019', previous: '2021' | '2019'): Equation[] {
  return T3_COLUMNS.map((c) => ({
    label: `「${c}」列:本年「上年结转」= 上年「结转下年度继续办理」`,
    lhs: [t3(format, 'carried', c)],
    rhs: [t3(previous, 'forward', c, 1)],
  }));
}

/** S2 (2021 表二): 现行有效(t) = 现行有效(t−1) + 本年制发(t) − 本年废止(t), i.e. 现行有效(t) + 废止(t) = 现行有效(t−1) + 制发(t). */
export function equationsS2(): Equation[] {
  return T2_ROWS['2021'].filter((r) => r.id === 'rules' || r.id === 'normative').map((r) => ({
    label: `「${r.name}」:本年现行有效 = 上年现行有效 + 本年制发 − 本年废止`,
    lhs: [{ report: 0, ref: cellKey('表二', r.name, '现行有效件数') }, { report: 0, ref: cellKey('表二', r.name, '本年废止件数') }],
    rhs: [{ report: 1, ref: cellKey('表二', r.name, '现行有效件数') }, { report: 0, ref: cellKey('表二', r.name, '本年制发件数') }],
  }));
}

/** S3 (2019 表二): 上一年项目数量(t) = 上一年项目数量(t−1) + 本年增/减(t−1); 对外公开总数量(t) = (t−1) + 本年新公开(t). */
export function equationsS3(): Equation[] {
  const out: Equation[] = [];
  for (const r of T2_ROWS['2019']) {
    if (r.columns.includes('上一年项目数量')) {
      out.push({
        label: `「${r.name}」:本年「上一年项目数量」= 上年「上一年项目数量」+ 上年「本年增/减」`,
        lhs: [{ report: 0, ref: cellKey('表二', r.name, '上一年项目数量') }],
        rhs: [{ report: 1, ref: cellKey('表二', r.name, '上一年项目数量') }, { report: 1, ref: cellKey('表二', r.name, '本年增/减') }],
      });
    }
    if (r.columns.includes('对外公开总数量')) {
      out.push({
        label: `「${r.name}」:本年「对外公开总数量」= 上年「对外公开总数量」+ 本年「本年新公开数量」`,
        lhs: [{ report: 0, ref: cellKey('表二', r.name, '对外公开总数量') }],
        rhs: [{ report: 1, ref: cellKey('表二', r.name, '对外公开总数量') }, { report: 0, ref: cellKey('表二', r.name, '本年新公开数量') }],
      });
    }
  }
  return out;
}

/** S11: every 表三 cell of a summary report = the sum of the same cell over its children (部门 + 下级政府). */
export function equationsS11(format: '2021' | '2019', children: number): Equation[] {
  return T3_ROWS[format].flatMap((r) =>
    T3_COLUMNS.map((c) => ({
      label: `「${r.name}」「${c}」:汇总 = 各下级之和`,
      lhs: [{ report: 0, ref: cellKey('表三', r.name, c) }],
      rhs: Array.from({ length: children }, (_, k) => ({ report: 2 + k, ref: cellKey('表三', r.name, c) })),
    })),
  );
}

export const isTableFormat = (f: ReportFormat): f is '2021' | '2019' => f !== 'free';
