// 申诉: the agency's page (appeal an item of its published provisional result with a reason and an attachment; its
// appeals and their rulings) and the office's queue (every appeal; resolve each with a reason — upheld changes the
// ruling through the review document, rejected keeps it). Pure: appeal views in, page view out.
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import { formatNumber } from '../../render/numbers.js';
import { judgementBounds, judgementKeys } from '../../review/judgement-bounds.js';
import type { Actor } from '../../service/domain/actor.js';
import type { AppealView } from '../../service/domain/appeals.js';
import type { AssessmentView } from '../../service/domain/assessments.js';
import type { SubmissionView } from '../../service/domain/submissions.js';
import type { AttachmentInput } from '../form/evidence-form-view.js';
import { formRows } from '../form/form-rows.js';
import type { PageChrome } from './chrome.js';
import { agencyBase } from './evidence-page.js';
import { dateTimeText } from './labels.js';

export function buildAppealsPage(input: {
  chrome: PageChrome;
  actor: Actor;
  assessment: AssessmentView;
  compiled: CompiledRubric;
  appeals: AppealView[];
  attachments: AttachmentInput[];
  /** The agency's own submission (agency page); absent on the office queue. */
  own?: { code: string; submission: SubmissionView };
  names?: Map<string, string>;
  error?: string;
}) {
  const { compiled, assessment: a, actor } = input;
  const p = compiled.rubric.precision;
  const office = actor.role === 'admin' || actor.role === 'reviewer';
  const report = input.own ? (input.own.submission.published?.report ?? null) : null;
  const { rowOf } = formRows(compiled);
  const canFile = actor.role === 'agency' && input.own !== undefined && (input.own.submission.state === 'provisional' || input.own.submission.state === 'appealed') && a.status === 'provisional';
  const items = report ? report.nodes.filter((n) => rowOf.get(n.id) === n.id || n.children.length === 0) : [];
  const attachmentsById = new Map(input.attachments.map((x) => [String(x.id), x]));
  const keys = judgementKeys(compiled);
  return {
    ...input.chrome,
    heading: input.own ? `申诉 · ${input.own.submission.agency.name}` : `${a.title} · 申诉处理`,
    listHeading: input.own ? '本单位的申诉' : '申诉队列（待处理的排在前面）',
    error: input.error ?? '',
    fileForm: canFile
      ? {
          action: `${agencyBase(a.id, input.own!.code)}/appeals?_csrf=${encodeURIComponent(input.chrome.csrf)}`,
          note: `对已公示的初步结果有异议的，请在申诉截止时间（${dateTimeText(a.appealDeadline) || '政务公开办规定的期限'}）前逐项提出；政务公开办处理后结果在本页显示。`,
          items: items.map((n) => ({ id: n.id, title: n.title, scoreText: formatNumber(n.score, p), maxText: formatNumber(n.max, p) })),
        }
      : null,
    appeals: [...input.appeals]
      .sort((x, y) => Number(x.ruling !== null) - Number(y.ruling !== null) || x.id - y.id)
      .map((ap) => {
        const node = compiled.model.byId.get(ap.nodeId);
        const jKey = keys.find((k) => k === ap.nodeId || k.startsWith(`${ap.nodeId}#`));
        const b = jKey ? judgementBounds(compiled, jKey) : null;
        return {
          id: ap.id,
          nodeId: ap.nodeId,
          agency: input.names?.get(ap.agencyCode) ?? ap.agencyCode,
          nodeText: `${ap.nodeId} ${node?.node.title ?? ''}`,
          reason: ap.reason,
          attachments: ap.attachmentIds.map((id) => attachmentsById.get(String(id))).filter((x): x is AttachmentInput => x !== undefined).map((x) => ({ name: x.name, href: x.href })),
          createdText: dateTimeText(ap.createdAt),
          open: ap.ruling === null,
          ruling: ap.ruling ? { outcomeText: ap.ruling.outcome === 'upheld' ? '支持申诉' : '驳回', reason: ap.ruling.reason, by: ap.ruling.by, at: dateTimeText(ap.ruling.at) } : null,
          resolve:
            office && ap.ruling === null
              ? {
                  action: `/a/${a.id}/appeals/${ap.id}/resolve`,
                  judgement: b ? { key: jKey!, min: b.min, max: b.max } : null,
                  maxText: node ? formatNumber(node.max.toNumber(), p) : '',
                }
              : null,
        };
      }),
  };
}
