// The view models templates and table formatters read: plain objects, every field always present (Handlebars strict
// mode throws on a missing field), every number already formatted. The README documents these fields for
// custom templates; change them only together with that documentation.

/** A column of the 自查评分表. `key` identifies the content; `width` is a share of the table width in percent. */
export interface ColumnView {
  key: 'seq' | 'level' | 'max' | 'claimed' | 'score' | 'reasons' | 'evidence' | 'remediation';
  label: string;
  width: number;
  /** For `level` columns: 0 for 考核项目, 1 for 目标要求 … */
  level: number | null;
  numeric: boolean;
}

/** One deeper node shown inside its 具体标准 cell ("… (3分) 得 3 分"). */
export interface ClauseView {
  id: string;
  title: string;
  /** The title, or its first words when the row's 具体标准 already states it in full (see `repeats`). */
  brief: string;
  /** The row's 具体标准 text contains this clause's title. */
  repeats: boolean;
  maxText: string;
  /** '' on the blank form. */
  scoreText: string;
  statusText: string;
  statusClass: string;
  /** 0 for a child of the row's node, 1 for a grandchild … */
  indent: number;
  /** True when the clause lost points (rendered highlighted). */
  lost: boolean;
}

/** A cell of a level column (考核项目 / 目标要求 / 具体标准 …), emitted on the first row it covers. */
export interface LevelCellView {
  /** Column index among the level columns (0 = 考核项目). */
  level: number;
  rowspan: number;
  colspan: number;
  /** True for the row's own criterion text (the cell that ends at the criterion level). */
  isCriterion: boolean;
  /** Node title (group cells) or the criterion text (description, else title). */
  text: string;
  /** Points as text ("15"); '' when the cell shows a criterion text (the 分值 column has it). */
  maxText: string;
  /** Title with points, as the paper sheet prints group cells: "组织领导(15分)". */
  label: string;
  /** Remark printed under the text, e.g. "不在总分内,但得分可计入总分"; '' when none. */
  note: string;
  clauses: ClauseView[];
  /** Node id ('' for the 小计 / 总分 label cells). */
  id: string;
}

export interface EvidenceView {
  title: string;
  docNumber: string;
  date: string;
  note: string;
  /** The URL exactly as given, for display as text. */
  urlText: string;
  /** The URL to link to, or null when it is not an absolute http(s) URL (then show urlText as text). */
  href: string | null;
}

/** One <tr>: an item row (a 具体标准, or a shallower leaf), a section 小计, or the final 总分 row. */
export interface SheetRowView {
  kind: 'item' | 'subtotal' | 'total';
  isItem: boolean;
  isSubtotal: boolean;
  isTotal: boolean;
  /** 序号: "1", "2" … on item rows, '' otherwise. */
  seq: string;
  /** Node id of the row ('' for 总分). */
  id: string;
  /** Level cells that start on this row, left to right. */
  cells: LevelCellView[];
  maxText: string;
  claimedText: string;
  scoreText: string;
  /** True when the office overrode this row's score (review file): the 核定分 is the override. */
  overridden: boolean;
  /** "改定:<理由>(<评审人>,<日期>)" for an overridden row, else ''. */
  overrideText: string;
  /** claimed − computed, signed ("+2"), '' when equal, unclaimed or blank. */
  differenceText: string;
  /** 'over' (自评高于核定), 'under' (自评低于核定) or ''. */
  differenceClass: '' | 'over' | 'under';
  statusText: string;
  /** The status when it is worth a note next to the score (not 达标, not blank): 部分得分, 缺少佐证 …; else ''. */
  statusNote: string;
  /** CSS-safe status key: met, partial, unmet, deducted, vetoed, not_applicable, manual, missing_evidence, error, ''. */
  statusClass: string;
  /** 扣分/失分原因, one line each (the claimed-vs-computed difference first when there is one). */
  reasons: string[];
  evidence: EvidenceView[];
  /** 整改情况; '' when none. */
  remediation: string;
  /** Raw numbers for spreadsheet cells (null = empty cell). */
  values: { max: number | null; claimed: number | null; score: number | null; difference: number | null };
}

export interface TotalsItemView {
  key: 'base' | 'bonus' | 'penalty' | 'final' | 'max' | 'applicableMax' | 'normalized' | 'grade' | 'claimed';
  label: string;
  /** '' on the blank form (to be filled in by hand). */
  value: string;
}

