// Chinese labels shared by every formatter and renderer.
import type { NodeStatus } from '../report/score-report.js';

export const STATUS_TEXT: Record<NodeStatus, string> = {
  met: '达标',
  partial: '部分得分',
  unmet: '未得分',
  deducted: '扣分',
  vetoed: '否决',
  not_applicable: '不适用',
  manual: '人工评审',
  missing_evidence: '缺少佐证',
  error: '出错',
};

/** Display width in a monospace terminal: CJK and full-width characters count two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function padDisplay(s: string, width: number, right = false): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? pad + s : s + pad;
}

/** Truncate to a display width, adding … */
export function truncateDisplay(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/** Signed difference for display: +2, -0.5, 0. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
