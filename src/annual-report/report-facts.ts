// Rubric facts read from an annual report: each fact whose definition has `report:` (a cell, a sum of cells, or the
// outcome of checks) gets its value from the parsed report and the check run; then the facts are written into a new
// evidence file or merged into an existing one (YAML comments kept), reporting where the agency typed otherwise.
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/diagnostic.js';
import type { FactDef } from '../schema/fact-schema.js';
import type { AnnualReportCheck } from './check-report.js';
import { CHECKS } from './checks/run-checks.js';
import { layoutOf } from './layout.js';
import { cellKey, type AnnualReport } from './model.js';
import { labelKey } from './normalize.js';

export interface ReportFact {
  id: string;
  value: number | boolean;
  /** Chinese note of where it came from, e.g. 「年报 表四/行政复议/结果纠正 = 0」. */
  source: string;
}

const KNOWN_REFS: ReadonlySet<string> = new Set(
  (['2021', '2019'] as const).flatMap((f) => layoutOf(f).flatMap(({ table, rows }) => rows.flatMap((r) => r.columns.map((c) => labelKey(cellKey(table, r.name, c)))))),
);
const CHECK_IDS: ReadonlySet<string> = new Set(CHECKS.map((c) => c.id));

/**
 * Read every report-sourced fact of a rubric. Unknown cells or checks, or a type that cannot hold the value, are
 * errors (REPORT_FACT_SOURCE_INVALID); a blank cell or a check that could not decide leaves the fact out with a
 * warning (REPORT_FACT_UNAVAILABLE) — never a 0 or a false in its place.
 */
export function readReportFacts(defs: Record<string, FactDef>, report: AnnualReport, check: AnnualReportCheck, rubricFile: string): { facts: ReportFact[]; diagnostics: Diagnostic[] } {
  const facts: ReportFact[] = [];
  const diagnostics: Diagnostic[] = [];
  const cells = new Map(report.cells.map((c) => [labelKey(cellKey(c.table, c.row, c.column)), c]));
  const invalid = (name: string, reason: string): void => void diagnostics.push(makeDiagnostic('REPORT_FACT_SOURCE_INVALID', { file: rubricFile, name, reason, path: ['facts', name, 'report'] }));
  const unavailable = (name: string, reason: string): void => void diagnostics.push(makeDiagnostic('REPORT_FACT_UNAVAILABLE', { severity: 'warning', file: report.file, name, reason }));
  for (const id of Object.keys(defs).sort()) {
    const def = defs[id]!;
    const src = def.report;
    if (!src) continue;
    if ('checks' in src) {
      const unknown = src.checks.filter((c) => !CHECK_IDS.has(c));
      if (unknown.length) invalid(id, `没有编号为 ${unknown.join('、')} 的年报核验(可用:${[...CHECK_IDS].join('、')})`);
      else if (def.type !== 'boolean') invalid(id, `由核验结果得出的事实须为 boolean 类型,而不是 ${def.type}`);
      else {
        const outcomes = src.checks.map((c) => ({ id: c, result: check.results.find((r) => r.id === c), skipped: check.skipped.find((s) => s.id === c) }));
        const against = outcomes.filter((o) => o.result && !src.is.includes(o.result.outcome) && o.result.outcome !== 'NOT_ASSESSABLE');
        const undecided = outcomes.filter((o) => !o.result || (o.result.outcome === 'NOT_ASSESSABLE' && !src.is.includes('NOT_ASSESSABLE')));
        const shown = outcomes.map((o) => `${o.id} ${o.result?.outcome ?? '未执行'}`).join('、');
        if (against.length) facts.push({ id, value: false, source: `年报核验 ${shown}` });
        else if (undecided.length) unavailable(id, undecided.map((o) => `${o.id} ${o.skipped ? `未执行(${o.skipped.reason})` : '无法判断'}`).join(';'));
        else facts.push({ id, value: true, source: `年报核验 ${shown}` });
      }
      continue;
    }
    const refs = 'cell' in src ? [src.cell] : src.sum;
    const unknown = refs.filter((r) => !KNOWN_REFS.has(labelKey(r)));
    if (unknown.length) {
      invalid(id, `年报中没有单元格 ${unknown.map((r) => `「${r}」`).join('、')}(写法:表X/行/列,如 表四/行政复议/结果纠正)`);
      continue;
    }
    if (def.type !== 'integer' && def.type !== 'number') {
      invalid(id, `由单元格得出的事实须为 integer 或 number 类型,而不是 ${def.type}`);
      continue;
    }
    if (report.format === 'free') {
      unavailable(id, '该年报为自由格式,没有统一统计表');
      continue;
    }
    const read = refs.map((r) => ({ ref: r, cell: cells.get(labelKey(r)) }));
    const missing = read.filter((r) => !r.cell || r.cell.value === null);
    if (missing.length) {
      unavailable(id, `${missing.map((r) => `「${r.ref}」`).join('、')}为空白或不属于本年报格式`);
      continue;
    }
    const value = read.reduce((s, r) => s + Number(r.cell!.value), 0);
    if (def.type === 'integer' && !Number.isInteger(value)) {
      unavailable(id, `读到的值 ${value} 不是整数`);
      continue;
    }
    facts.push({ id, value, source: `年报 ${read.map((r) => `${r.ref} = ${r.cell!.value}`).join(' + ')}` });
  }
  return { facts, diagnostics };
}

export interface NewEvidenceMeta {
  rubric: { id: string; version: string };
  agency: { name: string; code: string };
  year: number;
}

/**
 * Write facts into evidence YAML: into `existing` (its comments and other content kept) or a new file. A fact the
 * agency typed with a different value is overwritten by the report's and reported (REPORT_FACT_CONFLICT).
 */
export function mergeReportFacts(existing: { file: string; text: string } | null, facts: ReportFact[], meta: NewEvidenceMeta): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let doc: Document;
  if (existing) {
    doc = parseDocument(existing.text);
    if (!isMap(doc.getIn(['facts'], true))) doc.setIn(['facts'], doc.createNode({}));
  } else {
    doc = parseDocument('');
    doc.contents = doc.createNode({ rubric: meta.rubric, agency: meta.agency, period: { year: meta.year, label: `${meta.year}年度` }, facts: {} }) as typeof doc.contents;
    doc.commentBefore = ' 由 zwgk report facts 从政府信息公开工作年度报告生成;请核对后补填其余事实。';
  }
  for (const f of facts) {
    const before = doc.getIn(['facts', f.id], true);
    const typed = isScalar(before) ? before.value : before;
    if (existing && typed !== undefined && typed !== null && typed !== f.value) {
      diagnostics.push(makeDiagnostic('REPORT_FACT_CONFLICT', { severity: 'warning', file: existing.file, name: f.id, actual: typed, expected: f.value }));
    }
    const node = doc.createNode(f.value);
    node.comment = ` ${f.source}`;
    doc.setIn(['facts', f.id], node);
  }
  return { text: doc.toString({ lineWidth: 0 }), diagnostics };
}