/** One declared consistency check (勾稽关系) in the 数据核验 block. */
export interface CheckView {
  /** 序号 "1", "2" … */
  seq: string;
  id: string;
  /** What the check asserts (the rubric's message). */
  message: string;
  /** Where the identity comes from ("附件2 第21行 = 第22–25行之和"); '' when not given. */
  source: string;
  /** 错误 / 提示 */
  severityText: string;
  severityClass: 'error' | 'warning';
  /** 通过 / 未通过 / 无法核验 */
  outcomeText: string;
  outcomeClass: 'pass' | 'fail' | 'not-assessable';
  /** The values seen, "收到申请数 2 件;当面申请数 2 件" (缺失 for a blank fact). */
  valuesText: string;
  /** The engine's sentence: what was compared and what came out. */
  text: string;
  /**
   * The printed sheet's 所见数值与说明: for a passed check the engine's sentence without the value names the 核验内容
   * already gives ("附件2 第2行 30 条;附件2 第3行 30 条:要求前者 ≥ 后者,相符"); for any other outcome the whole sentence.
   */
  seenText: string;
  /** The office's resolution, "待政务公开办处理" for an open error-level failure, else ''. */
  resolutionText: string;
  failed: boolean;
}

/** Fields shared by the sheet and the summary: header, totals block, signature block, reproducibility footer. */
export interface DocumentView {
  lang: 'zh-CN';
  blank: boolean;
  /** e.g. 2017年鄂托克前旗政务公开工作考核评价细则自查评分表 */
  title: string;
  /** 附件 label printed above the title (e.g. 附件1), '' for none. */
  attachmentLabel: string;
  rubric: { id: string; title: string; version: string; issuer: string; year: string; precision: number };
  /** name is '' on the blank form. */
  agency: { name: string; shortName: string; code: string; class: string };
  /** e.g. "2017年度"; the period label when the evidence gives one. */
  periodText: string;
  /** 填报日期 from the evidence, '' when none. */
  dateText: string;
  page: { size: 'A4'; orientation: 'portrait' | 'landscape'; landscape: boolean };
  totals: TotalsItemView[];
  /** 等次; "(暂定)" appended while the result is provisional, so a provisional grade never reads as final. */
  grade: string;
  /** True while the office has not ruled on everything the result depends on (title and grade say 暂定). */
  provisional: boolean;
  /** 暂定 / 最终; '' on the blank form. */
  statusText: string;
  /** What a provisional result waits for, listed beside the signature block; empty when final. */
  pendingItems: Array<{ kind: 'judgement' | 'notApplicable' | 'check'; id: string; title: string; why: string }>;
  /** One line for short documents: "待政务公开办评定 4 项:酌情评分 2 项、数据核验 2 项"; '' when final. */
  pendingSummary: string;
  veto: { title: string; reason: string } | null;
  /** 数据核验 (勾稽关系): every declared check in rubric order; empty on the blank form or without checks. */
  checks: CheckView[];
  /** The checks that failed (a subset of `checks`), for short documents such as the 领导版 summary. */
  failedChecks: CheckView[];
  /** "共 20 项:通过 18 项,未通过 2 项 …"; '' when there is nothing to show. */
  checkSummary: string;
  signature: { preparedBy: string; reviewedBy: string; date: string };
  /** `reviewHash`: the office's review file the result includes ('' when none). */
  stamp: { rubricHash: string; evidenceHash: string; reviewHash: string; engine: string; schemaVersion: string; rubricVersion: string };
}

export interface SheetViewModel extends DocumentView {
  view: 'sheet';
  columns: ColumnView[];
  /** Labels of the level columns (考核项目, 目标要求, 具体标准). */
  levelHeaders: string[];
  levelCount: number;
  showRemediation: boolean;
  /** Item rows, section 小计 rows and the final 总分 row, in order. */
  rows: SheetRowView[];
  /** Number of item rows (序号 of the last row). */
  itemCount: number;
  overClaimCount: number;
  missingEvidenceCount: number;
}

export interface SectionView {
  id: string;
  title: string;
  /** 基础 / 加分 / 扣分 */
  kindText: string;
  maxText: string;
  claimedText: string;
  scoreText: string;
  lostText: string;
  statusText: string;
  statusClass: string;
}

/** One item to fix, with the points it would recover and what earns them. */
export interface FixView {
  rank: string;
  id: string;
  title: string;
  /** "组织领导 › 办公室组织协调…" */
  path: string;
  /** The top-level 考核项目 the item belongs to. */
  section: string;
  lostText: string;
  statusText: string;
  statusClass: string;
  /** What earns the points back: the failing conditions, the deductions to remove, the evidence to supply. */
  actions: string[];
}

export interface SummaryViewModel extends DocumentView {
  view: 'summary';
  sections: SectionView[];
  fixes: FixView[];
  /** Items awaiting the assessor's judgement (人工评审), not counted as lost. */
  pending: Array<{ id: string; title: string; maxText: string }>;
  overClaims: Array<{ id: string; title: string; claimedText: string; scoreText: string; differenceText: string }>;
}
