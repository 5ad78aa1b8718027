// The frame every page shares: title, the signed-in user, the navigation of their role, the CSRF token for the
// forms, a one-line flash message and breadcrumbs. Plain data for templates/web/partials/layout.hbs.
import type { Actor } from '../../service/domain/actor.js';
import { ROLE_LABELS } from '../../service/domain/actor.js';

export interface Flash {
  kind: 'ok' | 'error' | 'info';
  text: string;
}

export interface NavLink {
  href: string;
  label: string;
  current: boolean;
}

export interface PageChrome {
  title: string;
  pageClass: string;
  user: { name: string; roleText: string } | null;
  nav: NavLink[];
  csrf: string;
  flash: Flash | null;
  crumbs: Array<{ href: string; label: string }>;
}

/** Links of a role's navigation for one assessment (or the list of assessments when none is chosen). */
export function navFor(actor: Actor, assessmentId: number | null): Array<{ href: string; label: string }> {
  if (assessmentId === null) return actor.role === 'admin' ? [{ href: '/assessments', label: '考核列表' }] : [{ href: '/', label: '首页' }];
  const a = `/a/${assessmentId}`;
  switch (actor.role) {
    case 'agency':
      return [
        { href: `${a}/agencies/${encodeURIComponent(actor.agencyCode ?? '')}/evidence`, label: '我的自查填报' },
        { href: `${a}/agencies/${encodeURIComponent(actor.agencyCode ?? '')}/annual-report`, label: '年度报告' },
        { href: `${a}/agencies/${encodeURIComponent(actor.agencyCode ?? '')}/appeals`, label: '申诉' },
        { href: `${a}/agencies/${encodeURIComponent(actor.agencyCode ?? '')}/log`, label: '操作记录' },
        { href: `${a}/results`, label: '考核结果' },
      ];
    case 'leader':
      return [{ href: `${a}/results`, label: '考核结果' }];
    case 'reviewer':
      return [
        { href: `${a}/board`, label: '填报进度' },
        { href: `${a}/annual-reports`, label: '年报核验' },
        { href: `${a}/appeals`, label: '申诉处理' },
        { href: `${a}/results`, label: '考核结果' },
        { href: `${a}/audit`, label: '操作日志' },
      ];
    case 'admin':
      return [
        { href: '/assessments', label: '考核列表' },
        { href: `${a}/setup`, label: '考核设置' },
        { href: `${a}/board`, label: '填报进度' },
        { href: `${a}/annual-reports`, label: '年报核验' },
        { href: `${a}/appeals`, label: '申诉处理' },
        { href: `${a}/results`, label: '考核结果' },
        { href: `${a}/audit`, label: '操作日志' },
      ];
  }
}

/**
 * Build the frame of a page.
 * @param path the request path, to mark the current navigation link
 */
export function buildChrome(opts: {
  title: string;
  pageClass: string;
  actor: Actor | null;
  csrf: string;
  path: string;
  assessmentId?: number | null;
  flash?: Flash | null;
  crumbs?: Array<{ href: string; label: string }>;
}): PageChrome {
  const { actor } = opts;
  const nav = actor ? navFor(actor, opts.assessmentId ?? null).map((l) => ({ ...l, current: opts.path === l.href || opts.path.startsWith(`${l.href}/`) })) : [];
  return {
    title: opts.title,
    pageClass: opts.pageClass,
    user: actor ? { name: actor.displayName, roleText: ROLE_LABELS[actor.role] } : null,
    nav,
    csrf: opts.csrf,
    flash: opts.flash ?? null,
    crumbs: opts.crumbs ?? [],
  };
}

/**
 * What a redirect after a successful POST says, by code (?done=<code>). Only these fixed texts are ever shown: a
 * link cannot put words of its own on the page.
 */
export const DONE_TEXT = {
  saved: '草稿已保存并重新评分。',
  submitted: '已提交。提交的版本已锁定，政务公开办复核后会在本页给出意见。',
  uploaded: '附件已上传。',
  password: '密码已修改。',
  activated: '账号已激活，请用新密码登录。',
  created: '考核已创建。',
  rubric: '评分细则已上传并通过校验。',
  register: '单位名单已导入。',
  windows: '时间窗口已保存。',
  accounts: '账号已创建，请把激活链接发给对应人员（每个链接只能使用一次）。',
  opened: '考核已开放填报。',
  ruled: '复核意见已保存，分数已重新计算。',
  returned: '已退回该单位修改。',
  accepted: '已确认复核结果。',
  published: '结果已公示。',
  appealed: '申诉已提交。',
  resolved: '申诉已处理。',
  reportChecked: '年度报告已上传并核验，结果见下表。',
} as const;
export type DoneCode = keyof typeof DONE_TEXT;

export function flashFromQuery(q: unknown): Flash | null {
  const o = (q && typeof q === 'object' ? q : {}) as Record<string, unknown>;
  const code = typeof o.done === 'string' && Object.hasOwn(DONE_TEXT, o.done) ? (o.done as DoneCode) : null;
  return code ? { kind: 'ok', text: DONE_TEXT[code] } : null;
}

/** A redirect target saying what was done. */
export function withDone(path: string, code: DoneCode): string {
  return `${path}${path.includes('?') ? '&' : '?'}done=${code}`;
}
