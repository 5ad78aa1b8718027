// The score report contract as a zod schema, for reports read back from disk (`zwgk render <报告.json>`, the
// service's stored reports): a truncated or edited file must get a Chinese message naming the field, not crash a
// formatter with "Cannot read properties of undefined". Checks what the formatters read; extra fields pass through,
// so a newer minor version still renders. Input: parsed JSON. Output: ScoreReport or SCHEMA_INVALID diagnostics.
import * as z from 'zod';
import { makeDiagnostic, type Diagnostic, type PathSegment, type Result } from '../diagnostics/diagnostic.js';
import type { ScoreReport } from './score-report.js';

const num = z.number();
const str = z.string();
const opt = <T extends z.ZodType>(t: T) => t.optional();

const ConditionSchema = z.looseObject({ fact: str, label: str, operator: str, result: z.boolean(), text: str });
const ReasonSchema = z.looseObject({ kind: str, text: str, points: opt(num), conditions: opt(z.array(ConditionSchema)) });
const NodeSchema = z.looseObject({
  id: str,
  parent: z.string().nullable(),
  depth: z.number().int().min(0),
  kind: z.enum(['score', 'bonus', 'penalty']),
  title: str,
  method: str,
  max: num,
  applicableMax: num,
  score: num,
  status: str,
  lost: num,
  reasons: z.array(ReasonSchema),
  deductions: z.array(z.looseObject({ id: str, reason: str, amount: num, applied: z.boolean() })),
  evidence: z.array(z.looseObject({ title: str })),
  missingFacts: z.array(str),
  children: z.array(str),
});

export const ScoreReportSchema = z.looseObject({
  schemaVersion: z.string().regex(/^1\./, { message: 'REPORT_VERSION' }),
  engine: z.looseObject({ name: str, version: str }),
  rubric: z.looseObject({ id: str, title: str, version: str, hash: str, total: num, precision: z.number().int(), levels: z.array(str) }),
  agency: z.looseObject({ name: str, code: str, shortName: opt(str), class: opt(str) }),
  period: z.looseObject({ year: num, label: opt(str) }),
  evidence: z.looseObject({ hash: str }),
  totals: z.looseObject({ base: num, bonus: num, penalty: num, final: num, max: num, applicableMax: num, normalized: num, grade: str, claimed: num.nullable() }),
  veto: z.looseObject({ id: str, title: str, reason: str }).nullable(),
  nodes: z.array(NodeSchema).min(1),
  overClaims: z.array(z.looseObject({ id: str, title: str, claimed: num, score: num, difference: num })),
  missingEvidence: z.array(z.looseObject({ id: str, title: str, facts: z.array(str) })),
  checks: z.array(z.looseObject({ id: str, outcome: str, text: str })).default([]),
  pending: z.array(z.looseObject({ id: str, title: str, why: str })).default([]),
  diagnostics: z.array(z.looseObject({ code: str, message: str })).default([]),
});

function where(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

/**
 * Validate parsed JSON as a score report, and check that node references hold (each parent and child exists).
 * @returns the report, or SCHEMA_INVALID diagnostics naming `file` and the field path (at most 10).
 */
export function parseScoreReport(file: string, data: unknown): Result<ScoreReport> {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !('schemaVersion' in data) || !('nodes' in data)) {
    const reason = '不是 zwgk 得分报告(需要 zwgk score --format json 的输出,报告格式 1.x)';
    return { ok: false, diagnostics: [makeDiagnostic('SCHEMA_INVALID', { file, reason })] };
  }
  const r = ScoreReportSchema.safeParse(data);
  if (!r.success) {
    const diagnostics: Diagnostic[] = r.error.issues.slice(0, 10).map((i) => {
      const path = where(i.path);
      const reason =
        i.message === 'REPORT_VERSION'
          ? '报告格式版本应为 1.x(zwgk score --format json 的输出)'
          : i.code === 'invalid_type' && i.input === undefined
            ? `缺少字段 "${path.length > 0 ? String(path[path.length - 1]) : '报告'}"(报告不完整,可能被截断或改动)`
            : `字段类型不符(报告不完整,可能被截断或改动)`;
      return makeDiagnostic('SCHEMA_INVALID', { file, path, reason });
    });
    return { ok: false, diagnostics };
  }
  const report = r.data as unknown as ScoreReport;
  const ids = new Set(report.nodes.map((n) => n.id));
  const broken = report.nodes.findIndex((n) => (n.parent !== null && !ids.has(n.parent)) || n.children.some((c) => !ids.has(c)));
  if (broken >= 0)
    return {
      ok: false,
      diagnostics: [makeDiagnostic('SCHEMA_INVALID', { file, path: ['nodes', broken], reason: '节点的上级或下级编号在报告中不存在(报告不完整,可能被截断或改动)' })],
    };
  return { ok: true, value: report, diagnostics: [] };
}
