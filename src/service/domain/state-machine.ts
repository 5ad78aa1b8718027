// The yearly process as a table: which action moves a submission from which state to which, who may take it, and
// in which assessment status. Pure data + one lookup; tests walk every (action, state, role) combination.
//
//   draft ─save→ draft ─submit→ submitted ─return→ returned ─save/submit→ submitted ─accept→ accepted
//   accepted ─publish provisional→ provisional ─appeal→ appealed ─resolve (last appeal)→ provisional
//   provisional ─publish final→ final
import type { AssessmentStatus, Role, SubmissionState } from '../db/schema.js';

export type SubmissionAction = 'save' | 'submit' | 'review' | 'return' | 'accept' | 'publishProvisional' | 'appeal' | 'resolve' | 'publishFinal';

export interface Transition {
  from: readonly SubmissionState[];
  /** Target state; 'same' keeps the state (a save). */
  to: SubmissionState | 'same';
  roles: readonly Role[];
  /** The assessment status the action needs. */
  assessment: AssessmentStatus;
  /** Which deadline bounds it (checked by the caller against the clock). */
  window?: 'submit' | 'review' | 'appeal';
}

export const TRANSITIONS: Record<SubmissionAction, Transition> = {
  save: { from: ['draft', 'returned'], to: 'same', roles: ['agency', 'admin'], assessment: 'open', window: 'submit' },
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['agency', 'admin'], assessment: 'open', window: 'submit' },
  review: { from: ['submitted', 'accepted', 'appealed'], to: 'same', roles: ['admin', 'reviewer'], assessment: 'open', window: 'review' },
  return: { from: ['submitted', 'accepted'], to: 'returned', roles: ['admin', 'reviewer'], assessment: 'open', window: 'review' },
  accept: { from: ['submitted'], to: 'accepted', roles: ['admin', 'reviewer'], assessment: 'open', window: 'review' },
  publishProvisional: { from: ['accepted'], to: 'provisional', roles: ['admin'], assessment: 'open' },
  appeal: { from: ['provisional', 'appealed'], to: 'appealed', roles: ['agency'], assessment: 'provisional', window: 'appeal' },
  resolve: { from: ['appealed'], to: 'provisional', roles: ['admin', 'reviewer'], assessment: 'provisional' },
  publishFinal: { from: ['provisional'], to: 'final', roles: ['admin'], assessment: 'provisional' },
};

/** A returned submission may be corrected after the submission deadline, until the review deadline. */
export const RETURNED_USES_REVIEW_WINDOW = true;

export const STATE_LABELS: Record<SubmissionState, string> = {
  draft: '填报中',
  submitted: '已提交',
  returned: '已退回',
  accepted: '已复核',
  provisional: '已公示',
  appealed: '申诉中',
  final: '已终审',
};

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  setup: '筹备中',
  open: '填报与复核中',
  provisional: '结果公示(申诉期)',
  final: '最终结果已发布',
};

export const ACTION_LABELS: Record<SubmissionAction, string> = {
  save: '保存材料',
  submit: '提交材料',
  review: '保存复核意见',
  return: '退回修改',
  accept: '复核通过',
  publishProvisional: '公示初步结果',
  appeal: '提出申诉',
  resolve: '处理申诉',
  publishFinal: '发布最终结果',
};

/** Why `action` is not allowed from `state` (Chinese), or null when it is. Roles and windows are checked elsewhere. */
export function refuseTransition(action: SubmissionAction, state: SubmissionState): string | null {
  const t = TRANSITIONS[action];
  if (t.from.includes(state)) return null;
  return `当前状态为「${STATE_LABELS[state]}」,不能${ACTION_LABELS[action]}`;
}
