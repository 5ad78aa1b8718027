// 操作日志: the assessment's append-only audit trail with filters, and its CSV export (UTF-8 with BOM, CRLF, formula
// injection guarded like the sheet's CSV). Pure: audit entries in, page view or CSV text out.
import { stripControlChars } from '../../diagnostics/control-chars.js';
import type { AuditEntry } from '../../service/domain/audit.js';
import type { PageChrome } from './chrome.js';
import { dateTimeText } from './labels.js';

/** Chinese names of the audit actions the service records; unknown ones are shown as recorded. */
export const ACTION_TEXT: Record<string, string> = {
  'account.bootstrap': '创建初始管理员',
  'account.create': '创建账号',
  'account.reset': '重置激活链接',
  'account.activate': '激活账号',
  'account.password': '修改密码',
  'assessment.create': '创建考核',
  'rubric.upload': '上传细则',
  'assessment.windows': '设置时间窗口',
  'assessment.open': '开放填报',
  'agency.add': '名单新增单位',
  'agency.update': '名单更新单位',
  'evidence.save': '保存草稿',
  'evidence.seed': '示例材料',
  'evidence.imported': '导入材料',
  'evidence.submit': '提交材料',
  'attachment.upload': '上传附件',
  'review.save': '保存复核意见',
  'submission.return': '退回修改',
  'submission.accept': '复核通过',
  'report.provisional': '公示本单位初步结果',
  'report.final': '发布本单位最终结果',
  'assessment.publish.provisional': '公示初步结果',
  'assessment.publish.final': '发布最终结果',
  'appeal.file': '提出申诉',
  'appeal.upheld': '支持申诉',
  'appeal.rejected': '驳回申诉',
};

export interface AuditFilterView {
  agency: string;
  action: string;
}

export function readAuditFilter(q: unknown): AuditFilterView {
  const o = (q && typeof q === 'object' ? q : {}) as Record<string, unknown>;
  const s = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 100).trim() : '');
  return { agency: s(o.agency), action: s(o.action) };
}

function changeText(e: AuditEntry): string {
  const j = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));
  const before = j(e.before);
  const after = j(e.after);
  const text = before && after ? `${before} → ${after}` : before || after;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export function buildAuditPage(chrome: PageChrome, heading: string, entries: AuditEntry[], filter: AuditFilterView, urls: { self: string; csv: string }, showAgencyFilter: boolean) {
  const actions = [...new Set([...Object.keys(ACTION_TEXT), ...entries.map((e) => e.action)])];
  return {
    ...chrome,
    heading,
    filter,
    showAgencyFilter,
    actionOptions: actions.map((a) => ({ value: a, label: ACTION_TEXT[a] ?? a, selected: a === filter.action })),
    rows: entries
      .slice()
      .reverse()
      .map((e) => ({ atText: dateTimeText(e.at), actor: e.actor, agencyCode: e.agencyCode ?? '', actionText: ACTION_TEXT[e.action] ?? e.action, entity: e.entity, change: changeText(e), reason: e.reason ?? '' })),
    urls,
  };
}

function csvCell(v: string): string {
  const guarded = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The audit log as CSV for Excel: BOM, CRLF, every field quoted where needed, formulas defused. */
export function formatAuditCsv(entries: AuditEntry[]): string {
  const head = ['序号', '时间（北京时间）', '操作人', '单位代码', '操作', '对象', '变更前', '变更后', '理由'];
  const lines = [head, ...entries.map((e) => [String(e.id), dateTimeText(e.at), e.actor, e.agencyCode ?? '', ACTION_TEXT[e.action] ?? e.action, e.entity, e.before == null ? '' : JSON.stringify(e.before), e.after == null ? '' : JSON.stringify(e.after), e.reason ?? ''])];
  return stripControlChars('\ufeff' + lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n'); // CRLF kept
}
