// `--format json`: the report contract itself, nothing added or removed.
import type { ScoreReport } from '../report/score-report.js';

export function formatJson(report: ScoreReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
